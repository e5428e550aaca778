/**
 * Buyer–seller messaging readers (docs/seller-central-pages.md §4, §13).
 *
 * Nobody here has seen the messaging app's markup, so the conversation is found by what the page
 * holds, not by class names:
 *  - evidenced hooks first: the thread container `#case-messages` (B) and the reply box, a
 *    `kat-textarea` whose `textarea` is in an open shadow root (B); open shadow roots and
 *    same-origin frames are read as the page shows them (lib/pages/composed-text.ts);
 *  - a message is a time stamp (date and time in ja, en, de, fr, it, es: lib/pages/dates.ts
 *    findStamp) with a sender label next to it and its text around it; the messages of one
 *    conversation are the stamped blocks that sit together nearest the reply box;
 *  - the sender comes from the label only: the seller's own store and name (options, and the
 *    store the page header shows, A), sender words, "Amazon…", or the buyer's name as the case's
 *    subject names it (lib/pages/message-words.ts). A label that fits none is "cannot tell who
 *    wrote it": a message is never put under the buyer on a guess;
 *  - the open case's order id is the one nearest the conversation, leaving out lists that name
 *    several orders (the case list); Amazon's relay markers and boilerplate are cut from a
 *    message's text.
 * What could not be read is named in `missing`; a page that cannot be read whole says why.
 */
import { ORDER_ID_PATTERN, caseIdOf } from './page-type';
import { findStamp, isBareDate, type Stamp } from './dates';
import { pathTo, queryFirst, runSteps, searchRoots, textOf, type ReadRoot } from './dom';
import { ancestorAt, commonAncestor, contains, joinAtoms, readComposed, type ComposedText } from './composed-text';
import {
  AMAZON_LABEL,
  BUYER_NAME_LINE,
  BUYER_WORDS,
  CASE_STATUS,
  CONTACT_HEADING,
  ORDER_ID_LABEL,
  RELAY_BEGIN,
  RELAY_BOILERPLATE,
  RELATIVE_TIME,
  RELAY_END,
  ROLE_WORDS,
  SELLER_WORDS,
  SUBJECT_PATTERNS,
  normalizeLabel,
} from './message-words';
import { MissingList, toCount, zoneOf } from './read-common';
import { MAX_INBOX_CASES, readInboxCases } from './read-inbox-cases';
import { marketplaceOf } from './read-orders';
import { SELECTORS } from './selectors';
import { AMAZON_NAME, RESPONSE_NEEDED } from './wording';
import type { Message, MessageInboxSnapshot, MessageThreadSnapshot, ReadProblem, Unrecognized } from './snapshot';

/** What the seller told the options page: their store's name and their own, as they sign replies. */
export interface ReadInput {
  readonly storeName?: string;
  readonly sellerName?: string;
}

type Sender = Message['sender'];
const REPLY_BOX = SELECTORS.replyBox.css.join(', ');
const CASE_MESSAGES = SELECTORS.caseMessages.css.join(', ');
const ORDER_IDS = /(?<![\d-])(\d{3}-\d{7}-\d{7})(?![\d-])/g;
/** A text longer than this next to a stamp is a message's text, not its sender label. */
const LABEL_MAX = 60;

interface Block {
  /** The stamp atom. */
  readonly stampAtom: number;
  readonly stamp: Stamp;
  /** The block's element record: the message with its label, stamp and text. */
  record: number;
  /** The record the block sits in, shared by the messages of one list. */
  group: number;
}

interface Conversation {
  readonly blocks: Block[];
  /** The element the messages sit in. */
  readonly container: number;
}

interface Context {
  readonly page: ComposedText;
  readonly zone: string;
  readonly dayFirst: boolean;
  readonly sellerNames: readonly string[];
  /**
   * The seller's store and own name are both known (options, page header): a person's name that
   * is neither, nor a word for the seller, nor Amazon's, is the buyer's, as the seller would read it.
   */
  readonly sellerKnown: boolean;
  buyerNames: string[];
  stamps?: Array<{ atom: number; stamp: Stamp }>;
}

function unrecognized(problem: ReadProblem, reason: string): Unrecognized {
  return { kind: 'unrecognized', reason, problem };
}

/**
 * Any page of the messaging app: a conversation when the page holds one (whatever the URL says),
 * the inbox when it does not. A URL that opens a case but shows no conversation yet is reported
 * as not read (the app may still be loading), never as an inbox.
 */
export function readMessagingPage(root: ReadRoot, url: URL, input: ReadInput = {}): MessageThreadSnapshot | MessageInboxSnapshot | Unrecognized {
  return runSteps(readMessagingPageInSteps(root, url, input));
}

/**
 * `readMessagingPage` as steps (each a whole-page pass: the composed text, the conversation, the
 * messages, the case's own texts), for a caller that gives the page its main thread back between
 * them on a long thread or inbox. Its value is `readMessagingPage`'s.
 */
export function* readMessagingPageInSteps(root: ReadRoot, url: URL, input: ReadInput = {}): Generator<void, MessageThreadSnapshot | MessageInboxSnapshot | Unrecognized> {
  // One walk of the composed page serves both readings.
  const page = readComposed(root);
  yield;
  const thread = yield* readMessageThreadInSteps(root, url, input, page);
  if (thread.kind === 'message-thread') return thread;
  const namesCase = caseIdOf(url) !== undefined || /^\/messaging\/contact\/?$/.test(url.pathname);
  if (namesCase || thread.problem === 'messages-two-conversations') return thread;
  yield;
  const inbox = readMessageInbox(root, url, page);
  if (inbox.kind === 'message-inbox' && thread.problem && thread.problem !== 'messages-no-conversation') {
    return { ...inbox, missing: [...inbox.missing, { field: 'messages', reason: thread.reason, why: 'unreadable' }] };
  }
  return inbox;
}

