/**
 * Calendar days and time left, in a marketplace's time zone. Pure: instants come in as epoch ms.
 * Deadlines are Amazon's, stated in the marketplace's zone; Intl handles daylight-saving changes.
 */
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
