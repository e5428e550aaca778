// Order records written by several tabs at once lose nothing: every observation is merged into
// what is stored (lib/watch mergeWatch), and the background writes them one at a time. The
// buyer's official cancellation request can be set by page data, cleared only by newer data.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRequest } from '@/utils/background/requests';
import type { Classification, Intent } from '@/lib/classify/types';
import { MAX_REMEMBER_BATCH, RememberResponse, requestRemember } from '@/lib/messaging';
import type { MessageThreadSnapshot, OrderDetailsSnapshot } from '@/lib/pages/snapshot';
import { watchStore } from '@/lib/storage';
import { OrderWatch, mergeWatch, observeOrder, observeThread, withCancelRequest, type WatchChange } from '@/lib/watch';

const ORDER = '114-3941689-8772232';
const T0 = Date.parse('2026-11-22T10:00:00Z');
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A classification as the background gives it; Amazon's own request names its signal (Amazon sent it). */
const classification = (intent: Intent): Classification => ({
  intent,
  confidence: 1,
  language: 'en',
  flags: [],
  evidence: [],
  scores: {},
  ...(intent === 'cancel-request' ? { official: 'amazon-sender' as const } : {}),
});

/** A thread page showing one message, classified as `intent`. */
function threadWith(sender: 'buyer' | 'amazon', time: string, intent: Intent) {
  const thread: MessageThreadSnapshot & { orderId: string } = {
    kind: 'message-thread',
    orderId: ORDER,
    marketplace: 'US',
    messages: [{ sender, time, text: 'words are never kept' }],
    missing: [],
    sources: ['dom'],
  };
  return (previous: OrderWatch | undefined, now: number) => observeThread(previous, thread, [{ index: 0, classification: classification(intent) }], now);
}

function orderPage(requested: boolean) {
  const order: OrderDetailsSnapshot = {
    kind: 'order-details',
    orderId: ORDER,
    marketplace: 'US',
    status: 'unshipped',
    fulfilment: 'MFN',
    buyerRequestedCancel: { requested },
    items: [],
    controls: [],
    missing: [],
    sources: ['dom'],
  };
  return (previous: OrderWatch | undefined, now: number) => observeOrder(previous, order, now);
}

const remember = async (changes: WatchChange[]) => RememberResponse.parse(await handleRequest({ type: 'remember', changes })).watches;
const stored = async () => (await fakeBrowser.storage.local.get(`watch:${ORDER}`))[`watch:${ORDER}`] as OrderWatch | undefined;

/** Every order of the steps of several writers that keeps each writer's own order. */
function interleavings(lengths: readonly number[]): number[][] {
  const total = lengths.reduce((a, b) => a + b, 0);
  const out: number[][] = [];
  const walk = (left: number[], schedule: number[]) => {
    if (schedule.length === total) out.push(schedule);
    left.forEach((n, writer) => {
      if (n > 0)
        walk(
          left.map((m, i) => (i === writer ? m - 1 : m)),
          [...schedule, writer],
        );
    });
  };
  walk([...lengths], []);
  return out;
}

interface Tab {
  /** What the tab's page shows, observed at the tab's own time. */
  readonly observe: (previous: OrderWatch | undefined, now: number) => OrderWatch;
  readonly now: number;
}

/**
 * Runs tabs that each read the record, then send what they made of it to the background (without
 * waiting for the answer, as tabs do), in the given interleaving; resolves when all are written.
 */
async function run(tabs: readonly Tab[], schedule: readonly number[]): Promise<OrderWatch | undefined> {
  const bases: (OrderWatch | undefined)[] = [];
  const read = tabs.map(() => false);
  const writes: Promise<unknown>[] = [];
  for (const tab of schedule) {
    if (!read[tab]) {
      bases[tab] = await watchStore().get(ORDER);
      read[tab] = true;
    } else {
      const { observe, now } = tabs[tab]!;
      writes.push(remember([{ base: bases[tab], next: observe(bases[tab], now) }]));
    }
  }
  await Promise.all(writes);
  return stored();
}

