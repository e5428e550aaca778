/**
 * The words of the order pages (Manage Orders and Order details, docs/seller-central-pages.md §2–§3)
 * that the readers match where no data-test-id is known: status and fulfilment words, the page's
 * control labels, a list row's labels, the page-level banner about cancellation requests and the
 * empty list's text. Amazon's own words for a buyer's cancellation request are in ../cancel-wording.ts.
 */
import type { OrderStatus, PageControl } from '../snapshot';
import { labelLinePattern, type Wording, type WordList } from './entry';

/** Status words as Seller Central shows them, tried in order: the first that matches names the status. */
export const ORDER_STATUS_WORDING: readonly (Wording & { readonly status: OrderStatus })[] = [
  {
    status: 'partially-shipped',
    languages: ['en', 'ja'],
    pattern: /partially shipped|一部出荷/i,
    evidence: 'no source recorded (the English and Japanese status words of the list and the order page)',
    matches: { en: ['Partially shipped'], ja: ['一部出荷済み'] },
  },
  {
    status: 'unshipped',
    languages: ['en', 'ja'],
    pattern: /unshipped|未出荷|not yet shipped/i,
    evidence: 'no source recorded (demo pages: "Unshipped", 未出荷)',
    matches: { en: ['Unshipped', 'Not yet shipped'], ja: ['未出荷'] },
    rejects: ['Shipped'],
  },
  {
    status: 'shipped',
    languages: ['en', 'ja'],
    pattern: /shipped|出荷済み|発送済み|delivered|配達済み/i,
    evidence: 'ja 出荷済み: A, the JP order page capture (§3, jp-2021_order-detail_item-table.html); the others: no source recorded',
    matches: { en: ['Shipped', 'Delivered'], ja: ['出荷済み', '発送済み', '配達済み'] },
    rejects: ['Pending'],
  },
  {
    status: 'canceled',
    languages: ['en', 'ja'],
    pattern: /cancell?ed|キャンセル済み|キャンセル/i,
    evidence: 'no source recorded',
    matches: { en: ['Canceled', 'Cancelled'], ja: ['キャンセル済み'] },
    rejects: ['Cancel order'],
  },
  {
    status: 'pending',
    languages: ['en', 'ja'],
    pattern: /pending|保留中|支払い待ち/i,
    evidence: 'no source recorded',
    matches: { en: ['Pending'], ja: ['保留中', '支払い待ち'] },
  },
];

/** The fulfilment channel's text, tried in order: the seller's words first ("Seller" is merchant-fulfilled), then Amazon (FBA). */
export const FULFILMENT_WORDING: readonly (Wording & { readonly channel: 'MFN' | 'FBA' })[] = [
  {
    channel: 'MFN',
    languages: ['en', 'ja', 'de', 'fr', 'it', 'es'],
    pattern: /\b(seller|merchant)\b|出品者|verkäufer|vendeur|venditore|vendedor/i,
    evidence: 'en "Seller": B, order-summary-fulfillment-channel-value shows "Seller" / "Amazon" (§3); ja 出品者: ASSUMED (demo/pages/ja/order-list.html); the others: no source recorded',
    matches: { en: ['Seller', 'Merchant'], ja: ['出品者'], de: ['Verkäufer'], fr: ['Vendeur'], it: ['Venditore'], es: ['Vendedor'] },
    rejects: ['Amazon', 'Sellers'],
  },
  {
    channel: 'FBA',
    languages: ['en', 'ja', 'de', 'fr', 'it', 'es'],
    pattern: /amazon/i,
    evidence: 'B: order-summary-fulfillment-channel-value shows "Amazon" (§3); the same word in every language',
    matches: { en: ['Amazon'], ja: ['Amazon'], de: ['Amazon'], fr: ['Amazon'], it: ['Amazon'], es: ['Amazon'] },
  },
];

/** The order page's controls, found by their whole label (no data-test-id is known for them). */
export const PAGE_CONTROL_WORDING: readonly (Wording & { readonly kind: PageControl['kind'] })[] = [
  {
    kind: 'cancel-order',
    languages: ['en', 'ja'],
    pattern: /^(cancel order|cancel this order|注文をキャンセル|注文キャンセル|注文のキャンセル)$/i,
    evidence:
      'en "Cancel order", ja 注文キャンセル: A, the cancel flow of the help pages (§2); ja 注文をキャンセル: ASSUMED (demo/pages/ja/order-details-address.html); the others: no source recorded',
    matches: { en: ['Cancel order', 'Cancel this order'], ja: ['注文キャンセル', '注文をキャンセル', '注文のキャンセル'] },
    rejects: ['Cancel order request', 'Buyer Requested Cancel'],
  },
  {
    kind: 'confirm-shipment',
    languages: ['en', 'ja'],
    pattern: /^(confirm shipment|出荷通知を送信|出荷を確認)$/i,
    evidence: 'en: B, the list\'s action buttons and input[value="Confirm shipment"] (§2, §3); ja 出荷通知を送信: ASSUMED (demo/pages/ja/order-details-address.html); 出荷を確認: no source recorded',
    matches: { en: ['Confirm shipment'], ja: ['出荷通知を送信', '出荷を確認'] },
    rejects: ['Confirm shipment later'],
  },
  {
    kind: 'buy-shipping',
    languages: ['en', 'ja'],
    pattern: /^(buy shipping|配送ラベルを購入)$/i,
    evidence: 'en: B, the list\'s action buttons (§2: //*[@value="Buy shipping"]); ja: no source recorded',
    matches: { en: ['Buy shipping'], ja: ['配送ラベルを購入'] },
  },
  {
    kind: 'refund-order',
    languages: ['en', 'ja'],
    pattern: /^(refund order|注文を返金)$/i,
    evidence: 'no source recorded (demo pages: "Refund order", 注文を返金)',
    matches: { en: ['Refund order'], ja: ['注文を返金'] },
  },
];