export function readMessageThread(root: ReadRoot, url: URL, input: ReadInput = {}, page: ComposedText = readComposed(root)): MessageThreadSnapshot | Unrecognized {
  return runSteps(readMessageThreadInSteps(root, url, input, page));
}

function* readMessageThreadInSteps(root: ReadRoot, url: URL, input: ReadInput, page: ComposedText): Generator<void, MessageThreadSnapshot | Unrecognized> {
  const missing = new MissingList();
  const marketplace = marketplaceOf(root, url) ?? missing.add('marketplace', 'neither the host nor the page names it');
  const zone = zoneOf(marketplace);
  const context: Context = {
    page,
    zone,
    dayFirst: dayFirstOf(root, marketplace),
    sellerNames: sellerNamesOf(root, input),
    sellerKnown: sellerKnownOf(root, input),
    buyerNames: [],
  };

  const replyBoxes = findReplyBoxes(page);
  const openCase = caseIdOf(url);
  // The buyer's name, from the subject nearest the conversation's evidenced hooks, helps tell the
  // messages from the lists around them; it is read again once the conversation is found.
  const hook = caseMessagesOf(page).at(0) ?? replyBoxes.at(0);
  if (hook !== undefined) {
    const subject0 = nearestValue(
      page,
      hook,
      subjectCandidates(page, () => false),
      openCase,
    );
    context.buyerNames = buyerNamesOf(page, hook, () => false, subject0.value, openCase);
  }
  yield;
  const found = findConversation(context, replyBoxes);
  if (found === 'two') {
    return unrecognized('messages-two-conversations', 'two conversations are open on this page: neither is read, so their messages cannot be mixed');
  }
  const isContact = /^\/messaging\/contact\/?$/.test(url.pathname);
  const refused = found ? undefined : whyNoConversation(page, replyBoxes, isContact);
  if (refused) return refused;
  const conversation: Conversation = found ?? { blocks: [], container: replyBoxes[0]! };
  const anchor = conversation.blocks.length > 0 ? conversation.container : replyBoxes[0]!;

  yield;
  // The case's own texts: its subject, the buyer's name, its order.
  const inMessages = (atom: number) => conversation.blocks.some((b) => contains(page.records, b.record, page.atoms[atom]!.owner));
  const subject = nearestValue(page, anchor, subjectCandidates(page, inMessages), openCase);
  context.buyerNames = buyerNamesOf(page, anchor, inMessages, subject.value, openCase);

  yield;
  const { messages, senders } = readMessages(context, conversation, missing);
  yield;

  const summaryStamps = summaryLines(context, conversation, inMessages);
  const orderId = orderIdOf(page, anchor, url, inMessages, conversation, openCase, summaryStamps) ?? missing.add('orderId', 'no order id next to the conversation (or several)');
  if (!subject.value) missing.add('subject', subject.ambiguous ? 'several subjects next to the conversation' : 'no subject found');
  const replyBox = replyBoxes.length > 0 ? replyBoxOf(page, replyBoxes, conversation) : undefined;
  if (!replyBox) missing.add('replyBox', 'no reply box (kat-textarea, textarea or contenteditable) found');
  if (conversation.blocks.length === 0 && !isContact) missing.add('messages', 'no dated message found next to the reply box', 'not-found');
  if (page.blockedFrames > 0 && conversation.blocks.length === 0) missing.add('messages', 'a frame from another site could not be read', 'unreadable');

  const lastSender = senders.at(-1);
  if (senders.length > 0 && lastSender === undefined) missing.add('replyPending', 'cannot tell who wrote the last message', 'unreadable');
  return {
    kind: 'message-thread',
    ...(marketplace ? { marketplace } : {}),
    ...(openCase ? { caseId: openCase } : {}),
    ...(subject.value ? { subject: subject.value.slice(0, 2000) } : {}),
    ...(orderId ? { orderId } : {}),
    messages,
    ...(lastSender ? { replyPending: lastSender === 'buyer' } : {}),
    ...(replyBox ? { replyBox } : {}),
    missing: missing.items,
    sources: ['dom'],
  };
}

/**
 * When no conversation was found: why the page is not read (no reply box either, outside the
 * contact page; or several reply boxes), or nothing when it is read without messages (a single
 * reply box, or the contact page).
 */
function whyNoConversation(page: ComposedText, replyBoxes: readonly number[], isContact: boolean): Unrecognized | undefined {
  if (replyBoxes.length === 0 && !isContact) {
    if (page.blockedFrames > 0) return unrecognized('messages-frame-blocked', 'the page has a frame from another site, which cannot be read: the conversation may be in it');
    if (page.truncated) return unrecognized('messages-page-too-large', 'the page is too large to read whole, and no conversation was found in the part read');
    return unrecognized('messages-no-conversation', 'no conversation on this page (no messages and no reply box; the messaging app may still be loading)');
  }
  if (replyBoxes.length > 1) {
    return unrecognized('messages-two-conversations', 'several reply boxes and no single conversation: nothing is read, so no message is put in the wrong place');
  }
  return undefined;
}

/**
 * The conversation's messages, oldest first, and the sender of each block (undefined where it
 * cannot be told: that block is no message, and named in `missing`, as are cut texts and missing times).
 */
