/**
 * Amazon's current figures, per marketplace, in one place (docs/guidance.md "Amazon's figures").
 * Guidance and urgency read them from here; nothing else writes these numbers. Each figure's Amazon
 * source is in lib/amazon-figures-sources.ts, beside it (kept out of this module so the content
 * script does not carry the citations; test/amazon-figures.test.ts checks that every figure has one).
 * Pure: data, and one date calculation that takes its instant and time zone as arguments.
 */
import type { MarketplaceId } from './hosts';
import { dayKey, zoneOffsetMinutes } from './time';

/**
 * Pre-fulfilment Cancel Rate (Amazon's former "Cancellation Rate"): seller cancellations and
 * Amazon's automatic cancellations for a missing shipment confirmation, as a share of the
 * seller-fulfilled orders of a 7-day period; it must stay under 2.5 %. Buyers' official requests
 * do not count. The same in every marketplace of ours.
 */
export const PRE_FULFILMENT_CANCEL_RATE = { maxPercent: 2.5, windowDays: 7 } as const;

/**
 * On-Time Delivery Rate on amazon.com: at least 90 % of tracked seller-fulfilled units delivered
 * by the promised date (14-day window, 7-day lag), required since 2024-09-25. Only the US has
 * this requirement; sellers shipping from Japan to US buyers are most exposed to it.
 */
export const ON_TIME_DELIVERY_RATE: Readonly<
  Partial<Record<MarketplaceId, { readonly minPercent: number; readonly since: string; readonly perUnit: true; readonly windowDays: number; readonly lagDays: number }>>
> = {
  US: { minPercent: 90, since: '2024-09-25', perUnit: true, windowDays: 14, lagDays: 7 },
};

/**
 * Buyer messages are to be answered within 24 hours, weekends and holidays included (Amazon's
 * Contact Response Time; auto-replies do not count). The same in every marketplace of ours.
 */
export const REPLY_WINDOW_HOURS = 24;

/**
 * Hours to answer Amazon's request on an A-to-z Guarantee claim: kept at 72 (assumed, the short,
 * safe side of what sellers report; see the source).
 */
export const A_TO_Z_RESPONSE_HOURS = 72;

/**
 * How long after ordering a buyer can still cancel by themselves ("Cancel items" in Your Orders);
 * after that only a cancellation request to the seller remains. 30 minutes, except 5 minutes on
 * amazon.co.jp (seller-fulfilled orders).
 */
export const BUYER_CANCEL_WINDOW_MINUTES: Readonly<Record<MarketplaceId, number>> = { US: 30, CA: 30, MX: 30, UK: 30, DE: 30, FR: 30, IT: 30, ES: 30, JP: 5 };

/**
 * Amazon cancels a seller-fulfilled order that is not confirmed as shipped within 7 business days
 * after its ship-by date, and the cancellation counts against the seller. The order data's own
 * `cancellationDate` is the date Amazon will use; where it is not known, `estimateAutoCancel`
 * estimates it. Inferred, not Amazon's statement of the date: the two public captures of the order
 * data put `cancellationDate` 10 and 11 calendar days after the latest ship date, and for a Friday
 * ship-by 7 business days would be 11, so the estimate never goes past 10 calendar days (an early
 * estimate is the safe side). Public holidays are not known and not skipped.
 */
export const AUTO_CANCEL = { businessDays: 7, maxCalendarDays: 10 } as const;

const DAY_MS = 86_400_000;

/** 0 = Sunday … 6 = Saturday, of a "YYYY-MM-DD" calendar day. */
function weekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay();
}

/** The same wall-clock time `days` calendar days later in the zone (daylight-saving changes kept out). */
function plusDays(instant: number, days: number, timeZone: string): number {
  const candidate = instant + days * DAY_MS;
  return candidate + (zoneOffsetMinutes(instant, timeZone) - zoneOffsetMinutes(candidate, timeZone)) * 60_000;
}

/**
 * Our estimate of Amazon's automatic cancellation of an unconfirmed order: 7 business days
 * (Monday–Friday in the marketplace's zone) after the end of the ship-by window, at the same
 * time of day, but never later than 10 calendar days after it. Undefined for an unreadable instant.
 */
export function estimateAutoCancel(shipByLatest: string, timeZone: string): string | undefined {
  const start = Date.parse(shipByLatest);
  if (!Number.isFinite(start)) return undefined;
  let business = 0;
  let days = 0;
  while (business < AUTO_CANCEL.businessDays && days < AUTO_CANCEL.maxCalendarDays) {
    days += 1;
    const day = weekday(dayKey(plusDays(start, days, timeZone), timeZone));
    if (day !== 0 && day !== 6) business += 1;
  }
  return new Date(plusDays(start, days, timeZone)).toISOString();
}
