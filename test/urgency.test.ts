// Urgency rules (lib/urgency) with fixed clocks across time zones and DST changes.
import { describe, expect, it } from 'vitest';
import type { Intent } from '@/lib/classify/types';
import { EMPTY_HANDLED, Handled, markDone, nextCheck, orderUrl, pruneHandled, snooze, urgentOrders, type UrgentOrder } from '@/lib/urgency';
import type { OrderWatch, WatchedMessage } from '@/lib/watch';
import { rememberedOrder } from './helpers';

const NOW = Date.parse('2026-11-22T12:00:00Z'); // Sun 04:00 in Los Angeles, 21:00 in Tokyo
const HOUR = 3_600_000;
const SETTINGS = { replyDueHours: 12 };

let n = 0;
function watch(patch: Partial<OrderWatch> = {}): OrderWatch {
  n += 1;
  return rememberedOrder(`111-0000000-${String(n).padStart(7, '0')}`, patch);
}

function message(intent: Intent, hoursAgo: number | undefined, patch: Partial<WatchedMessage> = {}): WatchedMessage {
  return {
    key: `buyer:${hoursAgo ?? 'x'}:${intent}`,
    sender: 'buyer',
    intent,
    flags: [],
    answered: false,
    ...(hoursAgo !== undefined ? { at: new Date(NOW - hoursAgo * HOUR).toISOString() } : {}),
    ...patch,
  };
}

const kinds = (orders: readonly UrgentOrder[]) => orders.map((o) => o.reasons.map((r) => `${r.kind}${r.overdue ? '!' : ''}`).join('+'));
const one = (w: OrderWatch, now = NOW, settings = SETTINGS) => urgentOrders([w], EMPTY_HANDLED, settings, now);

describe('ship-by', () => {
  const endOfDayLA = '2026-11-23T07:59:59.999Z'; // Sun 22 Nov, 23:59:59 PST

  it('is urgent on the day itself in the marketplace zone, and overdue after', () => {
    expect(kinds(one(watch({ shipBy: endOfDayLA }), Date.parse('2026-11-22T09:00:00Z')))).toEqual(['ship-by']);
    expect(kinds(one(watch({ shipBy: endOfDayLA }), Date.parse('2026-11-22T07:30:00Z')))).toEqual([]); // still Saturday in LA
    expect(kinds(one(watch({ shipBy: endOfDayLA }), Date.parse('2026-11-23T08:00:00Z')))).toEqual(['ship-by!+auto-cancel']);
  });

  it('follows Tokyo for amazon.co.jp', () => {
    const endOfDayTokyo = '2026-11-22T14:59:59.999Z';
    expect(kinds(one(watch({ marketplace: 'JP', shipBy: endOfDayTokyo }), Date.parse('2026-11-21T15:01:00Z')))).toEqual(['ship-by']);
    expect(kinds(one(watch({ marketplace: 'JP', shipBy: endOfDayTokyo }), Date.parse('2026-11-21T14:59:00Z')))).toEqual([]);
  });

  it('knows the day across the DST changes (Berlin 25 Oct, Los Angeles 8 Mar 2026)', () => {
    const berlin = '2026-10-25T22:59:59.999Z';
    expect(kinds(one(watch({ marketplace: 'DE', shipBy: berlin }), Date.parse('2026-10-24T22:30:00Z')))).toEqual(['ship-by']);
    expect(kinds(one(watch({ marketplace: 'DE', shipBy: berlin }), Date.parse('2026-10-24T21:30:00Z')))).toEqual([]);
    const la = '2026-03-09T06:59:59.999Z';
    expect(kinds(one(watch({ shipBy: la }), Date.parse('2026-03-08T08:30:00Z')))).toEqual(['ship-by']);
    expect(kinds(one(watch({ shipBy: la }), Date.parse('2026-03-08T07:30:00Z')))).toEqual([]);
  });

  it('ignores FBA, shipped and cancelled orders', () => {
    for (const patch of [{ fulfilment: 'FBA' as const }, { status: 'shipped' as const }, { status: 'canceled' as const }, { status: 'pending' as const }]) {
      expect(one(watch({ shipBy: '2026-11-21T07:59:59.999Z', ...patch }))).toEqual([]);
    }
  });
});

describe('cancellation requests, messages and notices', () => {
  it('counts a pending official cancellation request, not once shipped or cancelled', () => {
    expect(kinds(one(watch({ buyerRequestedCancel: true })))).toEqual(['cancel-request']);
    expect(one(watch({ buyerRequestedCancel: true, status: 'canceled' }))).toEqual([]);
    expect(one(watch({ buyerRequestedCancel: false }))).toEqual([]);
  });

  it('counts a message unanswered for the threshold, overdue after 24 h', () => {
    expect(one(watch({ messages: [message('product-question', 11.9)] }))).toEqual([]);
    expect(kinds(one(watch({ messages: [message('product-question', 12)] })))).toEqual(['reply']);
    expect(kinds(one(watch({ messages: [message('product-question', 25)] })))).toEqual(['reply!']);
    expect(kinds(one(watch({ messages: [message('product-question', 5)] }), NOW, { replyDueHours: 4 }))).toEqual(['reply']);
    expect(one(watch({ messages: [message('product-question', 30, { answered: true })] }))).toEqual([]);
  });

  it('counts a high-risk message at once, whatever its age', () => {
    for (const intent of ['counterfeit', 'defective', 'wrong-item', 'condition-mismatch', 'cancel-not-honored', 'address-change'] as const) {
      const [order] = one(watch({ messages: [message(intent, 0.5)] }));
      expect(order?.reasons[0], intent).toMatchObject({ kind: 'reply', highRisk: true, intent, overdue: false });
    }
    expect(one(watch({ messages: [message('cancel-inquiry', 0.5), message('other', 1)] }))).toEqual([]);
    expect(kinds(one(watch({ messages: [message('counterfeit', undefined)] })))).toEqual(['reply']);
  });

  it('counts a pending notice; an A-to-z claim is overdue after 72 hours', () => {
    expect(kinds(one(watch({ notice: { kind: 'undeliverable-message', seen: new Date(NOW - HOUR).toISOString() } })))).toEqual(['notice']);
    expect(kinds(one(watch({ notice: { kind: 'a-to-z-claim', seen: new Date(NOW - 71 * HOUR).toISOString() } })))).toEqual(['notice']);
    expect(kinds(one(watch({ notice: { kind: 'a-to-z-claim', seen: new Date(NOW - 73 * HOUR).toISOString() } })))).toEqual(['notice!']);
    expect(kinds(one(watch({ messages: [message('a-to-z-claim', 2, { sender: 'amazon', key: 'amazon:1' })] })))).toEqual(['notice']);
  });

  it('gives one entry per order with all its reasons', () => {
    const w = watch({ shipBy: '2026-11-21T07:59:59.999Z', buyerRequestedCancel: true, messages: [message('counterfeit', 30)] });
    expect(kinds(one(w))).toEqual(['ship-by!+auto-cancel+cancel-request+reply!']);
  });
});

