import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { openLink, type Link } from '@/utils/orders-api/channel';
import { buildSchemasAhead, judgeMutations, watchPageContent, yieldToPage } from '@/utils/content/page-reading';
import { lazySchema } from '@/lib/lazy-schema';
import * as z from 'zod/mini';
import type { PageSnapshot } from '@/lib/pages/snapshot';
import { LINK_EVENTS, MAX_OBSERVED_TEXT, PAGE_LINK_GLOBAL, type PageMessageCounts } from '@/lib/pages/observed-source';
import { loadFixture } from './helpers';

function fakeContext(): ContentScriptContext {
  return {
    setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
    addEventListener: (target: EventTarget, type: string, fn: EventListener, options?: AddEventListenerOptions) => target.addEventListener(type, fn, options),
    onInvalidated: () => () => {},
  } as unknown as ContentScriptContext;
}

const ORDER_ID = '114-3941689-8772232';
const ORDER_PATH = `/orders-api/order/${ORDER_ID}`;
/** The order's JSON saying its item is (or is not) officially cancel-requested. */
const orderJson = (requested: boolean) => ({ order: { amazonOrderId: ORDER_ID, orderItems: [{ ASIN: 'B00OK1O542', BuyerRequestedCancel: { isBuyerRequestedCancel: requested } }] } });
/** The old window message, exactly as the content script used to accept it. */
const OLD_SOURCE = 'seller-sidekick:orders-api';

/**
 * Makes the private link as the two document_start halves do (the content script's half leaves it
 * on its global), and gives the page reader's end: what it hands over, and the replays asked of it.
 */
function linkHalves() {
  const readyState = Object.getOwnPropertyDescriptor(document, 'readyState');
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
  let reader: Link | undefined;
  const replays = vi.fn();
  try {
    openLink(window, 'listener', (link) => {
      (globalThis as Record<string, unknown>)[PAGE_LINK_GLOBAL] = link;
    });
    openLink(window, 'reader', (link) => {
      reader = link;
      link.on(LINK_EVENTS.replay, replays);
    });
  } finally {
    if (readyState) Object.defineProperty(document, 'readyState', readyState);
    else delete (document as { readyState?: unknown }).readyState;
  }
  if (!reader) throw new Error('the halves did not link');
  return { hand: (detail: unknown) => reader!.send(LINK_EVENTS.ordersApi, detail as string), replays };
}

function orderPage() {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`https://sellercentral.amazon.com/orders-v3/order/${ORDER_ID}`);
  const { doc } = loadFixture('order-details-en');
  document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
}

function watch() {
  const seen: (PageSnapshot | undefined)[] = [];
  const counts: PageMessageCounts[] = [];
  watchPageContent(
    fakeContext(),
    (s) => seen.push(s),
    (c) => counts.push(c),
  );
  const merged = () => seen.some((s) => s?.kind === 'order-details' && s.sources.includes('orders-api'));
  return { seen, counts: () => counts.at(-1) ?? { ignored: 0, unreadable: 0 }, told: () => counts.length, merged };
}

