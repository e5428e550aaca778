// The findings each demo page must show (demo/pages.json `findings`, and `scenarios` of several
// visits), computed the way the content script does: read, classify, remember, advise. The pages'
// dates are relative to the moment they are served, so this holds at any clock: checked at the
// unit tests' fixed moment, around both DST changes, and now.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import demo from '@/demo/pages.json';
import { classify } from '@/lib/classify/classify';
import { advise } from '@/lib/guidance/advise';
import type { Finding } from '@/lib/guidance/types';
import { EMPTY_HANDLED, urgentOrders } from '@/lib/urgency';
import { EMPTY_FEE_RATES, EMPTY_SALES_WATCH, assessTransactions, type FeeRates, type SalesWatch } from '@/lib/fees';
import { createMessagingMemory } from '@/lib/pages/messaging-memory';
import { mergeOrderDetails, parseOrdersApi } from '@/lib/pages/orders-api';
import { readPage } from '@/lib/pages/read-page';
import type { PageSnapshot } from '@/lib/pages/snapshot';
import { observeNotice, observeOrder, observeThread, type ClassifiedMessage, type OrderWatch } from '@/lib/watch';
import { DEMO_NOW, fillDemoDates, parseHtml } from './helpers';

type DemoPage = (typeof demo.pages)[number];
const data = demo.data as Record<string, string>;

function snapshotAt(page: DemoPage, now: Date): PageSnapshot {
  const url = new URL(page.url);
  let snapshot = readPage(parseHtml(fillDemoDates(readFileSync(`demo/pages/${page.file}`, 'utf8'), now)), url);
  // The order app's own JSON, as the main-world observer hands it over in the browser.
  if (snapshot.kind === 'order-details') {
    const file = data[`${url.hostname}/orders-api/order/${snapshot.orderId}`];
    if (file) {
      const payload = parseOrdersApi(`/orders-api/order/${snapshot.orderId}`, JSON.parse(fillDemoDates(readFileSync(`demo/pages/${file}`, 'utf8'), now)));
      if (payload?.kind === 'order') snapshot = mergeOrderDetails(snapshot, payload.order);
    }
  }
  // The messaging app's own JSON of this host, as the page loads it and the observer hands it over.
  const messaging = createMessagingMemory();
  for (const [key, file] of Object.entries(data)) {
    const path = key.slice(url.hostname.length);
    if (key.startsWith(`${url.hostname}/messaging/`)) messaging.take(path, fillDemoDates(readFileSync(`demo/pages/${file}`, 'utf8'), now));
  }
  if (messaging.size > 0) snapshot = messaging.merge(snapshot, url);
  return snapshot;
}

function classified(snapshot: PageSnapshot): ClassifiedMessage[] | undefined {
  if (snapshot.kind !== 'message-thread') return undefined;
  return snapshot.messages.flatMap((m, index) =>
    m.sender === 'seller' ? [] : [{ index, classification: classify({ body: m.text, sender: m.sender, subject: snapshot.subject, marketplace: snapshot.marketplace }) }],
  );
}

interface Visit {
  readonly findings: readonly Finding[];
  /** The orders the last page is about. */
  readonly orders: readonly string[];
  readonly memory: ReadonlyMap<string, OrderWatch>;
}

/** Visits pages in order, remembering as the content script does; the findings of the last. */
function visit(ids: readonly string[], now: Date): string[] {
  return visitAll(ids, now)
    .findings.map((f) => f.id)
    .sort();
}

function visitAll(ids: readonly string[], now: Date): Visit {
  const memory = new Map<string, OrderWatch>();
  // The background's fee rates and sales (lib/fees), as it keeps them across pages.
  let fees: { rates: FeeRates; sales: SalesWatch } = { rates: EMPTY_FEE_RATES, sales: EMPTY_SALES_WATCH };
  let findings: Finding[] = [];
  let orders: string[] = [];
  for (const id of ids) {
    const page = demo.pages.find((p) => p.id === id)!;
    const snapshot = snapshotAt(page, now);
    const messages = classified(snapshot);
    const orderId = 'orderId' in snapshot ? snapshot.orderId : undefined;
    const watch = orderId ? memory.get(orderId) : undefined;
    const assessed = snapshot.kind === 'transactions' ? assessTransactions(snapshot, fees.rates, fees.sales, now.getTime()) : undefined;
    if (assessed) fees = { rates: assessed.rates, sales: assessed.sales };
    findings = advise({ snapshot, ...(messages ? { classified: messages } : {}), watch, settings: { replyDueHours: 12 }, now: now.getTime(), feeJumps: assessed?.jumps });
    orders = snapshot.kind === 'order-list' ? snapshot.orders.map((row) => row.orderId) : orderId ? [orderId] : [];
    if (snapshot.kind === 'order-list') {
      for (const row of snapshot.orders) memory.set(row.orderId, observeOrder(memory.get(row.orderId), { ...row, marketplace: row.marketplace ?? snapshot.marketplace }, now.getTime()));
    }
    if (snapshot.kind === 'order-details') memory.set(snapshot.orderId, observeOrder(watch, snapshot, now.getTime()));
    if (snapshot.kind === 'message-thread' && snapshot.orderId) memory.set(snapshot.orderId, observeThread(watch, { ...snapshot, orderId: snapshot.orderId }, messages ?? [], now.getTime()));
    if (snapshot.kind === 'notice' && snapshot.orderId) memory.set(snapshot.orderId, observeNotice(watch, { ...snapshot, orderId: snapshot.orderId }, now.getTime()));
  }
  return { findings, orders, memory };
}

