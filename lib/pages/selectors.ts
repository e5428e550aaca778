/**
 * Every selector the page readers use, in one place, as data. Each names its evidence
 * (docs/seller-central-pages.md, confidence A–D) and how many elements it must match in each
 * fixture (`fixtures`: demo page id, or `real:<file>` for a capture in test/fixtures/real-pages);
 * test/selectors.test.ts checks those counts, so a fixture and a selector cannot drift apart silently.
 * Selectors are tried in order; `deep` ones also look inside open shadow roots and same-origin frames.
 */

export interface SelectorSpec {
  readonly css: readonly string[];
  readonly deep?: boolean;
  readonly evidence: string;
  readonly fixtures: Readonly<Record<string, number>>;
}

export const SELECTORS = {
  marketplaceSwitcher: {
    css: ['#partner-switcher[data-marketplace_selection]'],
    evidence: 'A: JP header capture (§1)',
    fixtures: { 'order-details-en': 1, 'order-details-ja': 1, 'order-list-ja': 1, 'real:jp-2021_sc-header-nav': 1 },
  },

  // Order details (§3)
  orderDetailsLabel: {
    css: ['[data-test-id="order-details-label"]'],
    evidence: 'B: ≥2 scripts wait for it',
    fixtures: { 'order-details-en': 1, 'order-details-ja': 1, 'order-list-en': 0 },
  },
  orderId: {
    css: ['[data-test-id="order-id-value"]'],
    evidence: 'A: JP capture; many scripts',
    fixtures: { 'order-details-en': 1, 'order-details-ja': 1, 'real:jp-2021_order-detail_header-spans': 1, 'order-list-en': 0 },
  },
  purchaseDate: {
    css: ['[data-test-id="order-summary-purchase-date-value"]'],
    evidence: 'A: JP capture',
    fixtures: { 'order-details-en': 1, 'order-details-ja': 1, 'real:jp-2021_order-detail_header-spans': 1 },
  },
  shipBy: {
    css: ['[data-test-id="order-summary-shipby-value"]'],
    evidence: 'B: ≥5 independent scripts',
    fixtures: { 'order-details-en': 1, 'order-details-ja': 1 },
  },
  deliverBy: {
    css: ['[data-test-id="order-summary-deliverby-value"]'],
    evidence: 'B: ≥4 scripts',
    fixtures: { 'order-details-en': 1, 'order-details-ja': 1 },
  },
  fulfilmentChannel: {
    css: ['[data-test-id="order-summary-fulfillment-channel-value"]'],
    evidence: 'B',
    fixtures: { 'order-details-en': 1, 'order-details-ja': 1 },
  },
  buyerAddress: {
    css: ['[data-test-id="shipping-section-buyer-address"]'],
    evidence: 'B: ≥6 scripts',
    fixtures: { 'order-details-en': 1, 'order-details-ja': 1 },
  },
  buyerName: {
    css: ['[data-test-id="shipping-section-contact-buyer-value"]', '[data-test-id="buyer-name-with-link"]'],
    evidence: 'A (buyer-name-with-link, JP capture) / C (contact-buyer-value)',
    fixtures: { 'order-details-en': 1, 'order-details-ja': 1, 'real:jp-2021_order-detail_header-spans': 1, 'order-list-en': 3 },
  },
  trackingId: {
    css: ['[data-test-id="tracking-id-value"]'],
    evidence: 'B',
    fixtures: { 'order-details-en': 0, 'order-details-ja': 1 },
  },
  itemHeadings: {
    css: ['table.a-keyvalue th[data-test-id]'],
    evidence: 'A: JP capture',
    fixtures: { 'order-details-en': 7, 'order-details-ja': 9, 'real:jp-2021_order-detail_item-table': 9 },
  },
  itemStatusCells: {
    css: ['[data-test-id="item-status-cell"]'],
    evidence: 'A: JP capture (one per item row)',
    fixtures: { 'order-details-en': 1, 'order-details-ja': 1, 'real:jp-2021_order-detail_item-table': 1 },
  },
  productName: {
    css: ['.myo-list-orders-product-name-cell a div', '.myo-list-orders-product-name-cell a'],
    evidence: 'B: list scripts + JP detail capture',
    fixtures: { 'order-details-en': 1, 'order-details-ja': 1, 'real:jp-2021_order-detail_item-table': 1, 'order-list-en': 3, 'order-list-ja': 2 },
  },
  confirmShipmentLink: {
    css: ['a[href*="/confirm-shipment"]'],
    evidence: 'B: the route /orders-v3/order/<id>/confirm-shipment',
    fixtures: { 'order-list-en': 3, 'order-list-ja': 2, 'order-details-en': 0 },
  },
  /** Candidates for controls found by their label (no data-test-id is known for them): the last resort. */
  labelledControls: {
    css: ['button', 'a.a-button', 'input[type="submit"]', 'input[type="button"]', 'kat-button', '[role="button"]'],
    evidence: 'C: label text only (help pages name "Cancel order", "Confirm shipment")',
    fixtures: { 'order-details-en': 5, 'order-details-ja': 4 },
  },

  // Order list (§2)
  ordersTable: {
    css: ['#orders-table'],
    evidence: 'B: production extension 2025, other scripts',
    fixtures: { 'order-list-en': 1, 'order-list-ja': 1, 'order-details-en': 0 },
  },
  orderRows: {
    css: ['#orders-table > tbody > tr'],
    evidence: 'B',
    fixtures: { 'order-list-en': 3, 'order-list-ja': 2 },
  },
  rowOrderLink: {
    css: ['td:nth-child(3) .cell-body-title a', 'a[href*="/orders-v3/order/"]'],
    evidence: 'B (relative to a row)',
    fixtures: { 'order-list-en': 3, 'order-list-ja': 2 },
  },
  rowStatus: {
    css: ['.main-status'],
    evidence: 'B',
    fixtures: { 'order-list-en': 3, 'order-list-ja': 2, 'order-details-ja': 1, 'real:jp-2021_order-detail_item-table': 1 },
  },
  totalOrders: {
    css: ['.total-orders-heading > span:first-child'],
    evidence: 'B',
    fixtures: { 'order-list-en': 1, 'order-list-ja': 1 },
  },
  alerts: {
    css: ['kat-alert', '.a-alert', '[role="alert"]'],
    evidence: 'D: the cancellation-request banner DOM is unknown; any alert is text-matched',
    fixtures: { 'order-list-en': 0, 'order-list-ja': 0 },
  },

  // Buyer–seller messaging (§4, §13): only these hooks are evidenced. Everything else about a
  // conversation is read by content (lib/pages/read-messages.ts), never by the demo's class names.
  replyBox: {
    css: ['kat-textarea', 'textarea', '[contenteditable="true"]', '[contenteditable=""]'],
    deep: true,
    evidence: 'B: kat-textarea with its textarea in an open shadow root (contact-buyer automation)',
    // Counted on the saved HTML, where the kat-textarea's shadow root is not built yet.
    fixtures: { 'message-thread-en': 1, 'message-thread-ja': 1, 'order-list-en': 0 },
  },
  caseMessages: {
    css: ['#case-messages'],
    deep: true,
    evidence: "B: a widely used translation extension's site rule for /messaging/inbox* (bodySelector, 2025-11 to 2026-08)",
    fixtures: { 'message-thread-en-three-pane': 1, 'message-thread-en': 0 },
  },

  // Notices (§5–§6): the texts are evidenced, the page markup is not.
  noticeSubject: {
    css: ['article h2', '.notice-subject'],
    evidence: 'ASSUMED: no DOM evidence for Performance Notifications',
    fixtures: { 'notice-en': 1, 'notice-ja': 1 },
  },
  noticeBody: {
    css: ['.notice-body', 'article'],
    evidence: 'ASSUMED',
    fixtures: { 'notice-en': 1, 'notice-ja': 1 },
  },

  // Account health (§5): ids used in 2025 against the server HTML.
  cancellationRateRow: {
    css: ['#shipping-cancellation-rate-row'],
    evidence: 'B',
    fixtures: { 'account-health-en': 1, 'account-health-ja': 1 },
  },
  lateShipmentRateRow: {
    css: ['#shipping-late-shipment-rate-row'],
    evidence: 'B',
    fixtures: { 'account-health-en': 1, 'account-health-ja': 1 },
  },
  validTrackingRateRow: {
    css: ['#shipping-view-tracking-rate-row'],
    evidence: 'B',
    fixtures: { 'account-health-en': 1, 'account-health-ja': 1 },
  },
  orderDefectRateSection: {
    css: ['#customer-satisfaction-content-rows-section'],
    evidence: 'B',
    fixtures: { 'account-health-en': 1, 'account-health-ja': 1 },
  },
} as const satisfies Record<string, SelectorSpec>;

export type SelectorId = keyof typeof SELECTORS;
