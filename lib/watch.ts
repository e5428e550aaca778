/**
 * OrderWatch: what the extension remembers of an order between pages (DESIGN.md "Memory across
 * pages"). Seller Central shows a buyer's messages on one page and the Cancel order button on
 * another, so the order page needs what the thread revealed. Only facts are kept: ids, deadlines,
 * states, the intents and flags of messages, and what a reply on the thread page needs from the
 * order page (the first item's title and ASIN, the tracking number and carrier). Never a buyer's
 * name, address or words.
 *
 * Pure: every function takes `now` (epoch ms) and returns a new record.
 */
import * as z from 'zod/mini';
import { FLAGS, INTENTS } from './classify/types';
import type { Classification } from './classify/types';
import { officialSourceOf, rowIntent, trustedIntent } from './classify/official';
import type { MessageThreadSnapshot, OrderDetailsSnapshot, OrderRow, NoticeSnapshot } from './pages/snapshot';
import { Fulfilment, Marketplace, NoticeKind, OrderStatus } from './pages/snapshot';

export const WATCH_PREFIX = 'watch:';
export const WATCH_VERSION = 1;
/** A record not seen for this long is forgotten (issue: 30 days after last seen). */
export const WATCH_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const MAX_MESSAGES = 30;
/** A product title is kept to this many characters (enough for a reply; titles run long). */
const MAX_TITLE = 200;
/** Longer than any carrier's tracking number or name: a longer "tracking number" is not kept. */
const MAX_TRACKING = 60;

const Instant = z.lazy(() => z.iso.datetime());

export const WatchedMessage = z.lazy(() =>
  z.object({
    /** Which message this is: sender and time (or place in the thread), never its text. */
    key: z.string().check(z.maxLength(80)),
    sender: z.enum(['buyer', 'amazon']),
    at: z.optional(Instant),
    intent: z.enum(INTENTS),
    flags: z.array(z.enum(FLAGS)),
    /** The seller wrote after it. */
    answered: z.boolean(),
  }),
);
export type WatchedMessage = z.infer<typeof WatchedMessage>;

export const OrderWatch = z.lazy(() =>
  z.object({
    version: z.literal(WATCH_VERSION),
    orderId: z.string().check(z.regex(/^\d{3}-\d{7}-\d{7}$/)),
    marketplace: z.optional(Marketplace),
    firstSeen: Instant,
    lastSeen: Instant,
    /** The latest moment of the ship-by window. */
    shipBy: z.optional(Instant),
    fulfilment: z.optional(Fulfilment),
    status: z.optional(OrderStatus),
    buyerRequestedCancel: z.optional(z.boolean()),
    /**
     * When the page data that last set or cleared `buyerRequestedCancel` was read. Only newer data
     * may clear the flag (see `withCancelRequest`). Absent in records written before it existed.
     */
    buyerRequestedCancelAt: z.optional(Instant),
    /** Amazon's automatic-cancellation date from the order's data (`cancellationDate`), when it was seen. */
    cancellationDate: z.optional(Instant),
    messages: z.array(WatchedMessage).check(z.maxLength(MAX_MESSAGES)),
    /** An Amazon notice about this order awaiting action (undeliverable message, A-to-z claim). */
    notice: z.optional(z.object({ kind: NoticeKind, seen: Instant })),
    /** For replies written on the thread page: what the order page showed of the product and parcel. */
    product: z.optional(
      z.object({
        title: z.optional(z.string().check(z.maxLength(MAX_TITLE))),
        asin: z.optional(z.string().check(z.regex(/^[A-Z0-9]{10}$/))),
        /** The seller's SKU, when the order has one item line (for the referral fee watch, lib/fees). */
        sku: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
      }),
    ),
    tracking: z.optional(z.object({ id: z.string().check(z.maxLength(MAX_TRACKING)), carrier: z.optional(z.string().check(z.maxLength(MAX_TRACKING))) })),
  }),
);
export type OrderWatch = z.infer<typeof OrderWatch>;

