// The buyer's official cancellation request read from the page itself (banner and item-status
// marker, by Amazon's words inside alert-like elements), from the order app's JSON, and the two
// merged; and the bad inputs that must give "could not tell", never a request.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CANCEL_REQUEST_WORDING, readAlertText, withoutRequestWording } from '@/lib/pages/cancel-wording';
import { mergeCancel, mergeOrderDetails, mergeOrderRows, orderInResponse, readOrdersApiJson, type OrderJson } from '@/lib/pages/orders-api';
import { readPage } from '@/lib/pages/read-page';
import { PageSnapshot, type OrderDetailsSnapshot, type OrderListSnapshot } from '@/lib/pages/snapshot';
import { loadFixture, parseHtml } from './helpers';

const ORDER = '114-3941689-8772232';
const OTHER = '112-0000000-0000001';
const SENTENCE = 'The buyer has requested that this order be canceled. Canceling this order will not affect your Cancellation Rate metric.';

/** The English demo order page, with something put at the top of the order app (or elsewhere). */
function orderPage(change: (doc: Document) => void, id = 'order-details-en'): OrderDetailsSnapshot {
  const { doc, url } = loadFixture(id);
  change(doc);
  const snapshot = readPage(doc, url);
  expect(PageSnapshot.safeParse(snapshot).success).toBe(true);
  if (snapshot.kind !== 'order-details') throw new Error(`not an order page: ${JSON.stringify(snapshot)}`);
  return snapshot;
}

/** Nodes of a test's own markup, parsed apart and brought into `doc` (no HTML strings set on the page). */
function nodes(doc: Document, html: string): Node[] {
  return [...parseHtml(`<body>${html}</body>`).body.childNodes].map((node) => doc.importNode(node, true));
}

function alertHtml(doc: Document, html: string, where = '#MYO-app') {
  doc.querySelector(where)!.prepend(...nodes(doc, html));
}

/** A full-width row with an alert, right above the list's row `index` (built node by node: fragment parsing drops a bare <tr>). */
function bannerRowBefore(doc: Document, index: number, alert: string) {
  const tr = doc.createElement('tr');
  const td = doc.createElement('td');
  td.colSpan = 9;
  td.append(...nodes(doc, alert));
  tr.append(td);
  doc.querySelectorAll('#orders-table > tbody > tr')[index]!.before(tr);
}

const cancelMissing = (order: { missing: readonly { field: string; why?: string; reason: string }[] }) => order.missing.find((m) => m.field === 'buyerRequestedCancel');

