/**
 * The words of the order pages (Manage Orders and Order details, docs/seller-central-pages.md §2–§3)
 * that the readers match where no data-test-id is known: status and fulfilment words, the page's
 * control labels, a list row's labels, the page-level banner about cancellation requests and the
 * empty list's text. Amazon's own words for a buyer's cancellation request are in ../cancel-wording.ts.
 * Each entry's languages, evidence and examples: orders.evidence.ts.
 */
import type { OrderStatus, PageControl } from '../snapshot';

/** Status words as Seller Central shows them, tried in order: the first that matches names the status. */
export const ORDER_STATUS_WORDING = {
  'partially-shipped': /partially shipped|一部出荷/i,
  unshipped: /unshipped|未出荷|not yet shipped/i,
  shipped: /shipped|出荷済み|発送済み|delivered|配達済み/i,
  canceled: /cancell?ed|キャンセル済み|キャンセル/i,
  pending: /pending|保留中|支払い待ち/i,
} as const satisfies Partial<Record<OrderStatus, RegExp>>;

/** The fulfilment channel's text, tried in order: the seller's words first ("Seller" is merchant-fulfilled), then Amazon (FBA). */
export const FULFILMENT_WORDING = {
  MFN: /\b(seller|merchant)\b|出品者|verkäufer|vendeur|venditore|vendedor/i,
  FBA: /amazon/i,
} as const;

/** The order page's controls, found by their whole label (no data-test-id is known for them). */
export const PAGE_CONTROL_WORDING = {
  'cancel-order': /^(cancel order|cancel this order|注文をキャンセル|注文キャンセル|注文のキャンセル)$/i,
  'confirm-shipment': /^(confirm shipment|出荷通知を送信|出荷を確認)$/i,
  'buy-shipping': /^(buy shipping|配送ラベルを購入)$/i,
  'refund-order': /^(refund order|注文を返金)$/i,
} as const satisfies Partial<Record<PageControl['kind'], RegExp>>;

/** The labels of a Manage Orders row's lines ("Ship by date: …"), read by ../read-common.ts labelledLine. */
export const ORDER_ROW_LABELS = {
  shipBy: ['Ship by date', 'Ship by', '出荷予定日', '発送予定日'],
  deliverBy: ['Deliver by date', 'Deliver by', 'お届け予定日', '配達予定日'],
  fulfilment: ['Fulfillment method', 'Fulfilment method', 'Fulfillment', 'フルフィルメント'],
  quantity: ['Quantity', 'Qty', '数量'],
} as const;

/** An alert outside the list's rows about cancellation requests (it names no order: it flags none). */
export const CANCEL_BANNER = /cancell?ation requests?|キャンセルリクエスト|キャンセル依頼|annulation|stornierung|cancelación|cancellazione/i;

/** The empty list's text ("no orders", with no table). */
export const NO_ORDERS = /No orders were found|注文が見つかりません/;