export const watchKey = (orderId: string): string => `${WATCH_PREFIX}${orderId}`;

/** One observation of an order to write: the record its tab started from, and what it made of it. */
export const WatchChange = z.lazy(() => z.object({ base: z.optional(OrderWatch), next: OrderWatch }));
export type WatchChange = z.infer<typeof WatchChange>;

function base(orderId: string, now: number, previous?: OrderWatch): OrderWatch {
  const at = new Date(now).toISOString();
  return previous ? { ...previous, lastSeen: at } : { version: WATCH_VERSION, orderId, firstSeen: at, lastSeen: at, messages: [] };
}

/** What an order page or an order-list row says of the order; the page wins over memory. */
export function observeOrder(previous: OrderWatch | undefined, order: OrderDetailsSnapshot | OrderRow, now: number): OrderWatch {
  const next: OrderWatch = { ...base(order.orderId, now, previous) };
  if (order.marketplace) next.marketplace = order.marketplace;
  if (order.shipBy) next.shipBy = order.shipBy.latest;
  if (order.fulfilment) next.fulfilment = order.fulfilment;
  if (order.status && order.status !== 'unknown') next.status = order.status;
  if (order.buyerRequestedCancel) Object.assign(next, withCancelRequest(next, order.buyerRequestedCancel.requested, next.lastSeen));
  if (order.cancellationDate) next.cancellationDate = order.cancellationDate;
  const item = order.items[0];
  const sku = order.items.length === 1 && item?.sku ? item.sku : undefined;
  if (item?.title || item?.asin || sku) {
    next.product = {
      ...(item!.title ? { title: item!.title.slice(0, MAX_TITLE) } : {}),
      ...(item!.asin ? { asin: item!.asin } : {}),
      ...(sku ? { sku } : {}),
    };
  }
  if (order.tracking && order.tracking.id.length <= MAX_TRACKING) {
    next.tracking = { id: order.tracking.id, ...(order.tracking.carrier ? { carrier: order.tracking.carrier.slice(0, MAX_TRACKING) } : {}) };
  }
  return next;
}

export interface ClassifiedMessage {
  /** Index in the thread snapshot's `messages`. */
  readonly index: number;
  readonly classification: Classification;
}

/** The intents and flags of a thread's messages (not their words), merged by message key. */
export function observeThread(previous: OrderWatch | undefined, thread: MessageThreadSnapshot & { orderId: string }, classified: readonly ClassifiedMessage[], now: number): OrderWatch {
  const next: OrderWatch = { ...base(thread.orderId, now, previous) };
  if (thread.marketplace && !next.marketplace) next.marketplace = thread.marketplace;
  const lastSellerIndex = thread.messages.reduce((last, message, index) => (message.sender === 'seller' ? index : last), -1);
  const byKey = new Map(next.messages.map((message) => [message.key, message]));
  for (const { index, classification } of classified) {
    const message = thread.messages[index];
    if (!message || message.sender === 'seller') continue;
    const key = `${message.sender}:${message.time ?? `#${index}`}`;
    const watched: WatchedMessage = {
      key,
      sender: message.sender,
      intent: trustedIntent(classification, message.sender),
      flags: [...classification.flags],
      answered: index < lastSellerIndex,
    };
    if (message.time) watched.at = message.time;
    byKey.delete(key);
    byKey.set(key, watched);
  }
  // The conversation, now read, stands in for what its inbox row said.
  byKey.delete(INBOX_KEY);
  next.messages = [...byKey.values()].slice(-MAX_MESSAGES);
  // Only Amazon's own signals on this page set the flag (the order flag itself came from the order's data).
  const official = classified.some(({ index, classification }) => {
    const message = thread.messages[index];
    const source = message ? officialSourceOf(classification, message.sender) : undefined;
    return source === 'amazon-subject' || source === 'amazon-sender';
  });
  if (official) next.buyerRequestedCancel = true;
  return next;
}

/** The key of the message an inbox row stands for, until its conversation is read. */
export const INBOX_KEY = 'buyer:inbox';