describe('order records written from several tabs at once', () => {
  beforeEach(() => fakeBrowser.reset());

  const buyerAsks = { observe: threadWith('buyer', iso(T0 - 30 * MINUTE), 'cancel-inquiry'), now: T0 + 2 * MINUTE };
  const amazonRequests = { observe: threadWith('amazon', iso(T0 - 10 * MINUTE), 'cancel-request'), now: T0 + 3 * MINUTE };
  const orderPageEarlier = { observe: orderPage(false), now: T0 + 1 * MINUTE };

  it.each([
    ['nothing stored yet', false],
    ['a record with an earlier message', true],
  ])('keeps every message and the official request, in every interleaving of three tabs (%s)', async (_name, seeded) => {
    const schedules = interleavings([2, 2, 2]);
    expect(schedules).toHaveLength(90);
    const lost: string[] = [];
    for (const schedule of schedules) {
      fakeBrowser.reset();
      if (seeded) await remember([{ next: threadWith('buyer', iso(T0 - 60 * MINUTE), 'where-is-order')(undefined, T0) }]);
      const result = await run([buyerAsks, amazonRequests, orderPageEarlier], schedule);
      const intents = Object.fromEntries((result?.messages ?? []).map((m) => [m.key, m.intent]));
      const ok =
        intents[`buyer:${iso(T0 - 30 * MINUTE)}`] === 'cancel-inquiry' &&
        intents[`amazon:${iso(T0 - 10 * MINUTE)}`] === 'cancel-request' &&
        (!seeded || intents[`buyer:${iso(T0 - 60 * MINUTE)}`] === 'where-is-order') &&
        // Set by the thread (read at T0+3m); the order page's "no request" was read earlier (T0+1m).
        result?.buyerRequestedCancel === true &&
        result.status === 'unshipped' &&
        result.firstSeen <= iso(T0 + MINUTE) &&
        result.lastSeen === iso(T0 + 3 * MINUTE);
      if (!ok) lost.push(schedule.join(''));
    }
    expect(lost).toEqual([]);
  });

  it('lets newer page data clear the request, in every interleaving', async () => {
    const orderPageLater = { observe: orderPage(false), now: T0 + 5 * MINUTE };
    for (const schedule of interleavings([2, 2])) {
      fakeBrowser.reset();
      const result = await run([amazonRequests, orderPageLater], schedule);
      expect({ schedule: schedule.join(''), flag: result?.buyerRequestedCancel }).toEqual({ schedule: schedule.join(''), flag: false });
      expect(result?.messages.map((m) => m.intent)).toEqual(['cancel-request']);
    }
  });

  it("writes an order list's rows in one request, each merged", async () => {
    await remember([{ next: threadWith('buyer', iso(T0), 'cancel-inquiry')(undefined, T0) }]);
    const rows = await remember([{ next: orderPage(false)(undefined, T0 + MINUTE) }, { next: { ...orderPage(false)(undefined, T0 + MINUTE), orderId: '111-0000000-0000001' } }]);
    expect(rows.map((r) => r.orderId)).toEqual([ORDER, '111-0000000-0000001']);
    expect((await stored())?.messages.map((m) => m.intent)).toEqual(['cancel-inquiry']);
  });

  it("the content script's side sends batches to the background and gets the merged records back", async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => handleRequest(message));
    const rows = Array.from({ length: MAX_REMEMBER_BATCH + 3 }, (_, i) => ({
      next: { ...orderPage(false)(undefined, T0), orderId: `111-0000000-${String(i).padStart(7, '0')}` },
    }));
    expect(await requestRemember(rows)).toHaveLength(MAX_REMEMBER_BATCH + 3);
    expect(send).toHaveBeenCalledTimes(2);
    send.mockImplementationOnce(async () => ({ error: 'Could not remember the orders: QUOTA_BYTES quota exceeded' }));
    await expect(requestRemember(rows.slice(0, 1))).rejects.toThrow(/did not remember the orders: Could not remember the orders: QUOTA_BYTES/);
  });

  it('answers a write that storage refuses with an error, not a throw', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    expect(await handleRequest({ type: 'remember', changes: [{ next: orderPage(false)(undefined, T0) }] })).toEqual({
      error: 'Could not remember the orders: QUOTA_BYTES quota exceeded',
    });
  });

  it('refuses hostile or oversized requests, writing nothing', async () => {
    const good = orderPage(false)(undefined, T0);
    for (const request of [
      { type: 'remember', changes: [{ next: { ...good, orderId: '<script>' } }] },
      { type: 'remember', changes: [{ next: { ...good, messages: [{ key: 'x', text: 'buyer words' }] } }] },
      { type: 'remember', changes: 'all of them' },
      { type: 'remember', changes: Array.from({ length: MAX_REMEMBER_BATCH + 1 }, () => ({ next: good })) },
    ]) {
      expect((handleRequest(request) as { error?: string }).error).toMatch(/^Not a request Seller Sidekick understands/);
    }
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('does not overwrite an unreadable record it could not back up', async () => {
    await fakeBrowser.storage.local.set({ [`watch:${ORDER}`]: { version: 1, orderId: ORDER, messages: 'garbage' } });
    const store = watchStore({ onProblem: () => {} });
    const { set } = fakeBrowser.storage.local;
    fakeBrowser.storage.local.set = (items: Record<string, unknown>) =>
      Object.keys(items).some((key) => key.startsWith('backup:')) ? Promise.reject(new Error('QUOTA_BYTES quota exceeded')) : set(items);
    try {
      expect(await store.update([{ next: orderPage(false)(undefined, T0) }])).toEqual([]);
    } finally {
      fakeBrowser.storage.local.set = set;
    }
    expect(await stored()).toMatchObject({ messages: 'garbage' });
    // With room for the backup, the observation replaces it.
    expect((await store.update([{ next: orderPage(false)(undefined, T0) }])).map((w) => w.status)).toEqual(['unshipped']);
  });
});

