/**
 * A reply the seller chose, filled for the page being viewed: the values the page and the
 * settings give (on a thread page, what the order page showed of the same order, from memory), in
 * the buyer's language unless the seller switches it, and checked against Amazon's messaging
 * rules. Pure: the content script puts the text into the page (entrypoints/…/replies.ts).
 */
import type { Language } from '../classify/types';
import type { ResolvedTemplate } from '../messaging';
import type { PageSnapshot } from '../pages/snapshot';
import { SUBJECT_BUYER_NAME } from '../pages/wording';
import type { UserSettings } from '../settings';
import type { OrderWatch } from '../watch';
import { fill, formatShipBy, replyLanguage, type Filled, type Values } from './fill';
import { checkReply, type GuardProblem } from './guard';

/**
 * The buyer's name as Amazon's subject line gives it ("Inquiry from Amazon customer Jane",
 * 「山田 花子様からのお問い合わせです」). Used for the reply on this page only; never stored.
 */
export function buyerNameFromSubject(subject: string | undefined): string | undefined {
  if (!subject) return undefined;
  // Amazon's subjects in each language, in order (lib/pages/wording/messages.ts); group 1 is the name.
  for (const pattern of Object.values(SUBJECT_BUYER_NAME)) {
    const said = pattern.exec(subject.trim());
    if (said) return said[1]!.trim();
  }
  return undefined;
}

/**
 * What the page and the settings can say for a reply's variables; on a thread page, what the order
 * page showed of the same order (product, parcel, ship-by) comes from memory.
 */
export function valuesFor(snapshot: PageSnapshot | undefined, settings: UserSettings, language: Language, memory?: OrderWatch): Values {
  const values: Values = { storeName: settings.storeName, sellerName: settings.sellerName };
  if (!snapshot) return values;
  if (snapshot.kind === 'order-details') {
    const item = snapshot.items[0];
    Object.assign(values, {
      orderId: snapshot.orderId,
      buyerName: snapshot.buyer?.name,
      productTitle: item?.title,
      asin: item?.asin,
      trackingNumber: snapshot.tracking?.id,
      carrier: snapshot.tracking?.carrier,
      shipBy: snapshot.shipBy ? formatShipBy(snapshot.shipBy.latest, language, snapshot.marketplace) : undefined,
    });
  } else if (snapshot.kind === 'message-thread') {
    values.orderId = snapshot.orderId;
    values.buyerName = buyerNameFromSubject(snapshot.subject);
    if (memory && memory.orderId === snapshot.orderId) {
      Object.assign(values, {
        productTitle: memory.product?.title,
        asin: memory.product?.asin,
        trackingNumber: memory.tracking?.id,
        carrier: memory.tracking?.carrier,
        shipBy: memory.shipBy ? formatShipBy(memory.shipBy, language, snapshot.marketplace ?? memory.marketplace) : undefined,
      });
    }
  } else if (snapshot.kind === 'notice') {
    values.asin = snapshot.asin;
    values.orderId = snapshot.orderId;
  }
  return values;
}

export interface Composition {
  readonly templateId: string;
  /** The seller's own template's name; undefined for a built-in one (named by the UI). */
  readonly ownName?: string;
  readonly language: Language;
  readonly filled: Filled;
  readonly problems: readonly GuardProblem[];
  readonly hasReplyBox: boolean;
}

/** The chosen template (from the background, with the seller's edits), filled for this page. */
export function compose(
  templateId: string,
  template: ResolvedTemplate,
  chosen: Language | undefined,
  snapshot: PageSnapshot | undefined,
  settings: UserSettings,
  messageLanguage: Language | undefined,
  memory?: OrderWatch,
): Composition {
  const ownName = template.ownName;
  const marketplace = snapshot && 'marketplace' in snapshot ? snapshot.marketplace : undefined;
  const language = chosen ?? replyLanguage({ messageLanguage, marketplace, setting: settings.replyLanguage, audience: template.audience });
  const filled = fill(template.body[language] ?? '', valuesFor(snapshot, settings, language, memory), language);
  return {
    templateId,
    ...(ownName !== undefined ? { ownName } : {}),
    language,
    filled,
    problems: checkReply(filled.text),
    hasReplyBox: snapshot?.kind === 'message-thread' && snapshot.replyBox !== undefined,
  };
}
