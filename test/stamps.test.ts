// Message time stamps in the six languages: every form the locales' own formats produce
// (Intl.DateTimeFormat, i.e. CLDR, is the oracle), with and without weekday, year and zone.
import { describe, expect, it } from 'vitest';
import { findStamp } from '@/lib/pages/dates';

const LOCALES = [
  ['ja-JP', 'Asia/Tokyo', true],
  ['en-US', 'America/Los_Angeles', false],
  ['en-GB', 'Europe/London', true],
  ['de-DE', 'Europe/Berlin', true],
  ['fr-FR', 'Europe/Paris', true],
  ['it-IT', 'Europe/Rome', true],
  ['es-ES', 'Europe/Madrid', true],
] as const;
const STYLES = ['full', 'long', 'medium', 'short'] as const;
// Either side of the summer-time changes (a wall-clock time in the repeated autumn hour names no
// single instant without its zone, so none is taken from it), a day above 12, one below.
const MOMENTS = ['2026-11-05T21:04:00Z', '2026-03-07T08:30:00Z', '2026-07-12T23:59:00Z', '2026-10-25T03:15:00Z', '2026-03-29T01:30:00Z'];

describe('message time stamps', () => {
  for (const [locale, zone, dayFirst] of LOCALES) {
    it(`reads ${locale} stamps in every date style, with and without the zone`, () => {
      for (const moment of MOMENTS) {
        const at = new Date(moment);
        const forms = [
          ...STYLES.map((dateStyle) => new Intl.DateTimeFormat(locale, { dateStyle, timeStyle: 'short', timeZone: zone })),
          new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone: zone }),
          new Intl.DateTimeFormat(locale, { weekday: 'short', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: zone }),
        ];
        for (const form of forms) {
          const text = form.format(at);
          const stamp = findStamp(`Jane · ${text}`, zone, dayFirst);
          expect(stamp?.instant, `${locale} "${text}"`).toBe(at.toISOString());
          expect(stamp!.normalised.slice(0, stamp!.start).trim(), text).toBe('Jane ·');
        }
      }
    });
  }

  it('finds a stamp with no year or no date, and says why it has no instant', () => {
    expect(findStamp('Nov 5, 9:04 PM', 'America/Los_Angeles', false)).toMatchObject({ why: 'the date shows no year' });
    expect(findStamp('Jane 9:04 PM', 'America/Los_Angeles', false)).toMatchObject({ why: 'the time shows no date', start: 5 });
  });

  it('reads a date without a time as no stamp, and a body line is not one', () => {
    expect(findStamp('Resolved on Nov 18, 2026', 'America/Los_Angeles', false)).toBeUndefined();
    expect(findStamp('Order 114-3941689-8772232', 'America/Los_Angeles', false)).toBeUndefined();
    expect(findStamp('2 hours ago', 'America/Los_Angeles', false)).toBeUndefined();
  });

  it('uses the page convention for 05/11/2026 only when neither part is over 12', () => {
    expect(findStamp('05/11/2026, 21:04', 'UTC', true)?.instant).toBe('2026-11-05T21:04:00.000Z');
    expect(findStamp('05/11/2026, 21:04', 'UTC', false)?.instant).toBe('2026-05-11T21:04:00.000Z');
    expect(findStamp('11/21/2026, 9:04 PM', 'UTC', true)?.instant).toBe('2026-11-21T21:04:00.000Z');
  });

  it('rejects impossible dates and times', () => {
    expect(findStamp('31/02/2026 10:00', 'UTC', true)?.instant).toBeUndefined();
    expect(findStamp('2026/11/05 25:61', 'UTC', true)?.instant).toBeUndefined();
  });
});
