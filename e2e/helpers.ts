// Shared by the end-to-end tests: the demo pages, and what counts as a request the extension made.
import { join } from 'node:path';
// @ts-expect-error: plain ES module shared with the demo script, typed where it is used.
import { ROOT, loadDemoPages, startDemoServer as startServer } from '../scripts/lib/demo-server.mjs';

export interface DemoPage {
  readonly id: string;
  readonly lang: 'en' | 'ja';
  readonly file: string;
  readonly url: string;
  readonly pageType: string;
  /** The finding ids the sidebar must show here with nothing visited before. */
  readonly findings: readonly string[];
}

export interface DemoScenario {
  readonly id: string;
  readonly about: string;
  readonly steps: readonly string[];
  readonly findings: readonly string[];
}

export interface RecordedRequest {
  readonly kind: 'page' | 'asset' | 'data' | 'favicon' | 'unknown' | 'refused';
  readonly host: string;
  readonly path: string;
}

export interface DemoServer {
  readonly proxyPort: number;
  readonly requests: RecordedRequest[];
  readonly pages: readonly DemoPage[];
  close(): Promise<void>;
}

export const startDemoServer = startServer as () => Promise<DemoServer>;
export const demoPages = (loadDemoPages as () => { pages: DemoPage[]; assets: Record<string, string>; data: Record<string, string>; scenarios: DemoScenario[] })();
export const demoPage = (id: string): DemoPage => {
  const page = demoPages.pages.find((p) => p.id === id);
  if (!page) throw new Error(`no demo page ${id}`);
  return page;
};
export const projectRoot = ROOT as string;
export const chromeBuild = join(projectRoot, '.output', 'chrome-mv3');
export const firefoxBuild = join(projectRoot, '.output', 'firefox-mv3');

export const SIDEBAR = 'seller-sidekick [data-testid="sidekick-sidebar"]';

/** English and Japanese names of each page type, as the sidebar shows them. */
export const PAGE_TYPE_TEXT: Record<string, { en: string; ja: string }> = {
  'order-list': { en: 'Order list', ja: '注文一覧' },
  'order-details': { en: 'Order details', ja: '注文詳細' },
  'message-thread': { en: 'Buyer message thread', ja: '購入者とのメッセージ' },
  'message-inbox': { en: 'Buyer messages', ja: '購入者メッセージ' },
  notices: { en: 'Amazon notices', ja: 'Amazon からのお知らせ' },
  'account-health': { en: 'Account health', ja: 'アカウント健全性' },
  transactions: { en: 'Payments: Transaction view', ja: 'ペイメント: トランザクション' },
  other: { en: 'Page not read', ja: '読み取り対象外のページ' },
};

/** A URL the demo itself serves: a demo page or one of its assets. Anything else came from someone else. */
export function isDemoResource(href: string): boolean {
  const url = new URL(href);
  if (url.protocol === 'data:') return true;
  if (url.pathname.startsWith('/_demo/')) return true;
  if (`${url.hostname}${url.pathname}` in demoPages.data) return true; // the page's own data request
  // The browser asks each site for its icon by itself (Firefox reports it as the page's request).
  if (url.pathname === '/favicon.ico' && demoPages.pages.some((page) => new URL(page.url).hostname === url.hostname)) return true;
  return demoPages.pages.some((page) => {
    const demo = new URL(page.url);
    return demo.hostname === url.hostname && demo.pathname === url.pathname;
  });
}

/** Runs in the page: Seller Central's own controls that the docked sidebar is covering. */
export function coveredControls(): string[] {
  const host = document.querySelector('seller-sidekick');
  const controls = [...document.querySelectorAll('button, a[href], input, select, textarea, kat-button, kat-textarea')];
  const covered: string[] = [];
  for (const control of controls) {
    if (host?.contains(control)) continue;
    const box = control.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const points = [
      [box.left + 2, box.top + box.height / 2],
      [box.left + box.width / 2, box.top + box.height / 2],
      [box.right - 2, box.top + box.height / 2],
    ];
    for (const [x, y] of points) {
      if (x! < 0 || y! < 0 || x! >= innerWidth || y! >= innerHeight) continue;
      const hit = document.elementFromPoint(x!, y!);
      if (hit && host && (hit === host || host.contains(hit))) {
        covered.push(`${control.tagName.toLowerCase()} "${(control.textContent ?? '').trim().slice(0, 40)}"`);
        break;
      }
    }
  }
  return covered;
}