const labels = (words: readonly string[]) => ({ words, pattern: labelLinePattern(words) });

/** The labels of a Manage Orders row's lines ("Ship by date: …"), read by ../read-common.ts labelledLine. */
export const ORDER_ROW_LABELS: Readonly<Record<'shipBy' | 'deliverBy' | 'fulfilment' | 'quantity', WordList>> = {
  shipBy: {
    ...labels(['Ship by date', 'Ship by', '出荷予定日', '発送予定日']),
    languages: ['en', 'ja'],
    evidence:
      'en "Ship by date": C, labels seen in row text (§2, idx:66703854200); ja: ASSUMED, no source shows the JP list labels (§2; demo/pages/ja/order-list.html); "Ship by", 発送予定日: no source recorded',
    matches: { en: ['Ship by date: Nov 21, 2026', 'Ship by: 11/21/2026'], ja: ['出荷予定日: 2026/11/21', '発送予定日：2026年11月21日'] },
    rejects: ['Ship by date Nov 21, 2026', 'Deliver by date: Nov 25, 2026'],
  },
  deliverBy: {
    ...labels(['Deliver by date', 'Deliver by', 'お届け予定日', '配達予定日']),
    languages: ['en', 'ja'],
    evidence:
      'en "Deliver by date": C, labels seen in row text (§2, idx:66703854200); ja: ASSUMED, no source shows the JP list labels (§2; demo/pages/ja/order-list.html); "Deliver by", 配達予定日: no source recorded',
    matches: { en: ['Deliver by date: Nov 25, 2026 to Nov 28, 2026'], ja: ['お届け予定日: 2026/11/25', '配達予定日：2026年11月25日'] },
  },
  fulfilment: {
    ...labels(['Fulfillment method', 'Fulfilment method', 'Fulfillment', 'フルフィルメント']),
    languages: ['en', 'ja'],
    evidence: 'en "Fulfilment method" (UK/IN spelling): C, labels seen in row text (§2, idx:66703854200); ja: ASSUMED (demo/pages/ja/order-list.html); the others: no source recorded',
    matches: { en: ['Fulfillment method: Seller', 'Fulfilment method: Seller', 'Fulfillment: Amazon'], ja: ['フルフィルメント: 出品者'] },
  },
  quantity: {
    ...labels(['Quantity', 'Qty', '数量']),
    languages: ['en', 'ja'],
    evidence: 'en "Quantity": C, labels seen in row text (§2, idx:66703854200); ja 数量: A as the JP items table\'s heading (§3), as a list row label ASSUMED; "Qty": no source recorded',
    matches: { en: ['Quantity: 2', 'Qty: 1'], ja: ['数量: 1'] },
  },
};

/** An alert outside the list's rows about cancellation requests (it names no order: it flags none). */
export const CANCEL_BANNER: Wording = {
  languages: ['en', 'ja', 'de', 'fr', 'it', 'es'],
  pattern: /cancell?ation requests?|キャンセルリクエスト|キャンセル依頼|annulation|stornierung|cancelación|cancellazione/i,
  evidence:
    'en: A, "Cancellation requests will appear in a banner on the Manage orders page" (forum 519119, §2); ja キャンセルリクエスト: A (forum 102696, §2); キャンセル依頼: A as the buyer-side button (docs/amazon-subjects.md); the other languages: no source recorded for a banner (§2a)',
  matches: {
    en: ['You have 2 buyer cancellation requests', 'Cancelation request'],
    ja: ['キャンセルリクエストがあります', 'キャンセル依頼'],
    de: ['Stornierung beantragt'],
    fr: ["Demande d'annulation"],
    it: ['Richiesta di cancellazione'],
    es: ['Solicitud de cancelación'],
  },
  rejects: ['Cancel order', 'Your shipment was confirmed'],
};

/** The empty list's text ("no orders", with no table). */
export const NO_ORDERS: Wording = {
  languages: ['en', 'ja'],
  pattern: /No orders were found|注文が見つかりません/,
  evidence: 'en: C, "No orders were found that match the given search criteria." (§2, sync_order.js); ja: no source recorded',
  matches: { en: ['No orders were found that match the given search criteria.'], ja: ['注文が見つかりませんでした'] },
  rejects: ['no orders were found'],
};