describe('the official cancellation request: set by page data, cleared only by newer data', () => {
  const at = (minutes: number) => iso(T0 + minutes * MINUTE);
  const flagged = { buyerRequestedCancel: true, buyerRequestedCancelAt: at(5), lastSeen: at(5) };

  it('is set by page data, keeping the newest time that set it', () => {
    expect(withCancelRequest({ lastSeen: at(0) }, true, at(1))).toEqual({ buyerRequestedCancel: true, buyerRequestedCancelAt: at(1) });
    const cleared = { buyerRequestedCancel: false, buyerRequestedCancelAt: at(5), lastSeen: at(9) };
    expect(withCancelRequest(cleared, true, at(5))).toEqual({ buyerRequestedCancel: true, buyerRequestedCancelAt: at(5) });
    expect(withCancelRequest(cleared, true, at(6))).toEqual({ buyerRequestedCancel: true, buyerRequestedCancelAt: at(6) });
    // Data read before a newer "no request" does not bring it back (whichever tab writes last).
    expect(withCancelRequest(cleared, true, at(4))).toEqual({ buyerRequestedCancel: false, buyerRequestedCancelAt: at(5) });
    expect(withCancelRequest(flagged, true, at(3))).toEqual({ buyerRequestedCancel: true, buyerRequestedCancelAt: at(5) });
    expect(withCancelRequest(flagged, true, at(7))).toEqual({ buyerRequestedCancel: true, buyerRequestedCancelAt: at(7) });
  });

  it('gives the same answer whatever order the data is written in', () => {
    const times = [at(1), at(2), at(2), at(3)];
    const observations = times.flatMap((time) => [true, false].map((requested) => ({ requested, time })));
    for (const a of observations) {
      for (const b of observations) {
        const start = { lastSeen: at(0) };
        const ab = withCancelRequest({ ...start, ...withCancelRequest(start, a.requested, a.time) }, b.requested, b.time);
        const ba = withCancelRequest({ ...start, ...withCancelRequest(start, b.requested, b.time) }, a.requested, a.time);
        expect(ab).toEqual(ba);
        // The newest data decides; on a tie, the request stands.
        const newest = a.time === b.time ? a.requested || b.requested : (a.time > b.time ? a : b).requested;
        expect(ab.buyerRequestedCancel).toBe(newest);
      }
    }
  });

  it('is cleared only by strictly newer data', () => {
    expect(withCancelRequest(flagged, false, at(4)).buyerRequestedCancel).toBe(true);
    expect(withCancelRequest(flagged, false, at(5)).buyerRequestedCancel).toBe(true);
    expect(withCancelRequest(flagged, false, at(6))).toEqual({ buyerRequestedCancel: false, buyerRequestedCancelAt: at(6) });
    // A record from before the time was kept: set no later than it was last seen.
    const legacy = { buyerRequestedCancel: true, lastSeen: at(5) };
    expect(withCancelRequest(legacy, false, at(5)).buyerRequestedCancel).toBe(true);
    expect(withCancelRequest(legacy, false, at(6)).buyerRequestedCancel).toBe(false);
  });

  it('the order page follows the rule against what it started from', () => {
    const requested = orderPage(true)(undefined, T0 + 5 * MINUTE);
    expect(requested).toMatchObject({ buyerRequestedCancel: true, buyerRequestedCancelAt: at(5) });
    // Its own clock going back (another device's record): older data cannot clear.
    expect(orderPage(false)(requested, T0 + 4 * MINUTE).buyerRequestedCancel).toBe(true);
    expect(orderPage(false)(requested, T0 + 5 * MINUTE).buyerRequestedCancel).toBe(true);
    expect(orderPage(false)(requested, T0 + 6 * MINUTE).buyerRequestedCancel).toBe(false);
  });

  it("a thread that shows Amazon's request sets it as page data read at that moment", () => {
    const base = orderPage(false)(undefined, T0);
    const fromThread = threadWith('amazon', at(-1), 'cancel-request')(base, T0 + 5 * MINUTE);
    const merged = mergeWatch(base, base, fromThread);
    expect(merged).toMatchObject({ buyerRequestedCancel: true, buyerRequestedCancelAt: at(5) });
    // An order page read before the thread, written after it, cannot clear it…
    expect(mergeWatch(merged, base, orderPage(false)(base, T0 + 4 * MINUTE)).buyerRequestedCancel).toBe(true);
    expect(mergeWatch(merged, base, orderPage(false)(base, T0 + 5 * MINUTE)).buyerRequestedCancel).toBe(true);
    // …one read after it can.
    expect(mergeWatch(merged, base, orderPage(false)(base, T0 + 6 * MINUTE)).buyerRequestedCancel).toBe(false);
    // A stale tab that merely carries the old "false" along changes nothing.
    const stale = threadWith('buyer', at(-30), 'where-is-order')(base, T0 + 9 * MINUTE);
    expect(mergeWatch(merged, base, stale)).toMatchObject({ buyerRequestedCancel: true, buyerRequestedCancelAt: at(5) });
  });
});

