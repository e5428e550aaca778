import { describe, expect, it } from 'vitest';
import { createRowCache, forgetChanged, pendingRows, readOrderList } from '@/lib/pages/read-orders';
import { alertElements, alertElementsInSteps } from '@/lib/pages/read-cancel';
import { searchRoots, searchRootsInSteps } from '@/lib/pages/dom';
import type { OrderListSnapshot } from '@/lib/pages/snapshot';
import { loadFixture } from './helpers';

function list() {
  const { doc, url } = loadFixture('order-list-en');
  return { doc, url, status: (index: number) => doc.querySelectorAll('#orders-table tbody tr .main-status')[index]! };
}

const read = (doc: Document, url: URL, cache?: ReturnType<typeof createRowCache>) => readOrderList(doc, url, cache) as OrderListSnapshot;

describe('the order list read once, then only what changed (RowCache)', () => {
  it('reads the same with a cache as without, the first time and the next', () => {
    const { doc, url } = list();
    const cache = createRowCache();
    const plain = read(doc, url);
    expect(read(doc, url, cache)).toEqual(plain);
    expect(read(doc, url, cache)).toEqual(plain);
  });

  it('uses the alerts found in a step before for the next read only, to the same reading', () => {
    const { doc, url } = list();
    const alert = doc.createElement('div');
    alert.className = 'a-alert';
    alert.textContent = 'You have 2 buyer cancellation requests.';
    doc.querySelector('#MYO-app')!.prepend(alert);
    const cache = createRowCache();
    const plain = read(doc, url);
    expect(plain.cancellationBanner).toBeDefined();
    cache.alerts = alertElements(doc);
    expect(read(doc, url, cache)).toEqual(plain);
    expect(cache.alerts).toBeUndefined();
    cache.alerts = [];
    expect(read(doc, url, cache).cancellationBanner).toBeUndefined();
    expect(read(doc, url, cache)).toEqual(plain);
  });

  it('keeps a row as read until told it changed, then reads that row again', () => {
    const { doc, url, status } = list();
    const cache = createRowCache();
    read(doc, url, cache);
    status(1).textContent = 'Shipped';
    // Not told: the row's reading is kept (this is what saves the work).
    expect(read(doc, url, cache).orders[1]!.status).toBe('unshipped');
    forgetChanged(cache, status(1).firstChild);
    const again = read(doc, url, cache);
    expect(again.orders[1]!.status).toBe('shipped');
    expect(again).toEqual(read(doc, url));
  });

  it('reads a row again when its place in the table changed (its controls name the place)', () => {
    const { doc, url } = list();
    const cache = createRowCache();
    read(doc, url, cache);
    const rows = doc.querySelectorAll('#orders-table tbody tr');
    rows[0]!.remove();
    forgetChanged(cache, doc.querySelector('#orders-table tbody'));
    expect(read(doc, url, cache)).toEqual(read(doc, url));
  });

  it('does not keep a reading for another marketplace zone', () => {
    const { doc, url } = list();
    const cache = createRowCache();
    read(doc, url, cache);
    const jp = new URL(url.href.replace('sellercentral.amazon.com', 'sellercentral.amazon.co.jp'));
    expect(read(doc, jp, cache)).toEqual(read(doc, jp));
  });

  it('lists the rows still to read, and none once they are read', () => {
    const { doc, url, status } = list();
    const cache = createRowCache();
    const pending = pendingRows(doc, url, cache);
    expect(pending.rows).toHaveLength(3);
    for (const row of pending.rows) pending.read(row);
    expect(pendingRows(doc, url, cache).rows).toHaveLength(0);
    forgetChanged(cache, status(2));
    expect(pendingRows(doc, url, cache).rows).toEqual([doc.querySelectorAll('#orders-table tbody tr')[2]]);
    expect(read(doc, url, cache)).toEqual(read(doc, url));
  });

  it('takes hostile input: nothing to forget, a detached node, a row read that is no longer in the table', () => {
    const { doc, url } = list();
    const cache = createRowCache();
    expect(() => forgetChanged(cache, null)).not.toThrow();
    expect(() => forgetChanged(cache, doc.createTextNode('loose'))).not.toThrow();
    const pending = pendingRows(doc, url, cache);
    const first = pending.rows[0]!;
    first.remove();
    expect(() => pending.read(first)).not.toThrow();
    expect(read(doc, url, cache)).toEqual(read(doc, url));
    // A row with no order id reads as none, cached or not.
    const row = doc.querySelector('#orders-table tbody tr')!;
    row.replaceChildren(doc.createElement('td'));
    forgetChanged(cache, row);
    expect(read(doc, url, cache)).toEqual(read(doc, url));
    expect(read(doc, url, cache).orders).toHaveLength(1);
  });
});

