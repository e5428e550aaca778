/**
 * Text the seller selected on a Seller Central page, checked as a buyer's message: for pages the
 * readers cannot read (or read wrong), the seller selects the message and the sidebar checks it.
 *
 * A selection is text of unknown sender. It becomes a one-message `message-thread` snapshot with
 * the message as the BUYER's, never Amazon's, and no subject: Amazon's official cancellation
 * request rests only on Amazon's signals (an Amazon sender, Amazon's subject, the order's flag;
 * docs/safety.md), so a selection can never be `cancel-request`, whatever its words. `sources` is
 * `['selection']`, so "What I read" says where it came from and the content script does not write
 * it into the order memory. Pure: strings and snapshots in, a checked snapshot out.
 */
import { INVISIBLE } from '../classify/normalize';
import type { MarketplaceId } from '../hosts';
import { tidyLines } from './dom';
import { MessageThreadSnapshot, type Missing, type PageSnapshot } from './snapshot';

/** Shorter than this (visible characters) is a stray click or a word, not a message. */
export const SELECTION_MIN_CHARS = 8;
/** Checked at most; a longer selection is cut here (and the sidebar says so). */
export const SELECTION_MAX_CHARS = 5_000;
/** Read of a raw selection at most, before tidying: a 10 MB selection costs no more than this. */
const RAW_LIMIT = SELECTION_MAX_CHARS * 4;

/** An order id standing alone (not part of a longer run of digits). */
const ORDER_IDS = /(?<![\d-])(\d{3}-\d{7}-\d{7})(?![\d-])/g;

export interface UsableSelection {
  /** The selected text, tidied (line breaks kept, invisible characters removed), at most SELECTION_MAX_CHARS. */
  readonly text: string;
  /** The selection was longer than SELECTION_MAX_CHARS and was cut. */
  readonly truncated: boolean;
}

/** Cuts at a code point boundary: never half of a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * The selection as text worth checking, or undefined when it is not (empty, only blanks or
 * invisible characters, fewer than SELECTION_MIN_CHARS visible characters). Never throws.
 */
export function usableSelection(raw: unknown): UsableSelection | undefined {
  if (typeof raw !== 'string' || raw.length === 0) return undefined;
  const long = raw.length > RAW_LIMIT;
  // Characters that show as nothing only hide words (docs/safety.md): removed, as the classifier does.
  const tidied = tidyLines(cut(raw, RAW_LIMIT).replace(INVISIBLE, ''));
  const visible = tidied.replace(/\s+/gu, '');
  if ([...visible.slice(0, SELECTION_MIN_CHARS * 2)].length < SELECTION_MIN_CHARS) return undefined;
  const truncated = long || tidied.length > SELECTION_MAX_CHARS;
  return { text: truncated ? cut(tidied, SELECTION_MAX_CHARS).trimEnd() : tidied, truncated };
}

/** The distinct order ids the text names, in order of appearance. */
export function orderIdsIn(text: string): string[] {
  return [...new Set([...text.matchAll(ORDER_IDS)].map((m) => m[1]!))];
}

/** The one order the page shows (an order page, a thread or notice about one order), if it shows exactly one. */
export function pageOrderId(page: PageSnapshot | undefined): string | undefined {
  if (!page) return undefined;
  switch (page.kind) {
    case 'order-details':
    case 'message-thread':
    case 'notice':
      return page.orderId;
    case 'order-list':
      // A list filtered down to one order shows exactly one.
      return page.orders.length === 1 ? page.orders[0]!.orderId : undefined;
    default:
      return undefined;
  }
}

export interface SelectionContext {
  /** What the page reader made of the page the text was selected on, if anything. */
  readonly page?: PageSnapshot | undefined;
  /** The marketplace the Seller Central host stands for, if it stands for one. */
  readonly hostMarketplace?: MarketplaceId | undefined;
}

export type SelectionCheck = { readonly ok: true; readonly snapshot: MessageThreadSnapshot; readonly truncated: boolean } | { readonly ok: false; readonly reason: string };

/**
 * Which order the selection is about: the one it names when it names exactly one; else the
 * page's one order when the selection names none, or names it among others; else none (said in
 * `missing`, never guessed).
 */
function chooseOrder(text: string, page: PageSnapshot | undefined): { orderId?: string; missing?: Missing } {
  const named = orderIdsIn(text);
  const onPage = pageOrderId(page);
  if (named.length === 1) return { orderId: named[0]! };
  if (named.length === 0) {
    return onPage ? { orderId: onPage } : { missing: { field: 'orderId', reason: 'The selection names no order id and the page shows no single order.', why: 'not-found' } };
  }
  if (onPage && named.includes(onPage)) return { orderId: onPage };
  return { missing: { field: 'orderId', reason: `The selection names ${named.length} order ids; none is the page's one order, so none was chosen.`, why: 'unreadable' } };
}

/**
 * The selection as a one-message thread for the usual pipeline (classification, findings,
 * replies). Validated with the snapshot schema; a result that does not pass is refused with the
 * reason, never half used.
 */
export function selectionSnapshot(raw: unknown, context: SelectionContext = {}): SelectionCheck {
  const usable = usableSelection(raw);
  if (!usable) return { ok: false, reason: `Select at least ${SELECTION_MIN_CHARS} characters of a message.` };
  const { page } = context;
  const marketplace = (page && page.kind !== 'unrecognized' ? page.marketplace : undefined) ?? context.hostMarketplace;
  const order = chooseOrder(usable.text, page);
  const missing: Missing[] = [{ field: 'subject', reason: 'A selection has no subject; its first line is not taken for one.', why: 'not-found' }, ...(order.missing ? [order.missing] : [])];
  const candidate = {
    kind: 'message-thread' as const,
    ...(marketplace ? { marketplace } : {}),
    ...(order.orderId ? { orderId: order.orderId } : {}),
    messages: [{ sender: 'buyer' as const, text: usable.text }],
    // The page's reply box, when the text was selected on a conversation that has one: a reply goes there.
    ...(page?.kind === 'message-thread' && page.replyBox ? { replyBox: page.replyBox } : {}),
    missing,
    sources: ['selection' as const],
  };
  const checked = MessageThreadSnapshot.safeParse(candidate);
  if (!checked.success) return { ok: false, reason: `The selection could not be checked: ${checked.error.issues.map((i) => i.message).join('; ')}` };
  return { ok: true, snapshot: checked.data, truncated: usable.truncated };
}

/** A snapshot made from the seller's selection (not read from the page). */
export function isFromSelection(snapshot: PageSnapshot | undefined): boolean {
  return snapshot !== undefined && snapshot.kind !== 'unrecognized' && snapshot.sources.includes('selection');
}
