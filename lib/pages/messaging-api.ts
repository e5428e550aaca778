/**
 * The messaging app's own JSON (docs/seller-central-pages.md §4, §13), as the order pages use
 * /orders-api: pure parsers and a merge where what the JSON gives wins over the DOM.
 *
 * Evidenced endpoints and fields (B: a userscript "reverse-engineered from SC's messaging/v2 app"
 * and an endpoint ledger; A/B: a catalogue made from one live capture, 2026):
 *  - GET /messaging/api/global/cases?filterList=… → { cases: [{ caseId, marketplaceId, asinIds }], displayLanguage }
 *  - GET /messaging/api/global/cases/{caseId} → { partyCase: { caseId, marketplaceId, buyerLop,
 *    isOverSla, caseArtifacts: [{ artifactType, caseArtifactId, createdDate, formattedDate, creator,
 *    isRequestedPartySender, message, topicId, … }], … } }
 *  - GET /messaging/api/global/cases/{caseId}/orderContext → { orderContextList: [{ orderContextFields:
 *    [{ type: "ORDER_ID", textValue }], … }] }
 * Not known, so never guessed: the values of `creator`, the form of `createdDate`, whether
 * `message` holds markup. What `isRequestedPartySender` means is itself a guess of the notes
 * ("the seller sent it"): here it can only confirm a seller's message, never make one the buyer's
 * (false may as well be Amazon). `buyerLop` (language of preference) and `isOverSla` are kept as
 * given, unread. Schemas accept unknown extra fields; whatever is absent or of another shape is
 * named in `missing`.
 */
import * as z from 'zod/mini';
import { MARKETPLACES, type MarketplaceId } from '../hosts';
import { epochSecondsToIso } from '../time';
import { MAX_TEXT, tidyLines } from './dom';
import { CASE_ID, ORDER_ID_PATTERN } from './page-type';
import type { Message, MessageThreadSnapshot, Missing, Unrecognized } from './snapshot';

const Str = z.lazy(() => z.nullish(z.string().check(z.maxLength(200_000))));

const ArtifactJson = z.lazy(() =>
  z.looseObject({
    artifactType: Str,
    caseArtifactId: z.nullish(z.union([z.string().check(z.maxLength(500)), z.number()])),
    createdDate: z.nullish(z.union([z.number(), z.string().check(z.maxLength(100))])),
    formattedDate: Str,
    creator: z.nullish(z.union([z.string().check(z.maxLength(500)), z.looseObject({})])),
    isRequestedPartySender: z.nullish(z.boolean()),
    message: Str,
    topicId: z.nullish(z.union([z.string().check(z.maxLength(500)), z.number()])),
  }),
);

const PartyCaseJson = z.lazy(() =>
  z.looseObject({
    caseId: z.string().check(z.maxLength(100)),
    marketplaceId: Str,
    buyerLop: Str,
    isOverSla: z.nullish(z.boolean()),
    caseArtifacts: z.nullish(z.array(z.unknown()).check(z.maxLength(5_000))),
  }),
);

const CaseResponse = z.lazy(() => z.looseObject({ partyCase: PartyCaseJson }));

const OrderContextResponse = z.lazy(() =>
  z.looseObject({
    orderContextList: z
      .array(
        z.looseObject({
          orderContextFields: z.nullish(z.array(z.looseObject({ type: Str, textValue: z.nullish(z.unknown()) })).check(z.maxLength(500))),
        }),
      )
      .check(z.maxLength(100)),
  }),
);

const CaseListResponse = z.lazy(() =>
  z.looseObject({
    cases: z.array(z.unknown()).check(z.maxLength(10_000)),
    displayLanguage: Str,
  }),
);
const CaseSummaryJson = z.lazy(() =>
  z.looseObject({
    caseId: z.string().check(z.maxLength(100)),
    marketplaceId: Str,
    asinIds: z.nullish(z.array(z.string().check(z.maxLength(20))).check(z.maxLength(100))),
  }),
);

/** One message as the app's JSON gives it; `sender` only when the JSON says who wrote it. */
export interface CaseMessage {
  readonly sender?: Message['sender'];
  readonly time?: string;
  readonly text: string;
}

/** One case, from /cases/{id} (and its /orderContext once seen). */
export interface CaseData {
  readonly caseId: string;
  readonly marketplace?: MarketplaceId;
  readonly orderId?: string;
  readonly messages: readonly CaseMessage[];
  /** As given, unread: the buyer's language of preference and the app's own overdue flag. */
  readonly buyerLop?: string;
  readonly isOverSla?: boolean;
  readonly missing: readonly Missing[];
}

export interface CaseSummary {
  readonly caseId: string;
  readonly marketplace?: MarketplaceId;
  readonly asins: readonly string[];
}

