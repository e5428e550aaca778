/** The evidence and examples of the order pages' words (orders.ts), by entry id: see evidence.ts. */
import { labelLinePattern } from '../read-common';
import type { EvidenceOf, MatchingOf } from './evidence';
import type * as orders from './orders';

export const ORDERS_EVIDENCE = {
  ORDER_STATUS_WORDING: {
    'partially-shipped': {
      languages: ['en', 'ja'],
      evidence: 'no source recorded (the English and Japanese status words of the list and the order page)',
      matches: { en: ['Partially shipped'], ja: ['一部出荷済み'] },
    },
    unshipped: {
      languages: ['en', 'ja'],
      evidence: 'no source recorded (demo pages: "Unshipped", 未出荷)',
      matches: { en: ['Unshipped', 'Not yet shipped'], ja: ['未出荷'] },
      rejects: ['Shipped'],
    },
    shipped: {
      languages: ['en', 'ja'],
      evidence: 'ja 出荷済み: A, the JP order page capture (§3, jp-2021_order-detail_item-table.html); the others: no source recorded',
      matches: { en: ['Shipped', 'Delivered'], ja: ['出荷済み', '発送済み', '配達済み'] },
      rejects: ['Pending'],
    },
    canceled: {
      languages: ['en', 'ja'],
      evidence: 'no source recorded',
      matches: { en: ['Canceled', 'Cancelled'], ja: ['キャンセル済み'] },
      rejects: ['Cancel order'],
    },
    pending: {
      languages: ['en', 'ja'],
      evidence: 'no source recorded',
      matches: { en: ['Pending'], ja: ['保留中', '支払い待ち'] },
    },
  },

  FULFILMENT_WORDING: {
    MFN: {
      languages: ['en', 'ja', 'de', 'fr', 'it', 'es'],
      evidence: 'en "Seller": B, order-summary-fulfillment-channel-value shows "Seller" / "Amazon" (§3); ja 出品者: ASSUMED (demo/pages/ja/order-list.html); the others: no source recorded',
      matches: { en: ['Seller', 'Merchant'], ja: ['出品者'], de: ['Verkäufer'], fr: ['Vendeur'], it: ['Venditore'], es: ['Vendedor'] },
      rejects: ['Amazon', 'Sellers'],
    },
    FBA: {
      languages: ['en', 'ja', 'de', 'fr', 'it', 'es'],
      evidence: 'B: order-summary-fulfillment-channel-value shows "Amazon" (§3); the same word in every language',
      matches: { en: ['Amazon'], ja: ['Amazon'], de: ['Amazon'], fr: ['Amazon'], it: ['Amazon'], es: ['Amazon'] },
    },
  },

  PAGE_CONTROL_WORDING: {
    'cancel-order': {
      languages: ['en', 'ja'],
      evidence:
        'en "Cancel order", ja 注文キャンセル: A, the cancel flow of the help pages (§2); ja 注文をキャンセル: ASSUMED (demo/pages/ja/order-details-address.html); the others: no source recorded',
      matches: { en: ['Cancel order', 'Cancel this order'], ja: ['注文キャンセル', '注文をキャンセル', '注文のキャンセル'] },
      rejects: ['Cancel order request', 'Buyer Requested Cancel'],
    },
    'confirm-shipment': {
      languages: ['en', 'ja'],
      evidence: 'en: B, the list\'s action buttons and input[value="Confirm shipment"] (§2, §3); ja 出荷通知を送信: ASSUMED (demo/pages/ja/order-details-address.html); 出荷を確認: no source recorded',
      matches: { en: ['Confirm shipment'], ja: ['出荷通知を送信', '出荷を確認'] },
      rejects: ['Confirm shipment later'],
    },
    'buy-shipping': {
      languages: ['en', 'ja'],
      evidence: 'en: B, the list\'s action buttons (§2: //*[@value="Buy shipping"]); ja: no source recorded',
      matches: { en: ['Buy shipping'], ja: ['配送ラベルを購入'] },
    },
    'refund-order': {
      languages: ['en', 'ja'],
      evidence: 'no source recorded (demo pages: "Refund order", 注文を返金)',
      matches: { en: ['Refund order'], ja: ['注文を返金'] },
    },
  },

  ORDER_ROW_LABELS: {
    shipBy: {
      languages: ['en', 'ja'],
      evidence:
        'en "Ship by date": C, labels seen in row text (§2, idx:66703854200); ja: ASSUMED, no source shows the JP list labels (§2; demo/pages/ja/order-list.html); "Ship by", 発送予定日: no source recorded',
      matches: { en: ['Ship by date: Nov 21, 2026', 'Ship by: 11/21/2026'], ja: ['出荷予定日: 2026/11/21', '発送予定日：2026年11月21日'] },
      rejects: ['Ship by date Nov 21, 2026', 'Deliver by date: Nov 25, 2026'],
    },
    deliverBy: {
      languages: ['en', 'ja'],
      evidence:
        'en "Deliver by date": C, labels seen in row text (§2, idx:66703854200); ja: ASSUMED, no source shows the JP list labels (§2; demo/pages/ja/order-list.html); "Deliver by", 配達予定日: no source recorded',
      matches: { en: ['Deliver by date: Nov 25, 2026 to Nov 28, 2026'], ja: ['お届け予定日: 2026/11/25', '配達予定日：2026年11月25日'] },
    },
    fulfilment: {
      languages: ['en', 'ja'],
      evidence: 'en "Fulfilment method" (UK/IN spelling): C, labels seen in row text (§2, idx:66703854200); ja: ASSUMED (demo/pages/ja/order-list.html); the others: no source recorded',
      matches: { en: ['Fulfillment method: Seller', 'Fulfilment method: Seller', 'Fulfillment: Amazon'], ja: ['フルフィルメント: 出品者'] },
    },
    quantity: {
      languages: ['en', 'ja'],
      evidence: 'en "Quantity": C, labels seen in row text (§2, idx:66703854200); ja 数量: A as the JP items table\'s heading (§3), as a list row label ASSUMED; "Qty": no source recorded',
      matches: { en: ['Quantity: 2', 'Qty: 1'], ja: ['数量: 1'] },
    },
  },

  CANCEL_BANNER: {
    languages: ['en', 'ja', 'de', 'fr', 'it', 'es'],
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
  },

  NO_ORDERS: {
    languages: ['en', 'ja'],
    evidence: 'en: C, "No orders were found that match the given search criteria." (§2, sync_order.js); ja: no source recorded',
    matches: { en: ['No orders were found that match the given search criteria.'], ja: ['注文が見つかりませんでした'] },
    rejects: ['no orders were found'],
  },
} satisfies EvidenceOf<typeof orders>;

/** A row's labels are matched as ../read-common.ts labelledLine matches them: at a line's start, with a colon. */
export const ORDERS_MATCHING = {
  ORDER_ROW_LABELS: { pattern: labelLinePattern },
} satisfies MatchingOf<typeof orders>;