describe('keeping the snapshot fresh', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://sellercentral.amazon.com/orders-v3/mfn/unshipped');
    const { doc } = loadFixture('order-list-en');
    document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
  });
  afterEach(() => vi.useRealTimers());

  it('reads at once, then again after the page changes (debounced)', async () => {
    const seen: (PageSnapshot | undefined)[] = [];
    watchPageContent(fakeContext(), (s) => seen.push(s));
    expect(seen.at(-1)).toMatchObject({ kind: 'order-list', orders: { length: 3 } });
    document.querySelector('#orders-table tbody tr')!.remove();
    await vi.advanceTimersByTimeAsync(100);
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(400);
    expect(seen.at(-1)).toMatchObject({ kind: 'order-list', orders: { length: 2 } });
  });

  it('still reads a real change on a page that never stops changing', async () => {
    const seen: (PageSnapshot | undefined)[] = [];
    watchPageContent(fakeContext(), (s) => seen.push(s));
    const ticker = document.createElement('span');
    document.body.append(ticker);
    for (let i = 0; i < 30; i++) {
      ticker.textContent = String(i);
      if (i === 5) document.querySelector('#orders-table tbody tr')!.remove();
      await vi.advanceTimersByTimeAsync(100);
    }
    // The row went at 0.5 s; the ticking never let the debounce settle, the most it waits is 2 s.
    expect(seen.at(-1)).toMatchObject({ kind: 'order-list', orders: { length: 2 } });
  });

  it('hands on no reading equal to the last one, and learns text that changes alone as noise', async () => {
    const seen: (PageSnapshot | undefined)[] = [];
    watchPageContent(fakeContext(), (s) => seen.push(s));
    const clock = document.createElement('span');
    document.body.append(clock);
    for (let i = 0; i < 20; i++) {
      clock.textContent = `Updated ${i} s ago`;
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(seen).toHaveLength(1);
    // A row's own text is not noise: changed, it is read within the debounce.
    const status = document.querySelector('#orders-table tbody tr .main-status')!;
    status.textContent = 'Shipped';
    await vi.advanceTimersByTimeAsync(400);
    expect(seen).toHaveLength(2);
    expect((seen.at(-1) as PageSnapshot & { kind: 'order-list' }).orders[0]!.status).toBe('shipped');
  });

  it('does not take a text for noise after one change that read the same', async () => {
    const seen: (PageSnapshot | undefined)[] = [];
    watchPageContent(fakeContext(), (s) => seen.push(s));
    const status = document.querySelector('#orders-table tbody tr .main-status')!;
    status.textContent = status.textContent ?? '';
    await vi.advanceTimersByTimeAsync(400);
    expect(seen).toHaveLength(1);
    status.textContent = 'Shipped';
    await vi.advanceTimersByTimeAsync(400);
    expect(seen).toHaveLength(2);
    expect((seen.at(-1) as PageSnapshot & { kind: 'order-list' }).orders[0]!.status).toBe('shipped');
  });

  it('follows text learnt as noise at most every 30 s, and still reads it then', async () => {
    const seen: (PageSnapshot | undefined)[] = [];
    watchPageContent(fakeContext(), (s) => seen.push(s));
    const total = document.querySelector('.total-orders-heading > span')!;
    for (let i = 0; i < 3; i++) {
      total.textContent = total.textContent ?? '';
      await vi.advanceTimersByTimeAsync(400);
    }
    expect(seen).toHaveLength(1);
    total.textContent = '250 orders';
    await vi.advanceTimersByTimeAsync(2_000);
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(seen).toHaveLength(2);
    expect(seen.at(-1)).toMatchObject({ kind: 'order-list', totalOrders: 250 });
  });

  it('ignores the mutations of our own UI in the page', async () => {
    const seen: (PageSnapshot | undefined)[] = [];
    watchPageContent(fakeContext(), (s) => seen.push(s));
    const host = document.createElement('seller-sidekick');
    document.body.append(host);
    const inline = document.createElement('seller-sidekick-inline');
    document.querySelector('#orders-table tbody tr td')!.append(inline);
    inline.textContent = 'a warning of ours';
    await vi.advanceTimersByTimeAsync(3_000);
    expect(seen).toHaveLength(1);
  });

  it('hands the reading on again after refresh() even when it is the same (navigation)', async () => {
    const seen: (PageSnapshot | undefined)[] = [];
    const reading = watchPageContent(fakeContext(), (s) => seen.push(s));
    reading.refresh();
    await vi.advanceTimersByTimeAsync(400);
    expect(seen).toHaveLength(2);
    expect(seen[1]).toEqual(seen[0]);
  });

  it('reads a long list a slice at a time, says how many rows first, and gets every row', async () => {
    const { doc } = loadFixture('order-list-en');
    const body = doc.querySelector('#orders-table tbody')!;
    const row = body.querySelector('tr')!;
    body.replaceChildren(
      ...Array.from({ length: 300 }, (_, i) => {
        const copy = row.cloneNode(true) as Element;
        for (const link of copy.querySelectorAll('a')) {
          link.textContent = (link.textContent ?? '').replace('114-3941689-8772232', `114-${1000000 + i}-8772232`);
          link.setAttribute('href', (link.getAttribute('href') ?? '').replace('114-3941689-8772232', `114-${1000000 + i}-8772232`));
        }
        return copy;
      }),
    );
    document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
    const seen: (PageSnapshot | undefined)[] = [];
    const progress: number[] = [];
    // A clock that moves 5 ms per reading of the page, so slices end (happy-dom is fast).
    let fake = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (fake += 5));
    try {
      watchPageContent(
        fakeContext(),
        (s) => seen.push(s),
        undefined,
        undefined,
        (rows) => progress.push(rows),
      );
      expect(progress).toEqual([300]);
      expect(seen).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1_000);
    } finally {
      now.mockRestore();
    }
    expect(seen).toHaveLength(1);
    const list = seen[0] as PageSnapshot & { kind: 'order-list' };
    expect(list.orders).toHaveLength(300);
    expect(new Set(list.orders.map((o) => o.orderId)).size).toBe(300);
  });

  it('reads again what changed while a long list was being read', async () => {
    const { doc } = loadFixture('order-list-en');
    const body = doc.querySelector('#orders-table tbody')!;
    const row = body.querySelector('tr')!;
    body.replaceChildren(...Array.from({ length: 100 }, () => row.cloneNode(true) as Element));
    document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
    const seen: (PageSnapshot | undefined)[] = [];
    let fake = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (fake += 5));
    try {
      watchPageContent(
        fakeContext(),
        (s) => seen.push(s),
        undefined,
        undefined,
        () => {
          // While the slices run, the page changes the first row, already read.
          queueMicrotask(() => {
            document.querySelector('#orders-table tbody tr .main-status')!.textContent = 'Shipped';
          });
        },
      );
      await vi.advanceTimersByTimeAsync(3_000);
    } finally {
      now.mockRestore();
    }
    const list = seen.at(-1) as PageSnapshot & { kind: 'order-list' };
    expect(list.orders[0]!.status).toBe('shipped');
  });
});

