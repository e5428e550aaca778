/**
 * Amazon's current figures, per marketplace, in one place, each with the Amazon source it comes
 * from (docs/guidance.md "Amazon's figures"). Guidance and urgency read them from here; nothing
 * else writes these numbers. Pure: data, and one date calculation that takes its instant and time
 * zone as arguments.
 */
import type { MarketplaceId } from './hosts';
import { dayKey } from './guidance/time';
import { zoneOffsetMinutes } from './pages/dates';

/** Where a figure comes from. Grade A: Amazon's own page or post; B: several sellers' reports of Amazon's post. */
export interface FigureSource {
  readonly cite: string;
  readonly grade: 'A' | 'B' | 'C';
}

const G201722390_US: FigureSource = {
  cite: 'Amazon seller help G201722390 "Order cancellations" (sellercentral.amazon.com/help/hub/reference/G201722390)',
  grade: 'A',
};

/**
 * Pre-fulfilment Cancel Rate (Amazon's former "Cancellation Rate"): seller cancellations and
 * Amazon's automatic cancellations for a missing shipment confirmation, as a share of the
 * seller-fulfilled orders of a 7-day period; it must stay under 2.5 %. Buyers' official requests
 * do not count. The same target in every marketplace of ours (help 200285210 in en_US, en_CA,
 * en_IT and ja_JP; the JP page calls it キャンセル率).
 */
export const PRE_FULFILMENT_CANCEL_RATE = {
  /** The rate must stay under this (percent). */
  maxPercent: 2.5,
  windowDays: 7,
  sources: [
    { cite: 'Amazon seller forum, "Let\'s talk Pre-fulfillment Cancel Rate" (Amazon staff post, sellercentral.amazon.co.jp/seller-forums/discussions/t/7ff2b981-1e19-43c4-af51-a5c28a34a5b7)', grade: 'A' },
    { cite: 'Amazon seller help 200285210 "Cancellation Rate" (en_CA, en_IT; ja_JP: キャンセル率 2.5%未満, 7日間)', grade: 'A' },
  ] satisfies readonly FigureSource[],
} as const;

/**
 * On-Time Delivery Rate on amazon.com: at least 90 % of tracked seller-fulfilled units delivered
 * by the promised date (14-day window, 7-day lag), required since 2024-09-25. Only the US has
 * this requirement; sellers shipping from Japan to US buyers are most exposed to it.
 */
export const ON_TIME_DELIVERY_RATE: Readonly<Partial<Record<MarketplaceId, { readonly minPercent: number; readonly since: string; readonly perUnit: true; readonly windowDays: number; readonly lagDays: number; readonly sources: readonly FigureSource[] }>>> = {
  US: {
    minPercent: 90,
    since: '2024-09-25',
    perUnit: true,
    windowDays: 14,
    lagDays: 7,
    sources: [
      { cite: 'Amazon seller forum, "On-Time Delivery Rate FAQ" (US, 2024): "Effective September 25, 2024 … a minimum of 90% OTDR … units … 14-days … 7-day delay"', grade: 'A' },
      { cite: 'Amazon\'s announcement "New updates to our on-time delivery policy and shipping settings" as quoted by valueaddedresource.net and sellerclass.com (2024)', grade: 'B' },
    ],
  },
};

/**
 * How long after ordering a buyer can still cancel by themselves ("Cancel items" in Your Orders);
 * after that only a cancellation request to the seller remains. 30 minutes, except 5 minutes on
 * amazon.co.jp (seller-fulfilled orders). CA, MX, UK, FR, IT and ES were not checked one by one:
 * they share the 30-minute help text of US and DE as far as it was seen.
 */
export const BUYER_CANCEL_WINDOW_MINUTES: Readonly<Record<MarketplaceId, { readonly minutes: number; readonly source: FigureSource }>> = {
  US: { minutes: 30, source: G201722390_US },
  CA: { minutes: 30, source: { cite: 'assumed as US (help G201722390 not checked for amazon.ca)', grade: 'C' } },
  MX: { minutes: 30, source: { cite: 'assumed as US (help G201722390 not checked for amazon.com.mx)', grade: 'C' } },
  UK: { minutes: 30, source: { cite: 'assumed as US and DE (help 201722390 not checked for amazon.co.uk)', grade: 'C' } },
  DE: { minutes: 30, source: { cite: 'Amazon seller help 201722390, de_DE: "Nach 30 Minuten kann der Käufer die Bestellung nicht mehr direkt stornieren"', grade: 'A' } },
  FR: { minutes: 30, source: { cite: 'assumed as DE (help 201722390 not checked for amazon.fr)', grade: 'C' } },
  IT: { minutes: 30, source: { cite: 'assumed as DE (help 201722390 not checked for amazon.it)', grade: 'C' } },
  ES: { minutes: 30, source: { cite: 'assumed as DE (help 201722390 not checked for amazon.es)', grade: 'C' } },
  JP: { minutes: 5, source: { cite: 'Amazon seller help 201722390, ja_JP (sellercentral.amazon.co.jp): 「注文後 5分以内であれば…購入者自身で注文をキャンセルすることができます」; help RXAS2XTAYEF77BG (seller-fulfilled orders)', grade: 'A' } },
};

/**
 * Amazon cancels a seller-fulfilled order that is not confirmed as shipped within 7 business days
 * after its ship-by date, and the cancellation counts against the seller (Amazon seller forum
 * 694871, 2020: "7 business days after the 'ship by' date … counted as defects to your
 * Cancellation Rate"; help G201722390 says "seven days … since the expected shipping
 * availability date"). The order data's own `cancellationDate` is the date Amazon will use; where
 * it is not known, this estimates it. Inferred, not Amazon's statement of the date: the two public
 * captures of the order data put `cancellationDate` 10 and 11 calendar days after the latest
 * ship date, and for a Friday ship-by 7 business days would be 11, so the estimate never goes
 * past 10 calendar days (an early estimate is the safe side). Public holidays are not known and
 * not skipped.
 */
export const AUTO_CANCEL = {
  businessDays: 7,
  /** The shortest gap between the latest ship date and `cancellationDate` in the public captures. */
  maxCalendarDays: 10,
  sources: [
    { cite: 'Amazon seller forum "Important update regarding Auto Cancellation timeline" (sellercentral.amazon.com/forums/t/694871, 2020)', grade: 'A' },
    G201722390_US,
  ] satisfies readonly FigureSource[],
} as const;

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
