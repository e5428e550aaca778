import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeOrderDetails, orderInResponse, parseOrdersApi, readOrdersApiJson } from '@/lib/pages/orders-api';
import { classifyNotice, readNoticeText } from '@/lib/pages/read-notice';
import { readMetric } from '@/lib/pages/read-account-health';
import { checkReading, checkReadingInSteps, readPage, readPageUnchecked } from '@/lib/pages/read-page';
import { PageSnapshot, type OrderDetailsSnapshot } from '@/lib/pages/snapshot';
import { bigOrderList } from './fixtures/big-order-list';
import { loadFixture, parseHtml } from './helpers';

const read = (id: string) => {
  const { doc, url } = loadFixture(id);
  const snapshot = readPage(doc, url);
  expect(PageSnapshot.safeParse(snapshot).success).toBe(true);
  return snapshot;
};

function expectKind<K extends PageSnapshot['kind']>(snapshot: PageSnapshot, kind: K): Extract<PageSnapshot, { kind: K }> {
  if (snapshot.kind !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(snapshot).slice(0, 300)}`);
  return snapshot as Extract<PageSnapshot, { kind: K }>;
}

const realPage = (file: string) => readFileSync(`test/fixtures/real-pages/${file}`, 'utf8');

describe('order details', () => {
  it('reads the English demo order in full', () => {
    const order = expectKind(read('order-details-en'), 'order-details');
    expect(order).toMatchObject({
      orderId: '114-3941689-8772232',
      marketplace: 'US',
      purchaseDate: '2026-11-21T17:00:00.000Z', // demo dates are relative to DEMO_NOW (test/helpers.ts)
      shipBy: { earliest: '2026-11-21T08:00:00.000Z', latest: '2026-11-23T07:59:59.999Z' },
      fulfilment: 'MFN',
      status: 'unshipped',
      items: [{ asin: 'B00OK1O542', sku: 'J4-G38H-6FNI', quantity: 1, status: 'unshipped' }],
      buyer: { name: 'Jane Miller' },
      sources: ['dom'],
    });
    expect(order.controls.map((c) => c.kind).sort()).toEqual(['buy-shipping', 'cancel-order', 'confirm-shipment', 'contact-buyer']);
    expect(order.missing.map((m) => m.field)).toEqual(['buyerRequestedCancel']);
  });

  it('reads the Japanese demo order, whose header and items are the real 2021 captures', () => {
    const order = expectKind(read('order-details-ja'), 'order-details');
    expect(order).toMatchObject({
      orderId: '503-1724766-9264601',
      marketplace: 'JP',
      purchaseDate: '2021-05-19T14:45:00.000Z',
      fulfilment: 'MFN',
      status: 'shipped',
      items: [{ asin: 'B00OK1O542', sku: 'J4-G38H-6FNI', quantity: 1, status: 'shipped' }],
      tracking: { id: '4401-2233-5566' },
    });
    expect(order.controls.find((c) => c.kind === 'cancel-order')).toBeUndefined();
  });

  it('reads the real JP captures as they are', () => {
    const html = realPage('jp-2021_order-detail_header-spans.html') + realPage('jp-2021_order-detail_item-table.html');
    const doc = parseHtml(html);
    const order = expectKind(readPage(doc, new URL('https://sellercentral.amazon.co.jp/orders-v3/order/503-1724766-9264601')), 'order-details');
    expect(order).toMatchObject({
      orderId: '503-1724766-9264601',
      purchaseDate: '2021-05-19T14:45:00.000Z',
      status: 'shipped',
      items: [
        {
          asin: 'B00OK1O542',
          sku: 'J4-G38H-6FNI',
          quantity: 1,
          status: 'shipped',
          title: '「椿刺繍 三枚芯草履 黒」 振袖 袴 成人式 卒業式 ヒール 厚底 こっぽり ぽっくり ぞうり つばき ツバキ',
        },
      ],
    });
    // What the fragments do not have is named, not guessed.
    expect(order.missing.map((m) => m.field)).toEqual(expect.arrayContaining(['shipBy', 'deliverBy', 'fulfilment']));
    expect(order.shipBy).toBeUndefined();
  });

  it('refuses a page whose order id disagrees with the address (the app is still switching orders)', () => {
    const { doc } = loadFixture('order-details-en');
    const snapshot = readPage(doc, new URL('https://sellercentral.amazon.com/orders-v3/order/111-1111111-1111111'));
    expect(snapshot).toMatchObject({ kind: 'unrecognized', reason: expect.stringContaining('still loading') });
  });

  it('reports an order page that has not rendered yet as unrecognised', () => {
    const doc = parseHtml('<div id="MYO-app"><span id="apploading">Loading</span></div>');
    expect(readPage(doc, new URL('https://sellercentral.amazon.com/orders-v3/order/114-3941689-8772232')).kind).toBe('unrecognized');
  });

  it('leaves out an unreadable ship-by date with its reason, never "today"', () => {
    const { doc, url } = loadFixture('order-details-en');
    doc.querySelector('[data-test-id="order-summary-shipby-value"]')!.textContent = 'soon';
    const order = expectKind(readPage(doc, url), 'order-details');
    expect(order.shipBy).toBeUndefined();
    expect(order.missing).toContainEqual({ field: 'shipBy', reason: expect.stringContaining('unreadable date'), why: 'unreadable' });
  });
});

describe('order list', () => {
  it.each([
    ['order-list-en', 3, 'US'],
    ['order-list-ja', 2, 'JP'],
  ] as const)('%s: every row', (id, rows, marketplace) => {
    const list = expectKind(read(id), 'order-list');
    expect(list.marketplace).toBe(marketplace);
    expect(list.totalOrders).toBe(rows);
    expect(list.orders).toHaveLength(rows);
    for (const order of list.orders) {
      expect(order.missing, order.orderId).toEqual([]);
      expect(order).toMatchObject({ fulfilment: 'MFN', status: 'unshipped' });
      expect(order.shipBy?.earliest).toMatch(/^2026-11-2/);
      expect(order.controls.map((c) => c.kind)).toContain('confirm-shipment');
    }
  });

  it('reads ship-by in the marketplace zone (JP: 11/22 is 15:00 UTC the day before)', () => {
    const list = expectKind(read('order-list-ja'), 'order-list');
    expect(list.orders[1]).toMatchObject({ orderId: '250-6613094-1187605', shipBy: { earliest: '2026-11-21T15:00:00.000Z' } });
  });

  it('reads a 500-row list', () => {
    const { html, url } = loadFixture('order-list-en');
    const doc = parseHtml(bigOrderList(html, 500));
    const list = expectKind(readPage(doc, url), 'order-list');
    expect(list.orders).toHaveLength(500);
    expect(new Set(list.orders.map((o) => o.orderId)).size).toBe(500);
    expect(list.orders.every((o) => o.shipBy !== undefined)).toBe(true);
  });

  it('checks a list a row per step to the same result as the whole check, a row that does not fit included', () => {
    const { html, url } = loadFixture('order-list-en');
    const doc = parseHtml(bigOrderList(html, 60));
    const drive = (snapshot: PageSnapshot) => {
      const steps = checkReadingInSteps(snapshot);
      let count = 0;
      for (let step = steps.next(); ; step = steps.next(), count++) if (step.done) return { result: step.value, count };
    };
    const read = readPageUnchecked(doc, url);
    expect(read.checked).toBe(false);
    const whole = drive(read.snapshot);
    expect(whole.count).toBe(61);
    expect(JSON.stringify(whole.result)).toBe(JSON.stringify(readPage(doc, url)));
    expect(JSON.stringify(whole.result)).toBe(JSON.stringify(checkReading(read.snapshot)));
    const bad = { ...read.snapshot, orders: (read.snapshot as { orders: object[] }).orders.map((o, i) => (i === 30 ? { ...o, orderId: 'nope' } : o)) } as PageSnapshot;
    expect(drive(bad).result).toEqual(checkReading(bad));
    expect(drive(bad).result.kind).toBe('unrecognized');
    const badRest = { ...read.snapshot, totalOrders: -1 } as PageSnapshot;
    expect(drive(badRest).result).toEqual(checkReading(badRest));
  });

  it('finds a cancellation-request banner by its words', () => {
    const { doc, url } = loadFixture('order-list-en');
    const alert = doc.createElement('div');
    alert.className = 'a-alert';
    alert.textContent = 'You have 2 buyer cancellation requests. Review them before shipping.';
    doc.querySelector('#MYO-app')!.prepend(alert);
    expect(expectKind(readPage(doc, url), 'order-list').cancellationBanner?.text).toContain('2 buyer cancellation requests');
  });

  it('reads an empty list as empty, and a list that has not loaded as unrecognised', () => {
    const url = new URL('https://sellercentral.amazon.com/orders-v3/mfn/unshipped');
    const empty = parseHtml('<div id="MYO-app">No orders were found that match the given search criteria.</div>');
    expect(readPage(empty, url)).toMatchObject({ kind: 'order-list', orders: [] });
    const loading = parseHtml('<div id="MYO-app"></div>');
    expect(readPage(loading, url).kind).toBe('unrecognized');
  });
});

describe('messages', () => {
  it('reads the Japanese thread: the buyer wrote last, so a reply is pending', () => {
    const thread = expectKind(read('message-thread-ja'), 'message-thread');
    expect(thread).toMatchObject({
      subject: '山田 花子様からのお問い合わせです',
      orderId: '503-2207518-4406231',
      replyPending: true,
      replyBox: { kind: 'kat-textarea', path: '#demo-reply-box' },
      messages: [{ sender: 'buyer', time: '2026-11-22T10:00:00.000Z' }], // two hours before DEMO_NOW
    });
    expect(thread.messages[0]!.text).toContain('キャンセルしてください。');
    expect(thread.messages[0]!.text).not.toContain('山田 花子 ·');
  });

  it('keeps a message full of HTML as text', () => {
    const { doc, url } = loadFixture('message-thread-en');
    const bubble = doc.querySelector('.bubble-buyer')!;
    bubble.lastChild!.textContent = '<img src=x onerror="alert(1)"><b>cancel</b>';
    const thread = expectKind(readPage(doc, url), 'message-thread');
    expect(thread.messages[0]!.text).toBe('<img src=x onerror="alert(1)"><b>cancel</b>');
  });

  it('reads the inbox count', () => {
    const doc = parseHtml('<h1>Buyer-Seller Messages</h1><span>Response needed: 4</span>');
    expect(readPage(doc, new URL('https://sellercentral.amazon.com/messaging/inbox-v3?fi=responseNeeded'))).toMatchObject({
      kind: 'message-inbox',
      responseNeeded: 4,
    });
  });
});

describe('notices', () => {
  it('reads the Japanese listing cancellation: pattern 1 (no relisting), the ASIN, the problem', () => {
    expect(read('notice-ja')).toMatchObject({
      kind: 'notice',
      noticeKind: 'listing-removed',
      listingProblem: 'wrong-item',
      asin: 'B00OK1O542',
      relistingMentioned: false,
    });
  });

  it('reads the English removal notice', () => {
    expect(read('notice-en')).toMatchObject({ noticeKind: 'listing-removed', listingProblem: 'restricted-product', asin: 'B08L9QK2ZR' });
  });

  it.each([
    ['email_listing-cancel_ja.txt', 'listing-removed'],
    ['email_listing-removal_en.txt', 'listing-removed'],
    ['email_bsm-optout-bounce_en.txt', 'undeliverable-message'],
    ['email_bsm-optout-bounce_ja.txt', 'undeliverable-message'],
    ['email_bsm-buyer-message_ca-us.txt', 'other'],
  ])('reads the real notice %s as %s', (file, kind) => {
    expect(readNoticeText(realPage(file))).toMatchObject({ kind: 'notice', noticeKind: kind });
  });

  it('tells pattern 2 (relisting mentioned) and an A-to-z claim', () => {
    expect(classifyNotice('要ご対応:出品キャンセルのご連絡', '再出品をご希望の場合は、過去6か月以内の請求書をご提出ください。偽造品の疑い')).toEqual({
      noticeKind: 'listing-removed',
      listingProblem: 'authenticity',
      relistingMentioned: true,
    });
    expect(classifyNotice('Action required: Claim received on order 113-0218844-6650219', '')).toMatchObject({ noticeKind: 'a-to-z-claim' });
  });
});

describe('account health', () => {
  it.each([
    ['account-health-en', { percent: 0.8, numerator: 3, denominator: 375 }, { percent: 98.05, numerator: 402, denominator: 410 }],
    ['account-health-ja', { percent: 1.06, numerator: 2, denominator: 189 }, { percent: 99.07, numerator: 213, denominator: 215 }],
  ])('%s', (id, cancellation, tracking) => {
    const health = expectKind(read(id), 'account-health');
    expect(health.cancellationRate).toEqual(cancellation);
    expect(health.validTrackingRate).toEqual(tracking);
    expect(health.lateShipmentRate).toBeDefined();
    expect(health.orderDefectRate).toBeDefined();
    expect(health.missing).toEqual([]);
  });

  it.each([
    ['2.5% 3 of 120', { percent: 2.5, numerator: 3, denominator: 120 }],
    ['0,75 % (3 / 400)', { percent: 0.75, numerator: 3, denominator: 400 }],
    ['1.2% 500 of 3', { percent: 1.2 }],
    ['—', 'no percentage'],
    ['250%', 'not a rate: 250%'],
  ])('reads %j', (text, expected) => {
    expect(readMetric(text)).toEqual(expected);
  });
});

describe('orders-api JSON', () => {
  const capture = JSON.parse(realPage('us-2024_orders-api-order_response.redacted.json'));

  it('reads the real /orders-api/order capture, including the buyer-requested-cancel flag', () => {
    const order = expectKind(readOrdersApiJson(JSON.stringify(capture)), 'order-details');
    expect(order).toMatchObject({
      orderId: '111-1111111-1111111',
      marketplace: 'US',
      purchaseDate: '2024-08-21T05:08:06.269Z',
      shipBy: { earliest: '2024-08-22T07:00:00.000Z', latest: '2024-08-24T06:59:59.000Z' },
      fulfilment: 'MFN',
      status: 'unshipped',
      buyerRequestedCancel: { requested: false },
      items: [{ asin: 'B0CJ4Y4VT1', sku: 'DUCK04-TTD-BLK', quantity: 1, status: 'unshipped' }],
      sources: ['orders-api'],
    });
  });

  it('lets the JSON win where both have a value, and keeps what only the page has', () => {
    const { doc, url } = loadFixture('order-details-en');
    const dom = expectKind(readPage(doc, url), 'order-details');
    const json = orderInResponse({
      order: {
        ...capture.data,
        amazonOrderId: dom.orderId,
        orderItems: [{ ...capture.data.orderItems[0], BuyerRequestedCancel: { isBuyerRequestedCancel: true, cancelReason: 'Ordered wrong size' } }],
      },
    })!;
    const merged: OrderDetailsSnapshot = mergeOrderDetails(dom, json);
    expect(merged.buyerRequestedCancel).toEqual({ requested: true, reason: 'Ordered wrong size', source: 'orders-api' });
    expect(merged.shipBy).toEqual({ earliest: '2024-08-22T07:00:00.000Z', latest: '2024-08-24T06:59:59.000Z' });
    expect(merged.controls).toEqual(dom.controls);
    expect(merged.buyer).toEqual(dom.buyer);
    expect(merged.sources).toEqual(['dom', 'orders-api']);
    expect(merged.missing.map((m) => m.field)).not.toContain('buyerRequestedCancel');
    expect(PageSnapshot.safeParse(merged).success).toBe(true);
  });

  it("never merges another order's JSON", () => {
    const { doc, url } = loadFixture('order-details-en');
    const dom = expectKind(readPage(doc, url), 'order-details');
    expect(mergeOrderDetails(dom, orderInResponse(capture)!)).toBe(dom);
  });

  it.each([
    ['not JSON', '{'],
    ['an SP-API example', realPage('sp-api_examples_orders_cancel.json')],
    ['an order with a bad id', JSON.stringify({ order: { amazonOrderId: '<script>' } })],
    ['an order with a string for a date', JSON.stringify({ order: { amazonOrderId: '111-1111111-1111111', purchaseDate: 'yesterday' } })],
  ])('reports %s as unrecognised', (_label, text) => {
    expect(readOrdersApiJson(text).kind).toBe('unrecognized');
  });

  it('accepts only the two order endpoints', () => {
    expect(parseOrdersApi('/orders-api/order/111-1111111-1111111', capture)?.kind).toBe('order');
    expect(parseOrdersApi('/orders-api/search', { orders: [capture.data], total: 1 })?.kind).toBe('search');
    expect(parseOrdersApi('/orders-api/countOrders', { orders: [] })).toBeUndefined();
    expect(parseOrdersApi('/orders-api/order/111-1111111-1111111', { order: null })).toBeUndefined();
  });
});

describe('message inbox pages', () => {
  it.each([
    ['message-inbox-en', 3],
    ['message-inbox-ja', 2],
  ])('%s: %i conversations need a response, each listed with its order', (id, count) => {
    const inbox = read(id);
    expect(inbox).toMatchObject({ kind: 'message-inbox', responseNeeded: count, missing: [], responseNeededView: true });
    expect(inbox.kind === 'message-inbox' && inbox.cases?.map((c) => Boolean(c.orderId && c.caseId && c.preview))).toEqual(Array(count).fill(true));
  });
});
