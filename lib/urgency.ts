/**
 * Which orders need action now (DESIGN.md "Urgency and the badge"), from the order memory alone
 * (lib/watch). Pure: `now` is passed in; deadlines are judged in the marketplace's time zone.
 *
 * One engine: an order is urgent when the findings the rules give for it as remembered
 * (`adviseOrder`, lib/guidance/advise.ts: the same rules as the sidebar's) carry a badge count;
 * each finding says whether and how it counts (its `badge`). Today those are: a seller-fulfilled
 * unshipped order due today or past (and, past it, Amazon's automatic cancellation), a pending
 * official cancellation request, a buyer message waiting the seller's threshold (12 h by default)
 * or of a high-risk intent (lib/guidance/policy.ts), and an Amazon notice awaiting action.
 */
import * as z from 'zod/mini';
import { A_TO_Z_RESPONSE_HOURS, REPLY_WINDOW_HOURS, estimateAutoCancel } from './amazon-figures';
import { adviseOrder } from './guidance/advise';
import { BADGE_KINDS, type BadgeCount } from './guidance/types';
import { MARKETPLACES, SELLER_CENTRAL_HOSTS, type MarketplaceId } from './hosts';
import { unanswered, type OrderWatch } from './watch';

const HOUR = 3_600_000;
const REPLY_WINDOW_MS = REPLY_WINDOW_HOURS * HOUR;
const A_TO_Z_WINDOW_MS = A_TO_Z_RESPONSE_HOURS * HOUR;
/** How long "snooze" hides an order. */
export const SNOOZE_MS = HOUR;

/** Why an order is on the badge: the badge count of one of its findings. */
export type UrgencyReason = BadgeCount;

export interface UrgentOrder {
  readonly orderId: string;
  readonly marketplace?: MarketplaceId | undefined;
  readonly reasons: readonly UrgencyReason[];
  readonly overdue: boolean;
  /** The nearest deadline among the reasons (ISO), if any. */
  readonly deadline?: string;
}

/** What the seller did about an order in the popup. */
export const Handled = z.lazy(() =>
  z.object({
    version: z.literal(1),
    orders: z.record(
      z.string().check(z.regex(/^\d{3}-\d{7}-\d{7}$/)),
      z.object({
        /** Marked done while these reasons applied; a new reason brings the order back. */
        done: z.optional(z.object({ at: z.iso.datetime(), keys: z.array(z.string().check(z.maxLength(120))).check(z.maxLength(20)) })),
        snoozedUntil: z.optional(z.iso.datetime()),
      }),
    ),
  }),
);
export type Handled = z.infer<typeof Handled>;
export const EMPTY_HANDLED: Handled = { version: 1, orders: {} };

export interface UrgencySettings {
  readonly replyDueHours: number;
}

const KIND_RANK: Readonly<Record<BadgeCount['kind'], number>> = Object.fromEntries(BADGE_KINDS.map((kind, i) => [kind, i])) as Record<BadgeCount['kind'], number>;

/** The badge counts of the order's findings, one per key (an order's reply counts are one), in a fixed order of kinds. */
function reasonsOf(watch: OrderWatch, settings: UrgencySettings, now: number): UrgencyReason[] {
  const byKey = new Map<string, UrgencyReason>();
  for (const finding of adviseOrder(watch, settings, now)) {
    if (finding.badge && !byKey.has(finding.badge.key)) byKey.set(finding.badge.key, finding.badge);
  }
  return [...byKey.values()].sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind]);
}

function nearestDeadline(reasons: readonly UrgencyReason[]): string | undefined {
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
    const deadline = nearestDeadline(reasons);
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