describe('mergeWatch', () => {
  const base = orderPage(false)(undefined, T0);

  it('takes only what the observation changed: facts, messages (new or changed), seen times', () => {
    const storedNow: OrderWatch = { ...threadWith('buyer', iso(T0), 'cancel-inquiry')(base, T0 + MINUTE), status: 'shipped', tracking: { id: '1Z999' } };
    const answered = { ...threadWith('buyer', iso(T0), 'cancel-inquiry')(base, T0 + 2 * MINUTE) };
    answered.messages = answered.messages.map((m) => ({ ...m, answered: true }));
    const merged = mergeWatch(storedNow, base, answered);
    expect(merged.status).toBe('shipped'); // carried over from base by the stale tab: not taken
    expect(merged.tracking).toEqual({ id: '1Z999' });
    expect(merged.messages).toEqual(answered.messages);
    expect(merged.lastSeen).toBe(iso(T0 + 2 * MINUTE));
    expect(merged.firstSeen).toBe(iso(T0));
    expect(OrderWatch.safeParse(merged).success).toBe(true);
  });

  it('takes the observation as it is when nothing is stored (new order, or cleared meanwhile)', () => {
    const next = threadWith('buyer', iso(T0), 'cancel-inquiry')(base, T0 + MINUTE);
    expect(mergeWatch(undefined, base, next)).toBe(next);
  });

  it('keeps at most 30 messages, the latest', () => {
    let storedNow: OrderWatch = base;
    for (let i = 0; i < 40; i++) storedNow = mergeWatch(storedNow, base, threadWith('buyer', iso(T0 + i * MINUTE), 'other')(base, T0 + i * MINUTE));
    expect(storedNow.messages).toHaveLength(30);
    expect(storedNow.messages.at(-1)?.at).toBe(iso(T0 + 39 * MINUTE));
    expect(OrderWatch.safeParse(storedNow).success).toBe(true);
  });
});
