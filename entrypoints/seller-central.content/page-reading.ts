/**
 * Keeps a fresh snapshot of the page: reads it on start, after in-page navigation, and after the
 * page's own DOM changes (debounced; the observer is disconnected on pages we do not read and
 * when the extension is reloaded). Merges in the order app's JSON when the main-world observer
 * hands it over. Decisions are in lib/pages; this file only schedules.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ObservedResponse, mergeOrderDetails, mergeOrderRows, parseOrdersApi, type OrderJson } from '@/lib/pages/orders-api';
import { REPLAY_REQUEST_SOURCE } from '@/lib/pages/observed-source';
import { recognisePage } from '@/lib/pages/page-type';
import { readPage } from '@/lib/pages/read-page';
import type { PageSnapshot } from '@/lib/pages/snapshot';

const DEBOUNCE_MS = 300;
/** A page that never stops changing (a ticking clock, a spinner) is still re-read this often. */
const MAX_WAIT_MS = 2_000;
const MAX_REMEMBERED_ORDERS = 500;

export function watchPageContent(ctx: ContentScriptContext, onSnapshot: (snapshot: PageSnapshot | undefined) => void): { refresh(): void } {
  const jsonByOrder = new Map<string, OrderJson>();
  let timer: number | undefined;
  let firstPending: number | undefined;
  let observer: MutationObserver | undefined;

  const read = () => {
    timer = undefined;
    firstPending = undefined;
    const url = new URL(location.href);
    const page = recognisePage(url);
    if (!page || page.type === 'other') {
      observer?.disconnect();
      observer = undefined;
      onSnapshot(undefined);
      return;
    }
    let snapshot = readPage(document, url);
    if (snapshot.kind === 'order-details') {
      const json = jsonByOrder.get(snapshot.orderId);
      if (json) snapshot = mergeOrderDetails(snapshot, json);
    } else if (snapshot.kind === 'order-list' && jsonByOrder.size > 0) {
      snapshot = mergeOrderRows(snapshot, jsonByOrder);
    }
    onSnapshot(snapshot);
    if (!observer && document.body) {
      observer = new MutationObserver(schedule);
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    }
  };

  const schedule = () => {
    const now = performance.now();
    firstPending ??= now;
    if (timer !== undefined) clearTimeout(timer);
    // Debounced, but never postponed past MAX_WAIT_MS since the first change that asked for it.
    timer = ctx.setTimeout(read, Math.min(DEBOUNCE_MS, Math.max(0, firstPending + MAX_WAIT_MS - now)));
  };

  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    if (event.source !== window) return;
    const observed = ObservedResponse.safeParse(event.data);
    if (!observed.success) return;
    const payload = parseOrdersApi(observed.data.pathname, observed.data.body);
    if (!payload) return;
    for (const order of payload.kind === 'order' ? [payload.order] : payload.orders) {
      jsonByOrder.delete(order.amazonOrderId);
      jsonByOrder.set(order.amazonOrderId, order);
    }
    while (jsonByOrder.size > MAX_REMEMBERED_ORDERS) jsonByOrder.delete(jsonByOrder.keys().next().value!);
    schedule();
  });
  ctx.onInvalidated(() => observer?.disconnect());
  // Ask the main-world observer for what the page loaded before we were listening.
  window.postMessage({ source: REPLAY_REQUEST_SOURCE }, location.origin);

  read();
  return { refresh: schedule };
}
