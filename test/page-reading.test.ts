import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchPageContent } from '@/entrypoints/seller-central.content/page-reading';
import type { PageSnapshot } from '@/lib/pages/snapshot';
import { OBSERVED_RESPONSE_SOURCE } from '@/lib/pages/observed-source';
import { loadFixture } from './helpers';

function fakeContext(): ContentScriptContext {
  return {
    setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
    addEventListener: (target: EventTarget, type: string, fn: EventListener) => target.addEventListener(type, fn),
    onInvalidated: () => () => {},
  } as unknown as ContentScriptContext;
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

  it('still re-reads a page that never stops changing', async () => {
    const seen: (PageSnapshot | undefined)[] = [];
    watchPageContent(fakeContext(), (s) => seen.push(s));
    const ticker = document.createElement('span');
    document.body.append(ticker);
    for (let i = 0; i < 30; i++) {
      ticker.textContent = String(i);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(seen.length).toBeGreaterThanOrEqual(2);
  });

  it('merges the order JSON handed over by the page, and ignores what does not fit', async () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://sellercentral.amazon.com/orders-v3/order/114-3941689-8772232');
    const { doc } = loadFixture('order-details-en');
    document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
    const seen: (PageSnapshot | undefined)[] = [];
    watchPageContent(fakeContext(), (s) => seen.push(s));
    const post = (data: unknown) => window.dispatchEvent(new MessageEvent('message', { data, source: window }));
    post({ source: OBSERVED_RESPONSE_SOURCE, pathname: '/orders-api/order/114-3941689-8772232', body: { order: { amazonOrderId: '<script>' } } });
    post({ source: 'someone-else', pathname: '/orders-api/order/114-3941689-8772232', body: {} });
    await vi.advanceTimersByTimeAsync(500);
    expect(seen.every((s) => s?.kind !== 'order-details' || !s.sources.includes('orders-api'))).toBe(true);
    post({
      source: OBSERVED_RESPONSE_SOURCE,
      pathname: '/orders-api/order/114-3941689-8772232',
      body: { order: { amazonOrderId: '114-3941689-8772232', orderItems: [{ ASIN: 'B00OK1O542', BuyerRequestedCancel: { isBuyerRequestedCancel: true } }] } },
    });
    await vi.advanceTimersByTimeAsync(500);
    expect(seen.at(-1)).toMatchObject({ kind: 'order-details', buyerRequestedCancel: { requested: true }, sources: ['dom', 'orders-api'] });
  });
});