/** The snapshot kind the reader must produce on each page type ("other" pages are not read). */
export const READ_KIND: Record<string, string | undefined> = {
  'order-list': 'order-list',
  'order-details': 'order-details',
  'message-thread': 'message-thread',
  'message-inbox': 'message-inbox',
  notices: 'notice',
  'account-health': 'account-health',
  transactions: 'transactions',
  other: undefined,
};

/** Runs in the page: what the sidebar's "What I read" section shows, keyed by field label key. */
export function whatIRead(): { kind: string | null; fields: Record<string, string>; note: string; missing: string[] } | null {
  const host = document.querySelector('seller-sidekick');
  // Not yet read while its summary is on its way from the background.
  const section = host?.shadowRoot?.querySelector('[data-testid="what-i-read"][data-read-ready="true"]');
  if (!section) return null;
  const fields: Record<string, string> = {};
  for (const dd of section.querySelectorAll('dd[data-field]')) fields[dd.getAttribute('data-field')!] = dd.textContent ?? '';
  return {
    kind: section.getAttribute('data-read-kind'),
    fields,
    note: section.querySelector('[data-testid="read-note"]')?.textContent ?? '',
    missing: [...section.querySelectorAll('[data-missing-field]')].map((li) => li.getAttribute('data-missing-field')!),
  };
}

/** Runs in the page: the finding ids the sidebar shows (sorted), and whether it is still reading. */
export function shownFindings(): { ids: string[]; pending: boolean; ready: boolean } {
  const root = document.querySelector('seller-sidekick')?.shadowRoot?.querySelector('[data-testid="sidekick-sidebar"]');
  if (!root) return { ids: [], pending: true, ready: false };
  const ids = [...root.querySelectorAll('[data-finding-id]')].map((e) => e.getAttribute('data-finding-id')!).sort();
  // Ready: the sidebar has read the page (what-i-read present) and is not classifying.
  const ready = Boolean(root.querySelector('[data-testid="what-i-read"][data-read-ready="true"]')) || root.getAttribute('data-page-type') === 'other';
  return { ids, pending: root.getAttribute('data-pending') === 'true', ready };
}

/** Runs in the page: the state of the Cancel order guard on the demo order page. */
export function cancelGuardState(): { inline: string | null; inlineNextToButton: boolean; dialog: boolean; amazonFlow: boolean; opened: number } {
  const button = document.getElementById('demo-cancel-order');
  const inlineHost = document.querySelector('seller-sidekick-inline');
  const note = inlineHost?.shadowRoot?.querySelector('[data-finding-id]');
  const dialog = document.querySelector('seller-sidekick')?.shadowRoot?.querySelector('[data-testid="confirm-cancel"]') as HTMLDialogElement | null | undefined;
  return {
    inline: note?.getAttribute('data-finding-id') ?? null,
    inlineNextToButton: Boolean(button && inlineHost && (button.nextElementSibling === inlineHost || button.parentElement?.nextElementSibling === inlineHost)),
    dialog: Boolean(dialog?.open),
    amazonFlow: document.getElementById('demo-cancel-flow')?.hidden === false,
    opened: (window as unknown as { demoCancelFlowOpened?: number }).demoCancelFlowOpened ?? 0,
  };
}

/** The names a forger copies from the shipped code (passed into the page, where imports do not reach). */
export interface ForgeryNames {
  readonly source: string;
  readonly ordersApi: string;
  readonly readerHello: string;
}

