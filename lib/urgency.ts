/**
 * Which orders need action now (DESIGN.md "Urgency and the badge"), from the order memory alone
 * (lib/watch). Pure: `now` is passed in; deadlines are judged in the marketplace's time zone.
 *
 * An order needs action when, for a seller-fulfilled unshipped order, the ship-by date is today
 * or past; an official cancellation request is pending; a buyer message has waited the seller's
 * threshold (12 h by default) or carries a high-risk intent (complaints, cancel-not-honored,
 * address change, A-to-z); or an Amazon notice about it awaits action. It is overdue when the
 * ship-by date has passed, a message has waited 24 hours, or an A-to-z claim is older than the
 * 72 hours Amazon gives to answer. Past its ship-by date, an unconfirmed order also says when
 * Amazon will cancel it (its own date from the order data, or our estimate, lib/amazon-figures).
 */
import * as z from 'zod/mini';
import type { Intent } from './classify/types';
import { estimateAutoCancel } from './amazon-figures';
import { MARKETPLACES, SELLER_CENTRAL_HOSTS, type MarketplaceId } from './hosts';
import { dayKey } from './time';
import { unanswered, type OrderWatch } from './watch';

const HOUR = 3_600_000;
export const REPLY_WINDOW_MS = 24 * HOUR;
export const A_TO_Z_WINDOW_MS = 72 * HOUR;
/** How long "snooze" hides an order. */
export const SNOOZE_MS = HOUR;

export const HIGH_RISK_INTENTS: ReadonlySet<Intent> = new Set(['defective', 'counterfeit', 'condition-mismatch', 'wrong-item', 'cancel-not-honored', 'address-change', 'a-to-z-claim']);

export type UrgencyReason =
  | { readonly kind: 'ship-by'; readonly key: string; readonly at: string; readonly overdue: boolean }
  | { readonly kind: 'cancel-request'; readonly key: string; readonly overdue: false }
  /**
   * Past its ship-by date and unconfirmed: Amazon cancels it at `cancelAt` (its own date from the
   * order data, or our estimate) and counts it against the seller. Not a deadline of its own: the
   * ship-by date, already passed, stays the order's deadline.
   */
  | { readonly kind: 'auto-cancel'; readonly key: string; readonly cancelAt: string; readonly estimated: boolean; readonly timeZone: string; readonly overdue: boolean }
  | { readonly kind: 'reply'; readonly key: string; readonly since?: string; readonly intent: Intent; readonly highRisk: boolean; readonly overdue: boolean; readonly at?: string }
  | { readonly kind: 'notice'; readonly key: string; readonly notice: 'undeliverable-message' | 'a-to-z-claim'; readonly overdue: boolean; readonly at?: string };

export interface UrgentOrder {
  readonly orderId: string;
  readonly marketplace?: MarketplaceId | undefined;
  readonly reasons: readonly UrgencyReason[];
  readonly overdue: boolean;
  /** The nearest deadline among the reasons (ISO), if any. */
  readonly deadline?: string;
}

/** What the seller did about an order in the popup. */
export const Handled = z.object({
  version: z.literal(1),
  orders: z.record(
    z.string().check(z.regex(/^\d{3}-\d{7}-\d{7}$/)),
    z.object({
      /** Marked done while these reasons applied; a new reason brings the order back. */
      done: z.optional(z.object({ at: z.iso.datetime(), keys: z.array(z.string().check(z.maxLength(120))).check(z.maxLength(20)) })),
      snoozedUntil: z.optional(z.iso.datetime()),
    }),
  ),
});
export type Handled = z.infer<typeof Handled>;
export const EMPTY_HANDLED: Handled = { version: 1, orders: {} };

export interface UrgencySettings {
  readonly replyDueHours: number;
}

