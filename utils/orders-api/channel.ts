/**
 * The private link between the page reader (main world, ./observe.ts) and the content script
 * (isolated world). Both halves run this file; the reader's copy runs inside the page's own
 * JavaScript, so it takes every built-in it uses once, when it starts.
 *
 * Threat model. Any script in the page — a third-party tag, another extension's main-world script
 * — can post window messages, dispatch DOM events, and replace built-ins (EventTarget, Response,
 * Promise, Object.prototype…) in the main world. It knows every name in our shipped code. Until
 * this link existed, the content script took any window message with the right `source` string, so
 * a page script could make an order look officially cancel-requested (or not) for the 30 days the
 * order memory keeps it, and the badge would follow. What the page must not be able to do: hand
 * the content script order data, or make the reader hand over anything but what the server sent.
 * What it may still do: read the order data (it is the page's own), or stop the link (the sidebar
 * then reads the DOM alone).
 *
 * Design. The secret is a reference, not a string: a DOM node that is never in the document. Events
 * dispatched on a detached node reach only listeners on that node, and a script holds a node only
 * if it made it or was handed it. The handover happens at document_start, in the short span where
 * both halves have run and no page script has: each half listens on the document for the other's
 * hello, then says hello with its own node as the event's relatedTarget. Whichever runs second
 * reaches the first one's listener synchronously; the first adopts the second's node and confirms
 * on it, and from then on both talk only through that node. Window messages are not used at all.
 * Nothing relies on the order Chrome or Firefox run the two scripts in.
 *
 * The window closes, and for good, at the first change to the document (the parser adding <head>
 * is one): a page script can only run after its <script> element is in the document, and mutation
 * observers are told before the first script runs. A half that starts when a page script may
 * already have run (the document is past "loading", or holds a <script>: Firefox may inject late
 * into a just-started extension) does not link. Every failure leaves the two halves unlinked: the
 * reader then puts the page's fetch/XMLHttpRequest back as they were, and the content script reads
 * the DOM only.
 *
 * Not covered: a script that runs in the page before our reader (another extension's
 * document_start main-world script injected earlier) owns the main world and could patch fetch or
 * listen for our hello; no page-world code can defend against that.
 */
import { LINK_EVENTS } from '@/lib/pages/observed-source';

export type LinkRole = 'reader' | 'listener';

/** The two halves' private link: events on the shared detached node, with string details. */
export interface Link {
  send(type: string, detail?: string): void;
  on(type: string, handler: (detail: unknown) => void): void;
}

type Getter = (this: unknown) => unknown;
const { apply, getOwnPropertyDescriptor } = Reflect;
const { create, assign } = Object;
/** The built-in accessor (browsers define these on the prototype; a DOM without one falls back to the property). */
const getter = (proto: object, name: string): Getter =>
  (getOwnPropertyDescriptor(proto, name)?.get as Getter | undefined) ??
  function (this: unknown) {
    return (this as Record<string, unknown>)[name];
  };
/** An options object without a prototype: the page's getters on Object.prototype cannot see or change it. */
const dict = <T extends object>(props: T): T => assign(create(null) as T, props);

/**
 * Starts one half of the link. `onLinked` is called once if the other half answers before the
 * document changes; `onUnlinked` once otherwise. Neither is called twice.
 */
export function openLink(win: Window & typeof globalThis, role: LinkRole, onLinked: (link: Link) => void, onUnlinked: () => void = () => {}): void {
  const doc = win.document;
  const target = win.EventTarget.prototype;
  const add = target.addEventListener;
  const remove = target.removeEventListener;
  const dispatch = target.dispatchEvent;
  const MouseEventOf = win.MouseEvent;
  const CustomEventOf = win.CustomEvent;
  const Observer = win.MutationObserver;
  const observe = Observer.prototype.observe;
  const disconnect = Observer.prototype.disconnect;
  const relatedTarget = getter(MouseEventOf.prototype, 'relatedTarget');
  const detail = getter(CustomEventOf.prototype, 'detail');
  const isConnected = getter(win.Node.prototype, 'isConnected');

  const [helloOut, helloIn, ackOut, ackIn] =
    role === 'reader'
      ? [LINK_EVENTS.readerHello, LINK_EVENTS.listenerHello, LINK_EVENTS.readerAck, LINK_EVENTS.listenerAck]
      : [LINK_EVENTS.listenerHello, LINK_EVENTS.readerHello, LINK_EVENTS.listenerAck, LINK_EVENTS.readerAck];

  // A page script may already have run: do not link.
  if (doc.readyState !== 'loading' || doc.getElementsByTagName('script').length > 0) {
    onUnlinked();
    return;
  }

  const linkOn = (node: Node): Link => ({
    send: (type, value) => {
      apply(dispatch, node, [new CustomEventOf(type, dict({ detail: value ?? null }))]);
    },
    on: (type, handler) => {
      apply(add, node, [type, (event: Event) => handler(apply(detail, event, []))]);
    },
  });

  const own = doc.createComment('');
  let open = true;
  const finish = (node: Node | undefined) => {
    if (!open) return;
    open = false;
    apply(remove, doc, [helloIn, onHello, true]);
    apply(disconnect, watcher, []);
    if (node) onLinked(linkOn(node));
    else onUnlinked();
  };
  const watcher = new Observer(() => finish(undefined));
  function onHello(event: Event) {
    if (!open) return;
    let other: unknown;
    try {
      other = apply(relatedTarget, event, []);
      // Only a node nobody can reach through the document (the getter throws for anything but a node).
      if (other === null || apply(isConnected, other, []) !== false) return;
    } catch {
      return;
    }
    finish(other as Node);
    apply(dispatch, other as Node, [new CustomEventOf(ackOut)]);
  }

  apply(add, own, [ackIn, () => finish(own)]);
  apply(add, doc, [helloIn, onHello, true]);
  apply(observe, watcher, [doc, dict({ childList: true, subtree: true })]);
  apply(dispatch, doc, [new MouseEventOf(helloOut, dict({ relatedTarget: own }))]);
}
