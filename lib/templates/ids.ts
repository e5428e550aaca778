/**
 * The reply templates guidance can suggest, by id. The ids are fixed: findings name them, the
 * sidebar marks each suggestion with `data-template-id`, and sellers' own automation may use them.
 * Each traces to a case of docs/domain.md or to Amazon's seller help (see `TEMPLATE_SOURCES`).
 */
export const TEMPLATE_IDS = [
  'cancel-how-to-request',
  'cancel-confirmed',
  'cancel-shipped-refuse-delivery',
  'cancel-request-not-received',
  'fba-contact-amazon',
  'tracking-info',
  'complaint-acknowledge',
  'replacement-offer',
  'refund-offer',
  'address-change-refused',
  'address-change-escalation',
  'bounce-enclosed-letter',
  'seller-support-contact-buyer',
  'listing-removed-apology',
  'listing-removed-plan-of-action',
  'invoice-reply',
  'product-question-ack',
  'fee-category-check',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const TEMPLATE_SOURCES: Readonly<Record<TemplateId, string>> = {
  'cancel-how-to-request': 'docs/domain.md case 1 (seed 003): ask the buyer to request cancellation from Your Orders',
  'cancel-confirmed': 'docs/domain.md case 1 (seed 003): an official request, cancelled with the reason "buyer cancelled"',
  'cancel-shipped-refuse-delivery': 'Amazon seller help (cancellation requests): shipped orders cannot be cancelled; refuse delivery or return, then refund',
  'cancel-request-not-received': 'docs/domain.md case 2 (seed 000): the request never reached the seller',
  'fba-contact-amazon': 'docs/domain.md case 4 (seed 002): FBA orders are handled by Amazon customer service',
  'tracking-info': "Amazon seller help: reply within 24 hours; seller-fulfilled orders carry the seller's tracking",
  'complaint-acknowledge': 'docs/domain.md case 4 (seed 002): reply immediately to a complaint',
  'replacement-offer': 'docs/domain.md case 4 (seed 002): replacement offer',
  'refund-offer': 'docs/domain.md case 4 (seed 002): full refund offer',
  'address-change-refused': 'docs/domain.md case 5 (seed 003): response 1, the address cannot be changed',
  'address-change-escalation': 'docs/domain.md case 5 (seed 003): response 2, the request is reported to Amazon',
  'bounce-enclosed-letter': 'docs/domain.md case 3 (seed 001): a letter enclosed with the shipment',
  'seller-support-contact-buyer': 'docs/domain.md case 3 (seed 001): Seller Support asks the buyer to get in touch',
  'listing-removed-apology': 'docs/domain.md case 6 (seed 004): apology to Amazon, pattern 1',
  'listing-removed-plan-of-action': 'docs/domain.md case 6 (seed 004): cause and prevention, pattern 2',
  'invoice-reply': 'Amazon seller help (VAT invoicing): buyers may ask for an invoice',
  'product-question-ack': 'Amazon seller help: reply to buyer messages within 24 hours',
  'fee-category-check': "docs/domain.md case 2 (seed 000): a product's category changed, its referral fee rose; Seller Support corrects it when asked",
};