export type MessagingApiPayload =
  | { readonly kind: 'case'; readonly case: CaseData }
  | { readonly kind: 'order-context'; readonly caseId: string; readonly orderId?: string; readonly missing: readonly Missing[] }
  | { readonly kind: 'cases'; readonly cases: readonly CaseSummary[]; readonly skipped: number };

export type MessagingApiResult = { readonly ok: true; readonly payload: MessagingApiPayload } | { readonly ok: false; readonly reason: string };

const BASE = '/messaging/api/global/cases';
const CASE_PATH = /^\/messaging\/api\/global\/cases\/([0-9a-f-]{36})\/?$/i;
const ORDER_CONTEXT_PATH = /^\/messaging\/api\/global\/cases\/([0-9a-f-]{36})\/orderContext\/?$/i;

/** The case a response path is about (one case, or its order context); undefined for the case list or another path. */
export function caseIdOfApiPath(pathname: string): string | undefined {
  return (CASE_PATH.exec(pathname) ?? ORDER_CONTEXT_PATH.exec(pathname))?.[1]?.toLowerCase();
}

/** Whether a response path is one of the messaging app's that this module reads. */
export function isMessagingApiPath(pathname: string): boolean {
  return pathname === BASE || pathname === `${BASE}/` || CASE_PATH.test(pathname) || ORDER_CONTEXT_PATH.test(pathname);
}

/**
 * Checks a response body the page received from /messaging/api/global/cases…. Never throws; a body
 * of another shape gives the reason. Undefined for a path this module does not read.
 */
export function parseMessagingApi(pathname: string, body: unknown): MessagingApiResult | undefined {
  const caseMatch = CASE_PATH.exec(pathname);
  if (caseMatch) {
    const parsed = CaseResponse.safeParse(body);
    if (!parsed.success) return { ok: false, reason: `the case response has an unknown shape: ${z.prettifyError(parsed.error).slice(0, 200)}` };
    const data = caseFromJson(parsed.data.partyCase);
    if (!data) return { ok: false, reason: 'the case response names no case id of the known form' };
    if (data.caseId !== caseMatch[1]!.toLowerCase()) return { ok: false, reason: 'the case response is for another case than its address' };
    return { ok: true, payload: { kind: 'case', case: data } };
  }
  const contextMatch = ORDER_CONTEXT_PATH.exec(pathname);
  if (contextMatch) {
    const parsed = OrderContextResponse.safeParse(body);
    if (!parsed.success) return { ok: false, reason: `the order context has an unknown shape: ${z.prettifyError(parsed.error).slice(0, 200)}` };
    const ids = new Set<string>();
    for (const context of parsed.data.orderContextList) {
      for (const field of context.orderContextFields ?? []) {
        if (field.type === 'ORDER_ID' && typeof field.textValue === 'string' && ORDER_ID_PATTERN.test(field.textValue.trim())) ids.add(field.textValue.trim());
      }
    }
    const missing: Missing[] = [];
    if (ids.size !== 1)
      missing.push({
        field: 'orderId',
        reason: ids.size === 0 ? 'the order context has no ORDER_ID field' : 'the order context names several orders',
        why: ids.size === 0 ? 'not-found' : 'unreadable',
      });
    return { ok: true, payload: { kind: 'order-context', caseId: contextMatch[1]!.toLowerCase(), ...(ids.size === 1 ? { orderId: [...ids][0]! } : {}), missing } };
  }
  if (pathname === BASE || pathname === `${BASE}/`) {
    const parsed = CaseListResponse.safeParse(body);
    if (!parsed.success) return { ok: false, reason: `the case list has an unknown shape: ${z.prettifyError(parsed.error).slice(0, 200)}` };
    const cases: CaseSummary[] = [];
    let skipped = 0;
    for (const item of parsed.data.cases) {
      const summary = CaseSummaryJson.safeParse(item);
      if (!summary.success || !CASE_ID.test(summary.data.caseId)) {
        skipped++;
        continue;
      }
      const marketplace = marketplaceFromId(summary.data.marketplaceId);
      cases.push({
        caseId: summary.data.caseId.toLowerCase(),
        ...(marketplace ? { marketplace } : {}),
        asins: (summary.data.asinIds ?? []).filter((a) => /^[A-Z0-9]{10}$/.test(a)),
      });
    }
    return { ok: true, payload: { kind: 'cases', cases, skipped } };
  }
  return undefined;
}

function marketplaceFromId(id: string | null | undefined): MarketplaceId | undefined {
  return Object.values(MARKETPLACES).find((m) => m.amazonId === id)?.id;
}