describe('judging mutations', () => {
  const noisy = new WeakSet<Node>();
  const record = (fields: Partial<MutationRecord>): MutationRecord =>
    ({ type: 'childList', target: document.body, addedNodes: document.createDocumentFragment().childNodes, removedNodes: document.createDocumentFragment().childNodes, ...fields }) as MutationRecord;
  const nodes = (...list: Node[]) => {
    const holder = document.createElement('div');
    holder.append(...list);
    return holder.childNodes;
  };

  it('says our own hosts and what happens inside them are not the page', () => {
    const host = document.createElement('seller-sidekick');
    const inner = document.createElement('p');
    host.append(inner);
    const verdict = judgeMutations([record({ addedNodes: nodes(document.createElement('seller-sidekick-inline')) }), record({ target: inner, type: 'characterData' })], noisy);
    expect(verdict).toMatchObject({ relevant: false, quiet: false, structural: false, touched: [] });
  });

  it('tells text-only changes from structural ones, and noise from news', () => {
    const clock = document.createElement('span');
    const text = document.createTextNode('1');
    clock.append(text);
    const textOnly = judgeMutations([record({ type: 'characterData', target: text })], noisy);
    expect(textOnly).toMatchObject({ relevant: true, quiet: false, structural: false, textHolders: [clock] });
    noisy.add(clock);
    expect(judgeMutations([record({ type: 'characterData', target: text })], noisy).quiet).toBe(true);
    const structural = judgeMutations([record({ type: 'characterData', target: text }), record({ addedNodes: nodes(document.createElement('tr')) })], noisy);
    expect(structural).toMatchObject({ relevant: true, quiet: false, structural: true });
  });

  it('survives hostile records: detached text, no parent, an empty batch', () => {
    const orphan = document.createTextNode('x');
    expect(judgeMutations([record({ type: 'characterData', target: orphan })], noisy)).toMatchObject({ relevant: true, quiet: false, structural: true });
    expect(judgeMutations([], noisy)).toMatchObject({ relevant: false, quiet: false });
  });
});

