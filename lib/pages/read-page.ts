/**
 * One entry point for every page: recognise the page from its URL, run its reader, and check the
 * result against its schema. Never throws: anything unexpected becomes `unrecognized` with a reason.
 */
import { recognisePage, type PageType } from './page-type';
import type { ReadRoot } from './dom';
import { readAccountHealth } from './read-account-health';
import { readMessagingPage, type ReadInput } from './read-messages';
import { readNotice } from './read-notice';
import { readOrderDetails, readOrderList, type RowCache } from './read-orders';
import { readTransactions } from './read-transactions';
import { PageSnapshot, type Unrecognized } from './snapshot';
import * as z from 'zod/mini';

const READERS: Readonly<Record<PageType, ((root: ReadRoot, url: URL, input: ReadInput, rows?: RowCache) => PageSnapshot) | undefined>> = {
  'order-details': readOrderDetails,
  'order-list': (root, url, _input, rows) => readOrderList(root, url, rows),
  // One reader for the whole messaging app: what the page holds decides inbox or conversation.
  'message-thread': readMessagingPage,
  'message-inbox': readMessagingPage,
  notices: readNotice,
  'account-health': readAccountHealth,
  transactions: readTransactions,
  other: undefined,
};

/**
 * `input`: what the seller told the options page (their store and own name), for readers that use it.
 * `rows`: the order list's rows as read before on this page (read-orders.ts RowCache), kept by the caller.
 */
export function readPage(root: ReadRoot, url: URL, input: ReadInput = {}, rows?: RowCache): PageSnapshot {
  const page = recognisePage(url);
  if (!page) return { kind: 'unrecognized', reason: 'not a Seller Central address' };
  const reader = READERS[page.type];
  if (!reader) return { kind: 'unrecognized', reason: 'Seller Sidekick does not read this kind of page' };
  let snapshot: PageSnapshot;
  try {
    snapshot = reader(root, url, input, rows);
  } catch (error) {
    return unrecognized(`the ${page.type} reader failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const checked = PageSnapshot.safeParse(snapshot);
  return checked.success ? checked.data : unrecognized(`what was read does not fit its schema: ${z.prettifyError(checked.error)}`);
}

function unrecognized(reason: string): Unrecognized {
  return { kind: 'unrecognized', reason: reason.slice(0, 1_000) };
}
