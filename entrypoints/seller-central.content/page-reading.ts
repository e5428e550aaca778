/**
 * Keeps a fresh snapshot of the page: reads it on start, after in-page navigation, and after the
 * page's own DOM changes (debounced; the observer is disconnected on pages we do not read and
 * when the extension is reloaded). Merges in the order app's and the messaging app's JSON when the main-world page reader
 * hands it over, on the private link only (entrypoints/orders-api.content/channel.ts): window
 * messages and stray events that claim to be ours are never read, only counted. Decisions are in
 * lib/pages; this file only schedules.
 */
import * as z from 'zod/mini';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Link } from '@/entrypoints/orders-api.content/channel';
import { isMessagingApiPath } from '@/lib/pages/messaging-api';
import { createMessagingMemory } from '@/lib/pages/messaging-memory';
import { mergeOrderDetails, mergeOrderRows, readObservedResponse, splitObservedDetail, type OrderJson } from '@/lib/pages/orders-api';
import { LINK_EVENTS, OUR_SOURCE_PREFIX, PAGE_LINK_GLOBAL, type PageMessageCounts } from '@/lib/pages/observed-source';
import { recognisePage } from '@/lib/pages/page-type';
import { readPage } from '@/lib/pages/read-page';
import type { ReadInput } from '@/lib/pages/read-messages';
import type { PageSnapshot } from '@/lib/pages/snapshot';

const DEBOUNCE_MS = 300;
/** A page that never stops changing (a ticking clock, a spinner) is still re-read this often. */
const MAX_WAIT_MS = 2_000;
const MAX_REMEMBERED_ORDERS = 500;
const COUNTS_MS = 250;

/** A window message that says it is ours (only the page can have posted it: we post none). */
const ClaimsToBeOurs = z.looseObject({ source: z.string().check(z.startsWith(OUR_SOURCE_PREFIX)) });

/** The link the document_start half made, if it made one (the page cannot see or set this global). */
function pageLink(): Link | undefined {
  const link = (globalThis as Record<string, unknown>)[PAGE_LINK_GLOBAL] as Partial<Link> | undefined;
  return typeof link?.send === 'function' && typeof link.on === 'function' ? (link as Link) : undefined;
}

export function watchPageContent(
  ctx: ContentScriptContext,
  onSnapshot: (snapshot: PageSnapshot | undefined) => void,
  onCounts: (counts: PageMessageCounts) => void = () => {},
  input: () => ReadInput = () => ({}),
): { refresh(): void } {
  const jsonByOrder = new Map<string, OrderJson>();
  // The messaging app's JSON of this page (never stored: it holds message bodies).
  const messaging = createMessagingMemory();
  const counts = { ignored: 0, unreadable: 0 };
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
    let snapshot = readPage(document, url, input());
    if (snapshot.kind === 'order-details') {
      const json = jsonByOrder.get(snapshot.orderId);
      if (json) snapshot = mergeOrderDetails(snapshot, json);
    } else if (snapshot.kind === 'order-list' && jsonByOrder.size > 0) {
      snapshot = mergeOrderRows(snapshot, jsonByOrder);
    } else if (messaging.size > 0) {
      snapshot = messaging.merge(snapshot, url);
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

  // Told at most every COUNTS_MS: a page posting thousands of forgeries does not re-render the sidebar thousands of times.
  let countsTimer: number | undefined;
  const count = (what: keyof typeof counts) => {
    counts[what]++;
    countsTimer ??= ctx.setTimeout(() => {
      countsTimer = undefined;
      onCounts({ ...counts });
    }, COUNTS_MS);
  };
  // Forgeries: a window message in our name, or one of our link's events where the page can reach it.
  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    if (ClaimsToBeOurs.safeParse(event.data).success) count('ignored');
  });
  for (const type of Object.values(LINK_EVENTS)) {
    ctx.addEventListener(window, type, () => count('ignored'), { capture: true });
  }

  const link = pageLink();
  link?.on(LINK_EVENTS.ordersApi, (detail) => {
    const observed = splitObservedDetail(detail);
    if (observed && isMessagingApiPath(observed.pathname)) {
      if (messaging.take(observed.pathname, observed.body).taken === 'unreadable') count('unreadable');
      schedule();
      return;
    }
    const payload = readObservedResponse(detail);
    if (!payload) {
      count('unreadable');
      return;
    }
    for (const order of payload.kind === 'order' ? [payload.order] : payload.orders) {
      jsonByOrder.delete(order.amazonOrderId);
      jsonByOrder.set(order.amazonOrderId, order);
    }
    while (jsonByOrder.size > MAX_REMEMBERED_ORDERS) jsonByOrder.delete(jsonByOrder.keys().next().value!);
    schedule();
  });
  ctx.onInvalidated(() => observer?.disconnect());
  // Ask the page reader for what the page loaded before we were listening.
  link?.send(LINK_EVENTS.replay);

  read();
  return { refresh: schedule };
}