describe('order data from the page reader: over the private link only', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // At document_start: nothing of the page yet (its scripts would keep the halves from linking).
    document.querySelectorAll('script').forEach((script) => script.remove());
    document.body.replaceChildren();
  });
  afterEach(() => {
    vi.useRealTimers();
    delete (globalThis as Record<string, unknown>)[PAGE_LINK_GLOBAL];
  });

  it('merges the JSON handed over on the link, and asks for the replay there, never on window', async () => {
    const { hand, replays } = linkHalves();
    orderPage();
    const posted = vi.spyOn(window, 'postMessage');
    const { seen, counts } = watch();
    expect(replays).toHaveBeenCalledTimes(1);
    expect(posted).not.toHaveBeenCalled();
    hand(`${ORDER_PATH}\n${JSON.stringify(orderJson(true))}`);
    await vi.advanceTimersByTimeAsync(500);
    expect(seen.at(-1)).toMatchObject({ kind: 'order-details', buyerRequestedCancel: { requested: true }, sources: ['dom', 'orders-api'] });
    expect(counts()).toEqual({ ignored: 0, unreadable: 0 });
  });

  const forgeries: [string, number, () => void][] = [
    [
      'a window message with our source string',
      1,
      () => window.dispatchEvent(new MessageEvent('message', { data: { source: OLD_SOURCE, pathname: ORDER_PATH, body: orderJson(true) }, source: window })),
    ],
    [
      'the same with a guessed secret',
      1,
      () => window.dispatchEvent(new MessageEvent('message', { data: { source: OLD_SOURCE, secret: 'f3a9c0de', nonce: 42, pathname: ORDER_PATH, body: orderJson(true) }, source: window })),
    ],
    [
      'a port of its own handed over in our name, then data on it',
      1,
      () => {
        const channel = new MessageChannel();
        window.dispatchEvent(new MessageEvent('message', { data: { source: 'seller-sidekick:orders-api-port' }, ports: [channel.port2], source: window }));
        channel.port1.postMessage({ source: OLD_SOURCE, pathname: ORDER_PATH, body: orderJson(true) });
        channel.port1.close();
      },
    ],
    ['our data event on the document', 1, () => document.dispatchEvent(new CustomEvent(LINK_EVENTS.ordersApi, { detail: `${ORDER_PATH}\n${JSON.stringify(orderJson(true))}` }))],
    ['our data event on an element of the page', 1, () => document.body.dispatchEvent(new CustomEvent(LINK_EVENTS.ordersApi, { detail: `${ORDER_PATH}\n${JSON.stringify(orderJson(true))}` }))],
    [
      'a late hello with a node of its own, then data on that node',
      1,
      () => {
        const node = document.createComment('');
        document.dispatchEvent(new MouseEvent(LINK_EVENTS.readerHello, { relatedTarget: node }));
        node.dispatchEvent(new CustomEvent(LINK_EVENTS.ordersApi, { detail: `${ORDER_PATH}\n${JSON.stringify(orderJson(true))}` }));
      },
    ],
    ['a replay request in our name (the reader only hears it on the link)', 1, () => window.dispatchEvent(new CustomEvent(LINK_EVENTS.replay))],
    ['malformed: our source string and nothing else', 1, () => window.dispatchEvent(new MessageEvent('message', { data: { source: OLD_SOURCE }, source: window }))],
    ['malformed: data that is not JSON', 1, () => window.dispatchEvent(new MessageEvent('message', { data: { source: OLD_SOURCE, pathname: ORDER_PATH, body: '{"order":' }, source: window }))],
    [
      'a huge payload',
      1,
      () =>
        window.dispatchEvent(
          new MessageEvent('message', { data: { source: OLD_SOURCE, pathname: ORDER_PATH, body: { order: { ...orderJson(true).order, padding: 'x'.repeat(20_000_000) } } }, source: window }),
        ),
    ],
    ['messages of others (not counted)', 0, () => window.dispatchEvent(new MessageEvent('message', { data: { source: 'react-devtools-bridge', payload: orderJson(true) }, source: window }))],
  ];

  it.each(forgeries)('ignores %s, with the link made, and counts it', async (_label, counted, forge) => {
    const { hand } = linkHalves();
    orderPage();
    const { merged, counts } = watch();
    const parse = vi.spyOn(JSON, 'parse');
    forge();
    forge();
    await vi.advanceTimersByTimeAsync(500);
    expect(merged()).toBe(false);
    expect(counts()).toEqual({ ignored: 2 * counted, unreadable: 0 });
    expect(parse).not.toHaveBeenCalled(); // nothing of theirs was even read
    // The link still works.
    hand(`${ORDER_PATH}\n${JSON.stringify(orderJson(false))}`);
    await vi.advanceTimersByTimeAsync(500);
    expect(merged()).toBe(true);
  });

  it.each(forgeries)('ignores %s where there is no link (the page reader never linked), and counts it', async (_label, counted, forge) => {
    orderPage();
    const { merged, counts } = watch();
    forge();
    await vi.advanceTimersByTimeAsync(500);
    expect(merged()).toBe(false);
    expect(counts()).toEqual({ ignored: counted, unreadable: 0 });
  });

  it('counts a flood of forgeries without re-rendering the sidebar for each', async () => {
    orderPage();
    const { counts, told } = watch();
    for (let i = 0; i < 1_000; i++) window.dispatchEvent(new MessageEvent('message', { data: { source: OLD_SOURCE, pathname: ORDER_PATH, body: orderJson(true) }, source: window }));
    await vi.advanceTimersByTimeAsync(500);
    expect(counts().ignored).toBe(1_000);
    expect(told()).toBe(1);
  });

  it.each([
    ['not a string', 42],
    ['no pathname', `${JSON.stringify(orderJson(true))}`],
    ['another endpoint', `/orders-api/countOrders\n${JSON.stringify(orderJson(true))}`],
    ['a body that is not JSON', `${ORDER_PATH}\n<html>sign in</html>`],
    ['an order id that is not one', `${ORDER_PATH}\n${JSON.stringify({ order: { amazonOrderId: '<script>' } })}`],
    ['a body larger than the limit', `${ORDER_PATH}\n${JSON.stringify({ ...orderJson(true), padding: 'x'.repeat(MAX_OBSERVED_TEXT) })}`],
  ])('counts what comes over the link but is not order data it can read: %s', async (label, detail) => {
    const { hand } = linkHalves();
    orderPage();
    const { merged, counts } = watch();
    const parse = vi.spyOn(JSON, 'parse');
    hand(detail);
    await vi.advanceTimersByTimeAsync(500);
    expect(merged()).toBe(false);
    expect(counts()).toEqual({ ignored: 0, unreadable: 1 });
    if (label.includes('larger')) expect(parse).not.toHaveBeenCalled();
  });
});

