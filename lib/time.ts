/**
 * Time in a marketplace's zone, in one place: offsets and wall-clock times of a zone, calendar
 * days, time left to a deadline, and epoch seconds as the order data sends them. Pure: instants
 * come in as epoch ms. Deadlines are Amazon's, stated in the marketplace's zone. The marketplaces'
 * zones follow the rules below in the years they cover (the first Intl.DateTimeFormat with a time
 * zone costs a page 15–25 ms: docs/performance.md); any other zone or year asks Intl. A test holds
 * the rules to Intl's time-zone data hour by hour around every change. Reading dates from page
 * text is lib/pages/dates.ts.
 */

/**
 * A zone's offsets by rule: its standard offset (minutes ahead of UTC) and its summer time, for
 * the years the rule holds (IANA tz database: the US rule since 2007, the EU's since 1996, Mexico
 * without summer time since its 2022 law, Japan without since 1951). Until 2035: a rule may change
 * by law, so later years ask Intl, and the test fails when the browser's data and the rule part.
 */
interface ZoneRule {
  readonly standard: number;
  readonly summer?: 'us' | 'eu';
  readonly from: number;
  readonly until: number;
}
const LAST_RULE_YEAR = 2035;
const EU = (standard: number): ZoneRule => ({ standard, summer: 'eu', from: 1996, until: LAST_RULE_YEAR });
export const ZONE_RULES: Readonly<Record<string, ZoneRule>> = {
  'America/Los_Angeles': { standard: -480, summer: 'us', from: 2007, until: LAST_RULE_YEAR },
  'America/Mexico_City': { standard: -360, from: 2023, until: LAST_RULE_YEAR },
  'Europe/London': EU(0),
  'Europe/Berlin': EU(60),
  'Europe/Paris': EU(60),
  'Europe/Rome': EU(60),
  'Europe/Madrid': EU(60),
  'Asia/Tokyo': { standard: 540, from: 1952, until: LAST_RULE_YEAR },
};

/** The day of the month of a month's nth Sunday (n ≥ 1), or its last Sunday (n = 0). */
function sunday(year: number, month0: number, n: number): number {
  if (n === 0) {
    const last = new Date(Date.UTC(year, month0 + 1, 0));
    return last.getUTCDate() - last.getUTCDay();
  }
  const firstDay = new Date(Date.UTC(year, month0, 1)).getUTCDay();
  return 1 + ((7 - firstDay) % 7) + 7 * (n - 1);
}

/** The rule's offset at an instant, or undefined when no rule covers the zone and year. */
export function ruleOffsetMinutes(instantMs: number, timeZone: string): number | undefined {
  const rule = ZONE_RULES[timeZone];
  if (!rule || !Number.isFinite(instantMs)) return undefined;
  const year = new Date(instantMs).getUTCFullYear();
  if (year < rule.from || year > rule.until) return undefined;
  if (!rule.summer) return rule.standard;
  let start: number;
  let end: number;
  if (rule.summer === 'eu') {
    // From 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
    start = Date.UTC(year, 2, sunday(year, 2, 0), 1);
    end = Date.UTC(year, 9, sunday(year, 9, 0), 1);
  } else {
    // From 02:00 standard time on March's second Sunday to 02:00 summer time on November's first.
    start = Date.UTC(year, 2, sunday(year, 2, 2), 2) - rule.standard * 60_000;
    end = Date.UTC(year, 10, sunday(year, 10, 1), 2) - (rule.standard + 60) * 60_000;
  }
  return instantMs >= start && instantMs < end ? rule.standard + 60 : rule.standard;
}

/** Making an Intl.DateTimeFormat is costly (a 500-row list reads 1,500 dates): one per zone. */
const ZONE_FORMATS = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = ZONE_FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    ZONE_FORMATS.set(timeZone, format);
  }
  return format;
}

/**
 * Offsets from Intl by zone and hour, for zones and years without a rule: their zones change
 * offset only on the hour, and a page's dates fall on a few days, so a 500-row list asks for the
 * same few hours again and again.
 */
const OFFSETS = new Map<string, number>();
const HOUR_MS = 3_600_000;

/** Minutes the zone is ahead of UTC at an instant. */
export function zoneOffsetMinutes(instantMs: number, timeZone: string): number {
  const byRule = ruleOffsetMinutes(instantMs, timeZone);
  if (byRule !== undefined) return byRule;
  const key = `${timeZone}|${Math.floor(instantMs / HOUR_MS)}`;
  let offset = OFFSETS.get(key);
  if (offset === undefined) {
    offset = intlOffsetMinutes(Math.floor(instantMs / HOUR_MS) * HOUR_MS, timeZone);
    if (OFFSETS.size > 10_000) OFFSETS.clear();
    OFFSETS.set(key, offset);
  }
  return offset;
}

/** The zone's offset as Intl's time-zone data gives it (exported for the rules' test). */
export function intlOffsetMinutes(instantMs: number, timeZone: string): number {
  const parts = zoneFormat(timeZone).formatToParts(new Date(instantMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/** The instant at which a wall-clock time occurs in a zone (the earlier one in a repeated hour). */
export function zonedTimeToInstant(civil: { year: number; month: number; day: number; hour: number; minute: number; second?: number; ms?: number }, timeZone: string): number {
  const wall = Date.UTC(civil.year, civil.month - 1, civil.day, civil.hour, civil.minute, civil.second ?? 0, civil.ms ?? 0);
  // The offsets a day before and after: a wall-clock time that exists under both (the hour the
  // clocks go back) is the earlier instant; one under neither (the hour skipped) falls back below.
  let earliest = Number.POSITIVE_INFINITY;
  for (const offset of [zoneOffsetMinutes(wall - 86_400_000, timeZone), zoneOffsetMinutes(wall + 86_400_000, timeZone)]) {
    const instant = wall - offset * 60_000;
    if (zoneOffsetMinutes(instant, timeZone) === offset) earliest = Math.min(earliest, instant);
  }
  if (earliest !== Number.POSITIVE_INFINITY) return earliest;
  const first = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
  const second = wall - zoneOffsetMinutes(first, timeZone) * 60_000;
  return Math.min(first, second);
}

/** Epoch seconds (as the orders API sends them) to ISO, or undefined for nonsense. */
export function epochSecondsToIso(value: number): string | undefined {
  if (!Number.isFinite(value) || value < 946_684_800 || value > 4_102_444_800) return undefined; // 2000–2100
  return new Date(Math.round(value * 1000)).toISOString();
}

const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** The calendar day ("2026-11-22") of an instant in a time zone. */
export function dayKey(instant: number, timeZone: string): string {
  const offset = ruleOffsetMinutes(instant, timeZone);
  if (offset !== undefined) return new Date(instant + offset * 60_000).toISOString().slice(0, 10);
  let format = DAY_FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    DAY_FORMATS.set(timeZone, format);
  }
  return format.format(instant);
}

export interface TimeLeft {
  readonly overdue: boolean;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
}

/** How long until (or since) a deadline, rounded down to the minute. */
export function timeLeft(deadline: number, now: number): TimeLeft {
  const ms = deadline - now;
  const total = Math.floor(Math.abs(ms) / 60_000);
  return { overdue: ms < 0, days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}