/** A case's fields as the snapshot holds them; undefined when the case id is not a uuid. */
export function caseFromJson(json: z.infer<typeof PartyCaseJson>): CaseData | undefined {
  if (!CASE_ID.test(json.caseId)) return undefined;
  const missing: Missing[] = [];
  const marketplace = marketplaceFromId(json.marketplaceId);
  if (!marketplace)
    missing.push({ field: 'marketplace', reason: json.marketplaceId ? 'the case names a marketplace id Seller Sidekick does not know' : 'the case names no marketplace', why: 'not-found' });
  const messages: CaseMessage[] = [];
  const artifacts = json.caseArtifacts ?? [];
  if (json.caseArtifacts === undefined || json.caseArtifacts === null) missing.push({ field: 'messages', reason: 'the case has no caseArtifacts', why: 'not-found' });
  artifacts.forEach((raw, index) => {
    const parsed = ArtifactJson.safeParse(raw);
    if (!parsed.success) {
      missing.push({ field: `messages[${index}]`, reason: 'an artifact of an unknown shape', why: 'unreadable' });
      return;
    }
    const artifact = parsed.data;
    if (typeof artifact.message !== 'string' || artifact.message.trim() === '') return; // not a message (an attachment, a status change)
    const text = textOf(artifact.message);
    if (artifact.message.length > MAX_TEXT) missing.push({ field: `messages[${index}].text`, reason: 'the message is longer than 20,000 characters: only its start was read', why: 'unreadable' });
    const sender = senderOf(artifact.creator, artifact.isRequestedPartySender);
    if (sender === 'conflict') missing.push({ field: `messages[${index}]`, reason: 'creator and isRequestedPartySender disagree on who wrote it', why: 'unreadable' });
    else if (!sender) missing.push({ field: `messages[${index}]`, reason: 'the JSON does not say who wrote it in a form Seller Sidekick knows', why: 'unreadable' });
    const time = timeOf(artifact.createdDate);
    if (!time) missing.push({ field: `messages[${index}].time`, reason: 'createdDate is absent or of an unknown form', why: 'unreadable' });
    messages.push({ ...(sender && sender !== 'conflict' ? { sender } : {}), ...(time ? { time } : {}), text });
  });
  // In time order when every message has a time (the order of the array is not documented).
  const ordered = messages.every((m) => m.time) ? [...messages].sort((a, b) => (a.time! < b.time! ? -1 : a.time! > b.time! ? 1 : 0)) : messages;
  return {
    caseId: json.caseId.toLowerCase(),
    ...(marketplace ? { marketplace } : {}),
    messages: ordered,
    ...(typeof json.buyerLop === 'string' && json.buyerLop.length <= 20 ? { buyerLop: json.buyerLop } : {}),
    ...(typeof json.isOverSla === 'boolean' ? { isOverSla: json.isOverSla } : {}),
    missing,
  };
}

/**
 * Who wrote an artifact. `creator` names it when it holds a party word (its values are not
 * documented); `isRequestedPartySender: true` is taken for the seller (a guess of the evidence),
 * and only ever to confirm the seller or to refuse a contradiction: it never makes the buyer.
 */
function senderOf(creator: unknown, requestedParty: boolean | null | undefined): Message['sender'] | 'conflict' | undefined {
  const word = typeof creator === 'string' ? creator : '';
  const named: Message['sender'] | undefined = /\b(?:buyer|customer)\b/i.test(word)
    ? 'buyer'
    : /\b(?:seller|merchant|vendor)\b/i.test(word)
      ? 'seller'
      : /\b(?:amazon|system)\b/i.test(word)
        ? 'amazon'
        : undefined;
  if (named && requestedParty === true && named !== 'seller') return 'conflict';
  if (named === 'seller' && requestedParty === false) return 'conflict';
  if (named) return named;
  return requestedParty === true ? 'seller' : undefined;
}

/** Epoch milliseconds or seconds, or an ISO 8601 date with its zone; anything else is not read. */
function timeOf(value: number | string | null | undefined): string | undefined {
  if (typeof value === 'number') return epochSecondsToIso(value > 1e11 ? value / 1000 : value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/.test(value.trim())) {
    const ms = Date.parse(value.trim());
    return Number.isFinite(ms) ? epochSecondsToIso(ms / 1000) : undefined;
  }
  return undefined;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * A message as text. Markup that only lays text out (<br>, <p>, <div>) becomes line breaks and
 * the common entities are decoded, as in Amazon's relay form; anything else stays as written,
 * so a buyer's "<b>" is kept as text. Never rendered as HTML anywhere.
 */
export function textOf(message: string): string {
  const layout = /<\s*(?:br|p|div)\b[^>]*>|<\s*\/\s*(?:p|div)\s*>/i.test(message);
  let text = message.slice(0, MAX_TEXT);
  if (layout) {
    text = text
      .replace(/<\s*br\s*\/?\s*>/gi, '\n')
      .replace(/<\s*\/?\s*(?:p|div)\b[^>]*>/gi, '\n')
      .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_whole, name: string) => ENTITIES[name] ?? '');
  }
  return tidyLines(text);
}

