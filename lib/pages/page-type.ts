/**
 * Page detection: plain URL predicates, one per page type, each with its own table of example URLs
 * in test/page-type.test.ts (true for its own examples, false for every other predicate's).
 *
 * Routes come from SELLER-CENTRAL-PAGES.md §2–§5 (confidence A/B unless noted). A URL that fits no
 * predicate is `other`: we never guess a page type from a near miss.
 */
import { sellerCentralHost, type MarketplaceId } from '../hosts';

export const PAGE_TYPES = ['order-list', 'order-details', 'message-inbox', 'message-thread', 'notices', 'account-health', 'transactions', 'other'] as const;

export type PageType = (typeof PAGE_TYPES)[number];

/** The order id format of every marketplace: 3-7-7 digits (SELLER-CENTRAL-PAGES.md §3, A). */
export const ORDER_ID_PATTERN = /^\d{3}-\d{7}-\d{7}$/;

const ORDER_DETAILS_PATH = /^\/orders-v3\/order\/(\d{3}-\d{7}-\d{7})\/?$/;

/** `/orders-v3/order/<id>` (A). Sub-pages such as confirm-shipment are different pages. */
export function isOrderDetails(url: URL): boolean {
  return ORDER_DETAILS_PATH.test(url.pathname);
}

/**
 * Manage Orders: `/orders-v3`, `/orders-v3/ref=…`, `/orders-v3/mfn/unshipped`, `/orders-v3/fba/all`,
 * `/orders-v3/search` (A/B/C), but not an order's own page.
 */
export function isOrderList(url: URL): boolean {
  const path = url.pathname;
  if (!/^\/orders-v3(?:\/|$)/.test(path)) return false;
  if (path.startsWith('/orders-v3/order/')) return false;
  const rest = path.slice('/orders-v3'.length).replace(/\/$/, '');
  return rest === '' || /^\/ref=[\w.-]+$/.test(rest) || /^\/(?:mfn|fba|afn|all|search)(?:\/[\w-]+)*(?:\/ref=[\w.-]+)?$/.test(rest);
}

const INBOX_PATH = /^\/messaging\/inbox(?:-v[23])?(?:\/ref=[\w.-]+)?\/?$/;
const CONTACT_PATH = /^\/messaging\/contact\/?$/;

/** Every route of the messaging app (inbox v1–v3, with any parameters) and Contact Buyer. */
export function isMessagingRoute(url: URL): boolean {
  return INBOX_PATH.test(url.pathname) || CONTACT_PATH.test(url.pathname);
}

/**
 * The case the URL opens, when it names one: `cc=<caseId>` (the open case: deep links
 * `fi=caseId&ss=<id>&cc=<id>` and the redirect after a search by order id both carry it, B),
 * else `fi=caseId&ss=<caseId>` (C). Case ids are uuids in every source; anything else is not read.
 */
export function caseIdOf(url: URL): string | undefined {
  if (!INBOX_PATH.test(url.pathname)) return undefined;
  const cc = url.searchParams.get('cc') ?? '';
  if (CASE_ID.test(cc)) return cc.toLowerCase();
  const ss = url.searchParams.get('ss') ?? '';
  return url.searchParams.get('fi') === 'caseId' && CASE_ID.test(ss) ? ss.toLowerCase() : undefined;
}

/** A case id: a uuid (SELLER-CENTRAL-PAGES.md §4: deep links, the buyer proxy address, the cases API). */
export const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One buyer–seller conversation by its URL: an inbox route that names the open case (`cc=`, or
 * `fi=caseId&ss=…`), or the Contact Buyer form for an order (`/messaging/contact?orderID=…`, B).
 * An inbox route that names no case may still show one: the reader decides from the page
 * (lib/pages/read-messages.ts), and `followSnapshot` lets the page type follow it.
 */
export function isMessageThread(url: URL): boolean {
  if (CONTACT_PATH.test(url.pathname)) return ORDER_ID_PATTERN.test(url.searchParams.get('orderID') ?? '');
  return caseIdOf(url) !== undefined;
}

