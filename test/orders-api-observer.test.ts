import { afterEach, describe, expect, it, vi } from 'vitest';
import { observeOrdersApi } from '@/entrypoints/orders-api.content/observe';
import { OBSERVED_RESPONSE_SOURCE, REPLAY_REQUEST_SOURCE } from '@/lib/pages/observed-source';

const ORDER = { order: { amazonOrderId: '114-3941689-8772232' } };

function fakeWindow(responses: Record<string, { status: number; body: string }>) {
  const posted: unknown[] = [];
  const listeners: ((event: MessageEvent) => void)[] = [];
  const win = {
    location: { origin: 'https://sellercentral.amazon.com', href: 'https://sellercentral.amazon.com/orders-v3/order/114-3941689-8772232' },
    fetch: vi.fn(async (input: string) => {
      const url = new URL(input, 'https://sellercentral.amazon.com/').href;
      const hit = responses[url] ?? { status: 404, body: 'not found' };
      const response = new Response(hit.body, { status: hit.status });
      Object.defineProperty(response, 'url', { value: url });
      return response;
    }),
    postMessage: vi.fn((message: unknown) => posted.push(message)),
    addEventListener: (_type: string, listener: (event: MessageEvent) => void) => listeners.push(listener),
    XMLHttpRequest: undefined,
  };
  const dispatch = (data: unknown) => listeners.forEach((l) => l({ source: win, data } as unknown as MessageEvent));
  return { win: win as unknown as Window & typeof globalThis, posted, dispatch, fetch: win.fetch };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('main-world orders-api observer', () => {
  afterEach(() => vi.restoreAllMocks());

  it('hands over the JSON of the page\'s own order request, unchanged for the page', async () => {
    const { win, posted } = fakeWindow({
      'https://sellercentral.amazon.com/orders-api/order/114-3941689-8772232': { status: 200, body: JSON.stringify(ORDER) },
    });
    observeOrdersApi(win);
    const response = await win.fetch('/orders-api/order/114-3941689-8772232');
    expect(await response.json()).toEqual(ORDER); // the page still reads its body
    await settle();
    expect(posted).toEqual([{ source: OBSERVED_RESPONSE_SOURCE, pathname: '/orders-api/order/114-3941689-8772232', body: ORDER }]);
  });

  it('makes no request of its own: one page request, one fetch', async () => {
    const { win, fetch } = fakeWindow({});
    observeOrdersApi(win);
    await win.fetch('/orders-api/search');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['another endpoint', 'https://sellercentral.amazon.com/orders-api/countOrders', 200, '{}'],
    ['another origin', 'https://evil.example/orders-api/search', 200, '{"orders":[]}'],
    ['a failed response', 'https://sellercentral.amazon.com/orders-api/search', 500, '{"orders":[]}'],
    ['a body that is not JSON', 'https://sellercentral.amazon.com/orders-api/search', 200, '<html>sign in</html>'],
  ])('ignores %s', async (_label, url, status, body) => {
    const { win, posted } = fakeWindow({ [url]: { status, body } });
    observeOrdersApi(win);
    await win.fetch(url);
    await settle();
    expect(posted).toEqual([]);
  });

  it('replays what it saw before the content script listened, on request only', async () => {
    const { win, posted, dispatch } = fakeWindow({
      'https://sellercentral.amazon.com/orders-api/order/114-3941689-8772232': { status: 200, body: JSON.stringify(ORDER) },
    });
    observeOrdersApi(win);
    await win.fetch('/orders-api/order/114-3941689-8772232');
    await settle();
    dispatch({ source: 'something else' });
    expect(posted).toHaveLength(1);
    dispatch({ source: REPLAY_REQUEST_SOURCE });
    expect(posted).toHaveLength(2);
    expect(posted[1]).toEqual(posted[0]);
  });
});