/**
 * A case the inbox lists under "Response needed": its row's intent, as one unanswered buyer
 * message, so the badge counts it before the seller opens it. A conversation already read that
 * still waits for an answer says more than a row and is kept as it is; reading the conversation
 * later replaces the row's message (observeThread). Never `cancel-request` (a row's sender is unknown).
 */
export function observeInboxCase(
  previous: OrderWatch | undefined,
  row: { readonly orderId: string; readonly marketplace?: OrderWatch['marketplace'] },
  classification: Classification,
  now: number,
): OrderWatch {
  const next: OrderWatch = { ...base(row.orderId, now, previous) };
  if (row.marketplace && !next.marketplace) next.marketplace = row.marketplace;
  if (next.messages.some((m) => m.key !== INBOX_KEY && m.sender === 'buyer' && !m.answered)) return next;
  const watched: WatchedMessage = { key: INBOX_KEY, sender: 'buyer', intent: rowIntent(classification), flags: [...classification.flags], answered: false };
  next.messages = [...next.messages.filter((m) => m.key !== INBOX_KEY), watched].slice(-MAX_MESSAGES);
  return next;
}

/**
 * The buyer's official cancellation request, as page data read at `at` says. Page data sets the
 * flag; it clears it only if it is newer than the data that set it (data read before the request,
 * or at the same moment, cannot). The time of the data that decided is kept with the flag, so the
 * outcome does not depend on which of two tabs writes first: the newest data decides, and on a
 * tie the request stands. A flag without a time (records from before the time was kept) counts
 * as decided when the record was last seen.
 */
export function withCancelRequest(
  current: Pick<OrderWatch, 'buyerRequestedCancel' | 'buyerRequestedCancelAt' | 'lastSeen'>,
  requested: boolean,
  at: string,
): Pick<OrderWatch, 'buyerRequestedCancel' | 'buyerRequestedCancelAt'> {
  const known = current.buyerRequestedCancel;
  const decidedAt = known === undefined ? undefined : (current.buyerRequestedCancelAt ?? current.lastSeen);
  if (known === undefined || decidedAt === undefined) return { buyerRequestedCancel: requested, buyerRequestedCancelAt: at };
  if (requested) {
    // A request is not undone by data older than a later "no request".
    if (known === false && decidedAt > at) return { buyerRequestedCancel: false, buyerRequestedCancelAt: decidedAt };
    return { buyerRequestedCancel: true, buyerRequestedCancelAt: known && decidedAt > at ? decidedAt : at };
  }
  // Only strictly newer data clears a request.
  if (known === true && at <= decidedAt) return { buyerRequestedCancel: true, buyerRequestedCancelAt: decidedAt };
  return { buyerRequestedCancel: false, buyerRequestedCancelAt: !known && decidedAt > at ? decidedAt : at };
}