function readMessages(context: Context, conversation: Conversation, missing: MissingList): { messages: Message[]; senders: Array<Sender | undefined> } {
  const messages: Message[] = [];
  const senders: Array<Sender | undefined> = [];
  const reads = settleSenders(
    context,
    conversation.blocks.map((block) => readBlock(context, block)),
  );
  conversation.blocks.forEach((block, index) => {
    const read = reads[index]!;
    senders.push(read.sender);
    if (!read.sender) {
      missing.add(`messages[${index}]`, read.reason ?? 'cannot tell who wrote it', 'unreadable');
      return;
    }
    if (read.cut) missing.add(`messages[${index}].text`, 'the message is longer than 20,000 characters: only its start was read', 'unreadable');
    if (!block.stamp.instant) missing.add(`messages[${index}].time`, block.stamp.why ?? 'no time shown', 'unreadable');
    messages.push({ sender: read.sender, ...(block.stamp.instant ? { time: block.stamp.instant } : {}), text: read.text });
  });
  // A list that shows the newest message first is read oldest first, as the stamps say.
  if (newestFirst(conversation.blocks)) {
    messages.reverse();
    senders.reverse();
  }
  return { messages, senders };
}

// ---------------------------------------------------------------------------------------------
// Where the conversation is

function findReplyBoxes(page: ComposedText): number[] {
  const boxes: number[] = [];
  page.records.forEach((record, index) => {
    const element = record.element;
    if (!element.matches(REPLY_BOX)) return;
    if (element.hasAttribute('readonly') || element.hasAttribute('disabled')) return;
    // The textarea inside a kat-textarea (or an editor inside an editor) is the same box.
    if (boxes.some((outer) => contains(page.records, outer, index))) return;
    boxes.push(index);
  });
  return boxes;
}

/** Every atom that carries a message time stamp, with the stamp (read once per page). */
function stampAtoms(context: Context, within?: number): Array<{ atom: number; stamp: Stamp }> {
  const { page } = context;
  context.stamps ??= findStamps(context);
  if (within === undefined) return context.stamps;
  const record = page.records[within]!;
  return context.stamps.filter((s) => s.atom >= record.atomStart && s.atom < record.atomEnd);
}

function findStamps(context: Context): Array<{ atom: number; stamp: Stamp }> {
  const { page } = context;
  const found: Array<{ atom: number; stamp: Stamp }> = [];
  for (let i = 0; i < page.atoms.length; i++) {
    const text = page.atoms[i]!.clean;
    if (text.length > 160 || !/\d/.test(text)) continue;
    const stamp = findStamp(text, context.zone, context.dayFirst);
    if (!stamp) continue;
    const rest = (stamp.normalised.slice(0, stamp.start) + ' ' + stamp.normalised.slice(stamp.end)).trim();
    if (rest.length > LABEL_MAX || rest.split(/\s+/).length > 8) continue;
    // "Purchase date: …" is a field of an order, not a message's time.
    if (/[:：]$/.test(stamp.normalised.slice(0, stamp.start).trim()) && classifyLabel(context, rest, false) === undefined) continue;
    found.push({ atom: i, stamp });
  }
  return found;
}

/**
 * Each stamp's block is the largest element around it that holds no other stamp; the blocks that
 * sit side by side in one element are one list.
 */
function blocksOf(context: Context, stamps: Array<{ atom: number; stamp: Stamp }>, bound: number): Block[] {
  const { records, atoms } = context.page;
  const boundDepth = bound >= 0 ? records[bound]!.depth : -1;
  const owners = stamps.map((s) => atoms[s.atom]!.owner);
  return stamps.map((s, i) => {
    let depth = boundDepth;
    for (const j of [i - 1, i + 1]) {
      if (j < 0 || j >= stamps.length) continue;
      const common = commonAncestor(records, owners[i]!, owners[j]!);
      if (common >= 0) depth = Math.max(depth, records[common]!.depth);
    }
    const owner = owners[i]!;
    const record = records[owner]!.depth > depth ? ancestorAt(records, owner, depth + 1) : owner;
    const group = records[owner]!.depth > depth ? ancestorAt(records, owner, depth) : records[owner]!.parent;
    return { stampAtom: s.atom, stamp: s.stamp, record, group };
  });
}

/**
 * A block alone in its list (a one-message conversation, an order panel's date) reaches up to
 * whatever holds it: bring it down to the smallest element around its stamp that holds text
 * besides the stamp and its label.
 */
function tighten(context: Context, block: Block): void {
  const { records, atoms } = context.page;
  let current = atoms[block.stampAtom]!.owner;
  while (current !== block.record && current >= 0) {
    const record = records[current]!;
    for (let i = record.atomStart; i < record.atomEnd; i++) {
      if (i === block.stampAtom || isAvatar(atoms, i)) continue;
      const text = atoms[i]!.clean;
      if (text.length > LABEL_MAX || (classifyLabel(context, text, false) === undefined && !isPersonName(text))) {
        block.record = current;
        return;
      }
    }
    current = record.parent;
  }
}

