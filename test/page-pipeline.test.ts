// The page pipeline (lib/pipeline/page.ts) without a browser: its ports are fakes in memory, the
// classifier and the rules are the real ones (as the background runs them). What it remembers,
// what it asks, what it shows, and what it does when a port fails or a newer reading overtakes.
import { describe, expect, it } from 'vitest';
import { classify } from '@/lib/classify/classify';
import type { Classification, ClassifyInput } from '@/lib/classify/types';
import { advise, type AdviceInput } from '@/lib/guidance/advise';
import type { Finding } from '@/lib/guidance/types';
import type { PageSnapshot, MessageThreadSnapshot, OrderListSnapshot, OrderRow } from '@/lib/pages/snapshot';
import { createPagePipeline, worthWriting, type GuidanceState, type PipelinePorts } from '@/lib/pipeline/page';
import { DEFAULT_USER_SETTINGS, EMPTY_DISMISSED, type AccountHealthReading } from '@/lib/settings';
import type { OrderWatch, WatchChange } from '@/lib/watch';
import { orderPage } from './helpers';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const ORDER = '114-3941689-8772232';

interface Fake {
  readonly ports: PipelinePorts;
  readonly stored: Map<string, OrderWatch>;
  readonly writes: WatchChange[][];
  readonly classified: ClassifyInput[][];
  readonly advised: AdviceInput[];
  readonly warnings: string[];
  readonly health: AccountHealthReading[];
}

function fake(patch: Partial<PipelinePorts> = {}): Fake {
  const stored = new Map<string, OrderWatch>();
  const writes: WatchChange[][] = [];
  const classified: ClassifyInput[][] = [];
  const advised: AdviceInput[] = [];
  const warnings: string[] = [];
  const health: AccountHealthReading[] = [];
  const ports: PipelinePorts = {
    now: () => NOW,
    getWatch: async (id) => stored.get(id),
    getWatches: async (ids) => new Map(ids.flatMap((id) => (stored.has(id) ? [[id, stored.get(id)!] as const] : []))),
    remember: async (changes) => {
      writes.push(changes);
      for (const change of changes) stored.set(change.next.orderId, change.next);
      return changes.map((c) => c.next);
    },
    classify: async (inputs) => {
      classified.push([...inputs]);
      return inputs.map((input) => classify(input));
    },
    advise: async (input) => {
      advised.push(input);
      return advise(input);
    },
    checkTransactions: async () => undefined,
    saveAccountHealth: async (reading) => {
      health.push(reading);
    },
    warn: (what) => warnings.push(what),
    ...patch,
  };
  return { ports, stored, writes, classified, advised, warnings, health };
}