function reasonsOf(watch: OrderWatch, settings: UrgencySettings, now: number): UrgencyReason[] {
  const reasons: UrgencyReason[] = [];
  const closed = watch.status === 'shipped' || watch.status === 'canceled';
  const zone = MARKETPLACES[watch.marketplace ?? 'US'].timeZone;

  if (watch.shipBy && watch.fulfilment !== 'FBA' && (watch.status === 'unshipped' || watch.status === 'partially-shipped')) {
    const at = Date.parse(watch.shipBy);
    if (at < now || dayKey(at, zone) === dayKey(now, zone)) reasons.push({ kind: 'ship-by', key: 'ship-by', at: watch.shipBy, overdue: at < now });
    const cancelAt = at < now ? (watch.cancellationDate ?? estimateAutoCancel(watch.shipBy, zone)) : undefined;
    if (cancelAt) {
      reasons.push({ kind: 'auto-cancel', key: 'auto-cancel', cancelAt, estimated: watch.cancellationDate === undefined, timeZone: zone, overdue: Date.parse(cancelAt) < now });
    }
  }
  if (watch.buyerRequestedCancel === true && !closed) reasons.push({ kind: 'cancel-request', key: 'cancel-request', overdue: false });

  const waiting = unanswered(watch);
  const oldest = waiting.find((m) => m.at !== undefined);
  const risky = waiting.find((m) => HIGH_RISK_INTENTS.has(m.intent));
  const waited = oldest?.at ? now - Date.parse(oldest.at) : undefined;
  if (risky || (waited !== undefined && waited >= settings.replyDueHours * HOUR)) {
    const message = risky ?? oldest!;
    const reason: UrgencyReason = {
      kind: 'reply',
      key: `reply:${message.key}`,
      intent: message.intent,
      highRisk: risky !== undefined,
      overdue: waited !== undefined && waited >= REPLY_WINDOW_MS,
      ...(oldest?.at ? { since: oldest.at, at: new Date(Date.parse(oldest.at) + REPLY_WINDOW_MS).toISOString() } : {}),
    };
    reasons.push(reason);
  }

  const notices = [
    ...(watch.notice ? [{ notice: watch.notice.kind, seen: watch.notice.seen }] : []),
    ...watch.messages
      .filter((m) => m.sender === 'amazon' && !m.answered && (m.intent === 'a-to-z-claim' || m.intent === 'delivery-failure'))
      .map((m) => ({ notice: m.intent === 'a-to-z-claim' ? 'a-to-z-claim' : 'undeliverable-message', seen: m.at ?? watch.lastSeen })),
  ];
  const notice = notices.find((n) => n.notice === 'a-to-z-claim') ?? notices[0];
  if (notice && (notice.notice === 'a-to-z-claim' || notice.notice === 'undeliverable-message')) {
    const claimDeadline = notice.notice === 'a-to-z-claim' ? Date.parse(notice.seen) + A_TO_Z_WINDOW_MS : undefined;
    reasons.push({
      kind: 'notice',
      key: `notice:${notice.notice}`,
      notice: notice.notice,
      overdue: claimDeadline !== undefined && claimDeadline < now,
      ...(claimDeadline !== undefined ? { at: new Date(claimDeadline).toISOString() } : {}),
    });
  }
  return reasons;
}

function deadlineOf(reasons: readonly UrgencyReason[]): string | undefined {
  const times = reasons.flatMap((r) => ('at' in r && r.at ? [r.at] : [])).sort();
  return times[0];
}

function hidden(handled: Handled, orderId: string, reasons: readonly UrgencyReason[], now: number): boolean {
  const entry = handled.orders[orderId];
  if (!entry) return false;
  if (entry.snoozedUntil && Date.parse(entry.snoozedUntil) > now) return true;
  return entry.done !== undefined && reasons.every((r) => entry.done!.keys.includes(r.key));
}

/** The orders needing action now, overdue first, then by the nearest deadline. */
export function urgentOrders(watches: readonly OrderWatch[], handled: Handled, settings: UrgencySettings, now: number): UrgentOrder[] {
  const orders: UrgentOrder[] = [];
  for (const watch of watches) {
    const reasons = reasonsOf(watch, settings, now);
    if (reasons.length === 0 || hidden(handled, watch.orderId, reasons, now)) continue;
    const deadline = deadlineOf(reasons);
    orders.push({
      orderId: watch.orderId,
      marketplace: watch.marketplace,
      reasons,
      overdue: reasons.some((r) => r.overdue),
      ...(deadline ? { deadline } : {}),
    });
  }
  return orders.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.deadline ? Date.parse(a.deadline) : Number.POSITIVE_INFINITY) - (b.deadline ? Date.parse(b.deadline) : Number.POSITIVE_INFINITY) ||
      a.orderId.localeCompare(b.orderId),
  );
}

