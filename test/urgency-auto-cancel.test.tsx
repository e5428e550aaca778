// Amazon's automatic cancellation in the popup: an unshipped order past its ship-by date says when
// Amazon will cancel it — Amazon's date when the order data gave one, our estimate otherwise.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupView } from '@/components/PopupView';
import { EMPTY_HANDLED, markDone, nextCheck, urgentOrders } from '@/lib/urgency';
import { OrderWatch, mergeWatch, migrateWatch, observeOrder } from '@/lib/watch';
import type { OrderDetailsSnapshot } from '@/lib/pages/snapshot';
import { tEn, tJa } from './helpers';

afterEach(cleanup);

const NOW = Date.parse('2026-11-22T12:00:00Z'); // Sun 04:00 in Los Angeles
const SETTINGS = { replyDueHours: 12 };
const SHIP_BY_FRIDAY = '2026-11-21T07:59:59.999Z'; // end of Fri 20 Nov in Los Angeles
const AMAZON_DATE = '2026-12-01T07:59:59.000Z';

function watch(patch: Partial<OrderWatch> = {}): OrderWatch {
  return {
    version: 1,
    orderId: '112-5567012-3390641',
    marketplace: 'US',
    firstSeen: '2026-11-20T00:00:00.000Z',
    lastSeen: '2026-11-22T00:00:00.000Z',
    fulfilment: 'MFN',
    status: 'unshipped',
    shipBy: SHIP_BY_FRIDAY,
    messages: [],
    ...patch,
  };
}
const reasonsOf = (w: OrderWatch, now = NOW) => urgentOrders([w], EMPTY_HANDLED, SETTINGS, now)[0]?.reasons ?? [];

describe('urgency: the automatic cancellation', () => {
  it("gives Amazon's date when the order data was seen", () => {
    expect(reasonsOf(watch({ cancellationDate: AMAZON_DATE })).find((r) => r.kind === 'auto-cancel')).toEqual({
      kind: 'auto-cancel',
      key: 'auto-cancel',
      cancelAt: AMAZON_DATE,
      estimated: false,
      timeZone: 'America/Los_Angeles',
      overdue: false,
    });
  });

  it('gives our estimate otherwise, and keeps the ship-by date as the deadline', () => {
    const [order] = urgentOrders([watch()], EMPTY_HANDLED, SETTINGS, NOW);
    expect(order!.reasons.find((r) => r.kind === 'auto-cancel')).toMatchObject({ cancelAt: '2026-12-01T07:59:59.999Z', estimated: true });
    expect(order!.deadline).toBe(SHIP_BY_FRIDAY);
  });

  it('is there only past the ship-by date, for unshipped seller-fulfilled orders', () => {
    expect(reasonsOf(watch({ shipBy: '2026-11-23T07:59:59.999Z' })).map((r) => r.kind)).toEqual(['ship-by']); // due today, not past
    expect(reasonsOf(watch({ fulfilment: 'FBA' }))).toEqual([]);
    expect(reasonsOf(watch({ status: 'shipped' }))).toEqual([]);
  });

  it('is overdue once the date has passed', () => {
    expect(reasonsOf(watch({ cancellationDate: AMAZON_DATE }), Date.parse(AMAZON_DATE) + 1).find((r) => r.kind === 'auto-cancel')?.overdue).toBe(true);
  });

  it("the order memory keeps the order data's date, and old records without it still read", () => {
    const snapshot: OrderDetailsSnapshot = {
      kind: 'order-details',
      orderId: '112-5567012-3390641',
      cancellationDate: AMAZON_DATE,
      items: [],
      controls: [],
      missing: [],
      sources: ['dom', 'orders-api'],
    };
    expect(observeOrder(undefined, snapshot, NOW).cancellationDate).toBe(AMAZON_DATE);
    expect(migrateWatch({ ...watch(), cancellationDate: undefined }).ok).toBe(true);
    expect(migrateWatch({ ...watch(), cancellationDate: 'soon' }).ok).toBe(false);
  });

  it("a tab's observation of the date is kept when it is merged into what another tab stored", () => {
    const base = watch();
    const stored = { ...watch(), lastSeen: '2026-11-22T06:00:00.000Z', status: 'unshipped' as const };
    const next = { ...base, cancellationDate: AMAZON_DATE, lastSeen: '2026-11-22T11:00:00.000Z' };
    expect(mergeWatch(stored, base, next).cancellationDate).toBe(AMAZON_DATE);
    expect(mergeWatch({ ...stored, cancellationDate: AMAZON_DATE }, base, { ...base, lastSeen: next.lastSeen }).cancellationDate).toBe(AMAZON_DATE);
  });

  it('looks again when the date passes', () => {
    const w = watch({ cancellationDate: AMAZON_DATE });
    expect(nextCheck([w], EMPTY_HANDLED, SETTINGS, Date.parse(AMAZON_DATE) - 30 * 60_000)).toBe(Date.parse(AMAZON_DATE) + 1);
  });

  it('"Done" covers it with the ship-by reason', () => {
    const [order] = urgentOrders([watch()], EMPTY_HANDLED, SETTINGS, NOW);
    expect(urgentOrders([watch()], markDone(EMPTY_HANDLED, order!, NOW), SETTINGS, NOW + 60_000)).toEqual([]);
  });
});

describe('the popup says it', () => {
  const render1 = (w: OrderWatch, t = tEn, locale = 'en-US') => {
    render(<PopupView orders={urgentOrders([w], EMPTY_HANDLED, SETTINGS, NOW)} now={NOW} t={t} locale={locale} onDone={vi.fn()} onSnooze={vi.fn()} onOpenOptions={vi.fn()} />);
    return document.querySelector('[data-reason="auto-cancel"]');
  };

  it("in English, as Amazon's date", () => {
    const li = render1(watch({ cancellationDate: AMAZON_DATE }))!;
    expect(li.getAttribute('data-estimated')).toBe('false');
    expect(li.textContent).toBe("Amazon will cancel this order on Mon, Nov 30, 2026 — it will count as your cancellation (Amazon's date)");
  });

  it('in Japanese, as our estimate', () => {
    const li = render1(watch(), tJa, 'ja')!;
    expect(li.getAttribute('data-estimated')).toBe('true');
    expect(li.textContent).toBe('Amazon が 2026年11月30日(月) ごろにこの注文をキャンセルします。出品者都合のキャンセルとして数えられます（推定：出荷予定日から 7 営業日後）');
  });
});