describe("the messaging app's JSON from the page reader", () => {
  const CASE = '2f6d9b1e-5c3a-4e8f-a0b7-9d1c4e6f8a25';
  const conversation = {
    partyCase: {
      caseId: CASE,
      marketplaceId: 'A1PA6795UKMFR9',
      caseArtifacts: [
        { artifactType: 'MESSAGE', creator: 'SELLER', createdDate: 1_795_100_000_000, message: 'Ihre Bestellung ist unterwegs.' },
        { artifactType: 'MESSAGE', creator: 'BUYER', createdDate: 1_795_120_000_000, message: 'Das ist eine Fälschung!' },
      ],
    },
  };
  beforeEach(() => {
    vi.useFakeTimers();
    document.querySelectorAll('script').forEach((script) => script.remove());
    document.body.replaceChildren();
  });
  afterEach(() => {
    vi.useRealTimers();
    delete (globalThis as Record<string, unknown>)[PAGE_LINK_GLOBAL];
  });

  /** A conversation page whose markup is of no shape the reader knows (and holds no message of its own). */
  function unknownPage() {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`https://sellercentral.amazon.de/messaging/inbox-v3?fi=responseNeeded&pn=1&cc=${CASE}`);
    const app = document.createElement('x-app-root');
    app.textContent = 'Loading…';
    document.body.append(app);
  }

  it('reads a conversation from the JSON alone when the page is of an unknown shape', async () => {
    const { hand } = linkHalves();
    unknownPage();
    const seen: (PageSnapshot | undefined)[] = [];
    watchPageContent(fakeContext(), (s) => seen.push(s));
    expect(seen.at(-1)).toMatchObject({ kind: 'unrecognized' });
    hand(`/messaging/api/global/cases/${CASE}\n${JSON.stringify(conversation)}`);
    hand(`/messaging/api/global/cases/${CASE}/orderContext\n${JSON.stringify({ orderContextList: [{ orderContextFields: [{ type: 'ORDER_ID', textValue: '302-1234567-7654321' }] }] })}`);
    await vi.advanceTimersByTimeAsync(500);
    expect(seen.at(-1)).toMatchObject({
      kind: 'message-thread',
      marketplace: 'DE',
      caseId: CASE,
      orderId: '302-1234567-7654321',
      replyPending: true,
      messages: [{ sender: 'seller' }, { sender: 'buyer', text: 'Das ist eine Fälschung!' }],
      sources: ['messaging-api'],
    });
  });

  it('counts a messaging response of an unknown shape as unreadable and keeps the page as read', async () => {
    const { hand } = linkHalves();
    unknownPage();
    const seen: (PageSnapshot | undefined)[] = [];
    const counts: PageMessageCounts[] = [];
    watchPageContent(
      fakeContext(),
      (s) => seen.push(s),
      (c) => counts.push(c),
    );
    hand(`/messaging/api/global/cases/${CASE}\n${JSON.stringify({ partyCase: { caseId: 7 } })}`);
    await vi.advanceTimersByTimeAsync(500);
    expect(seen.at(-1)).toMatchObject({ kind: 'unrecognized' });
    expect(counts.at(-1)).toEqual({ ignored: 0, unreadable: 1 });
  });

  it('passes the seller’s store and own name to the reader', () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`https://sellercentral.amazon.com/messaging/inbox-v3?cc=${CASE}`);
    const input = vi.fn(() => ({ storeName: 'Sakura Goods' }));
    watchPageContent(
      fakeContext(),
      () => {},
      () => {},
      input,
    );
    expect(input).toHaveBeenCalled();
  });
});