function findConversation(context: Context, replyBoxes: readonly number[]): Conversation | 'two' | undefined {
  const { page } = context;
  const containers = caseMessagesOf(page);
  const withStamps = containers.filter((c) => stampAtoms(context, c).length > 0);
  if (withStamps.length > 1) return 'two';
  if (withStamps.length === 1) {
    const container = withStamps[0]!;
    const blocks = blocksOf(context, stampAtoms(context, container), container);
    if (blocks.length === 1) tighten(context, blocks[0]!);
    return { blocks, container };
  }
  if (replyBoxes.length === 0) return undefined;

  const blocks = blocksOf(context, stampAtoms(context), -1);
  const byGroup = new Map<number, Block[]>();
  for (const block of blocks) byGroup.set(block.group, [...(byGroup.get(block.group) ?? []), block]);
  // A block alone in its list, or one that reaches a reply box (one message in each of two
  // conversations), is brought down to its message; its list is then what holds it.
  const holdsReplyBox = (block: Block) => replyBoxes.some((box) => contains(page.records, block.record, box));
  const groups = new Map<number, Block[]>();
  for (const [group, members] of byGroup) {
    if (members.length > 1 && !members.some(holdsReplyBox)) {
      groups.set(group, members);
      continue;
    }
    if (members.length > 1) {
      for (const block of members) {
        tighten(context, block);
        block.group = page.records[block.record]!.parent;
        groups.set(block.group, [...(groups.get(block.group) ?? []), block]);
      }
      continue;
    }
    const block = members[0]!;
    tighten(context, block);
    block.group = page.records[block.record]!.parent;
    groups.set(block.group, [...(groups.get(block.group) ?? []), block]);
  }

  // For each reply box, the lists nearest to it; among those, the one whose senders can be told.
  const chosen = new Set<number>();
  for (const box of replyBoxes) {
    let bestDepth = -1;
    for (const group of groups.keys()) bestDepth = Math.max(bestDepth, lcaDepth(page, group, box));
    const nearest = [...groups.entries()].filter(([group]) => lcaDepth(page, group, box) === bestDepth);
    const scored = nearest
      .map(([group, members]) => ({ group, known: members.filter((b) => blockLabel(context, b).sender !== undefined).length }))
      .filter((g) => g.known > 0)
      .sort((a, b) => b.known - a.known);
    if (scored.length === 0) continue;
    if (scored.length > 1 && scored[1]!.known === scored[0]!.known) return 'two';
    chosen.add(scored[0]!.group);
  }
  if (chosen.size > 1) return 'two';
  if (chosen.size === 0) return undefined;
  const group = [...chosen][0]!;
  return { blocks: groups.get(group)!, container: group };
}

function caseMessagesOf(page: ComposedText): number[] {
  return page.records.flatMap((r, i) => (r.element.id !== '' && r.element.matches(CASE_MESSAGES) ? [i] : []));
}

/**
 * Lines that sum up a case, outside the open conversation: a dated line of its own (a stamp not
 * written "Purchase date: …", a bare date, "2 hours ago") or a case status ("Resolved on …").
 * A case list's rows have them; an order panel and the conversation's header have none.
 */
function summaryLines(context: Context, conversation: Conversation, inMessages: (atom: number) => boolean): number[] {
  const { page } = context;
  const stamps = new Map(stampAtoms(context).map((s) => [s.atom, s.stamp]));
  const lines: number[] = [];
  page.atoms.forEach((atom, i) => {
    if (inMessages(i) || conversation.blocks.some((b) => b.stampAtom === i)) return;
    const stamp = stamps.get(i);
    const text = atom.clean;
    if ((stamp && !/[:：]\s*$/.test(stamp.normalised.slice(0, stamp.start))) || (text.length <= 60 && (RELATIVE_TIME.test(text) || CASE_STATUS.test(text) || isBareDate(text, context.dayFirst)))) {
      lines.push(i);
    }
  });
  return lines;
}

function lcaDepth(page: ComposedText, a: number, b: number): number {
  const common = commonAncestor(page.records, a, b);
  return common >= 0 ? page.records[common]!.depth : -1;
}

/** A list that shows the newest message first: its stamps only ever go back in time. */
function newestFirst(blocks: readonly Block[]): boolean {
  const stamps = blocks.map((b) => b.stamp);
  // Stamps with and without a year cannot be put in one order; today's times come after both.
  if (new Set(stamps.filter((s) => s.kind !== 'time').map((s) => s.kind)).size > 1 || stamps.length < 2) return false;
  const keys = stamps.map((s) => (s.kind === 'time' ? 1e15 + s.key : s.key));
  for (let i = 1; i < keys.length; i++) if (keys[i]! > keys[i - 1]!) return false;
  return keys[0]! > keys.at(-1)!;
}

// ---------------------------------------------------------------------------------------------
// One message: its sender and its text

const isInitials = (text: string) => /^[\p{Lu}\p{Lo}]{1,2}$/u.test(text);

interface Classified {
  readonly sender: Sender;
  /** Told by elimination: a person's name that is not the seller's (see Context.sellerKnown). */
  readonly eliminated?: boolean;
}

function classifyLabel(context: Context, raw: string, eliminate = true): Sender | undefined {
  return classifyLabelHow(context, raw, eliminate)?.sender;
}

/** `eliminate`: a label right next to a stamp may be taken for the buyer's by elimination; a line elsewhere may not. */
function classifyLabelHow(context: Context, raw: string, eliminate = true): Classified | undefined {
  const label = normalizeLabel(raw);
  if (label === '' || label.length > LABEL_MAX) return undefined;
  // "Kumo Craft Store (you)" is the seller's; a sentence that names the store is not a label.
  const withName = (name: string) => label === name || (name.length >= 3 && label.includes(name) && label.length <= name.length + 16);
  if (context.sellerNames.some(withName)) return { sender: 'seller' };
  if (SELLER_WORDS.has(label)) return { sender: 'seller' };
  const word = /^(?:(.+?)\s*[(（](.+)[)）]|(.+?)\s+[·|-]\s+(.+))$/u.exec(label);
  const parts = word ? [word[2] ?? word[4]!, word[1] ?? word[3]!] : [];
  if (BUYER_WORDS.has(label) || parts.some((p) => BUYER_WORDS.has(p))) return { sender: 'buyer' };
  if (parts.some((p) => SELLER_WORDS.has(p))) return { sender: 'seller' };
  if (AMAZON_LABEL.test(label)) return { sender: 'amazon' };
  if (context.buyerNames.some((name) => sameName(label, name))) return { sender: 'buyer' };
  // "Purchase date:" before a date is a field's label, not a sender's.
  const field = /[:：]\s*$/.test(raw.trim());
  if (eliminate && !field && context.sellerKnown && isPersonName(raw) && !nearSellerName(context, label)) return { sender: 'buyer', eliminated: true };
  return undefined;
}