async function settle(states: GuidanceState[], count = 1) {
  for (let i = 0; i < 400; i++) {
    if (states.filter((s) => !s.pending).length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error('the pipeline never settled');
}

function run(f: Fake) {
  const states: GuidanceState[] = [];
  const pipeline = createPagePipeline(f.ports, (state) => states.push(state));
  pipeline.start(Promise.resolve({ settings: DEFAULT_USER_SETTINGS, dismissed: EMPTY_DISMISSED, health: null }));
  return { pipeline, states, last: () => states.at(-1)! };
}

function thread(messages: MessageThreadSnapshot['messages'], patch: Partial<MessageThreadSnapshot> = {}): MessageThreadSnapshot {
  return { kind: 'message-thread', marketplace: 'US', orderId: ORDER, messages, missing: [], sources: ['dom'], ...patch };
}

const row = (n: number, patch: Partial<OrderRow> = {}): OrderRow => ({
  orderId: `111-0000000-${String(n).padStart(7, '0')}`,
  marketplace: 'US',
  fulfilment: 'MFN',
  status: 'unshipped',
  shipBy: { earliest: new Date(NOW - 3_600_000).toISOString(), latest: new Date(NOW - 1_000).toISOString() },
  items: [],
  controls: [],
  missing: [],
  ...patch,
});

const ids = (findings: readonly Finding[]) => findings.map((f) => f.id).sort();
/** Due later today in Los Angeles (04:00 now). */
const TODAY = { earliest: new Date(NOW).toISOString(), latest: new Date(NOW + 2 * 3_600_000).toISOString() };

describe('a message thread', () => {
  const page = thread([
    { sender: 'buyer', time: '2026-11-22T10:00:00.000Z', text: 'The item I received is a fake, not genuine at all.' },
    { sender: 'seller', time: '2026-11-22T10:30:00.000Z', text: 'We are sorry to hear that.' },
    { sender: 'buyer', time: '2026-11-22T11:00:00.000Z', text: 'Please cancel my order, I no longer need it.' },
  ]);

  it("classifies the buyer's messages only, remembers their intents, and advises on the page with them", async () => {
    const f = fake();
    const { pipeline, states, last } = run(f);
    pipeline.update(page);
    await settle(states);
    expect(f.classified).toHaveLength(1);
    expect(f.classified[0]!.map((i) => i.body)).toEqual([page.messages[0]!.text, page.messages[2]!.text]);
    expect(f.writes).toHaveLength(1);
    const record = f.stored.get(ORDER)!;
    expect(record.messages.map((m) => `${m.intent}:${m.answered}`)).toEqual(['counterfeit:true', 'cancel-inquiry:false']);
    expect(JSON.stringify(record)).not.toContain('fake'); // intents only, never the words
    const input = f.advised.at(-1)!;
    expect(input.classified).toHaveLength(2);
    expect(input.watch?.orderId).toBe(ORDER);
    expect(ids(last().findings)).toEqual(['cancel-inquiry-not-request']);
    expect(last().readings?.map((r) => r.index)).toEqual([0, 2]);
    expect(last().messageLanguage).toBe('en');
  });

  it('classifies a text once per page (a re-read asks nothing new)', async () => {
    const f = fake();
    const { pipeline, states } = run(f);
    pipeline.update(page);
    await settle(states);
    pipeline.update({ ...page });
    await settle(states, 2);
    expect(f.classified).toHaveLength(1);
    // Nothing changed but the time: not written again.
    expect(f.writes).toHaveLength(1);
  });

  it('never remembers a selection, even one naming the order', async () => {
    const f = fake();
    const { pipeline, states, last } = run(f);
    pipeline.update(thread([{ sender: 'buyer', text: 'This is counterfeit!' }], { sources: ['selection'] }));
    await settle(states);
    expect(f.writes).toEqual([]);
    expect(ids(last().findings)).toContain('complaint-reply-now');
  });

  it('guides on the page alone when the classifier cannot be reached, and says so', async () => {
    const f = fake({ classify: () => Promise.reject(new Error('asleep')) });
    const { pipeline, states, last } = run(f);
    pipeline.update(page);
    await settle(states);
    expect(f.warnings).toContain('could not classify the messages on this page.');
    expect(last().pending).toBe(false);
    expect(last().readings).toEqual([]);
  });

  it('survives a classifier that answers with holes or too few (nothing made up)', async () => {
    const f = fake({ classify: async (inputs) => [undefined, ...inputs.slice(2).map((i) => classify(i))] as (Classification | undefined)[] });
    const { pipeline, states, last } = run(f);
    pipeline.update(page);
    await settle(states);
    expect(last().readings).toEqual([]);
    expect(last().findings).toEqual([]);
  });
});

describe('an order list', () => {
  it('remembers every row in one write, and only the rows that changed afterwards', async () => {
    const f = fake();
    const { pipeline, states, last } = run(f);
    const list: OrderListSnapshot = { kind: 'order-list', marketplace: 'US', orders: [row(1), row(2), row(3, { fulfilment: 'FBA' })], missing: [], sources: ['dom'] };
    pipeline.update(list);
    await settle(states);
    expect(f.writes).toHaveLength(1);
    expect(f.writes[0]!.map((c) => c.next.orderId)).toEqual(list.orders.map((o) => o.orderId));
    expect(
      last()
        .findings.filter((x) => x.badge)
        .map((x) => x.orderId),
    ).toEqual([row(1).orderId, row(2).orderId]);
    pipeline.update({ ...list, orders: [row(1), row(2, { status: 'shipped' }), row(3, { fulfilment: 'FBA' })] });
    await settle(states, 2);
    expect(f.writes).toHaveLength(2);
    expect(f.writes[1]!.map((c) => c.next.orderId)).toEqual([row(2).orderId]);
  });

  it('still advises when the memory cannot be written', async () => {
    const f = fake({ remember: () => Promise.reject(new Error('quota')) });
    const { pipeline, states, last } = run(f);
    pipeline.update({ kind: 'order-list', marketplace: 'US', orders: [row(1)], missing: [], sources: ['dom'] });
    await settle(states);
    expect(f.warnings).toContain('could not remember the orders.');
    expect(ids(last().findings)).toEqual(['ship-by-due']);
  });
});

describe('events', () => {
  it('a newer reading overtakes a slower older one: the older findings are never shown', async () => {
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const f = fake();
    const classifySlowly = f.ports.classify;
    const g = fake({
      classify: async (inputs) => {
        await slow;
        return classifySlowly(inputs);
      },
    });
    const { pipeline, states, last } = run(g);
    pipeline.update(thread([{ sender: 'buyer', time: '2026-11-22T11:00:00.000Z', text: 'This is counterfeit!' }]));
    pipeline.update(orderPage({ status: 'shipped' }, ORDER));
    await settle(states);
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(last().findings.some((x) => x.id === 'complaint-reply-now')).toBe(false);
    expect(g.writes.flat().every((c) => c.next.messages.length === 0)).toBe(true);
  });

  it('no findings, not stale ones, when the rules cannot be reached', async () => {
    const f = fake({ advise: () => Promise.reject(new Error('updating')) });
    const { pipeline, states, last } = run(f);
    pipeline.update(orderPage({ shipBy: TODAY }, ORDER));
    await settle(states);
    expect(last().findings).toEqual([]);
    expect(f.warnings).toContain('could not get the findings for this page.');
  });

  it('hides a dismissed finding and shows it again', async () => {
    const f = fake();
    const { pipeline, states, last } = run(f);
    pipeline.update(orderPage({ shipBy: TODAY }, ORDER));
    await settle(states);
    const [finding] = last().findings;
    expect(finding?.id).toBe('ship-by-due');
    const dismissed = pipeline.dismiss(finding!, true);
    expect(dismissed.subjects[ORDER]?.ids).toEqual(['ship-by-due']);
    await settle(states, states.length + 1);
    expect(last().findings).toEqual([]);
    expect(last().dismissed.map((x) => x.id)).toEqual(['ship-by-due']);
    pipeline.dismiss(finding!, false);
    await settle(states, states.length + 1);
    expect(ids(last().findings)).toEqual(['ship-by-due']);
  });

  it("another tab's write to this page's order is advised on at once; the same record asks nothing", async () => {
    const f = fake();
    const { pipeline, states, last } = run(f);
    pipeline.update(orderPage({}, ORDER));
    await settle(states);
    const asked = f.advised.length;
    pipeline.orderChanged(f.stored.get(ORDER));
    expect(f.advised.length).toBe(asked);
    const fresh: OrderWatch = { ...f.stored.get(ORDER)!, messages: [{ key: 'buyer:x', sender: 'buyer', intent: 'cancel-inquiry', flags: [], answered: false }] };
    pipeline.orderChanged(fresh);
    await settle(states, states.length + 1);
    expect(f.advised.length).toBe(asked + 1);
    expect(ids(last().findings)).toContain('cancel-inquiry-not-request');
    expect(pipeline.orderId()).toBe(ORDER);
  });

  it('keeps the account health reading once, not again within the hour when it says the same', async () => {
    const f = fake();
    const { pipeline, states } = run(f);
    const page: PageSnapshot = { kind: 'account-health', marketplace: 'US', cancellationRate: { percent: 1.2, numerator: 3, denominator: 250 }, missing: [], sources: ['dom'] } as PageSnapshot;
    pipeline.update(page);
    await settle(states);
    pipeline.update({ ...page });
    await settle(states, 2);
    expect(f.health).toHaveLength(1);
    expect(f.health[0]).toMatchObject({ version: 1, cancellationRate: { percent: 1.2 } });
  });

  it('an unread page clears the findings', async () => {
    const f = fake();
    const { pipeline, states, last } = run(f);
    pipeline.update(orderPage({ shipBy: TODAY }, ORDER));
    await settle(states);
    pipeline.update(undefined);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(last().findings).toEqual([]);
    expect(last().pending).toBe(false);
  });

  it('starts from the defaults when the stored settings cannot be read', async () => {
    const f = fake();
    const states: GuidanceState[] = [];
    const pipeline = createPagePipeline(f.ports, (state) => states.push(state));
    pipeline.start(Promise.reject(new Error('corrupt')));
    pipeline.update(orderPage({}, ORDER));
    await settle(states);
    expect(f.warnings).toContain('could not read the settings; the defaults apply.');
    expect(states.at(-1)!.settings).toEqual(DEFAULT_USER_SETTINGS);
  });
});

describe('worthWriting', () => {
  const base: OrderWatch = { version: 1, orderId: ORDER, firstSeen: '2026-11-22T00:00:00.000Z', lastSeen: '2026-11-22T00:00:00.000Z', messages: [] };
  it('writes what changed, or an hour later', () => {
    expect(worthWriting(undefined, base)).toBe(true);
    expect(worthWriting(base, { ...base, lastSeen: '2026-11-22T00:59:00.000Z' })).toBe(false);
    expect(worthWriting(base, { ...base, lastSeen: '2026-11-22T01:00:01.000Z' })).toBe(true);
    expect(worthWriting(base, { ...base, status: 'shipped' })).toBe(true);
  });
});
