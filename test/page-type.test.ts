import { describe, expect, it } from 'vitest';
import { SELLER_CENTRAL_HOSTS } from '@/lib/hosts';
import { PAGE_PREDICATES, PAGE_TYPES, caseIdOf, followSnapshot, isMessagingRoute, recognisePage, type PageType } from '@/lib/pages/page-type';

// Paths (and queries) for each page type; every one is tried on every Seller Central host.
const EXAMPLES: Record<PageType, readonly string[]> = {
  'order-list': [
    '/orders-v3',
    '/orders-v3/',
    '/orders-v3?page=2',
    '/orders-v3/ref=xx_myo_dnav_xx?page=1&date-range=1700000000000-1700600000000',
    '/orders-v3/mfn/unshipped?page=1',
    '/orders-v3/mfn/unshipped/?page=1',
    '/orders-v3/mfn/unshipped/ref=xx_orders_cont_kpiToolbar?shipByDate=all&page=1',
    '/orders-v3/mfn/shipped/easyship/handover-done',
    '/orders-v3/fba/all?page=1&date-range=last-14',
    '/orders-v3/search?page=1&qt=asin&q=B00OK1O542',
  ],
  'order-details': ['/orders-v3/order/503-1724766-9264601', '/orders-v3/order/114-3941689-8772232/', '/orders-v3/order/114-3941689-8772232?ref=orddet'],
  'message-thread': [
    '/messaging/inbox?fi=caseId&ss=6f1c2a9e-3b7d-4c1e-9a51-2d8e4f7b0c13&cc=6f1c2a9e-3b7d-4c1e-9a51-2d8e4f7b0c13',
    '/messaging/inbox-v3?fi=caseId&ss=0b9d3e57-8a14-4f62-b3c0-71e5d2a8f946',
    '/messaging/contact?orderID=114-3941689-8772232&marketplaceID=ATVPDKIKX0DER',
    '/messaging/contact/?orderID=114-3941689-8772232',
    // `cc=` names the open case on every inbox route, whatever else the URL carries.
    '/messaging/inbox-v3?fi=responseNeeded&pn=1&cc=2f6d9b1e-5c3a-4e8f-a0b7-9d1c4e6f8a25',
    '/messaging/inbox-v3?fi=search&ss=114-3941689-8772232&cc=2F6D9B1E-5C3A-4E8F-A0B7-9D1C4E6F8A25',
    '/messaging/inbox-v2?cc=2f6d9b1e-5c3a-4e8f-a0b7-9d1c4e6f8a25',
    '/messaging/inbox/ref=xx_cmin_head_xx?cc=2f6d9b1e-5c3a-4e8f-a0b7-9d1c4e6f8a25&pn=2',
  ],
  'message-inbox': [
    '/messaging/inbox',
    '/messaging/inbox/ref=xx_cmin_head_xx',
    '/messaging/inbox/ref=ag_cmin_wper_home?fi=RESPONSE_NEEDED&pn=1',
    '/messaging/inbox-v2',
    '/messaging/inbox-v3?fi=responseNeeded',
    '/messaging/inbox-v3?fi=search&ss=114-3941689-8772232',
    '/messaging/inbox?fi=caseId',
    '/messaging/inbox-v3?fi=responseNeeded&pn=1',
    '/messaging/inbox-v3?fi=responseNeeded&pn=1&cc=',
    '/messaging/inbox?fi=caseId&ss=not-a-case-id',
    '/messaging/inbox-v3?cc=114-3941689-8772232',
  ],
  notices: ['/performance/notifications', '/performance/notifications/', '/gp/customer-experience/perf-notifications.html'],
  'account-health': ['/performance/dashboard', '/performance/dashboard?ref=ah_home', '/performance/account/health', '/performance/account/health/product-policies'],
  transactions: [
    '/payments/event/view',
    '/payments/event/view?resultsPerPage=10&pageNumber=1',
    '/payments/event/view?accountType=ALL&orderId=114-3941689-8772232&resultsPerPage=10&pageNumber=1',
    '/payments/event/view?accountType=PAYABLE&groupId=x&transactionstatus=RELEASED&category=DEFAULT',
    '/payments/event/view/',
  ],
  other: [
    '/payments/event/details?financialEventId=abc',
    '/payments/dashboard/index.html',
    '/payments/event/viewer',
    '/',
    '/home',
    '/orders-v3/order/114-3941689-8772232/confirm-shipment',
    '/orders-v3/order/12345',
    '/orders-v3x',
    '/messaging/reviews?orderId=114-3941689-8772232&marketplaceId=ATVPDKIKX0DER',
    '/messaging/contact?orderID=not-an-order',
    '/messaging/thread',
    '/performance/detail/shipping',
    '/gp/returns/list',
    '/productclassify?ref_=xx_addlisting_dnav_xx',
  ],
};

const ALL = Object.entries(EXAMPLES).flatMap(([type, paths]) => paths.map((path) => [type as PageType, path] as const));