describe('giving the page its main thread back (yieldToPage)', () => {
  const global = globalThis as { scheduler?: unknown };
  afterEach(() => {
    delete global.scheduler;
  });

  it("goes on whatever the page's scheduler does: resolves, rejects, throws or never settles", async () => {
    const yields = [
      () => Promise.resolve(),
      () => Promise.reject(new Error('denied')),
      () => new Promise<void>(() => {}),
      () => {
        throw new Error('wrapper');
      },
    ];
    for (const yieldOf of yields) {
      global.scheduler = { yield: yieldOf };
      const started = Date.now();
      await yieldToPage();
      expect(Date.now() - started).toBeLessThan(1_000);
    }
    delete global.scheduler;
    await expect(yieldToPage()).resolves.toBeUndefined();
  });

  it('uses the scheduler when it answers (no waiting for the timer)', async () => {
    let asked = 0;
    global.scheduler = {
      yield: () => {
        asked += 1;
        return Promise.resolve();
      },
    };
    await yieldToPage();
    expect(asked).toBe(1);
  });
});

describe('the schemas built ahead, between the page’s tasks (buildSchemasAhead)', () => {
  it('builds every listed schema, a slice at a time, none in the task that asked', async () => {
    await buildSchemasAhead(); // what the imported modules listed
    const built: number[] = [];
    const schemas = Array.from({ length: 50 }, (_, i) => lazySchema(() => (built.push(i), z.number())));
    const ahead = buildSchemasAhead();
    expect(built).toEqual([]);
    await ahead;
    expect(built).toEqual(schemas.map((_, i) => i));
    expect(schemas[7]!.parse(7)).toBe(7);
    expect(built).toHaveLength(50);
  });
});
