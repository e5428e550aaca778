/**
 * Runs in the page's own world: watches the order app's responses from /orders-api/order/<id> and
 * /orders-api/search (the page's requests, made by the page) and posts a copy of their JSON to
 * the content script, which checks it with Zod before using it. It makes no request of its own,
 * changes no response, and swallows its own errors so the page never notices it.
 */
import { OBSERVED_RESPONSE_SOURCE, REPLAY_REQUEST_SOURCE } from '@/lib/pages/observed-source';

const ORDERS_API_PATH = /^\/orders-api\/(?:order\/\d{3}-\d{7}-\d{7}|search)\/?$/;
/** The order app loads its data early, often before the content script listens: keep the last few. */
const KEPT = 10;

export function observeOrdersApi(win: Window & typeof globalThis): void {
  const origin = win.location.origin;
  const watched = (href: string): string | undefined => {
    try {
      const url = new URL(href, win.location.href);
      return url.origin === origin && ORDERS_API_PATH.test(url.pathname) ? url.pathname : undefined;
    } catch {
      return undefined;
    }
  };
  const kept: { pathname: string; body: unknown }[] = [];
  const send = (message: { pathname: string; body: unknown }) => {
    try {
      win.postMessage({ source: OBSERVED_RESPONSE_SOURCE, ...message }, origin);
    } catch {
      // Not cloneable: nothing to hand on.
    }
  };
  const post = (pathname: string, body: unknown) => {
    kept.push({ pathname, body });
    if (kept.length > KEPT) kept.shift();
    send({ pathname, body });
  };
  win.addEventListener('message', (event: MessageEvent) => {
    if (event.source === win && (event.data as { source?: unknown } | null)?.source === REPLAY_REQUEST_SOURCE) kept.forEach(send);
  });

  const originalFetch = win.fetch;
  if (typeof originalFetch === 'function') {
    win.fetch = function fetch(this: unknown, ...args: Parameters<typeof originalFetch>) {
      const pending = originalFetch.apply(this, args);
      void pending.then(
        (response) => {
          const pathname = response.ok ? watched(response.url) : undefined;
          if (pathname) response.clone().json().then((body: unknown) => post(pathname, body), () => {});
        },
        () => {},
      );
      return pending;
    } as typeof originalFetch;
  }

  const XHR = win.XMLHttpRequest;
  if (XHR) {
    const originalSend = XHR.prototype.send;
    XHR.prototype.send = function send(this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['send']>) {
      this.addEventListener('load', () => {
        try {
          const pathname = this.status >= 200 && this.status < 300 ? watched(this.responseURL) : undefined;
          if (!pathname) return;
          if (this.responseType === 'json') post(pathname, this.response);
          else if (this.responseType === '' || this.responseType === 'text') post(pathname, JSON.parse(this.responseText));
        } catch {
          // Not JSON: ignore.
        }
      });
      return originalSend.apply(this, args);
    };
  }
}
