/**
 * One entry point for every page: recognise the page from its URL, run its reader, and check the
 * result against its schema. Never throws: anything unexpected becomes `unrecognized` with a reason.
 */
import { recognisePage, type PageType } from './page-type';
import { runSteps, type ReadRoot } from './dom';
import { readAccountHealth } from './read-account-health';
import { readMessagingPageInSteps, type ReadInput } from './read-messages';
import { readNotice } from './read-notice';
import { readOrderDetails, readOrderList, type RowCache } from './read-orders';
import { readTransactions } from './read-transactions';
import { OrderRow, PageSnapshot, type Unrecognized } from './snapshot';
import * as z from 'zod/mini';

type Reader = (root: ReadRoot, url: URL, input: ReadInput, rows?: RowCache) => Generator<void, PageSnapshot>;
/** A reader that reads in one go, as steps (one). */
const atOnce = (read: (root: ReadRoot, url: URL, input: ReadInput, rows?: RowCache) => PageSnapshot): Reader =>
  // eslint-disable-next-line require-yield -- a reader in one go is one step, with no pause
  function* (root, url, input, rows) {
    return read(root, url, input, rows);
  };

const READERS: Readonly<Record<PageType, Reader | undefined>> = {
  'order-details': atOnce(readOrderDetails),
  'order-list': atOnce((root, url, _input, rows) => readOrderList(root, url, rows)),
  // One reader for the whole messaging app: what the page holds decides inbox or conversation.
  'message-thread': readMessagingPageInSteps,
  'message-inbox': readMessagingPageInSteps,
  notices: atOnce(readNotice),
  'account-health': atOnce(readAccountHealth),
  transactions: atOnce(readTransactions),
  other: undefined,
};

/**
 * `input`: what the seller told the options page (their store and own name), for readers that use it.
 * `rows`: the order list's rows as read before on this page (read-orders.ts RowCache), kept by the caller.
 */
export function readPage(root: ReadRoot, url: URL, input: ReadInput = {}, rows?: RowCache): PageSnapshot {
  const read = readPageUnchecked(root, url, input, rows);
  return read.checked ? read.snapshot : checkReading(read.snapshot);
}

/**
 * readPage in two steps, for a caller that gives the page its main thread back in between (or
 * checks a reading equal to one it checked before only once): the reader's own reading, not yet
 * checked against its schema (`checked`: already final, a reason why nothing was read), then
 * checkReading. readPage(…) is checkReading(readPageUnchecked(…)) when not `checked`.
 */
export function readPageUnchecked(root: ReadRoot, url: URL, input: ReadInput = {}, rows?: RowCache): UncheckedReading {
  return runSteps(readPageUncheckedInSteps(root, url, input, rows));
}

export interface UncheckedReading {
  readonly snapshot: PageSnapshot;
  readonly checked: boolean;
}

/** `readPageUnchecked` as the reader's steps (a long thread or inbox is read in several). */
export function* readPageUncheckedInSteps(root: ReadRoot, url: URL, input: ReadInput = {}, rows?: RowCache): Generator<void, UncheckedReading> {
  const page = recognisePage(url);
  if (!page) return { snapshot: { kind: 'unrecognized', reason: 'not a Seller Central address' }, checked: true };
  const reader = READERS[page.type];
  if (!reader) return { snapshot: { kind: 'unrecognized', reason: 'Seller Sidekick does not read this kind of page' }, checked: true };
  try {
    return { snapshot: yield* reader(root, url, input, rows), checked: false };
  } catch (error) {
    return { snapshot: unrecognized(`the ${page.type} reader failed: ${error instanceof Error ? error.message : String(error)}`), checked: true };
  }
}

/** A reader's reading checked against its schema; what does not fit becomes `unrecognized` with why. */
export function checkReading(snapshot: PageSnapshot): PageSnapshot {
  const checked = PageSnapshot.safeParse(snapshot);
  return checked.success ? checked.data : unrecognized(`what was read does not fit its schema: ${z.prettifyError(checked.error)}`);
}

/**
 * checkReading a step at a time, for a caller that gives the page its main thread back between
 * steps (the first before any check): an order list's rows are checked one per step (on a 500-row list the whole check is one
 * task of tens of ms). Returns what checkReading returns: a row that does not fit, or a list whose
 * rest does not, is checked again whole, for checkReading's own reason.
 */
export function* checkReadingInSteps(snapshot: PageSnapshot): Generator<void, PageSnapshot, void> {
  yield;
  if (snapshot.kind !== 'order-list') return checkReading(snapshot);
  const rest = PageSnapshot.safeParse({ ...snapshot, orders: [] });
  if (!rest.success || rest.data.kind !== 'order-list') return checkReading(snapshot);
  const orders: OrderRow[] = [];
  for (const order of snapshot.orders as readonly unknown[]) {
    yield;
    const checked = OrderRow.safeParse(order);
    if (!checked.success) return checkReading(snapshot);
    orders.push(checked.data);
  }
  return { ...rest.data, orders };
}

function unrecognized(reason: string): Unrecognized {
  return { kind: 'unrecognized', reason: reason.slice(0, 1_000) };
}