/** The facts of an order taken from the latest observation that changed them (see `mergeWatch`). */
const FACTS = ['marketplace', 'shipBy', 'fulfilment', 'status', 'cancellationDate', 'notice', 'product', 'tracking'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes one observation into what is stored now, losing nothing another tab wrote meanwhile.
 * `base` is the record the observation started from (what its tab read), `next` what it made of
 * it. Only what the observation changed is taken (a three-way merge), field by field:
 * - each fact of the order (status, ship-by, …) that differs from `base`;
 * - each message (by key) that is new or differs from `base`: messages another tab added stay;
 * - the cancellation-request flag, by `withCancelRequest` (the newest page data decides; on a tie
 *   the request stands). The observation's time is when its page data was read: the
 *   `buyerRequestedCancelAt` it set, or else its `lastSeen` (a thread page sets the flag without one).
 * First seen is the earliest, last seen the latest. With nothing stored, `next` is taken as is.
 */
export function mergeWatch(stored: OrderWatch | undefined, base: OrderWatch | undefined, next: OrderWatch): OrderWatch {
  if (!stored) return next;
  const merged: OrderWatch = {
    ...stored,
    // The earliest moment any tab saw the order (a tab's own observation may predate a record it read).
    firstSeen: [stored.firstSeen, next.firstSeen, next.lastSeen].reduce((a, b) => (b < a ? b : a)),
    lastSeen: next.lastSeen > stored.lastSeen ? next.lastSeen : stored.lastSeen,
  };
  for (const fact of FACTS) {
    if (same(next[fact], base?.[fact])) continue;
    if (next[fact] === undefined) delete merged[fact];
    else Object.assign(merged, { [fact]: next[fact] });
  }
  const before = new Map((base?.messages ?? []).map((message) => [message.key, message]));
  const byKey = new Map(stored.messages.map((message) => [message.key, message]));
  for (const message of next.messages) {
    if (same(message, before.get(message.key))) continue;
    byKey.delete(message.key);
    byKey.set(message.key, message);
  }
  merged.messages = [...byKey.values()].slice(-MAX_MESSAGES);
  const flagChanged = next.buyerRequestedCancel !== base?.buyerRequestedCancel;
  const stampChanged = next.buyerRequestedCancelAt !== base?.buyerRequestedCancelAt;
  if (next.buyerRequestedCancel !== undefined && (flagChanged || stampChanged)) {
    const at = stampChanged && next.buyerRequestedCancelAt ? next.buyerRequestedCancelAt : next.lastSeen;
    Object.assign(merged, withCancelRequest(stored, next.buyerRequestedCancel, at));
  }
  return merged;
}

/** An Amazon notice that names an order. */
export function observeNotice(previous: OrderWatch | undefined, notice: NoticeSnapshot & { orderId: string }, now: number): OrderWatch {
  const next: OrderWatch = { ...base(notice.orderId, now, previous) };
  if (notice.noticeKind === 'undeliverable-message' || notice.noticeKind === 'a-to-z-claim') {
    next.notice = previous?.notice?.kind === notice.noticeKind ? previous.notice : { kind: notice.noticeKind, seen: new Date(now).toISOString() };
  }
  if (notice.marketplace && !next.marketplace) next.marketplace = notice.marketplace;
  return next;
}

/** The buyer messages nobody has answered yet, oldest first (those without a time first): of a record's messages, or of a page's facts. */
export function waitingBuyerMessages<M extends { readonly sender: string; readonly answered: boolean; readonly at?: string | undefined }>(messages: readonly M[]): M[] {
  return messages.filter((message) => message.sender === 'buyer' && !message.answered).sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
}

/** The buyer messages of the order nobody has answered yet, oldest first. */
export function unanswered(watch: OrderWatch): WatchedMessage[] {
  return waitingBuyerMessages(watch.messages);
}

/**
 * A shipped or cancelled order with nothing pending is still kept this long after it was last
 * seen: buyers of shipped (and every FBA) order write "where is it?", and the thread page needs
 * to know what the order page said.
 */
export const CLOSED_TTL_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * Forget a record 30 days after it was last seen, or once the order is shipped or cancelled and
 * nothing about it is pending (no unanswered message, no notice) for three days.
 */
export function isExpired(watch: OrderWatch, now: number): boolean {
  const age = now - Date.parse(watch.lastSeen);
  if (age > WATCH_TTL_MS) return true;
  if (age <= CLOSED_TTL_MS) return false;
  const closed = watch.status === 'shipped' || watch.status === 'canceled';
  // A cancellation request on a shipped or cancelled order is no longer pending.
  const pending = unanswered(watch).length > 0 || watch.notice !== undefined;
  return closed && !pending;
}

/**
 * Reads a stored value into a current record. Version 1 is the first; the function is the place
 * where later versions migrate earlier ones (tested with a recorded v1 value).
 */
export function migrateWatch(raw: unknown): { ok: true; watch: OrderWatch } | { ok: false; reason: string } {
  const parsed = OrderWatch.safeParse(raw);
  if (parsed.success) return { ok: true, watch: parsed.data };
  return { ok: false, reason: z.prettifyError(parsed.error) };
}