/** The buyer–seller messages inbox, v1 to v3 (A/B), when the URL opens no single case. */
export function isMessageInbox(url: URL): boolean {
  return INBOX_PATH.test(url.pathname) && !isMessageThread(url);
}

/**
 * Performance Notifications, where Amazon's notices (listing removed, A-to-z claims, …) are listed
 * (`/performance/notifications`, C; legacy `/gp/customer-experience/perf-notifications.html`, A).
 */
export function isNotices(url: URL): boolean {
  return /^\/performance\/notifications(?:\/[\w-]+)*\/?$/.test(url.pathname) || url.pathname === '/gp/customer-experience/perf-notifications.html';
}

/** Account Health: `/performance/dashboard` (B) and `/performance/account/health…` (C). */
export function isAccountHealth(url: URL): boolean {
  return /^\/performance\/dashboard\/?$/.test(url.pathname) || /^\/performance\/account\/health(?:\/[\w-]+)*\/?$/.test(url.pathname);
}

/**
 * Payments → Transaction view: `/payments/event/view` with any filters, `orderId=<id>` for one
 * order (B: several independent scripts, 2019–2026, US/EU/JP hosts).
 */
export function isTransactions(url: URL): boolean {
  return /^\/payments\/event\/view(?:\/ref=[\w.-]+)?\/?$/.test(url.pathname);
}

/** The predicates in the order they are tried; `other` is what is left. */
export const PAGE_PREDICATES: Readonly<Record<Exclude<PageType, 'other'>, (url: URL) => boolean>> = {
  'order-details': isOrderDetails,
  'order-list': isOrderList,
  'message-thread': isMessageThread,
  'message-inbox': isMessageInbox,
  notices: isNotices,
  'account-health': isAccountHealth,
  transactions: isTransactions,
};

export interface RecognisedPage {
  readonly type: PageType;
  /** The marketplace the host stands for, when it stands for one. */
  readonly marketplace: MarketplaceId | undefined;
  readonly hostname: string;
  /** The order id the URL names (order details, Contact Buyer), when it names one. */
  readonly orderId: string | undefined;
}

/**
 * What page a URL is. Returns undefined for a URL that is not on Seller Central at all, so the
 * caller can stay silent there; every Seller Central URL gets a type, `other` when none fits.
 */
export function recognisePage(url: URL): RecognisedPage | undefined {
  const host = sellerCentralHost(url);
  if (!host) return undefined;
  let type: PageType = 'other';
  for (const [candidate, predicate] of Object.entries(PAGE_PREDICATES)) {
    if (predicate(url)) {
      type = candidate as PageType;
      break;
    }
  }
  return { type, marketplace: host.marketplace, hostname: host.hostname, orderId: orderIdOf(url, type) };
}

function orderIdOf(url: URL, type: PageType): string | undefined {
  if (type === 'order-details') return ORDER_DETAILS_PATH.exec(url.pathname)?.[1];
  if (type === 'message-thread') {
    const id = url.searchParams.get('orderID') ?? '';
    return ORDER_ID_PATTERN.test(id) ? id : undefined;
  }
  return undefined;
}

/**
 * The page as the messaging app shows it now: on a messaging route the page's content decides
 * between inbox and conversation (a case opened without a page load, or a URL that names no
 * case), and the open case's order id comes from what was read. Other pages keep their URL type.
 */
export function followSnapshot(page: RecognisedPage, snapshot: { readonly kind: string; readonly orderId?: string } | undefined): RecognisedPage {
  if (page.type !== 'message-thread' && page.type !== 'message-inbox') return page;
  if (snapshot?.kind === 'message-thread') return { ...page, type: 'message-thread', orderId: snapshot.orderId ?? page.orderId };
  if (snapshot?.kind === 'message-inbox') return { ...page, type: 'message-inbox', orderId: undefined };
  return page;
}