/**
 * A label that may be one of the seller's names cut or turned round ("Kumo" for "Kumo Craft
 * Store", "Sato Ken" for "Ken Sato"): never the buyer's by elimination.
 */
function nearSellerName(context: Context, label: string): boolean {
  const words = (text: string) => text.split(/[\s,.]+/).filter((w) => w !== '');
  return context.sellerNames.some((name) => name.includes(label) || label.includes(name) || words(label).every((w) => words(name).some((n) => n.startsWith(w))));
}

/**
 * A person's name as a label shows it: at most four words of letters, each Latin word capitalised
 * (but for particles such as "de" or "van"), no sentence. Takes the label as written.
 */
function isPersonName(written: string): boolean {
  const text = written
    .normalize('NFKC')
    .replace(/^[\s·•|:\-–—,]+|[\s·•|:\-–—,]+$/g, '')
    .replace(/\s+/g, ' ');
  const label = text.toLowerCase();
  if (text.length < 2 || text.length > 40 || AMAZON_NAME.test(text) || /\d/.test(text) || ROLE_WORDS.test(text)) return false;
  if (SELLER_WORDS.has(label) || BUYER_WORDS.has(label) || /^\p{Lu}{1,2}$/u.test(text)) return false;
  if (!/^\p{L}[\p{L}\p{M}'’ -]*(?:\.\s?\p{L}[\p{L}\p{M}'’ -]*)*$/u.test(text)) return false;
  const words = text.split(' ');
  const PARTICLES = /^(?:de|del|della|di|da|do|dos|van|von|der|den|la|le|y|e|bin|al)$/;
  // Latin names are capitalised; a Japanese or Chinese name's parts are short (a sentence is not).
  const fits = (w: string) => (/^\p{Script=Latin}/u.test(w) ? /^\p{Lu}/u.test(w) || PARTICLES.test(w) : [...w].length <= 6);
  return words.length <= 4 && words.every(fits);
}

function sameName(label: string, name: string): boolean {
  if (label === name) return true;
  const first = (s: string) => s.split(/[\s,]+/)[0]!;
  // "Jane" for "Jane Miller", and "Jane Miller" for a subject that names only "Jane".
  return (first(name).length >= 2 && label === first(name)) || (first(label).length >= 2 && first(label) === name);
}

interface LabelRead {
  readonly sender?: Sender;
  readonly eliminated?: boolean;
  /** The label is only a guess from the first line of the text (kept in the text unless settled). */
  readonly firstLine?: boolean;
  /** The label as written. */
  readonly text?: string;
  /** Atoms that belong to the label, not the text. */
  readonly atoms: readonly number[];
  readonly reason?: string;
}

/** "JM" for "Jane Miller", 「佐健」 for 「佐藤 健」, 「高」 for 「高橋」: what an avatar shows. */
function initialsOf(label: string): string[] {
  const words = label
    .trim()
    .split(/[\s·|,]+/)
    .filter((w) => w !== '');
  if (words.length === 0) return [];
  const first = [...words[0]!][0]!;
  const joined = words
    .slice(0, 2)
    .map((w) => [...w][0]!)
    .join('');
  return [first.toUpperCase(), joined.toUpperCase()];
}

/** An avatar beside a label: one or two letters that abbreviate the atom next to it. */
function isAvatar(atoms: ComposedText['atoms'], index: number, label?: string): boolean {
  const text = atoms[index]!.clean;
  if (!isInitials(text)) return false;
  const near = [label, atoms[index + 1]?.clean, atoms[index - 1]?.clean].filter((t): t is string => t !== undefined && t !== text);
  return near.some((n) => initialsOf(n).includes(text.toUpperCase()));
}

