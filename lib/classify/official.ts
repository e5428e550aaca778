/**
 * The safety rule as one check, for everyone who acts on a classification: a message counts as
 * Amazon's official cancellation request only when its classification names the Amazon signal it
 * rests on, and that signal fits who the page says sent the message. Anything else that claims to
 * be a request (a stale or forged value, a classifier bug) is read as what a buyer's words about
 * cancelling are: an inquiry, which keeps the guard on Cancel order.
 */
import type { Classification, Intent, OfficialSource } from './types';

export function officialSourceOf(classification: Pick<Classification, 'intent' | 'official'>, sender: 'buyer' | 'amazon' | 'seller'): OfficialSource | undefined {
  if (classification.intent !== 'cancel-request') return undefined;
  switch (classification.official) {
    case 'order-flag':
    case 'amazon-subject':
      return sender === 'seller' ? undefined : classification.official;
    case 'amazon-sender':
      return sender === 'amazon' ? 'amazon-sender' : undefined;
    default:
      return undefined;
  }
}

/** The intent to act on: a request without a fitting Amazon signal is an inquiry. */
export function trustedIntent(classification: Pick<Classification, 'intent' | 'official'>, sender: 'buyer' | 'amazon' | 'seller'): Intent {
  if (classification.intent !== 'cancel-request') return classification.intent;
  return officialSourceOf(classification, sender) ? 'cancel-request' : 'cancel-inquiry';
}

/**
 * The intent of an inbox row: never `cancel-request`. Not even from Amazon's subject: on a row,
 * what reads as the subject may be the first words of the buyer's own message (the row's layout is
 * not known). The triage chips and the order memory both read a row through this.
 */
export function rowIntent(classification: Pick<Classification, 'intent' | 'official'>): Intent {
  const intent = trustedIntent(classification, 'buyer');
  return intent === 'cancel-request' ? 'cancel-inquiry' : intent;
}