describe('order and handling', () => {
  it('puts overdue first, then the nearest deadline, then the order id', () => {
    const later = watch({ shipBy: '2026-11-23T07:59:59.999Z' });
    const overdue = watch({ shipBy: '2026-11-21T07:59:59.999Z' });
    const reply = watch({ messages: [message('product-question', 20)] }); // deadline in 4 h
    const noDeadline = watch({ buyerRequestedCancel: true });
    const orders = urgentOrders([noDeadline, later, reply, overdue], EMPTY_HANDLED, SETTINGS, NOW);
    expect(orders.map((o) => o.orderId)).toEqual([overdue.orderId, reply.orderId, later.orderId, noDeadline.orderId]);
    expect(orders[1]?.deadline).toBe(new Date(NOW + 4 * HOUR).toISOString());
  });

  it('hides an order marked done until a new reason appears', () => {
    const w = watch({ buyerRequestedCancel: true });
    const [order] = urgentOrders([w], EMPTY_HANDLED, SETTINGS, NOW);
    const done = markDone(EMPTY_HANDLED, order!, NOW);
    expect(Handled.safeParse(done).success).toBe(true);
    expect(urgentOrders([w], done, SETTINGS, NOW)).toEqual([]);
    const again = { ...w, messages: [message('counterfeit', 1)] };
    expect(kinds(urgentOrders([again], done, SETTINGS, NOW))).toEqual(['cancel-request+reply']);
  });

  it('hides a snoozed order for an hour', () => {
    const w = watch({ buyerRequestedCancel: true });
    const snoozed = snooze(EMPTY_HANDLED, w.orderId, NOW);
    expect(urgentOrders([w], snoozed, SETTINGS, NOW + 59 * 60_000)).toEqual([]);
    expect(urgentOrders([w], snoozed, SETTINGS, NOW + 61 * 60_000)).toHaveLength(1);
  });

  it('prunes handling of forgotten orders', () => {
    const w = watch({ buyerRequestedCancel: true });
    const handled = snooze(snooze(EMPTY_HANDLED, w.orderId, NOW), '999-9999999-9999999', NOW);
    expect(Object.keys(pruneHandled(handled, [w]).orders)).toEqual([w.orderId]);
  });

  it('refuses malformed handling records', () => {
    for (const bad of [{ version: 1, orders: { 'not-an-order': {} } }, { version: 1, orders: { '111-1111111-1111111': { snoozedUntil: 'tomorrow' } } }, { version: 2, orders: {} }, '<b>']) {
      expect(Handled.safeParse(bad).success).toBe(false);
    }
  });
});

describe('when to look again', () => {
  it('at the next change by the clock, at least hourly, every 5 minutes near a deadline', () => {
    expect(nextCheck([], EMPTY_HANDLED, SETTINGS, NOW)).toBe(NOW + HOUR);
    const reply = watch({ messages: [message('product-question', 11.5)] });
    expect(nextCheck([reply], EMPTY_HANDLED, SETTINGS, NOW)).toBe(NOW + 0.5 * HOUR); // reaches 12 h
    const near = watch({ shipBy: new Date(NOW + 90 * 60_000).toISOString() });
    expect(nextCheck([near], EMPTY_HANDLED, SETTINGS, NOW)).toBe(NOW + 5 * 60_000);
    const snoozed = snooze(EMPTY_HANDLED, reply.orderId, NOW - 50 * 60_000);
    expect(nextCheck([{ ...reply, messages: [] }], snoozed, SETTINGS, NOW)).toBe(NOW + 10 * 60_000);
  });

  it('never asks for the past or sooner than 30 seconds', () => {
    const due = watch({ shipBy: new Date(NOW + 1_000).toISOString() });
    expect(nextCheck([due], EMPTY_HANDLED, SETTINGS, NOW)).toBe(NOW + 30_000);
  });
});

describe('links', () => {
  it("opens the order on its marketplace's Seller Central", () => {
    expect(orderUrl('503-1724766-9264601', 'JP')).toBe('https://sellercentral.amazon.co.jp/orders-v3/order/503-1724766-9264601');
    expect(orderUrl('302-5518830-2297164', 'DE')).toBe('https://sellercentral.amazon.de/orders-v3/order/302-5518830-2297164');
    expect(orderUrl('114-3941689-8772232', undefined)).toBe('https://sellercentral.amazon.com/orders-v3/order/114-3941689-8772232');
  });
});