function blockLabel(context: Context, block: Block): LabelRead {
  const { records, atoms } = context.page;
  const stampText = block.stamp.normalised;
  const rest = (stampText.slice(0, block.stamp.start) + ' ' + stampText.slice(block.stamp.end)).trim();
  // 1. The label written with the stamp ("Jane · Nov 5, 2026, 9:14 PM").
  if (normalizeLabel(rest) !== '') {
    const how = classifyLabelHow(context, rest);
    if (how) return { ...how, text: rest, atoms: [] };
  }
  // 2. The label beside the stamp, in a small header of their own (with the text outside it).
  let meta = atoms[block.stampAtom]!.owner;
  while (meta !== block.record && records[meta]!.atomEnd - records[meta]!.atomStart < 2) meta = records[meta]!.parent;
  const block_ = records[block.record]!;
  const metaRecord = records[meta]!;
  const bodyOutside = block_.atomEnd - block_.atomStart > metaRecord.atomEnd - metaRecord.atomStart;
  if (meta !== block.record && bodyOutside) {
    const metaAtoms: number[] = [];
    for (let i = metaRecord.atomStart; i < metaRecord.atomEnd; i++) if (i !== block.stampAtom) metaAtoms.push(i);
    if (metaAtoms.length <= 4 && metaAtoms.every((i) => atoms[i]!.clean.length <= LABEL_MAX)) {
      const texts = metaAtoms.map((i) => atoms[i]!.clean);
      const labels = metaAtoms.filter((i) => !texts.some((t) => t !== atoms[i]!.clean && isInitials(atoms[i]!.clean) && initialsOf(t).includes(atoms[i]!.clean.toUpperCase())));
      const hows = labels.map((i) => classifyLabelHow(context, atoms[i]!.clean)).filter((h) => h !== undefined);
      const senders = new Set(hows.map((h) => h.sender));
      // With only an avatar beside it, the label is the one written with the stamp.
      const text = labels.map((i) => atoms[i]!.clean).join(' ') || rest;
      if (senders.size === 1) return { ...(hows.find((h) => !h.eliminated) ?? hows[0]!), text, atoms: metaAtoms };
      if (senders.size > 1) return { text, atoms: metaAtoms, reason: 'its label names more than one sender' };
      return { text, atoms: metaAtoms, reason: 'its sender label is not one Seller Sidekick knows' };
    }
  }
  // 3. The label above the text, the stamp below it (an avatar may come first).
  if (block.stampAtom === block_.atomEnd - 1 && block_.atomEnd - block_.atomStart >= 3) {
    let first = block_.atomStart;
    if (isAvatar(atoms, first)) first++;
    const text = atoms[first]!.clean;
    if (first < block.stampAtom - 1 && text.length <= LABEL_MAX) {
      const how = classifyLabelHow(context, text);
      if (how) return { ...how, text, atoms: first > block_.atomStart ? [block_.atomStart, first] : [first] };
    }
  }
  if (normalizeLabel(rest) !== '') return { text: rest, atoms: [], reason: 'its sender label is not one Seller Sidekick knows' };
  // A short first line above the text may be a label nobody knows: the conversation decides
  // (settleSenders takes it only when several messages start with it).
  if (block.stampAtom === block_.atomEnd - 1 && block_.atomEnd - block_.atomStart >= 3) {
    const first = isAvatar(atoms, block_.atomStart) ? block_.atomStart + 1 : block_.atomStart;
    if (first < block.stampAtom - 1 && atoms[first]!.clean.length <= LABEL_MAX) {
      return { text: atoms[first]!.clean, atoms: first > block_.atomStart ? [block_.atomStart, first] : [first], firstLine: true, reason: 'no sender label next to its time' };
    }
  }
  return { atoms: [], reason: 'no sender label next to its time' };
}

interface BlockRead {
  sender?: Sender;
  eliminated?: boolean;
  /** The label, normalised (lower case), and as written. */
  label?: string;
  written?: string;
  /** The label is the first line of the text, and the text without it. */
  firstLine?: { text: string };
  text: string;
  cut: boolean;
  reason?: string;
}

function readBlock(context: Context, block: Block): BlockRead {
  const { records, atoms } = context.page;
  const label = blockLabel(context, block);
  const record = records[block.record]!;
  const skip = new Set([block.stampAtom, ...(label.firstLine ? [] : label.atoms)]);
  const body: number[] = [];
  for (let i = record.atomStart; i < record.atomEnd; i++) {
    if (skip.has(i)) continue;
    // An avatar next to the label or the stamp is not the text.
    if (Math.abs(i - block.stampAtom) <= 2 && isAvatar(atoms, i, label.text)) continue;
    body.push(i);
  }
  const cut = body.some((i) => atoms[i]!.cut);
  const labelAtoms = new Set(label.atoms);
  return {
    ...(label.firstLine
      ? {
          firstLine: {
            text: relayText(
              joinAtoms(
                atoms,
                body.filter((i) => !labelAtoms.has(i)),
              ),
            ).slice(0, 20_000),
          },
        }
      : {}),
    ...(label.sender ? { sender: label.sender } : {}),
    ...(label.eliminated ? { eliminated: true } : {}),
    ...(label.text ? { label: normalizeLabel(label.text), written: label.text } : {}),
    text: relayText(joinAtoms(atoms, body)).slice(0, 20_000),
    cut,
    ...(label.reason ? { reason: label.reason } : {}),
  };
}

/**
 * Who wrote what, over the whole conversation: the two parties each sign with one label.
 *  - A name taken for the buyer by elimination is dropped when the buyer's messages carry another
 *    label, or when two different names were taken so (one of them may be the seller's staff).
 *  - With the seller's label seen in the conversation, one other person's name that is neither the
 *    seller's nor a team's nor Amazon's is the buyer's.
 */
function settleSenders(context: Context, reads: BlockRead[]): BlockRead[] {
  const direct = new Set(reads.filter((r) => r.sender === 'buyer' && !r.eliminated && r.label).map((r) => r.label!));
  const eliminated = new Set(reads.filter((r) => r.eliminated && r.label).map((r) => r.label!));
  const conflict = eliminated.size > 1 || [...eliminated].some((l) => direct.size > 0 && ![...direct].some((d) => sameName(l, d)));
  const settled = reads.map((r) => (r.eliminated && conflict ? { ...r, sender: undefined, eliminated: false, reason: 'two different names could each be the buyer' } : r));
  const sellerLabels = new Set(settled.filter((r) => r.sender === 'seller' && r.label).map((r) => r.label!));
  // A first line counts as a label only when several messages start with it.
  const firstLines = settled.filter((r) => !r.sender && r.firstLine && r.label);
  const repeated = (label: string) => firstLines.filter((r) => r.label === label).length >= 2;
  const unknownReads = settled.filter((r) => !r.sender && r.label && (!r.firstLine || repeated(r.label)));
  const unknown = new Set(unknownReads.map((r) => r.label!));
  if (sellerLabels.size !== 1 || unknown.size !== 1 || unknownReads.length !== settled.filter((r) => !r.sender).length) return settled;
  const name = [...unknown][0]!;
  const buyerLabels = new Set(settled.filter((r) => r.sender === 'buyer' && r.label).map((r) => r.label!));
  const written = unknownReads.find((r) => r.label === name)!.written ?? name;
  if (!isPersonName(written) || nearSellerName(context, name) || [...buyerLabels].some((b) => !sameName(name, b))) return settled;
  return settled.map((r) => (!r.sender && r.label === name ? { ...r, sender: 'buyer' as const, eliminated: true, reason: undefined, text: r.firstLine ? r.firstLine.text : r.text } : r));
}