describe("the page's alerts found in steps (a walk of a long page, a few ms at a time)", () => {
  /** A page of many elements, with alerts in the light, in nested open shadow roots and in a frame-free filler. */
  function bigPage(elements: number) {
    const doc = document.implementation.createHTMLDocument('big');
    const filler = doc.createElement('div');
    for (let i = 0; i < elements; i++) filler.append(doc.createElement(i % 3 ? 'span' : 'div'));
    doc.body.append(filler);
    const light = doc.createElement('div');
    light.className = 'a-alert';
    light.textContent = 'You have 2 buyer cancellation requests.';
    doc.body.append(light);
    const host = doc.createElement('kat-box');
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = doc.createElement('kat-alert');
    inner.setAttribute('header', 'Buyer cancellation request');
    const deeper = doc.createElement('kat-card');
    deeper.attachShadow({ mode: 'open' }).append(Object.assign(doc.createElement('div'), { className: 'a-alert', textContent: 'deep' }));
    shadow.append(inner, deeper);
    filler.children[Math.floor(elements / 2)]!.append(host);
    return doc;
  }

  it('gives what the walk at once gives, and pauses along the way', () => {
    const doc = bigPage(9_000);
    const steps = alertElementsInSteps(doc);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(4);
    expect(step.value).toEqual(alertElements(doc));
    expect(step.value.map((alert) => alert.tagName.toLowerCase())).toEqual(['div', 'kat-alert', 'div']);
    expect(step.value.map((alert) => alert.textContent)).toContain('deep');
  });

  it('walks the same roots in steps as at once, whatever the step', () => {
    const doc = bigPage(3_000);
    const atOnce = searchRoots(doc);
    expect(atOnce).toHaveLength(3);
    for (const size of [1, 7, 2_000, 1_000_000]) {
      const steps = searchRootsInSteps(doc, size);
      let step = steps.next();
      while (!step.done) step = steps.next();
      expect(step.value).toEqual(atOnce);
    }
  });

  it('reads same-origin frames (and the shadow roots in them) in document order, and leaves out a frame it may not read', () => {
    const doc = bigPage(300);
    const frameAt = (index: number, frameDoc: Document | null | 'throws') => {
      const frame = doc.createElement('iframe');
      Object.defineProperty(frame, 'contentDocument', {
        get: () => {
          if (frameDoc === 'throws') throw new DOMException('Blocked a frame', 'SecurityError');
          return frameDoc;
        },
      });
      doc.body.firstElementChild!.children[index]!.append(frame);
    };
    const framed = document.implementation.createHTMLDocument('frame');
    framed.body.append(Object.assign(framed.createElement('div'), { className: 'a-alert', textContent: 'in the frame' }));
    const framedHost = framed.createElement('kat-box');
    framedHost.attachShadow({ mode: 'open' }).append(Object.assign(framed.createElement('div'), { className: 'a-alert', textContent: 'in its shadow root' }));
    framed.body.append(framedHost);
    frameAt(10, framed);
    frameAt(20, 'throws');
    frameAt(30, null);
    const roots = searchRoots(doc);
    expect(roots).toHaveLength(5); // the page, the frame, the page's shadow root, the frame's, the nested one
    expect(roots[1]).toBe(framed);
    const texts = alertElements(doc).map((alert) => alert.textContent);
    expect(texts).toEqual(expect.arrayContaining(['in the frame', 'in its shadow root', 'deep']));
    const steps = searchRootsInSteps(doc, 7);
    let step = steps.next();
    while (!step.done) step = steps.next();
    expect(step.value).toEqual(roots);
  });

  it('finds a frame the page added during a pause, ahead of the walk', () => {
    const doc = bigPage(3_000);
    const steps = searchRootsInSteps(doc, 1_000);
    expect(steps.next().done).toBe(false);
    const framed = document.implementation.createHTMLDocument('late');
    const frame = doc.createElement('iframe');
    Object.defineProperty(frame, 'contentDocument', { value: framed });
    doc.body.firstElementChild!.lastElementChild!.append(frame);
    let step = steps.next();
    while (!step.done) step = steps.next();
    expect(step.value).toContain(framed);
  });

  it('pauses nowhere on an empty page and survives a page with no body', () => {
    const empty = document.implementation.createHTMLDocument('');
    expect(alertElementsInSteps(empty).next()).toEqual({ done: true, value: [] });
    const bare = document.implementation.createHTMLDocument('');
    bare.documentElement.replaceChildren();
    expect(alertElements(bare)).toEqual([]);
  });
});