const MOMENTS: [string, Date][] = [
  ['the fixed demo moment', DEMO_NOW],
  ['the night of the US DST change', new Date('2026-03-08T10:30:00Z')],
  ['the day after the EU DST change', new Date('2026-10-26T09:00:00Z')],
  ['now', new Date()],
];

describe.each(MOMENTS)('demo findings at %s', (_name, now) => {
  it.each(demo.pages.map((p) => [p.id, p] as const))('%s', (_id, page) => {
    expect(visit([page.id], now)).toEqual([...page.findings].sort());
  });

  it.each(demo.scenarios.map((s) => [s.id, s] as const))('scenario %s', (_id, scenario) => {
    expect(visit(scenario.steps, now)).toEqual([...scenario.findings].sort());
  });
});

// One engine: the badge (lib/urgency) counts an order exactly when the findings the sidebar shows
// for it say it counts, on every demo page and after every scenario, at every moment above.
describe.each(MOMENTS)('the badge agrees with the findings at %s', (_name, now) => {
  const agree = (ids: readonly string[]) => {
    const { findings, orders, memory } = visitAll(ids, now);
    const counted = new Set(urgentOrders([...memory.values()], EMPTY_HANDLED, { replyDueHours: 12 }, now.getTime()).map((o) => o.orderId));
    const flagged = new Set(findings.flatMap((f) => (f.badge && f.orderId ? [f.orderId] : [])));
    return { badge: orders.filter((id) => counted.has(id)), findings: orders.filter((id) => flagged.has(id)), flaggedElsewhere: [...flagged].filter((id) => !orders.includes(id)) };
  };

  it.each(demo.pages.map((p) => [p.id, p] as const))('%s', (_id, page) => {
    const { badge, findings, flaggedElsewhere } = agree([page.id]);
    expect(badge).toEqual(findings);
    expect(flaggedElsewhere).toEqual([]);
  });

  it.each(demo.scenarios.map((s) => [s.id, s] as const))('scenario %s', (_id, scenario) => {
    const { badge, findings } = agree(scenario.steps);
    expect(badge).toEqual(findings);
  });

  it('counts something on some demo pages, so the agreement is not of empty sets', () => {
    const counting = demo.pages.filter((p) => agree([p.id]).badge.length > 0);
    expect(counting.length).toBeGreaterThanOrEqual(3);
  });
});

describe('the demo covers every finding', () => {
  it('each finding id appears on at least one page or scenario', async () => {
    const { FINDING_IDS } = await import('@/lib/guidance/types');
    const shown = new Set([...demo.pages.flatMap((p) => p.findings), ...demo.scenarios.flatMap((s) => s.findings)]);
    expect(FINDING_IDS.filter((id) => !shown.has(id))).toEqual([]);
  });

  it('has quiet pages too, where nothing is said', () => {
    expect(demo.pages.filter((p) => p.findings.length === 0 && p.pageType !== 'other').length).toBeGreaterThanOrEqual(4);
  });
});

describe('the conversation only the JSON shows', () => {
  it('reads no message from the markup of message-thread-es-json-only: its findings come from the app’s JSON', () => {
    const page = demo.pages.find((p) => p.id === 'message-thread-es-json-only')!;
    const url = new URL(page.url);
    const fromMarkup = readPage(parseHtml(fillDemoDates(readFileSync(`demo/pages/${page.file}`, 'utf8'), DEMO_NOW)), url);
    // The markup shows the reply box only: a conversation with no message read.
    expect(fromMarkup).toMatchObject({ kind: 'message-thread', messages: [], replyBox: { kind: 'kat-textarea' } });
    expect(snapshotAt(page, DEMO_NOW)).toMatchObject({
      kind: 'message-thread',
      marketplace: 'ES',
      orderId: '405-2938471-6650318',
      replyBox: { kind: 'kat-textarea' },
      sources: ['dom', 'messaging-api'],
    });
  });
});