/** The buyer's own words out of Amazon's relay form: between the markers, without the boilerplate. */
export function relayText(text: string): string {
  let out = text;
  const begin = RELAY_BEGIN.exec(out);
  if (begin) out = out.slice(begin.index + begin[0].length);
  const end = RELAY_END.exec(out);
  if (end) out = out.slice(0, end.index);
  const boiler = RELAY_BOILERPLATE.exec(out);
  if (boiler) out = out.slice(0, boiler.index);
  return out.trim();
}

// ---------------------------------------------------------------------------------------------
// The case's own texts, nearest the conversation

interface Candidate {
  readonly record: number;
  readonly value: string;
}

/**
 * The one value nearest to `anchor`: candidates are taken level by level going up from it; at
 * each level, a branch that holds several different values (a list of cases) is left out; the
 * first level with exactly one value left gives it, a level with two is ambiguous.
 */
function nearestValue(
  page: ComposedText,
  anchor: number,
  candidates: readonly Candidate[],
  openCase: string | undefined,
  skip: (branch: number) => boolean = () => false,
): { value?: string; ambiguous: boolean } {
  const { records } = page;
  const byLevel = new Map<number, Candidate[]>();
  for (const c of candidates) {
    const level = lcaDepth(page, c.record, anchor);
    byLevel.set(level, [...(byLevel.get(level) ?? []), c]);
  }
  for (const level of [...byLevel.keys()].sort((a, b) => b - a)) {
    const here = byLevel.get(level)!;
    const branches = new Map<number, Set<string>>();
    for (const c of here) {
      const branch = records[c.record]!.depth > level ? ancestorAt(records, c.record, level + 1) : c.record;
      branches.set(branch, (branches.get(branch) ?? new Set()).add(c.value));
    }
    const values = new Set<string>();
    for (const [branch, set] of branches) {
      if (set.size > 1 || linksToOtherCase(page, branch, openCase) || skip(branch)) continue;
      set.forEach((v) => values.add(v));
    }
    if (values.size === 1) return { value: [...values][0]!, ambiguous: false };
    if (values.size > 1) return { ambiguous: true };
  }
  return { ambiguous: false };
}

