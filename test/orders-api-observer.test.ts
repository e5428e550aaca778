import { afterEach, describe, expect, it, vi } from 'vitest';
import { observeOrdersApi } from '@/utils/orders-api/observe';
import { MAX_OBSERVED_TEXT } from '@/lib/pages/observed-source';

const ORDER = { order: { amazonOrderId: '114-3941689-8772232' } };
const ORDER_URL = 'https://sellercentral.amazon.com/orders-api/order/114-3941689-8772232';
const FORGED = JSON.stringify({ order: { amazonOrderId: '114-3941689-8772232', orderItems: [{ BuyerRequestedCancel: { isBuyerRequestedCancel: true } }] } });

/**
 * A response as the browser makes it: its state is internal (private fields), read through
 * accessors on the prototype, so a property set on the object itself changes nothing.
 */
class FakeResponse {
  readonly #status: number;
  readonly #url: string;
  readonly #body: string;
  constructor(body: string, status: number, url: string) {
    this.#body = body;
    this.#status = status;
    this.#url = url;
  }
  get ok() {
    return this.#status >= 200 && this.#status < 300;
  }
  get url() {
    return this.#url;
  }
  clone() {
    return new FakeResponse(this.#body, this.#status, this.#url);
  }
  async text() {
    return this.#body;
  }
  async json() {
    return JSON.parse(this.#body) as unknown;
  }
}

/** An XMLHttpRequest class as the browser makes it (state internal, read through accessors on its own prototype). */
const makeXhr = (responses: Record<string, { status: number; body: string }>) =>
  class FakeXhr extends EventTarget {
    #url = '';
    #state = 0;
    #status = 0;
    #type: XMLHttpRequestResponseType = '';
    #text = '';
    get readyState() {
      return this.#state;
    }
    get status() {
      return this.#status;
    }
    get responseURL() {
      return this.#state === 4 ? this.#url : '';
    }
    get responseType() {
      return this.#type;
    }
    set responseType(type: XMLHttpRequestResponseType) {
      this.#type = type;
    }
    get responseText() {
      if (this.#type !== '' && this.#type !== 'text') throw new Error('InvalidStateError');
      return this.#text;
    }
    open(_method: string, url: string) {
      this.#url = new URL(url, 'https://sellercentral.amazon.com/').href;
      this.#state = 1;
    }
    send() {
      const hit = responses[this.#url] ?? { status: 404, body: 'not found' };
      queueMicrotask(() => {
        this.#state = 4;
        this.#status = hit.status;
        this.#text = hit.body;
        this.dispatchEvent(new Event('load'));
      });
    }
  };

function fakeWindow(responses: Record<string, { status: number; body: string }>) {
  const fetch = vi.fn(async (input: string) => {
    const url = new URL(input, 'https://sellercentral.amazon.com/').href;
    const hit = responses[url] ?? { status: 404, body: 'not found' };
    return new FakeResponse(hit.body, hit.status, url) as unknown as Response;
  });
  const win = {
    location: { origin: 'https://sellercentral.amazon.com', href: 'https://sellercentral.amazon.com/orders-v3/order/114-3941689-8772232' },
    fetch,
    Response: FakeResponse,
    Promise,
    EventTarget,
    XMLHttpRequest: makeXhr(responses),
  };
  return { win: win as unknown as Window & typeof globalThis, fetch };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

function xhrGet(win: Window & typeof globalThis, url: string, type: XMLHttpRequestResponseType = '') {
  const request = new win.XMLHttpRequest();
  request.open('GET', url);
  request.responseType = type;
  request.send();
  return request;
}

describe('main-world orders-api observer', () => {
  afterEach(() => vi.restoreAllMocks());

  it("hands over the text of the page's own order response once connected, unchanged for the page", async () => {
    const { win } = fakeWindow({ [ORDER_URL]: { status: 200, body: JSON.stringify(ORDER) } });
    const observer = observeOrdersApi(win);
    const handed: string[] = [];
    observer.connect((detail) => handed.push(detail));
    const response = await win.fetch('/orders-api/order/114-3941689-8772232');
    expect(await response.json()).toEqual(ORDER); // the page still reads its body
    await settle();
    expect(handed).toEqual([`/orders-api/order/114-3941689-8772232\n${JSON.stringify(ORDER)}`]);
  });

  it('makes no request of its own: one page request, one fetch', async () => {
    const { win, fetch } = fakeWindow({});
    observeOrdersApi(win);
    await win.fetch('/orders-api/search');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['another endpoint', 'https://sellercentral.amazon.com/orders-api/countOrders', 200],
    ['another origin', 'https://evil.example/orders-api/search', 200],
    ['an origin that only starts like ours', 'https://sellercentral.amazon.com.evil.example/orders-api/search', 200],
    ['an address with a user part', 'https://sellercentral.amazon.com@evil.example/orders-api/search', 200],
    ['a failed response', 'https://sellercentral.amazon.com/orders-api/search', 500],
  ])('ignores %s', async (_label, url, status) => {
    const { win } = fakeWindow({ [url]: { status, body: '{"orders":[]}' } });
    const observer = observeOrdersApi(win);
    const handed: string[] = [];
    observer.connect((detail) => handed.push(detail));
    await win.fetch(url);
    xhrGet(win, url);
    await settle();
    expect(handed).toEqual([]);
  });

  it.each([
    ['the case list', '/messaging/api/global/cases?filterList=ACTION_NEEDED&sortDirection=ASCENDING', '/messaging/api/global/cases'],
    ['one case', '/messaging/api/global/cases/2f6d9b1e-5c3a-4e8f-a0b7-9d1c4e6f8a25', '/messaging/api/global/cases/2f6d9b1e-5c3a-4e8f-a0b7-9d1c4e6f8a25'],
    [
      "a case's order context",
      '/messaging/api/global/cases/2f6d9b1e-5c3a-4e8f-a0b7-9d1c4e6f8a25/orderContext?marketplaceId=ATVPDKIKX0DER',
      '/messaging/api/global/cases/2f6d9b1e-5c3a-4e8f-a0b7-9d1c4e6f8a25/orderContext',
    ],
  ])("hands over the messaging app's %s, by fetch and by XMLHttpRequest, path without its query", async (_label, path, pathname) => {
    const url = `https://sellercentral.amazon.com${path}`;
    const { win } = fakeWindow({ [url]: { status: 200, body: '{"cases":[]}' } });
    const observer = observeOrdersApi(win);
    const handed: string[] = [];
    observer.connect((detail) => handed.push(detail));
    await win.fetch(path);
    xhrGet(win, url);
    await settle();
    expect(handed).toEqual([`${pathname}\n{"cases":[]}`, `${pathname}\n{"cases":[]}`]);
  });

  it.each([
    ['another messaging endpoint', '/messaging/api/global/rights'],
    ["a case's templates", '/messaging/api/global/cases/2f6d9b1e-5c3a-4e8f-a0b7-9d1c4e6f8a25/responsetemplates'],
    ['a case id of another form', '/messaging/api/global/cases/../../orders-api/search'],
  ])('ignores %s of the messaging app', async (_label, path) => {
    const url = `https://sellercentral.amazon.com${path}`;
    const { win } = fakeWindow({ [new URL(url).href]: { status: 200, body: '{}' } });
    const observer = observeOrdersApi(win);
    const handed: string[] = [];
    observer.connect((detail) => handed.push(detail));
    await win.fetch(path);
    await settle();
    expect(handed).toEqual([]);
  });

  it('keeps what it saw before it was connected and replays it on request, in order, the last few only', async () => {
    const urls = Array.from({ length: 12 }, (_, i) => `https://sellercentral.amazon.com/orders-api/order/114-0000000-00000${String(i).padStart(2, '0')}`);
    const { win } = fakeWindow(Object.fromEntries(urls.map((url, i) => [url, { status: 200, body: `{"n":${i}}` }])));
    const observer = observeOrdersApi(win);
    for (const url of urls) await win.fetch(url);
    await settle();
    const handed: string[] = [];
    observer.connect((detail) => handed.push(detail));
    expect(handed).toEqual([]); // nothing until asked
    observer.replay();
    expect(handed.map((d) => JSON.parse(d.slice(d.indexOf('\n') + 1)).n)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('reads XMLHttpRequest text responses, not "json" ones (an object the page holds too)', async () => {
    const { win } = fakeWindow({ [ORDER_URL]: { status: 200, body: JSON.stringify(ORDER) } });
    const observer = observeOrdersApi(win);
    const handed: string[] = [];
    observer.connect((detail) => handed.push(detail));
    xhrGet(win, ORDER_URL);
    xhrGet(win, ORDER_URL, 'text');
    xhrGet(win, ORDER_URL, 'json');
    await settle();
    expect(handed).toHaveLength(2);
    // A load event a page script dispatches before the response came gives nothing.
    const early = new win.XMLHttpRequest();
    early.open('GET', ORDER_URL);
    early.send();
    early.dispatchEvent(new Event('load'));
    expect(handed).toHaveLength(2);
  });

  it('does not hand over a body larger than the limit', async () => {
    const { win } = fakeWindow({ 'https://sellercentral.amazon.com/orders-api/search': { status: 200, body: `"${'x'.repeat(MAX_OBSERVED_TEXT)}"` } });
    const observer = observeOrdersApi(win);
    const handed: string[] = [];
    observer.connect((detail) => handed.push(detail));
    await win.fetch('/orders-api/search');
    await settle();
    observer.replay();
    expect(handed).toEqual([]);
  });

  it('hands over what the server sent although page scripts replace built-ins after it started', async () => {
    const responses = {
      [ORDER_URL]: { status: 200, body: JSON.stringify(ORDER) },
      'https://evil.example/orders-api/order/114-3941689-8772232': { status: 200, body: FORGED },
    };
    const { win } = fakeWindow(responses);
    const observer = observeOrdersApi(win);
    const handed: string[] = [];
    observer.connect((detail) => handed.push(detail));
    const original = { text: FakeResponse.prototype.text, then: Promise.prototype.then, exec: RegExp.prototype.exec };
    const urlGetter = Object.getOwnPropertyDescriptor(FakeResponse.prototype, 'url')!;
    try {
      // The page's forgeries: every body reads as the forged one, every URL test passes, every string promise resolves to the forgery.
      FakeResponse.prototype.text = async () => FORGED;
      Object.defineProperty(FakeResponse.prototype, 'url', { configurable: true, get: () => ORDER_URL });
      RegExp.prototype.exec = function exec(this: RegExp, input: string) {
        return typeof input === 'string' && input.includes('evil.example')
          ? original.exec.call(/^(https:\/\/sellercentral\.amazon\.com)(\/orders-api\/order\/114-3941689-8772232)/, ORDER_URL)
          : original.exec.call(this, input);
      };
      Promise.prototype.then = function then(this: Promise<unknown>, ok?: (v: unknown) => unknown, fail?: (e: unknown) => unknown) {
        return original.then.call(this, (v: unknown) => ok?.(typeof v === 'string' && v.includes('"order"') ? FORGED : v), fail);
      } as typeof Promise.prototype.then;
      const response = await win.fetch(ORDER_URL);
      Object.defineProperty(response, 'url', { value: 'https://evil.example/' }); // and on the object itself
      await win.fetch('https://evil.example/orders-api/order/114-3941689-8772232');
      await settle();
    } finally {
      FakeResponse.prototype.text = original.text;
      Object.defineProperty(FakeResponse.prototype, 'url', urlGetter);
      RegExp.prototype.exec = original.exec;
      Promise.prototype.then = original.then;
    }
    expect(handed).toEqual([`/orders-api/order/114-3941689-8772232\n${JSON.stringify(ORDER)}`]);
  });

  it('puts fetch and XMLHttpRequest back when there is nobody to hand anything to', async () => {
    const { win, fetch } = fakeWindow({ [ORDER_URL]: { status: 200, body: JSON.stringify(ORDER) } });
    const send = win.XMLHttpRequest.prototype.send;
    const observer = observeOrdersApi(win);
    expect(win.fetch).not.toBe(fetch);
    expect(win.XMLHttpRequest.prototype.send).not.toBe(send);
    observer.stop();
    expect(win.fetch).toBe(fetch);
    expect(win.XMLHttpRequest.prototype.send).toBe(send);
  });
});