describe('the banner on the order page', () => {
  it.each([
    ['a .a-alert box', `<div class="a-box a-alert a-alert-info"><div class="a-alert-content">${SENTENCE}</div></div>`],
    ['a [role=alert]', `<div role="alert"><p>${SENTENCE}</p></div>`],
    ['a kat-alert with a description attribute', `<kat-alert variant="info" header="Cancellation request" description="${SENTENCE}"></kat-alert>`],
    ['UK spelling', `<div role="alert">${SENTENCE.replace('be canceled', 'be cancelled')}</div>`],
  ])("reads Amazon's sentence in %s", (_name, html) => {
    const order = orderPage((doc) => alertHtml(doc, html));
    expect(order.buyerRequestedCancel).toMatchObject({ requested: true, source: 'page-banner', wording: 'sentence' });
    expect(order.buyerRequestedCancel?.quote).toContain('The buyer has requested');
    expect(cancelMissing(order)).toBeUndefined();
  });

  it('reads a kat-alert whose words are only in its open shadow root', () => {
    const order = orderPage((doc) => {
      const alert = doc.createElement('kat-alert');
      const shadow = alert.attachShadow({ mode: 'open' });
      const style = doc.createElement('style');
      style.textContent = '.cancel { color: red }'; // CSS in the shadow root is not text
      const p = doc.createElement('p');
      p.textContent = SENTENCE;
      shadow.append(style, p);
      doc.querySelector('#MYO-app')!.prepend(alert);
    });
    expect(order.buyerRequestedCancel).toMatchObject({ requested: true, source: 'page-banner', wording: 'sentence' });
    expect(order.buyerRequestedCancel?.quote).not.toContain('color');
  });

  it('reads the Japanese fragment キャンセルリクエスト in the order app, and says it was a fragment', () => {
    const order = orderPage((doc) => alertHtml(doc, '<div class="a-alert"><h4 class="a-alert-heading">キャンセルリクエスト</h4></div>'), 'order-details-ja');
    expect(order.buyerRequestedCancel).toMatchObject({ requested: true, source: 'page-banner', wording: 'fragment' });
  });

  it("does not take a fragment outside the order app as this order's request", () => {
    const order = orderPage((doc) => alertHtml(doc, '<div role="alert">Buyer Requested Cancel: new filter in Manage Orders</div>', '#sc-content-container'));
    expect(order.buyerRequestedCancel).toBeUndefined();
    expect(cancelMissing(order)?.why).toBe('elsewhere');
  });

  it('takes a fragment outside the order app when it names this order', () => {
    const order = orderPage((doc) => alertHtml(doc, `<div role="alert">Buyer Requested Cancel ${ORDER}</div>`, '#sc-content-container'));
    expect(order.buyerRequestedCancel).toMatchObject({ requested: true, wording: 'fragment' });
  });

  it("ignores our own sidebar, even when it shows Amazon's sentence in an alert", () => {
    const order = orderPage((doc) => {
      const host = doc.createElement('seller-sidekick');
      const shadow = host.attachShadow({ mode: 'open' });
      const alert = doc.createElement('div');
      alert.setAttribute('role', 'alert');
      alert.textContent = SENTENCE;
      shadow.append(alert);
      doc.querySelector('#MYO-app')!.append(host);
    });
    expect(order.buyerRequestedCancel).toBeUndefined();
  });

  it('reads words the page splits over elements, both spaced and run together', () => {
    const split = orderPage((doc) => alertHtml(doc, '<div role="alert"><span>The buyer has requested that this order be </span><b>cancel</b>ed.</div>'));
    expect(split.buyerRequestedCancel).toMatchObject({ requested: true, wording: 'sentence' });
  });

  it('reads nested alerts once, by the outermost, and stops at hostile depth', () => {
    const order = orderPage((doc) => {
      let parent = doc.querySelector('#MYO-app')!;
      for (let i = 0; i < 3_000; i++) {
        const alert = doc.createElement('div');
        alert.setAttribute('role', 'alert');
        parent.prepend(alert);
        parent = alert;
      }
      parent.textContent = SENTENCE;
    });
    expect(order.buyerRequestedCancel).toMatchObject({ requested: true, source: 'page-banner' });
  });

  it('one banner shown twice is still one request', () => {
    const order = orderPage((doc) => alertHtml(doc, `<div role="alert">${SENTENCE}</div><div class="a-alert">${SENTENCE}</div>`));
    expect(order.buyerRequestedCancel).toMatchObject({ requested: true, source: 'page-banner' });
  });
});

