/**
 * What the messaging app's own JSON said while this page is open (lib/pages/messaging-api.ts parses
 * it): the cases it loaded, the order each names, the last case list, and the responses that could
 * not be read. Kept in memory for the page being viewed only, never stored. Pure: the content
 * script feeds it what the page reader hands over and asks it to merge into each reading.
 *
 * What the JSON gives wins over the DOM (the open case's order, marketplace and messages); the DOM
 * keeps what only it has (subject, reply box). A page of an unknown shape that opens a case by its
 * URL (`cc=`) is read from the JSON alone. Never a message under a sender the JSON or the page did
 * not give: mergeMessageThread keeps the page's messages when the JSON does not say who wrote one.
 */
import { caseIdOf } from './page-type';
import { caseIdOfApiPath, isMessagingApiPath, mergeMessageThread, parseMessagingApi, withOrderContext, type CaseData, type CaseSummary } from './messaging-api';
import { PageSnapshot, type InboxCase, type MessageInboxSnapshot, type Missing } from './snapshot';

/** The most cases kept (a seller opens a few per page; the least recently seen go first). */
export const MAX_KEPT_CASES = 100;
/** The most summaries kept of one case list (the app pages its list; a longer one is cut, and said so). */
export const MAX_LISTED_CASES = 500;

interface OrderContext {
  readonly caseId: string;
  readonly orderId?: string;
  readonly missing: readonly Missing[];
}

export interface CaseList {
  readonly cases: readonly CaseSummary[];
  /** Entries of the response that were not a case of the known form, plus those beyond MAX_LISTED_CASES. */
  readonly skipped: number;
}

/** What take() did with one response: read, not one of the messaging app's, or unreadable (with why). */
export type TakeResult =
  { readonly taken: 'case' | 'order-context' | 'cases' } | { readonly taken: 'not-messaging' } | { readonly taken: 'unreadable'; readonly reason: string; readonly caseId?: string };

export interface MessagingMemory {
  /** One response the page received: its path and its body as text. */
  take(pathname: string, body: string): TakeResult;
  /** The page's reading with what the JSON says of the same case (or of the case the URL opens). */
  merge(snapshot: PageSnapshot, url: URL): PageSnapshot;
  /** One case as the JSON gave it (with its order, when its order context was seen). */
  caseData(caseId: string): CaseData | undefined;
  /** The last case list the app loaded, if any. */
  caseList(): CaseList | undefined;
  /** Whether any messaging JSON was read at all. */
  readonly size: number;
}

/** What the memory keeps: the cases, their order contexts, why responses about a case were unreadable, the last case list. */
interface Kept {
  readonly cases: Map<string, CaseData>;
  readonly contexts: Map<string, OrderContext>;
  /** The reason the last response about a case could not be read (shown on that case's reading). */
  readonly unreadable: Map<string, string>;
  list: CaseList | undefined;
}

export function createMessagingMemory(): MessagingMemory {
  const kept: Kept = { cases: new Map(), contexts: new Map(), unreadable: new Map(), list: undefined };
  return {
    take: (pathname, body) => takeResponse(kept, pathname, body),
    merge: (snapshot, url) => mergeReading(kept, snapshot, url),
    caseData: (caseId) => keptCase(kept, caseId),
    caseList: () => kept.list,
    get size() {
      return kept.cases.size + kept.contexts.size + (kept.list ? 1 : 0);
    },
  };
}

/** Sets a value as the most recently seen, dropping the least recently seen beyond MAX_KEPT_CASES. */
function keep<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > MAX_KEPT_CASES) map.delete(map.keys().next().value!);
}

function keptCase(kept: Kept, caseId: string): CaseData | undefined {
  const data = kept.cases.get(caseId);
  const context = kept.contexts.get(caseId);
  return data && context ? withOrderContext(data, context) : data;
}

/** The kept case that is the page's conversation: by case id, else by order id when exactly one case names it. */
function caseFor(kept: Kept, caseId: string | undefined, orderId: string | undefined): CaseData | undefined {
  if (caseId) return keptCase(kept, caseId);
  if (!orderId) return undefined;
  const matches = [...kept.cases.keys()].map((id) => keptCase(kept, id)).filter((c): c is CaseData => c?.orderId === orderId);
  return matches.length === 1 ? matches[0] : undefined;
}