const CASE_LINK = /[?&](?:cc|ss)=([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

/** A branch with a link that opens another case than the open one (a row of the case list). */
function linksToOtherCase(page: ComposedText, branch: number, openCase: string | undefined): boolean {
  const { records } = page;
  const end = branchEnd(records, branch);
  for (let i = branch; i < end; i++) {
    const element = records[i]!.element;
    if (element.tagName !== 'A') continue;
    const linked = CASE_LINK.exec(element.getAttribute('href') ?? '')?.[1]?.toLowerCase();
    if (linked && linked !== openCase) return true;
  }
  return false;
}

/** Records are in document order: a record's subtree is the run after it that is deeper. */
function branchEnd(records: ComposedText['records'], index: number): number {
  const depth = records[index]!.depth;
  let end = index + 1;
  while (end < records.length && records[end]!.depth > depth) end++;
  return end;
}

function subjectCandidates(page: ComposedText, inMessages: (atom: number) => boolean): Candidate[] {
  const out: Candidate[] = [];
  page.atoms.forEach((atom, i) => {
    if (atom.clean.length > 300 || atom.clean.length < 8 || inMessages(i)) return;
    if (SUBJECT_PATTERNS.some((p) => p.test(atom.clean))) out.push({ record: atom.owner, value: atom.clean });
  });
  return out;
}

function buyerNamesOf(page: ComposedText, anchor: number, inMessages: (atom: number) => boolean, subject: string | undefined, openCase: string | undefined): string[] {
  const names = new Set<string>();
  const add = (name: string | undefined) => {
    const clean = normalizeLabel(name ?? '');
    if (clean.length >= 2 && !AMAZON_LABEL.test(clean) && !BUYER_WORDS.has(clean)) names.add(clean);
  };
  if (subject) for (const pattern of SUBJECT_PATTERNS) add(pattern.exec(subject)?.groups?.name);
  const lines: Candidate[] = [];
  page.atoms.forEach((atom, i) => {
    if (atom.clean.length > 120 || inMessages(i)) return;
    const name = BUYER_NAME_LINE.exec(atom.clean)?.groups?.name ?? CONTACT_HEADING.exec(atom.clean)?.groups?.name;
    if (name) lines.push({ record: atom.owner, value: name });
  });
  add(nearestValue(page, anchor, lines, openCase).value);
  return [...names];
}

function orderIdOf(
  page: ComposedText,
  anchor: number,
  url: URL,
  inMessages: (atom: number) => boolean,
  conversation: Conversation,
  openCase: string | undefined,
  summaryStamps: readonly number[],
): string | undefined {
  const fromUrl = url.searchParams.get('orderID') ?? '';
  if (/^\/messaging\/contact\/?$/.test(url.pathname) && ORDER_ID_PATTERN.test(fromUrl)) return fromUrl;
  const outside: Candidate[] = [];
  page.atoms.forEach((atom, i) => {
    if (inMessages(i)) return;
    for (const m of atom.clean.matchAll(ORDER_IDS)) outside.push({ record: atom.owner, value: m[1]! });
  });
  page.records.forEach((record, index) => {
    if (record.element.tagName !== 'A') return;
    const id = /\/orders-v3\/order\/(\d{3}-\d{7}-\d{7})/.exec(record.element.getAttribute('href') ?? '')?.[1];
    if (id && !conversation.blocks.some((b) => contains(page.records, b.record, index))) outside.push({ record: index, value: id });
  });
  // A branch with a dated line of its own (not "Purchase date: …") sums up a case: another case's
  // row, or the open one's, which cannot be told apart. Its order ids are not taken.
  const summaries = summaryStamps;
  const summarises = (branch: number) => {
    const record = page.records[branch]!;
    return summaries.some((atom) => atom >= record.atomStart && atom < record.atomEnd);
  };
  const near = nearestValue(page, anchor, outside, openCase, summarises);
  if (near.value || near.ambiguous) return near.value;
  // A search by order id opens that order's case (SELLER-CENTRAL-PAGES.md §13, B).
  const searched = url.searchParams.get('fi') === 'search' ? (url.searchParams.get('ss') ?? '') : '';
  if (ORDER_ID_PATTERN.test(searched)) return searched;
  // Last: an "Order ID: …" line in the messages themselves (Amazon's relay form, A).
  const labelled: Candidate[] = [];
  page.atoms.forEach((atom, i) => {
    if (!inMessages(i)) return;
    for (const m of atom.clean.matchAll(ORDER_IDS)) {
      if (ORDER_ID_LABEL.test(atom.clean.slice(Math.max(0, m.index - 30), m.index))) labelled.push({ record: atom.owner, value: m[1]! });
    }
  });
  const ids = new Set(labelled.map((c) => c.value));
  return ids.size === 1 ? [...ids][0] : undefined;
}

function replyBoxOf(page: ComposedText, boxes: readonly number[], conversation: Conversation): MessageThreadSnapshot['replyBox'] {
  const box = conversation.blocks.length > 0 ? [...boxes].sort((a, b) => lcaDepth(page, b, conversation.container) - lcaDepth(page, a, conversation.container))[0]! : boxes[0]!;
  const element = page.records[box]!.element;
  const tag = element.tagName.toUpperCase();
  const kind = tag === 'KAT-TEXTAREA' ? 'kat-textarea' : tag === 'TEXTAREA' ? 'textarea' : 'contenteditable';
  const rootNode = element.getRootNode();
  const nested = rootNode !== element.ownerDocument || element.ownerDocument !== page.records[0]?.element.ownerDocument;
  return { kind, path: pathTo(element).slice(0, 2000), nested };
}

// ---------------------------------------------------------------------------------------------
// Context

function dayFirstOf(root: ReadRoot, marketplace: string | undefined): boolean {
  const doc = 'documentElement' in root ? (root as Document) : (root as Node).ownerDocument;
  const lang = doc?.documentElement?.getAttribute('lang') ?? '';
  if (/^en-(US|PH)$/i.test(lang)) return false;
  if (/^[a-z]{2}-/i.test(lang) || (lang !== '' && !/^en$/i.test(lang))) return true;
  return marketplace !== 'US';
}

function sellerKnownOf(root: ReadRoot, input: ReadInput): boolean {
  const store = normalizeLabel(input.storeName ?? '') || normalizeLabel(textOf(queryFirst(root, ['#partner-switcher .dropdown-button b'], true)));
  return store.length >= 2 && !/redacted/i.test(store) && normalizeLabel(input.sellerName ?? '').length >= 2;
}

function sellerNamesOf(root: ReadRoot, input: ReadInput): string[] {
  const names = [input.storeName, input.sellerName];
  // The store the account switcher shows (A: JP header capture).
  const switcher = queryFirst(root, ['#partner-switcher .dropdown-button b'], true);
  names.push(textOf(switcher));
  return [...new Set(names.map((n) => normalizeLabel(n ?? '')).filter((n) => n.length >= 2 && !/redacted/i.test(n)))];
}

// ---------------------------------------------------------------------------------------------
// The inbox

export function readMessageInbox(root: ReadRoot, url: URL, page: ComposedText = readComposed(root)): MessageInboxSnapshot | Unrecognized {
  const text = searchRoots(root)
    .map((r) => textOf('body' in r && r.body ? r.body : (r as Element)))
    .join(' ');
  const count = toCount(RESPONSE_NEEDED.exec(text)?.[1]);
  const missing = new MissingList();
  const marketplace = marketplaceOf(root, url) ?? missing.add('marketplace', 'neither the host nor the page names it');
  if (count === undefined) missing.add('responseNeeded', 'no "Response needed" count on the page');
  const listed = readInboxCases(root, page);
  if (listed.cut > 0) missing.add('cases', `the page lists more than ${MAX_INBOX_CASES} cases: ${listed.cut} were not read`, 'unreadable');
  const cases = listed.rows.map((row) => ({ ...row, source: 'dom' as const }));
  return {
    kind: 'message-inbox',
    ...(marketplace ? { marketplace } : {}),
    ...(count !== undefined ? { responseNeeded: count } : {}),
    ...(cases.length > 0 ? { cases } : {}),
    ...(/^response_?needed$/i.test(url.searchParams.get('fi') ?? '') ? { responseNeededView: true } : {}),
    missing: missing.items,
    sources: ['dom'],
  };
}
