/**
 * Runs in the page's own world: watches the order app's responses from /orders-api/order/<id> and
 * /orders-api/search, and the messaging app's from /messaging/api/global/cases… (the page's
 * requests, made by the page) and hands their body text to the
 * content script over the private link (./channel.ts), which checks it with Zod before using it.
 * It makes no request of its own, changes no response, and swallows its own errors so the page
 * never notices it.
 *
 * Page scripts run after this one and may replace any built-in (Response.prototype.json,
 * Promise.prototype.then, URL, Array.prototype.push, Object.prototype.toJSON…) to make it see other
 * data. So every built-in it calls later is taken here, at document_start, and called through
 * Reflect.apply; it hands over text, never an object the page could reach; it parses no URL with
 * the page's URL; and it keeps what it saw in an object without a prototype.
 */
import { MAX_OBSERVED_TEXT } from '@/lib/pages/observed-source';

/**
 * The same path tests as the content script's, on the path part of an absolute URL: the order
 * app's /orders-api/order/<id> and /orders-api/search, and the messaging app's case list, one case
 * and its order context (/messaging/api/global/cases[/<uuid>[/orderContext]]).
 */
const WATCHED_URL = /^(https?:\/\/[^/?#]+)(\/orders-api\/(?:order\/\d{3}-\d{7}-\d{7}|search)\/?|\/messaging\/api\/global\/cases(?:\/[0-9a-fA-F-]{36}(?:\/orderContext)?)?\/?)(?:[?#]|$)/;
/** The order app loads its data early, often before the content script listens: keep the last few. */
const KEPT = 10;
const KEPT_CHARS = 2 * MAX_OBSERVED_TEXT;

export interface OrdersApiObserver {
  /** From now on, hand over each response as it comes. */
  connect(hand: (detail: string) => void): void;
  /** Hand over again what was kept (the content script asks once it listens). */
  replay(): void;
  /** Puts the page's fetch and XMLHttpRequest back as they were (nobody to hand anything to). */
  stop(): void;
}

type Fn = (...args: never[]) => unknown;
const { apply, getOwnPropertyDescriptor } = Reflect;
const { create } = Object;
const exec = RegExp.prototype.exec;
const noop = () => {};

function getterOf(proto: object | undefined, name: string): Fn | undefined {
  const get = proto ? getOwnPropertyDescriptor(proto, name)?.get : undefined;
  return get as Fn | undefined;
}

/** `pathname\n` + body: the pathname never holds a newline (URLs escape it). */
export const observedDetail = (pathname: string, body: string) => `${pathname}\n${body}`;

export function observeOrdersApi(win: Window & typeof globalThis): OrdersApiObserver {
  const origin = win.location.origin;
  // Only the page's own order or message data: same origin, the watched endpoints, a successful response.
  const watched = (href: unknown): string | undefined => {
    if (typeof href !== 'string') return undefined;
    const match = apply(exec, WATCHED_URL, [href]) as RegExpExecArray | null;
    return match && match[1] === origin ? match[2] : undefined;
  };

  const kept = create(null) as Record<number, string>;
  let first = 0;
  let next = 0;
  let keptChars = 0;
  let hand: ((detail: string) => void) | undefined;
  const post = (pathname: string, body: unknown) => {
    if (typeof body !== 'string' || body.length > MAX_OBSERVED_TEXT) return;
    const detail = observedDetail(pathname, body);
    kept[next++] = detail;
    keptChars += detail.length;
    while (next - first > KEPT || keptChars > KEPT_CHARS) {
      keptChars -= kept[first]!.length;
      delete kept[first++];
    }
    try {
      hand?.(detail);
    } catch {
      // The content script went away (the extension was reloaded).
    }
  };

  const originalFetch = win.fetch;
  const response = win.Response?.prototype;
  const clone = response?.clone as Fn | undefined;
  const text = response?.text as Fn | undefined;
  const ok = getterOf(response, 'ok');
  const url = getterOf(response, 'url');
  const then = win.Promise.prototype.then as Fn;
  const fetchWrapper =
    typeof originalFetch === 'function' && clone && text && ok && url
      ? (function fetch(this: unknown, ...args: Parameters<typeof originalFetch>) {
          const pending = apply(originalFetch, this, args);
          try {
            apply(then, pending, [
              (received: Response) => {
                try {
                  const pathname = apply(ok, received, []) === true ? watched(apply(url, received, [])) : undefined;
                  if (pathname) apply(then, apply(text, apply(clone, received, []), []), [(body: unknown) => post(pathname, body), noop]);
                } catch {
                  // Not a body we can read (already used, opaque): nothing to hand on.
                }
              },
              noop,
            ]);
          } catch {
            // The page broke Promise for itself: leave its request alone.
          }
          return pending;
        } as typeof originalFetch)
      : undefined;
  if (fetchWrapper) win.fetch = fetchWrapper;

  const xhr = win.XMLHttpRequest?.prototype;
  const originalSend = xhr?.send;
  const addListener = win.EventTarget.prototype.addEventListener as Fn;
  const readyState = getterOf(xhr, 'readyState');
  const status = getterOf(xhr, 'status');
  const responseURL = getterOf(xhr, 'responseURL');
  const responseType = getterOf(xhr, 'responseType');
  const responseText = getterOf(xhr, 'responseText');
  // One listener for every request (added once per request object however often it is sent).
  function onLoad(this: XMLHttpRequest) {
    try {
      if (apply(readyState!, this, []) !== 4) return;
      const code = apply(status!, this, []) as number;
      if (!(code >= 200 && code < 300)) return;
      // A 'json' response is an object the page holds too (and could change before we see it): text only.
      const type = apply(responseType!, this, []);
      if (type !== '' && type !== 'text') return;
      const pathname = watched(apply(responseURL!, this, []));
      if (pathname) post(pathname, apply(responseText!, this, []));
    } catch {
      // Not readable: ignore.
    }
  }
  const sendWrapper =
    xhr && typeof originalSend === 'function' && readyState && status && responseURL && responseType && responseText
      ? function send(this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['send']>) {
          try {
            apply(addListener, this, ['load', onLoad]);
          } catch {
            // Not a real request object: the original send will say so.
          }
          return apply(originalSend, this, args);
        }
      : undefined;
  if (xhr && sendWrapper) xhr.send = sendWrapper;

  const replay = () => {
    for (let i = first; i < next; i++) {
      try {
        hand?.(kept[i]!);
      } catch {
        return;
      }
    }
  };
  return {
    connect(to) {
      hand = to;
    },
    replay,
    stop() {
      hand = undefined;
      if (fetchWrapper && win.fetch === fetchWrapper) win.fetch = originalFetch;
      if (xhr && sendWrapper && xhr.send === sendWrapper) xhr.send = originalSend!;
      for (let i = first; i < next; i++) delete kept[i];
      first = next;
      keptChars = 0;
    },
  };
}
