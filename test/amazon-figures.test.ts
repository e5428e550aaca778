// Amazon's figures in one place, each with a source; and our estimate of Amazon's automatic cancellation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUYER_CANCEL_WINDOW_MINUTES, ON_TIME_DELIVERY_RATE, PRE_FULFILMENT_CANCEL_RATE, estimateAutoCancel } from '@/lib/amazon-figures';
import { FIGURE_SOURCES } from '@/lib/amazon-figures-sources';
import * as figures from '@/lib/amazon-figures';
import { MARKETPLACES, type MarketplaceId } from '@/lib/hosts';

describe("Amazon's figures", () => {
  it('the Pre-fulfilment Cancel Rate: under 2.5 % over 7 days', () => {
    expect(PRE_FULFILMENT_CANCEL_RATE).toMatchObject({ maxPercent: 2.5, windowDays: 7 });
  });

  it('the On-Time Delivery Rate: 90 % per unit on amazon.com since 2024-09-25, and nowhere else', () => {
    expect(ON_TIME_DELIVERY_RATE.US).toMatchObject({ minPercent: 90, since: '2024-09-25', perUnit: true });
    expect(Object.keys(ON_TIME_DELIVERY_RATE)).toEqual(['US']);
  });

  it("the buyer's own cancel window: 5 minutes on amazon.co.jp, 30 elsewhere", () => {
    for (const id of Object.keys(MARKETPLACES) as MarketplaceId[]) expect(BUYER_CANCEL_WINDOW_MINUTES[id]).toBe(id === 'JP' ? 5 : 30);
  });

  it('every figure names its source, and the ones assumed say so with grade C', () => {
    const figureNames = Object.keys(figures)
      .filter((name) => /^[A-Z_]+$/.test(name))
      .sort();
    expect(Object.keys(FIGURE_SOURCES).sort()).toEqual(figureNames);
    expect(Object.keys(FIGURE_SOURCES.BUYER_CANCEL_WINDOW_MINUTES).sort()).toEqual(Object.keys(MARKETPLACES).sort());
    const sources = [
      ...FIGURE_SOURCES.PRE_FULFILMENT_CANCEL_RATE,
      ...FIGURE_SOURCES.ON_TIME_DELIVERY_RATE,
      ...FIGURE_SOURCES.AUTO_CANCEL,
      ...Object.values(FIGURE_SOURCES.BUYER_CANCEL_WINDOW_MINUTES),
    ];
    for (const source of sources) {
      expect(source.cite.length).toBeGreaterThan(20);
      if (source.grade === 'C') expect(source.cite).toMatch(/^(assumed|The public captures)/);
    }
  });
});

describe("our estimate of Amazon's automatic cancellation", () => {
  const capture = JSON.parse(readFileSync('test/fixtures/real-pages/us-2024_orders-api-order_response.redacted.json', 'utf8')).data;
  const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

  it("matches the real capture's cancellationDate (a Friday ship-by: 10 days, not 7 business days = 11)", () => {
    expect(estimateAutoCancel(iso(capture.latestShipDate), 'America/Los_Angeles')).toBe(iso(capture.cancellationDate));
  });

  it.each([
    ['a Monday ship-by: 7 business days = 9 calendar days', '2026-11-16T07:59:59.999Z', 'America/Los_Angeles', '2026-11-25T07:59:59.999Z'],
    ['a Thursday ship-by: 7 business days = 11, capped at 10', '2026-11-20T07:59:59.999Z', 'America/Los_Angeles', '2026-11-30T07:59:59.999Z'],
    ['across the end of US daylight saving time, same wall-clock time', '2026-10-27T06:59:59.999Z', 'America/Los_Angeles', '2026-11-05T07:59:59.999Z'],
    ['in Tokyo, weekdays of the Japanese calendar day', '2026-11-16T14:59:59.999Z', 'Asia/Tokyo', '2026-11-25T14:59:59.999Z'],
  ])('%s', (_name, shipBy, zone, expected) => {
    expect(estimateAutoCancel(shipBy, zone)).toBe(expected);
  });

  it('is never before 9 or after 10 calendar days, for any ship-by day', () => {
    for (let day = 0; day < 14; day++) {
      const shipBy = Date.UTC(2026, 0, 5 + day, 7, 59, 59, 999);
      const days = (Date.parse(estimateAutoCancel(new Date(shipBy).toISOString(), 'America/Los_Angeles')!) - shipBy) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(9);
      expect(days).toBeLessThanOrEqual(10);
    }
  });

  it('gives nothing for an unreadable instant', () => {
    expect(estimateAutoCancel('not a date', 'Asia/Tokyo')).toBeUndefined();
  });
});