/** A case with the order its /orderContext names. */
export function withOrderContext(data: CaseData, context: { caseId: string; orderId?: string; missing: readonly Missing[] }): CaseData {
  if (context.caseId !== data.caseId) return data;
  return { ...data, ...(context.orderId ? { orderId: context.orderId } : {}), missing: [...data.missing.filter((m) => m.field !== 'orderId'), ...context.missing] };
}

const norm = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();

/**
 * The page's reading + the app's JSON of the same case: the JSON wins for what it has (the order,
 * the marketplace, the messages and so whether a reply is pending); the DOM keeps what only it
 * has (the subject, the reply box). The JSON is for the same case when the case ids agree, or,
 * with no case id on the page, when the orders agree. A JSON message that does not say who wrote
 * it takes its sender from the same words read on the page; if any is still unknown, the page's
 * messages stay (and the gap is named). A page that could not be read is read from the JSON alone.
 */
export function mergeMessageThread(dom: MessageThreadSnapshot | Unrecognized, data: CaseData, url?: URL): MessageThreadSnapshot | Unrecognized {
  if (dom.kind === 'unrecognized') {
    // Only the case the URL opens: on a page we could not read, nothing else says which case is open.
    const open = url?.searchParams.get('cc')?.toLowerCase();
    if (open !== data.caseId) return dom;
    return threadFromJson(data, dom);
  }
  const sameCase = dom.caseId !== undefined ? dom.caseId === data.caseId : dom.orderId !== undefined && dom.orderId === data.orderId;
  if (!sameCase) return dom;

  const domSender = new Map(dom.messages.map((m) => [norm(m.text), m.sender]));
  const messages = data.messages.map((m) => (m.sender ? m : { ...m, sender: domSender.get(norm(m.text)) }));
  const allKnown = messages.length > 0 && messages.every((m) => m.sender !== undefined);
  const fromJson = new Set<string>([...(data.orderId ? ['orderId'] : []), ...(data.marketplace ? ['marketplace'] : [])]);
  if (allKnown) fromJson.add('messages');
  const last = messages.at(-1);
  return {
    ...dom,
    ...(data.marketplace ? { marketplace: data.marketplace } : {}),
    caseId: data.caseId,
    ...(data.orderId ? { orderId: data.orderId } : {}),
    ...(allKnown
      ? {
          messages: messages.map((m) => ({ sender: m.sender!, ...(m.time ? { time: m.time } : {}), text: m.text })),
          replyPending: last!.sender === 'buyer',
        }
      : {}),
    missing: [
      ...dom.missing.filter((m) => {
        const field = m.field.replace(/[[.].*$/, '');
        return !fromJson.has(field) && !(allKnown && (field === 'replyPending' || field === 'messages'));
      }),
      ...(allKnown ? data.missing.filter((m) => m.field.startsWith('messages')) : []),
      ...(!allKnown && messages.length > 0 ? [{ field: 'messages', reason: "the app's data does not say who wrote every message: the page's reading is kept", why: 'unreadable' as const }] : []),
    ],
    sources: ['dom', 'messaging-api'],
  };
}

/** A thread from the app's JSON alone, when the page itself could not be read. */
function threadFromJson(data: CaseData, dom: Unrecognized): MessageThreadSnapshot | Unrecognized {
  const known = data.messages.every((m) => m.sender !== undefined);
  if (!known && !data.orderId) return dom;
  const messages: Message[] = data.messages.flatMap((m) => (m.sender ? [{ sender: m.sender, ...(m.time ? { time: m.time } : {}), text: m.text }] : []));
  const last = data.messages.at(-1);
  return {
    kind: 'message-thread',
    ...(data.marketplace ? { marketplace: data.marketplace } : {}),
    caseId: data.caseId,
    ...(data.orderId ? { orderId: data.orderId } : {}),
    messages,
    ...(last?.sender ? { replyPending: last.sender === 'buyer' } : {}),
    missing: [
      { field: 'replyBox', reason: `the page could not be read (${dom.reason.slice(0, 120)}): no reply box`, why: 'unreadable' },
      ...data.missing,
      ...(last && !last.sender ? [{ field: 'replyPending', reason: 'the JSON does not say who wrote the last message', why: 'unreadable' as const }] : []),
    ],
    sources: ['messaging-api'],
  };
}