/**
 * Runs in the page, as any page script could (a third-party tag, another extension's main-world
 * script): passes off order data as the order app's, saying the order's item is (or is not)
 * officially cancel-requested, by every route a forger might try. Returns how many of the attempts
 * reach the content script's listeners: each must be ignored and counted.
 */
export function forgeOrderData({ orderId, requested, names }: { orderId: string; requested: boolean; names: ForgeryNames }): number {
  const pathname = `/orders-api/order/${orderId}`;
  const body = {
    order: {
      amazonOrderId: orderId,
      orderStatus: { OrderStatus: 'Unshipped' },
      orderItems: [{ ASIN: 'B00OK1O542', QuantityOrdered: 1, BuyerRequestedCancel: { isBuyerRequestedCancel: requested, cancelReason: requested ? 'Forged' : null } }],
    },
  };
  const detail = `${pathname}\n${JSON.stringify(body)}`;
  let reaching = 0;
  // A window message in the page reader's name (what the content script used to accept)…
  window.postMessage({ source: names.source, pathname, body }, location.origin);
  reaching++;
  // …with a guessed secret…
  window.postMessage({ source: names.source, secret: crypto.randomUUID(), pathname, body }, location.origin);
  reaching++;
  // …or a port of its own, handed over in our name, then data on it.
  const channel = new MessageChannel();
  window.postMessage({ source: names.source, port: 'orders-api' }, location.origin, [channel.port2]);
  channel.port1.postMessage({ source: names.source, pathname, body });
  reaching++;
  // The link's own event, where the page can reach: on the document.
  document.dispatchEvent(new CustomEvent(names.ordersApi, { detail }));
  reaching++;
  // A late hello offering a node of its own, then data on that node (nobody listens there).
  const node = document.createComment('');
  document.dispatchEvent(new MouseEvent(names.readerHello, { relatedTarget: node }));
  reaching++;
  node.dispatchEvent(new CustomEvent(names.ordersApi, { detail }));
  return reaching;
}

/** Runs in the page: how many page messages the sidebar says it ignored (null when it shows none). */
export function ignoredPageMessages(): number | null {
  const line = document.querySelector('seller-sidekick')?.shadowRoot?.querySelector('[data-testid="ignored-page-messages"]');
  return line ? Number(line.getAttribute('data-count')) : null;
}

/**
 * Runs in the page: shows a message where no reader looks for one (a paragraph at the top of the
 * page) and selects it as a seller does, with a Range and the document's Selection. Returns what
 * the page's selection now says.
 */
export function selectText(text: string): string {
  let holder = document.getElementById('demo-selected-text');
  if (!holder) {
    holder = document.createElement('p');
    holder.id = 'demo-selected-text';
    document.body.prepend(holder);
  }
  holder.textContent = text;
  const range = document.createRange();
  range.selectNodeContents(holder);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return selection.toString();
}

/** Runs in the page: the state of "Check the selected text" in the sidebar. */
export function selectionCheckState(): { offered: boolean; checking: boolean; order: string | null; note: string | null } {
  const root = document.querySelector('seller-sidekick')?.shadowRoot;
  const section = root?.querySelector('[data-testid="selection-check"]');
  return {
    offered: Boolean(root?.querySelector('[data-testid="check-selection"]')),
    checking: section?.getAttribute('data-checking') === 'true',
    order: section?.querySelector('[data-testid="selection-order"]')?.textContent ?? null,
    note: root?.querySelector('[data-testid="what-i-read"] [data-testid="read-note"]')?.textContent ?? null,
  };
}

/** A buyer's "please cancel", without an order number (the order page gives it). */
export const SELECTED_PLEASE_CANCEL = 'Hello, I ordered the wrong size by mistake. Could you please cancel my order? Thank you.';
/** Amazon's request wording, subject line and all, selected on a page that is not read: still only a buyer's words. */
export const SELECTED_OFFICIAL_WORDING = 'Order cancellation request from Amazon customer Jane (Order: 114-3941689-8772232)\nThe buyer has requested that this order be cancelled.';