/** Marks an order done for the reasons it has now. */
export function markDone(handled: Handled, order: UrgentOrder, now: number): Handled {
  return { version: 1, orders: { ...handled.orders, [order.orderId]: { done: { at: new Date(now).toISOString(), keys: order.reasons.map((r) => r.key) } } } };
}

export function snooze(handled: Handled, orderId: string, now: number): Handled {
  return { version: 1, orders: { ...handled.orders, [orderId]: { ...handled.orders[orderId], snoozedUntil: new Date(now + SNOOZE_MS).toISOString() } } };
}

/** Drops entries of orders no longer remembered. */
export function pruneHandled(handled: Handled, watches: readonly OrderWatch[]): Handled {
  const known = new Set(watches.map((w) => w.orderId));
  return { version: 1, orders: Object.fromEntries(Object.entries(handled.orders).filter(([id]) => known.has(id))) };
}

/**
 * When to look again: the next moment the list can change by the clock alone (a ship-by day
 * starting or passing, a message reaching the threshold or 24 hours, a claim's 72 hours, a
 * snooze ending), but at least hourly, and every 5 minutes while a deadline is under 2 hours away.
 */
export function nextCheck(watches: readonly OrderWatch[], handled: Handled, settings: UrgencySettings, now: number): number {
  const moments: number[] = [now + HOUR];
  for (const watch of watches) {
    if (watch.shipBy) {
      const at = Date.parse(watch.shipBy);
      moments.push(at + 1, at - 24 * HOUR); // past due; and (about) the start of the ship-by day
      const cancelAt = watch.cancellationDate ?? estimateAutoCancel(watch.shipBy, MARKETPLACES[watch.marketplace ?? 'US'].timeZone);
      if (cancelAt) moments.push(Date.parse(cancelAt) + 1); // Amazon's cancellation date passing
      if (at > now && at - now < 2 * HOUR) moments.push(now + 5 * 60_000);
    }
    const oldest = unanswered(watch).find((m) => m.at);
    if (oldest?.at) {
      const since = Date.parse(oldest.at);
      moments.push(since + settings.replyDueHours * HOUR, since + REPLY_WINDOW_MS);
      if (since + REPLY_WINDOW_MS > now && since + REPLY_WINDOW_MS - now < 2 * HOUR) moments.push(now + 5 * 60_000);
    }
    if (watch.notice?.kind === 'a-to-z-claim') moments.push(Date.parse(watch.notice.seen) + A_TO_Z_WINDOW_MS);
    const snoozed = handled.orders[watch.orderId]?.snoozedUntil;
    if (snoozed) moments.push(Date.parse(snoozed));
  }
  // Alarms fire no sooner than 30 s in Chrome; never ask for the past.
  return Math.max(now + 30_000, Math.min(...moments.filter((m) => m > now)));
}

/** The Seller Central address of an order, on its marketplace's host. */
export function orderUrl(orderId: string, marketplace: MarketplaceId | undefined): string {
  const host = SELLER_CENTRAL_HOSTS.find((h) => h.marketplace === (marketplace ?? 'US'))?.hostname ?? 'sellercentral.amazon.com';
  return `https://${host}/orders-v3/order/${orderId}`;
}

/** The Transaction view searched for one order on its marketplace's Seller Central (`/payments/event/view?accountType=ALL&orderId=…`, B). */
export function transactionsUrl(orderId: string, marketplace: MarketplaceId | undefined): string {
  const order = new URL(orderUrl(orderId, marketplace));
  return `${order.origin}/payments/event/view?accountType=ALL&orderId=${encodeURIComponent(orderId)}&resultsPerPage=10&pageNumber=1`;
}
