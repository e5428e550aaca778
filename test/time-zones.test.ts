import { describe, expect, it } from 'vitest';
import { dayKey, intlOffsetMinutes, ruleOffsetMinutes, zoneOffsetMinutes, zonedTimeToInstant, ZONE_RULES } from '@/lib/time';
import { MARKETPLACES } from '@/lib/hosts';

const HOUR = 3_600_000;

/** Every hour of the days around each change (March, late October, early November), every 6 hours elsewhere. */
function instantsOf(year: number): number[] {
  const out: number[] = [];
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  for (let t = start; t < end; t += 6 * HOUR) out.push(t);
  const hourly = (month0: number, from: number, to: number) => {
    for (let t = Date.UTC(year, month0, from); t < Date.UTC(year, month0, to + 1); t += HOUR) out.push(t);
  };
  hourly(2, 7, 15); // the US's second Sunday
  hourly(2, 24, 31); // the EU's last Sunday
  hourly(9, 24, 31);
  hourly(10, 1, 8); // the US's first Sunday
  return out;
}

describe('time-zone offsets by rule', () => {
  it('cover every marketplace zone', () => {
    for (const marketplace of Object.values(MARKETPLACES)) expect(ZONE_RULES[marketplace.timeZone], marketplace.id).toBeDefined();
  });

  it("equal Intl's time-zone data hour by hour around every change, in every year the rules cover", () => {
    let compared = 0;
    for (const [zone, rule] of Object.entries(ZONE_RULES)) {
      for (let year = Math.max(rule.from, 2000); year <= rule.until; year++) {
        for (const t of instantsOf(year)) {
          const byRule = ruleOffsetMinutes(t, zone);
          const byIntl = intlOffsetMinutes(t, zone);
          if (byRule !== byIntl) throw new Error(`${zone} at ${new Date(t).toISOString()}: rule ${byRule}, Intl ${byIntl}`);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100_000);
  });

  it('change on the exact instants (EU 01:00 UTC; US 02:00 local)', () => {
    expect(ruleOffsetMinutes(Date.parse('2026-03-29T00:59:59Z'), 'Europe/Berlin')).toBe(60);
    expect(ruleOffsetMinutes(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(ruleOffsetMinutes(Date.parse('2026-10-25T00:59:59Z'), 'Europe/London')).toBe(60);
    expect(ruleOffsetMinutes(Date.parse('2026-10-25T01:00:00Z'), 'Europe/London')).toBe(0);
    expect(ruleOffsetMinutes(Date.parse('2026-03-08T09:59:59Z'), 'America/Los_Angeles')).toBe(-480);
    expect(ruleOffsetMinutes(Date.parse('2026-03-08T10:00:00Z'), 'America/Los_Angeles')).toBe(-420);
    expect(ruleOffsetMinutes(Date.parse('2026-11-01T08:59:59Z'), 'America/Los_Angeles')).toBe(-420);
    expect(ruleOffsetMinutes(Date.parse('2026-11-01T09:00:00Z'), 'America/Los_Angeles')).toBe(-480);
    expect(ruleOffsetMinutes(Date.parse('2026-07-01T00:00:00Z'), 'Asia/Tokyo')).toBe(540);
  });

  it('leave other zones, years outside the rules and nonsense to Intl', () => {
    expect(ruleOffsetMinutes(Date.parse('2026-07-01T00:00:00Z'), 'Australia/Sydney')).toBeUndefined();
    expect(ruleOffsetMinutes(Date.parse('2036-07-01T00:00:00Z'), 'Europe/Berlin')).toBeUndefined();
    expect(ruleOffsetMinutes(Date.parse('2005-07-01T00:00:00Z'), 'America/Los_Angeles')).toBeUndefined();
    expect(ruleOffsetMinutes(Date.parse('2022-07-01T00:00:00Z'), 'America/Mexico_City')).toBeUndefined();
    expect(ruleOffsetMinutes(Number.NaN, 'Europe/Berlin')).toBeUndefined();
    expect(ruleOffsetMinutes(Number.POSITIVE_INFINITY, 'Asia/Tokyo')).toBeUndefined();
    expect(ruleOffsetMinutes(0, '__proto__')).toBeUndefined();
    expect(ruleOffsetMinutes(0, 'constructor')).toBeUndefined();
    // Through the public functions, outside the rules: Intl's answer.
    expect(zoneOffsetMinutes(Date.parse('2022-07-01T00:00:00Z'), 'America/Mexico_City')).toBe(-300);
    expect(zoneOffsetMinutes(Date.parse('2026-01-01T00:00:00Z'), 'Australia/Sydney')).toBe(660);
  });

  it('give the same calendar days and wall-clock instants as Intl', () => {
    const format = (zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    for (const zone of Object.keys(ZONE_RULES)) {
      const intl = format(zone);
      for (let t = Date.parse('2025-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += HOUR + 7 * 60_000) {
        expect(dayKey(t, zone)).toBe(intl.format(t));
      }
    }
    // 01:30 on the night the clocks go back happens twice: the earlier one.
    expect(new Date(zonedTimeToInstant({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/Los_Angeles')).toISOString()).toBe('2026-11-01T08:30:00.000Z');
    expect(new Date(zonedTimeToInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Paris')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // 02:30 on the night the clocks go forward does not exist: as before, the hour before's offset.
    expect(new Date(zonedTimeToInstant({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/Los_Angeles')).toISOString()).toBe('2026-03-08T09:30:00.000Z');
  });
});
