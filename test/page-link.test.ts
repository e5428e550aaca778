import { Window as HappyWindow } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLink, type Link, type LinkRole } from '@/utils/orders-api/channel';
import { LINK_EVENTS } from '@/lib/pages/observed-source';

type Win = Window & typeof globalThis;

/** A fresh page at document_start: still loading, no script in it. */
function freshPage(readyState: DocumentReadyState = 'loading'): Win {
  const win = new HappyWindow({ url: 'https://sellercentral.amazon.com/orders-v3/order/114-3941689-8772232' }) as unknown as Win;
  Object.defineProperty(win.document, 'readyState', { configurable: true, get: () => readyState });
  return win;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function half(win: Win, role: LinkRole) {
  const state: { link?: Link; unlinked: number; received: unknown[] } = { unlinked: 0, received: [] };
  openLink(
    win,
    role,
    (link) => {
      state.link = link;
      link.on(role === 'listener' ? LINK_EVENTS.ordersApi : LINK_EVENTS.replay, (detail) => state.received.push(detail));
    },
    () => state.unlinked++,
  );
  return state;
}

/** What a page script does to pass itself off as the page reader: a hello with a node of its own, then data on it. */
function pageHello(win: Win, type: string = LINK_EVENTS.readerHello) {
  const node = win.document.createComment('');
  win.document.dispatchEvent(new win.MouseEvent(type, { relatedTarget: node }));
  node.dispatchEvent(new win.CustomEvent(LINK_EVENTS.ordersApi, { detail: 'forged' }));
  return node;
}

describe('the private link between the page reader and the content script', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['the content script', 'listener', 'reader'],
    ['the page reader', 'reader', 'listener'],
  ] as const)('links the two halves when %s starts first, and each hears the other on the private node only', async (_label, first, second) => {
    const win = freshPage();
    const a = half(win, first);
    expect(a.link).toBeUndefined();
    const b = half(win, second);
    const [reader, listener] = first === 'reader' ? [a, b] : [b, a];
    expect(reader.link).toBeDefined();
    expect(listener.link).toBeDefined();

    // The page's view: it listens everywhere it can and sees none of the traffic.
    const seenByPage: string[] = [];
    win.addEventListener('message', () => seenByPage.push('message'), true);
    for (const type of Object.values(LINK_EVENTS)) win.addEventListener(type, () => seenByPage.push(type), true);

    reader.link!.send(LINK_EVENTS.ordersApi, '/orders-api/search\n{"orders":[]}');
    listener.link!.send(LINK_EVENTS.replay);
    expect(listener.received).toEqual(['/orders-api/search\n{"orders":[]}']);
    expect(reader.received).toEqual([null]);
    expect(seenByPage).toEqual([]);

    // The document changing later unlinks nothing.
    win.document.body.append(win.document.createElement('p'));
    await settle();
    expect([reader.unlinked, listener.unlinked]).toEqual([0, 0]);
  });

  it.each([
    ['the document is past loading', () => freshPage('interactive')],
    [
      'a script is already in the document',
      () => {
        const win = freshPage();
        win.document.head.append(win.document.createElement('script'));
        return win;
      },
    ],
  ])('does not link when a page script may already have run: %s', (_label, page) => {
    const win = page();
    const listener = half(win, 'listener');
    const reader = half(win, 'reader');
    expect([listener.link, reader.link]).toEqual([undefined, undefined]);
    expect([listener.unlinked, reader.unlinked]).toEqual([1, 1]);
  });

  it.each(['listener', 'reader'] as const)('a %s alone stops listening at the first change to the document: a later hello is not taken', async (role) => {
    const win = freshPage();
    const alone = half(win, role);
    win.document.head.append(win.document.createElement('title')); // the parser goes on: page scripts may run from now on
    await settle();
    expect(alone.unlinked).toBe(1);
    pageHello(win, role === 'listener' ? LINK_EVENTS.readerHello : LINK_EVENTS.listenerHello);
    expect(alone.link).toBeUndefined();
    expect(alone.received).toEqual([]);
  });

  it('takes no hello whose node the page can reach, or that carries no node, and still links with the real half', () => {
    const win = freshPage();
    const listener = half(win, 'listener');
    win.document.dispatchEvent(new win.MouseEvent(LINK_EVENTS.readerHello, { relatedTarget: win.document.body }));
    win.document.dispatchEvent(new win.MouseEvent(LINK_EVENTS.readerHello));
    win.document.dispatchEvent(new win.CustomEvent(LINK_EVENTS.readerHello, { detail: win.document.createComment('') }));
    expect(listener.link).toBeUndefined();
    const reader = half(win, 'reader');
    expect(listener.link).toBeDefined();
    reader.link!.send(LINK_EVENTS.ordersApi, 'real');
    expect(listener.received).toEqual(['real']);
  });

  it('once linked, ignores further hellos and data anywhere but its own node', () => {
    const win = freshPage();
    const listener = half(win, 'listener');
    const reader = half(win, 'reader');
    const linked = listener.link;
    pageHello(win, LINK_EVENTS.readerHello);
    pageHello(win, LINK_EVENTS.listenerHello);
    win.document.dispatchEvent(new win.CustomEvent(LINK_EVENTS.ordersApi, { detail: 'forged' }));
    win.dispatchEvent(new win.CustomEvent(LINK_EVENTS.ordersApi, { detail: 'forged' }));
    win.dispatchEvent(new win.MessageEvent('message', { data: { source: 'seller-sidekick:orders-api', pathname: '/orders-api/search', body: {} } }));
    expect(listener.link).toBe(linked);
    expect(listener.received).toEqual([]);
    reader.link!.send(LINK_EVENTS.ordersApi, 'real');
    expect(listener.received).toEqual(['real']);
  });

  it('page scripts that replace built-ins after the link was made neither see nor change what crosses it', () => {
    const win = freshPage();
    const listener = half(win, 'listener');
    const reader = half(win, 'reader');
    const target = win.EventTarget.prototype;
    const original = { dispatch: target.dispatchEvent, add: target.addEventListener, CustomEvent: win.CustomEvent };
    const seen: unknown[] = [];
    try {
      target.dispatchEvent = function dispatchEvent(this: EventTarget, event: Event) {
        seen.push(event);
        return original.dispatch.call(this, event);
      };
      target.addEventListener = function addEventListener(this: EventTarget, ...args: Parameters<EventTarget['addEventListener']>) {
        seen.push(args);
        return original.add.apply(this, args);
      };
      win.CustomEvent = class extends original.CustomEvent<unknown> {
        constructor(type: string, init?: CustomEventInit) {
          super(type, { ...init, detail: 'forged' });
          seen.push(init);
        }
      } as typeof CustomEvent;
      // A getter on Object.prototype sees (and could rewrite) any options object that lacks its own "bubbles".
      Object.defineProperty(Object.prototype, 'bubbles', {
        configurable: true,
        get(this: { detail?: unknown }) {
          if (this && typeof this === 'object' && 'detail' in this) {
            seen.push(this.detail);
            this.detail = 'forged';
          }
          return undefined;
        },
      });
      reader.link!.send(LINK_EVENTS.ordersApi, 'real');
      listener.link!.send(LINK_EVENTS.replay);
    } finally {
      target.dispatchEvent = original.dispatch;
      target.addEventListener = original.add;
      win.CustomEvent = original.CustomEvent;
      delete (Object.prototype as { bubbles?: unknown }).bubbles;
    }
    expect(listener.received).toEqual(['real']);
    expect(reader.received).toEqual([null]);
    expect(seen).toEqual([]);
  });
});
