import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDateWindow } from '@/lib/pages/dates';
import { epochSecondsToIso, zonedTimeToInstant } from '@/lib/time';

const ok = (text: string, tz: string) => {
  const r = readDateWindow(text, tz);
  if (!r.ok) throw new Error(r.reason);
  return r.window;
};

describe('reading Seller Central dates', () => {
  it('reads the real JP capture as an instant', () => {
    expect(ok('2021年5月19日(水) 23:45 JST', 'Asia/Tokyo')).toEqual({
      earliest: '2021-05-19T14:45:00.000Z',
      latest: '2021-05-19T14:45:00.000Z',
    });
  });

  it.each([
    ['Sat, Nov 21, 2026, 9:14 AM PST', 'America/Los_Angeles', '2026-11-21T17:14:00.000Z'],
    ['Sat, Nov 21, 2026, 9:14 PM PST', 'America/Los_Angeles', '2026-11-22T05:14:00.000Z'],
    ['Nov 21, 2026 12:05 AM', 'America/Los_Angeles', '2026-11-21T08:05:00.000Z'],
    ['2026/11/21 10:02 JST', 'Asia/Tokyo', '2026-11-21T01:02:00.000Z'],
    ['２０２６年１１月２１日（土） ２１：３６', 'Asia/Tokyo', '2026-11-21T12:36:00.000Z'],
    ['2026年11月21日 午後9:36', 'Asia/Tokyo', '2026-11-21T12:36:00.000Z'],
    ['21 Nov 2026 14:00 CET', 'Europe/Berlin', '2026-11-21T13:00:00.000Z'],
    ['Jul 4, 2026 10:00 AM', 'America/Los_Angeles', '2026-07-04T17:00:00.000Z'],
  ])('%s (%s)', (text, tz, iso) => {
    expect(ok(text, tz)).toEqual({ earliest: iso, latest: iso });
  });

  it('reads a date-only value as the whole day in the marketplace zone', () => {
    expect(ok('Mon, Nov 23, 2026', 'America/Los_Angeles')).toEqual({
      earliest: '2026-11-23T08:00:00.000Z',
      latest: '2026-11-24T07:59:59.999Z',
    });
    expect(ok('2026年11月23日(月)', 'Asia/Tokyo')).toEqual({
      earliest: '2026-11-22T15:00:00.000Z',
      latest: '2026-11-23T14:59:59.999Z',
    });
  });

  it('reads ranges in English and Japanese', () => {
    expect(ok('Sun, Nov 22, 2026 to Mon, Nov 23, 2026', 'America/Los_Angeles')).toEqual({
      earliest: '2026-11-22T08:00:00.000Z',
      latest: '2026-11-24T07:59:59.999Z',
    });
    expect(ok('2021年5月20日(木) から 2021年5月21日(金)', 'Asia/Tokyo')).toEqual({
      earliest: '2021-05-19T15:00:00.000Z',
      latest: '2021-05-21T14:59:59.999Z',
    });
  });

  it('knows daylight saving time in the US and Europe', () => {
    // The US moves its clocks on 2026-03-08, Europe on 2026-03-29.
    expect(ok('Mar 7, 2026', 'America/Los_Angeles').earliest).toBe('2026-03-07T08:00:00.000Z');
    expect(ok('Mar 9, 2026', 'America/Los_Angeles').earliest).toBe('2026-03-09T07:00:00.000Z');
    expect(ok('Mar 30, 2026', 'Europe/Berlin').earliest).toBe('2026-03-29T22:00:00.000Z');
    // A day that is 23 hours long still ends just before the next midnight.
    expect(ok('Mar 8, 2026', 'America/Los_Angeles')).toEqual({ earliest: '2026-03-08T08:00:00.000Z', latest: '2026-03-09T06:59:59.999Z' });
  });

  it.each([
    ['empty', '', 'empty'],
    ['a word', 'tomorrow', /no date/],
    ['Feb 30', 'Feb 30, 2026', /not a real date/],
    ['month 13', '2026年13月1日', /not a real date/],
    ['hour 25', 'Nov 21, 2026 25:00', /not a real time/],
    ['an unknown zone', 'Nov 21, 2026 9:00 XYZ', /unknown time zone/],
    ['a backwards range', 'Nov 23, 2026 to Nov 21, 2026', /ends before/],
    ['a half range', 'Nov 21, 2026 to soon', /end of range/],
    ['markup', '<script>alert(1)</script>', /no date/],
    ['10,000 characters', 'x'.repeat(10_000), /too long/],
  ])('reports %s as unreadable, never as today', (_label, text, reason) => {
    const r = readDateWindow(text, 'America/Los_Angeles');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('never throws and always returns a valid window or a reason (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('Asia/Tokyo', 'America/Los_Angeles', 'Europe/London'), (text, tz) => {
        const r = readDateWindow(text, tz);
        if (r.ok) {
          expect(Number.isNaN(Date.parse(r.window.earliest))).toBe(false);
          expect(r.window.earliest <= r.window.latest).toBe(true);
        } else {
          expect(r.reason).not.toBe('');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('converts wall time in a zone to an instant', () => {
    expect(new Date(zonedTimeToInstant({ year: 2026, month: 11, day: 23, hour: 0, minute: 0 }, 'Asia/Tokyo')).toISOString()).toBe('2026-11-22T15:00:00.000Z');
  });

  it('reads epoch seconds from the orders API, and refuses nonsense', () => {
    expect(epochSecondsToIso(1724216886.269)).toBe('2024-08-21T05:08:06.269Z');
    expect(epochSecondsToIso(1724216886269)).toBeUndefined(); // milliseconds by mistake
    expect(epochSecondsToIso(Number.NaN)).toBeUndefined();
    expect(epochSecondsToIso(-1)).toBeUndefined();
  });
});
