/**
 * Time in a marketplace's zone, in one place: offsets and wall-clock times of a zone, calendar
 * days, time left to a deadline, and epoch seconds as the order data sends them. Pure: instants
 * come in as epoch ms. Deadlines are Amazon's, stated in the marketplace's zone; Intl handles
 * daylight-saving changes. Reading dates from page text is lib/pages/dates.ts.
 */

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
 * Offsets by zone and hour: the marketplaces' zones change offset only on the hour, and a page's
 * dates fall on a few days, so a 500-row list asks for the same few hours again and again.
 */
const OFFSETS = new Map<string, number>();
const HOUR_MS = 3_600_000;

/** Minutes the zone is ahead of UTC at an instant. */
export function zoneOffsetMinutes(instantMs: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(instantMs / HOUR_MS)}`;
  let offset = OFFSETS.get(key);
  if (offset === undefined) {
    offset = computeZoneOffset(Math.floor(instantMs / HOUR_MS) * HOUR_MS, timeZone);
    if (OFFSETS.size > 10_000) OFFSETS.clear();
    OFFSETS.set(key, offset);
  }
  return offset;
}

function computeZoneOffset(instantMs: number, timeZone: string): number {
  const parts = zoneFormat(timeZone).formatToParts(new Date(instantMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/** The instant at which a wall-clock time occurs in a zone (the earlier one in a repeated hour). */
export function zonedTimeToInstant(civil: { year: number; month: number; day: number; hour: number; minute: number; second?: number; ms?: number }, timeZone: string): number {
  const wall = Date.UTC(civil.year, civil.month - 1, civil.day, civil.hour, civil.minute, civil.second ?? 0, civil.ms ?? 0);
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