describe('bad input on the order page gives "could not tell", never a request', () => {
  it.each([
    ['a banner naming another order', `<div role="alert">${SENTENCE} Order ${OTHER}</div>`, /another order \(112-0000000-0000001\)/],
    ['two different banners', `<div role="alert">${SENTENCE}</div><div role="alert">キャンセルリクエスト</div>`, /2 different banners/],
    ['a banner in a language without known wording', '<div role="alert">Der Käufer hat die Stornierung dieser Bestellung beantragt.</div>', /language without known wording/],
    ["Amazon's words denied", '<div role="alert">No buyer-requested cancellation for this order.</div>', /takes the request back or denies it/],
    ['cancellation in other words', '<div role="alert">Cancellation request — please review.</div>', /not in Amazon's words/],
    ['a request and a banner for another order', `<div role="alert">${SENTENCE}</div><div role="alert">${SENTENCE} ${OTHER}</div>`, /another order/],
  ])('%s', (_name, html, reason) => {
    const order = orderPage((doc) => alertHtml(doc, html));
    expect(order.buyerRequestedCancel).toBeUndefined();
    const missing = cancelMissing(order)!;
    expect(missing.why).toBe('unreadable');
    expect(missing.reason).toMatch(/^could not tell/);
    expect(missing.reason).toMatch(reason);
  });
});

describe('the item-status marker', () => {
  /** The demo order with a second item row, and markers in the status cells. */
  function twoItems(markers: [string, string]) {
    return orderPage((doc) => {
      const row = doc.querySelector('[data-test-id="item-status-cell"]')!.closest('tr')!;
      const second = row.cloneNode(true) as HTMLElement;
      const asin = [...second.querySelectorAll('b')].find((b) => b.textContent === 'B00OK1O542')!;
      asin.textContent = 'B0CJ4Y4VT1';
      row.after(second);
      doc.querySelectorAll('[data-test-id="item-status-cell"]').forEach((cell, i) => {
        if (!markers[i]) return;
        const marker = doc.createElement('div');
        marker.textContent = markers[i];
        cell.append(marker);
      });
    });
  }

  it('marks the whole order when every item carries it, and keeps the status', () => {
    const order = twoItems(['Buyer Requested Cancel', 'Buyer Requested Cancellation']);
    expect(order.buyerRequestedCancel).toMatchObject({ requested: true, source: 'item-status' });
    expect(order.status).toBe('unshipped');
    expect(order.items.map((i) => i.status)).toEqual(['unshipped', 'unshipped']);
  });

  it('names the item when only one of two carries it, and is no request for the order', () => {
    const order = twoItems(['', 'Buyer Requested Cancel']);
    expect(order.buyerRequestedCancel).toEqual({
      requested: false,
      source: 'item-status',
      wording: 'fragment',
      quote: 'Unshipped Buyer Requested Cancel',
      items: [{ index: 1, asin: 'B0CJ4Y4VT1' }],
    });
  });

  it('the item marker wins over a whole-order banner, and the banner is shown as the disagreement', () => {
    const order = orderPage((doc) => {
      const row = doc.querySelector('[data-test-id="item-status-cell"]')!.closest('tr')!;
      row.after(row.cloneNode(true));
      doc.querySelector('[data-test-id="item-status-cell"]')!.append(...nodes(doc, '<span>Buyer Requested Cancel</span>'));
      alertHtml(doc, `<div role="alert">${SENTENCE}</div>`);
    });
    expect(order.buyerRequestedCancel).toMatchObject({ requested: false, source: 'item-status', items: [{ index: 0 }], disagreement: { requested: true, source: 'page-banner' } });
  });

  it('キャンセルリクエスト in a Japanese status cell does not turn the item into a cancelled one', () => {
    expect(withoutRequestWording('未出荷 キャンセルリクエスト')).toBe('未出荷');
    const order = orderPage((doc) => {
      doc.querySelector('[data-test-id="item-status-cell"]')!.replaceChildren(...nodes(doc, '<span class="main-status">キャンセルリクエスト</span>'));
    }, 'order-details-ja');
    expect(order.items[0]!.status).toBeUndefined();
    expect(order.buyerRequestedCancel).toMatchObject({ requested: true, source: 'item-status' });
  });
});

describe('the banner on Manage Orders, per row', () => {
  function listPage(change: (doc: Document) => void): OrderListSnapshot {
    const { doc, url } = loadFixture('order-list-en');
    change(doc);
    const snapshot = readPage(doc, url);
    expect(PageSnapshot.safeParse(snapshot).success).toBe(true);
    if (snapshot.kind !== 'order-list') throw new Error('not a list');
    return snapshot;
  }

  it('a banner row right above an order row belongs to that order only', () => {
    const list = listPage((doc) => bannerRowBefore(doc, 1, `<div class="a-alert a-alert-info"><div class="a-alert-content">${SENTENCE}</div></div>`));
    expect(list.orders.map((o) => o.buyerRequestedCancel?.requested)).toEqual([undefined, true, undefined]);
    expect(list.orders[1]!.buyerRequestedCancel).toMatchObject({ source: 'page-banner', wording: 'sentence' });
    expect(list.missing.filter((m) => m.field.startsWith('rows['))).toEqual([]); // the banner row is not an unreadable row
    expect(list.cancellationBanner).toBeUndefined();
  });

  it('a banner inside a row naming another order: could not tell for that row', () => {
    const list = listPage((doc) => doc.querySelector('#orders-table > tbody > tr td')!.append(...nodes(doc, `<div role="alert">${SENTENCE} ${OTHER}</div>`)));
    expect(list.orders[0]!.buyerRequestedCancel).toBeUndefined();
    expect(cancelMissing(list.orders[0]!)).toMatchObject({ why: 'unreadable' });
  });

  it('a page-level notice about cancellation requests flags no order', () => {
    const list = listPage((doc) => doc.querySelector('#orders-table')!.before(...nodes(doc, '<div class="a-alert">You have cancellation requests to review.</div>')));
    expect(list.orders.every((o) => o.buyerRequestedCancel === undefined)).toBe(true);
    expect(list.cancellationBanner?.text).toContain('cancellation requests');
  });
});

describe('the order data (JSON) and the page together', () => {
  const capture = JSON.parse(readFileSync('test/fixtures/real-pages/us-2024_orders-api-order_response.redacted.json', 'utf8'));
  const item = capture.data.orderItems[0];
  const withItems = (items: unknown[], extra: Record<string, unknown> = {}): OrderJson => orderInResponse({ order: { ...capture.data, amazonOrderId: ORDER, orderItems: items, ...extra } })!;
  const flagged = (flag: boolean, asin: string) => ({ ...item, ASIN: asin, BuyerRequestedCancel: { isBuyerRequestedCancel: flag, cancelReason: flag ? 'Changed mind' : null } });

  it('a flag on one item of two: which item, and no request for the order', () => {
    const order = readOrdersApiJson(JSON.stringify({ order: withItems([flagged(false, 'B0CJ4Y4VT1'), flagged(true, 'B00OK1O542')]) }));
    expect(order).toMatchObject({ buyerRequestedCancel: { requested: false, source: 'orders-api', reason: 'Changed mind', items: [{ index: 1, asin: 'B00OK1O542' }] } });
  });

  it('a flag on every item is a request for the order', () => {
    const order = readOrdersApiJson(JSON.stringify({ order: withItems([flagged(true, 'B0CJ4Y4VT1'), flagged(true, 'B00OK1O542')]) }));
    expect(order).toMatchObject({ buyerRequestedCancel: { requested: true, source: 'orders-api' } });
  });

  it("keeps the real capture's cancellationDate (10 days after the latest ship date)", () => {
    const order = readOrdersApiJson(JSON.stringify(capture));
    expect(order).toMatchObject({ cancellationDate: '2024-09-03T06:59:59.000Z', missing: [] });
  });

  it.each([
    ['before the purchase date', capture.data.purchaseDate - 86_400, /before the purchase date/],
    ['before the end of the ship-by date', capture.data.latestShipDate - 3_600, /before the end of the ship-by date/],
  ])('drops a cancellationDate %s and says so', (_name, date, reason) => {
    const order = readOrdersApiJson(JSON.stringify({ order: withItems([item], { cancellationDate: date }) }));
    expect(order).not.toHaveProperty('cancellationDate');
    expect(order.kind === 'order-details' && order.missing).toEqual([expect.objectContaining({ field: 'cancellationDate', why: 'unreadable', reason: expect.stringMatching(reason) })]);
  });

  it('when the page shows a banner and the data says no, the data wins and the banner is kept as the disagreement', () => {
    const page = orderPage((doc) => alertHtml(doc, `<div role="alert">${SENTENCE}</div>`));
    const merged = mergeOrderDetails(page, withItems([flagged(false, 'B00OK1O542')]));
    expect(merged.buyerRequestedCancel).toMatchObject({ requested: false, source: 'orders-api', disagreement: { requested: true, source: 'page-banner', wording: 'sentence' } });
    expect(PageSnapshot.safeParse(merged).success).toBe(true);
  });

  it('when both say yes there is no disagreement; the page\'s "could not tell" gives way to the data', () => {
    const page = orderPage((doc) => alertHtml(doc, `<div role="alert">${SENTENCE}</div>`));
    expect(mergeOrderDetails(page, withItems([flagged(true, 'B00OK1O542')])).buyerRequestedCancel).toEqual({ requested: true, source: 'orders-api', reason: 'Changed mind' });
    const unclear = orderPage((doc) => alertHtml(doc, '<div role="alert">Stornierung beantragt</div>'));
    const merged = mergeOrderDetails(unclear, withItems([flagged(false, 'B00OK1O542')]));
    expect(merged.buyerRequestedCancel).toEqual({ requested: false, source: 'orders-api' });
    expect(cancelMissing(merged)).toBeUndefined();
  });

  it("data without flags leaves the page's reading (and its source) as it was", () => {
    const page = orderPage((doc) => alertHtml(doc, `<div role="alert">${SENTENCE}</div>`));
    const { BuyerRequestedCancel: _none, ...bare } = item;
    expect(mergeOrderDetails(page, withItems([bare])).buyerRequestedCancel).toMatchObject({ requested: true, source: 'page-banner' });
  });

  it('merges per row on the list, the data winning for its order only', () => {
    const { doc, url } = loadFixture('order-list-en');
    bannerRowBefore(doc, 0, `<div role="alert">${SENTENCE}</div>`);
    const list = readPage(doc, url) as OrderListSnapshot;
    const first = list.orders[0]!.orderId;
    const merged = mergeOrderRows(list, new Map([[first, orderInResponse({ order: { ...capture.data, amazonOrderId: first, orderItems: [flagged(false, 'B00OK1O542')] } })!]]));
    expect(merged.orders[0]!.buyerRequestedCancel).toMatchObject({ requested: false, source: 'orders-api', disagreement: { requested: true } });
  });

  it("mergeCancel: the data's partial request against the page's whole-order banner", () => {
    expect(mergeCancel({ requested: true, source: 'page-banner', wording: 'sentence' }, { requested: false, source: 'orders-api', items: [{ index: 0 }] })).toEqual({
      requested: false,
      source: 'orders-api',
      items: [{ index: 0 }],
      disagreement: { requested: true, source: 'page-banner', wording: 'sentence' },
    });
    expect(mergeCancel(undefined, undefined)).toBeUndefined();
  });
});

describe("alert text without Amazon's wording never makes a request", () => {
  const pieces = [
    'cancel',
    'Cancel order',
    'cancellation',
    'Cancellation request',
    'buyer',
    'requested',
    'this order',
    'has',
    'the',
    'be',
    'キャンセル',
    'リクエスト',
    'キャンセル率',
    '購入者',
    '注文',
    ' ',
    '. ',
    ORDER,
    OTHER,
    'Storno',
    'annulation',
    'ship by',
    '出荷',
    'Buyer Canceled',
    '購入者によるキャンセル',
    'not',
    'no',
    'will not affect your Cancellation Rate',
  ];
  // The page is read with its white space collapsed ("buyer requested   cancel" from pieces joined
  // around an empty one is Amazon's status marker there): the wording is looked for both ways.
  const hasWording = (text: string) => CANCEL_REQUEST_WORDING.some(([pattern]) => pattern.test(text) || pattern.test(text.replace(/\s+/g, ' ')));
  const text = fc
    .array(fc.constantFrom(...pieces), { maxLength: 30 })
    .map((parts) => parts.join(' '))
    .filter((t) => !hasWording(t));

  it('readAlertText never says "request"', () => {
    fc.assert(
      fc.property(text, (t) => readAlertText(t).kind !== 'request'),
      { numRuns: 2_000 },
    );
  });

  it('nor does the order page read from such an alert (text, kat-alert attribute or shadow root)', () => {
    const { doc, url } = loadFixture('order-details-en');
    const slot = doc.createElement('div');
    doc.querySelector('#MYO-app')!.prepend(slot);
    fc.assert(
      fc.property(text, fc.constantFrom('role', 'a-alert', 'kat-description', 'kat-shadow'), (t, how) => {
        slot.replaceChildren();
        const el = doc.createElement(how.startsWith('kat') ? 'kat-alert' : 'div');
        if (how === 'role') el.setAttribute('role', 'alert');
        if (how === 'a-alert') el.className = 'a-box a-alert';
        if (how === 'kat-description') el.setAttribute('description', t);
        else if (how === 'kat-shadow') el.attachShadow({ mode: 'open' }).textContent = t;
        else el.textContent = t;
        slot.append(el);
        const order = readPage(doc, url) as OrderDetailsSnapshot;
        return order.kind === 'order-details' && order.buyerRequestedCancel === undefined;
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('and arbitrary unicode text around no wording either', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }).filter((t) => !hasWording(t)),
        (t) => readAlertText(t).kind !== 'request',
      ),
      { numRuns: 2_000 },
    );
  });
});
