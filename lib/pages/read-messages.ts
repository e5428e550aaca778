/**
 * Buyer–seller messaging readers (docs/seller-central-pages.md §4). Only the reply box is
 * evidenced (kat-textarea with its textarea in an open shadow root); the thread markup read here
 * is the demo's own and must be checked against a real page (`npm run read-page`).
 */
import { readDateWindow } from './dates';
import { blockTextOf, pathTo, queryAll, queryFirst, searchRoots, textOf, type ReadRoot } from './dom';
import { MissingList, ORDER_ID_IN_TEXT, toCount, zoneOf } from './read-common';
import { marketplaceOf } from './read-orders';
import { caseIdOf } from './page-type';
import { SELECTORS } from './selectors';
import type { Message, MessageInboxSnapshot, MessageThreadSnapshot, Unrecognized } from './snapshot';

function findReplyBox(root: ReadRoot): MessageThreadSnapshot['replyBox'] {
  const roots = searchRoots(root);
  for (const selector of SELECTORS.replyBox.css) {
    for (const [index, r] of roots.entries()) {
      const element = r.querySelector(selector);
      if (!element) continue;
      const kind = element.tagName === 'KAT-TEXTAREA' ? 'kat-textarea' : element.tagName === 'TEXTAREA' ? 'textarea' : 'contenteditable';
      return { kind, path: pathTo(element), nested: index > 0 };
    }
  }
  return undefined;
}

function senderOf(bubble: Element): Message['sender'] | undefined {
  const classes = bubble.className;
  if (/\bbubble-buyer\b/.test(classes)) return 'buyer';
  if (/\bbubble-seller\b/.test(classes)) return 'seller';
  if (/\bbubble-amazon\b/.test(classes)) return 'amazon';
  return undefined;
}

/** What the seller told the options page: their store's name and their own, as they sign replies. */
export interface ReadInput {
  readonly storeName?: string;
  readonly sellerName?: string;
}

/**
 * Any page of the messaging app: a conversation when the page holds one (whatever the URL says),
 * the inbox when it does not. A URL that opens a case but shows no conversation yet is reported
 * as not read (the app may still be loading), never as an inbox.
 */
export function readMessagingPage(root: ReadRoot, url: URL, _input: ReadInput = {}): MessageThreadSnapshot | MessageInboxSnapshot | Unrecognized {
  const thread = readMessageThread(root, url);
  if (thread.kind === 'message-thread' || caseIdOf(url) !== undefined || url.pathname.startsWith('/messaging/contact')) return thread;
  return readMessageInbox(root, url);
}

export function readMessageThread(root: ReadRoot, url: URL): MessageThreadSnapshot | Unrecognized {
  const replyBox = findReplyBox(root);
  const bubbles = queryAll(root, SELECTORS.messageBubbles.css, true);
  const subjectElement = queryFirst(root, SELECTORS.threadSubject.css, true);
  if (!replyBox && bubbles.length === 0 && !subjectElement) {
    return { kind: 'unrecognized', reason: 'no conversation on this page (no messages and no reply box; the messaging app may still be loading)' };
  }
  const missing = new MissingList();
  const marketplace = marketplaceOf(root, url) ?? missing.add('marketplace', 'neither the host nor the page names it');
  const zone = zoneOf(marketplace);
  const subject = textOf(subjectElement) || missing.add('subject', 'no thread heading found');
  const orderLink = queryFirst(root, SELECTORS.threadOrderLink.css, true);
  const orderId =
    ORDER_ID_IN_TEXT.exec(textOf(orderLink))?.[1] ??
    ORDER_ID_IN_TEXT.exec(url.searchParams.get('orderID') ?? '')?.[1] ??
    missing.add('orderId', 'no order id in the thread');

  const messages: Message[] = [];
  bubbles.forEach((bubble, index) => {
    const sender = senderOf(bubble);
    if (!sender) {
      missing.add(`messages[${index}]`, 'cannot tell who wrote it');
      return;
    }
    const meta = bubble.querySelector('.bubble-meta');
    const metaText = textOf(meta);
    const body = blockTextOf(bubble).slice(blockTextOf(meta).length).trim();
    const when = metaText ? readDateWindow(metaText.split('·').pop() ?? '', zone) : undefined;
    if (!when?.ok) missing.add(`messages[${index}].time`, when ? when.reason : 'no time shown', when ? 'unreadable' : 'not-found');
    messages.push({ sender, ...(when?.ok ? { time: when.window.earliest } : {}), text: body });
  });
  if (!replyBox) missing.add('replyBox', 'no reply box (textarea, kat-textarea or contenteditable) found');
  const last = messages.at(-1);
  const caseId = caseIdOf(url);
  return {
    kind: 'message-thread',
    ...(marketplace ? { marketplace } : {}),
    ...(caseId ? { caseId } : {}),
    ...(subject ? { subject: subject.slice(0, 2000) } : {}),
    ...(orderId ? { orderId } : {}),
    messages,
    ...(last ? { replyPending: last.sender === 'buyer' } : {}),
    ...(replyBox ? { replyBox } : {}),
    missing: missing.items,
    sources: ['dom'],
  };
}

const RESPONSE_NEEDED = /(?:Response needed|要返信|需要回复)\s*[:：(（]?\s*(\d+)/i;

export function readMessageInbox(root: ReadRoot, url: URL): MessageInboxSnapshot | Unrecognized {
  const text = searchRoots(root)
    .map((r) => textOf('body' in r && r.body ? r.body : (r as Element)))
    .join(' ');
  const count = toCount(RESPONSE_NEEDED.exec(text)?.[1]);
  const missing = new MissingList();
  const marketplace = marketplaceOf(root, url) ?? missing.add('marketplace', 'neither the host nor the page names it');
  if (count === undefined) missing.add('responseNeeded', 'no "Response needed" count on the page');
  return {
    kind: 'message-inbox',
    ...(marketplace ? { marketplace } : {}),
    ...(count !== undefined ? { responseNeeded: count } : {}),
    missing: missing.items,
    sources: ['dom'],
  };
}