/** MessagingMemory.take: one response read and kept, or why not. */
function takeResponse(kept: Kept, pathname: string, body: string): TakeResult {
  if (!isMessagingApiPath(pathname)) return { taken: 'not-messaging' };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return noteUnreadable(kept, pathname, 'the response is not JSON');
  }
  const result = parseMessagingApi(pathname, json);
  if (!result) return { taken: 'not-messaging' };
  if (!result.ok) return noteUnreadable(kept, pathname, result.reason);
  const payload = result.payload;
  if (payload.kind === 'case') {
    keep(kept.cases, payload.case.caseId, payload.case);
    kept.unreadable.delete(payload.case.caseId);
  } else if (payload.kind === 'order-context') {
    keep(kept.contexts, payload.caseId, payload);
  } else {
    const over = Math.max(0, payload.cases.length - MAX_LISTED_CASES);
    kept.list = { cases: payload.cases.slice(0, MAX_LISTED_CASES), skipped: payload.skipped + over };
  }
  return { taken: payload.kind };
}

/** MessagingMemory.merge: the page's reading with what the JSON says of its case (or of its inbox's cases). */
function mergeReading(kept: Kept, snapshot: PageSnapshot, url: URL): PageSnapshot {
  if (!url.pathname.startsWith('/messaging/')) return snapshot;
  const open = caseIdOf(url);
  let merged: PageSnapshot = snapshot;
  if (snapshot.kind === 'message-thread') {
    const data = caseFor(kept, snapshot.caseId ?? open, snapshot.orderId);
    if (data) merged = mergeMessageThread(snapshot, data, url);
  } else if (snapshot.kind === 'unrecognized' && open) {
    const data = keptCase(kept, open);
    if (data) merged = mergeMessageThread(snapshot, data, url);
  } else if (snapshot.kind === 'message-inbox') {
    merged = mergeInbox(kept, snapshot);
  }
  // What the JSON could not say about the open case is named on its reading.
  const caseId = merged.kind === 'message-thread' ? (merged.caseId ?? open) : undefined;
  const why = caseId ? kept.unreadable.get(caseId) : undefined;
  if (merged.kind === 'message-thread' && why) {
    merged = { ...merged, missing: [...merged.missing, { field: 'messagingData', reason: why.slice(0, 300), why: 'unreadable' }] };
  }
  if (merged === snapshot) return snapshot;
  // The merge's result is checked as every reading is; a misfit keeps the page's own reading.
  const checked = PageSnapshot.safeParse(merged);
  return checked.success ? checked.data : snapshot;
}

/**
 * The inbox's cases with what the JSON says of them: a case the app loaded gives its order and
 * the buyer's latest message (the JSON wins over the row's preview); a case of the app's list
 * that the page does not show is added with what is known of it.
 */
function mergeInbox(kept: Kept, inbox: MessageInboxSnapshot): MessageInboxSnapshot {
  const rows = inbox.cases ?? [];
  if (kept.cases.size === 0 && kept.contexts.size === 0 && !kept.list) return inbox;
  const fromJson = (row: InboxCase): InboxCase => {
    const data = row.caseId ? keptCase(kept, row.caseId) : undefined;
    const orderId = data?.orderId ?? (row.caseId ? kept.contexts.get(row.caseId)?.orderId : undefined);
    const latest = data?.messages.findLast((m) => m.sender === 'buyer');
    if (!orderId && !latest) return row;
    return { ...row, ...(orderId ? { orderId } : {}), ...(latest ? { preview: latest.text } : {}), source: 'messaging-api' };
  };
  const merged = rows.map(fromJson);
  const shown = new Set(rows.flatMap((row) => (row.caseId ? [row.caseId] : [])));
  for (const summary of kept.list?.cases ?? []) {
    if (merged.length >= MAX_LISTED_CASES) break;
    if (shown.has(summary.caseId)) continue;
    merged.push(fromJson({ caseId: summary.caseId, resolved: false, source: 'messaging-api' }));
  }
  const changed = merged.length !== rows.length || merged.some((row, i) => row !== rows[i]);
  if (!changed) return inbox;
  return { ...inbox, cases: merged, sources: inbox.sources.includes('messaging-api') ? inbox.sources : [...inbox.sources, 'messaging-api'] };
}

/** A response that could not be read: its reason kept for its case (when its path names one). */
function noteUnreadable(kept: Kept, pathname: string, reason: string): TakeResult {
  const caseId = caseIdOfApiPath(pathname);
  if (caseId) keep(kept.unreadable, caseId, reason);
  return { taken: 'unreadable', reason, ...(caseId ? { caseId } : {}) };
}