describe('page detection', () => {
  it('has examples for every page type', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...PAGE_TYPES].sort());
  });

  describe.each(SELLER_CENTRAL_HOSTS.map((h) => h.hostname))('on %s', (hostname) => {
    it.each(ALL)('%s: %s', (type, path) => {
      const url = new URL(`https://${hostname}${path}`);
      expect(recognisePage(url)?.type).toBe(type);
    });
  });

  it.each(Object.entries(PAGE_PREDICATES))('%s is true only for its own examples', (type, predicate) => {
    for (const [exampleType, path] of ALL) {
      const url = new URL(`https://sellercentral.amazon.co.jp${path}`);
      expect(predicate(url), `${type} on ${path}`).toBe(exampleType === type);
    }
  });

  it('reads the order id from order details and Contact Buyer, and nowhere else', () => {
    expect(recognisePage(new URL('https://sellercentral.amazon.com/orders-v3/order/114-3941689-8772232'))?.orderId).toBe('114-3941689-8772232');
    expect(recognisePage(new URL('https://sellercentral.amazon.de/messaging/contact?orderID=302-1111111-2222222&marketplaceID=A1PA6795UKMFR9'))?.orderId).toBe('302-1111111-2222222');
    expect(recognisePage(new URL('https://sellercentral.amazon.com/orders-v3/search?q=114-3941689-8772232'))?.orderId).toBeUndefined();
  });

  it('tells the marketplace from the host, and none for the unified Europe host', () => {
    expect(recognisePage(new URL('https://sellercentral.amazon.co.jp/home'))?.marketplace).toBe('JP');
    expect(recognisePage(new URL('https://sellercentral-japan.amazon.com/home'))?.marketplace).toBe('JP');
    expect(recognisePage(new URL('https://sellercentral.amazon.de/home'))?.marketplace).toBe('DE');
    expect(recognisePage(new URL('https://sellercentral-europe.amazon.com/home'))?.marketplace).toBeUndefined();
  });

  it.each([
    'http://sellercentral.amazon.com/orders-v3',
    'https://sellercentral.amazon.com.evil.example/orders-v3',
    'https://evil.example/sellercentral.amazon.com/orders-v3',
    'https://www.amazon.com/orders-v3',
    'https://sellercentral.amazon.nl/orders-v3',
    'https://xn--sellercentral-amazon-com.example/orders-v3',
    'file:///orders-v3/order/114-3941689-8772232',
  ])('is silent off Seller Central: %s', (href) => {
    expect(recognisePage(new URL(href))).toBeUndefined();
  });

  it('treats hostile paths as unread pages, never as a near match', () => {
    const hostile = [
      `/orders-v3/order/114-3941689-8772232${'/x'.repeat(5000)}`,
      '/orders-v3/order/<script>alert(1)</script>',
      '/orders-v3/order/１１４-３９４１６８９-８７７２２３２',
      '/messaging/inbox?fi=caseId&ss=',
      `/orders-v3/mfn/${'a'.repeat(100_000)}!`,
    ];
    for (const path of hostile) {
      const page = recognisePage(new URL(`https://sellercentral.amazon.com${path}`));
      expect(page, path.slice(0, 60)).toBeDefined();
      expect(['other', 'message-inbox']).toContain(page?.type);
      expect(page?.orderId).toBeUndefined();
    }
  });

  it('reads the open case from cc=, else from a caseId deep link, and only a uuid', () => {
    const at = (path: string) => new URL(`https://sellercentral.amazon.com${path}`);
    const id = '2f6d9b1e-5c3a-4e8f-a0b7-9d1c4e6f8a25';
    expect(caseIdOf(at(`/messaging/inbox-v3?fi=responseNeeded&pn=1&cc=${id}`))).toBe(id);
    expect(caseIdOf(at(`/messaging/inbox-v3?fi=search&ss=114-3941689-8772232&cc=${id.toUpperCase()}`))).toBe(id);
    expect(caseIdOf(at(`/messaging/inbox?fi=caseId&ss=${id}`))).toBe(id);
    expect(caseIdOf(at('/messaging/inbox?fi=search&ss=114-3941689-8772232'))).toBeUndefined();
    expect(caseIdOf(at(`/messaging/reviews?cc=${id}`))).toBeUndefined();
    expect(caseIdOf(at(`/messaging/inbox?cc=${id}<script>`))).toBeUndefined();
  });

  it('counts every inbox route and Contact Buyer as the messaging app, and nothing else', () => {
    const at = (path: string) => new URL(`https://sellercentral.amazon.de${path}`);
    for (const path of [...EXAMPLES['message-thread'], ...EXAMPLES['message-inbox']]) expect(isMessagingRoute(at(path)), path).toBe(true);
    for (const path of EXAMPLES.other.filter((p) => !p.startsWith('/messaging/contact'))) expect(isMessagingRoute(at(path)), path).toBe(false);
  });

  describe('the page type follows what the messaging app shows', () => {
    const inbox = recognisePage(new URL('https://sellercentral.amazon.com/messaging/inbox-v3?fi=responseNeeded'))!;
    const thread = recognisePage(new URL('https://sellercentral.amazon.com/messaging/inbox-v3?cc=2f6d9b1e-5c3a-4e8f-a0b7-9d1c4e6f8a25'))!;
    const order = recognisePage(new URL('https://sellercentral.amazon.com/orders-v3/order/114-3941689-8772232'))!;

    it('an inbox URL showing a conversation is a thread, with the order the conversation names', () => {
      expect(followSnapshot(inbox, { kind: 'message-thread', orderId: '114-3941689-8772232' })).toMatchObject({
        type: 'message-thread',
        orderId: '114-3941689-8772232',
        marketplace: 'US',
      });
    });

    it('a case URL showing only the inbox (the seller went back without a page load) is the inbox', () => {
      expect(followSnapshot(thread, { kind: 'message-inbox' })).toMatchObject({ type: 'message-inbox', orderId: undefined });
    });

    it('keeps the URL type while nothing was read, when nothing could be read, and off the messaging app', () => {
      expect(followSnapshot(inbox, undefined)).toBe(inbox);
      expect(followSnapshot(thread, { kind: 'unrecognized' })).toBe(thread);
      expect(followSnapshot(order, { kind: 'message-thread', orderId: '111-1111111-1111111' })).toBe(order);
    });
  });
});
