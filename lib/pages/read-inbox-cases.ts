/**
 * The cases an inbox page lists, read by content, not by class names (the messaging app's markup
 * is not known: docs/seller-central-pages.md §4). A case row is the largest element around one
 * order id that holds no other order id, among at least two such rows under one parent: the shape
 * of any list of conversations, whatever its tags. Where the page gives no order ids, rows are the
 * links that open a case (`cc=` or `ss=` with a case id, B). Each row gives what it shows: its
 * order, its case, its first line (a subject or the buyer's name) and the rest of its text (a
 * preview of the last message, when the app shows one). Pure.
 *
 * Never guessed: a row whose text is only its order id and a time gives no preview; a list where
 * one element holds two order ids is not a list of cases. The status "Resolved on …" is read from
 * its evidenced place (`.case-status-label`, C) and the English words only.
 */
import { contains, readComposed, type ComposedText } from './composed-text';
import type { ReadRoot } from './dom';
import { CASE_ID } from './page-type';
// The words that label an order id in a row, or only label it, and a resolved case's status (wording/messages.ts).
import { INBOX_ONLY_LABEL as ONLY_LABEL, INBOX_ORDER_LABEL as ORDER_LABEL, INBOX_RESOLVED as RESOLVED } from './wording';

/** The most rows read from one page (the app pages its list; a longer list is cut, and said so). */
export const MAX_INBOX_CASES = 500;
/** A preview longer than this is cut (a list shows a line or two). */
export const MAX_PREVIEW = 1_000;

export interface InboxCaseRow {
  readonly caseId?: string;
  readonly orderId?: string;
  /** The row's first line: Amazon's subject or the buyer's name, as the app shows it. */
  readonly title?: string;
  /** The rest of the row's text, without its order id: the last message's start, when shown. */
  readonly preview?: string;
  /** The row says the case is resolved. */
  readonly resolved: boolean;
}

export interface InboxCases {
  readonly rows: readonly InboxCaseRow[];
  /** Rows beyond MAX_INBOX_CASES, not read. */
  readonly cut: number;
}

const ORDER_IDS = /(?<![\d-])(\d{3}-\d{7}-\d{7})(?![\d-])/g;
const ORDER_ID = /(?<![\d-])\d{3}-\d{7}-\d{7}(?![\d-])/;
const CASE_IN_HREF = /[?&](?:cc|ss)=([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[&#]|$)/i;

interface Marker {
  readonly atom: number;
  readonly key: string;
  /** The element it is in: the text's owner, or the link itself. */
  readonly record: number;
}

export function readInboxCases(root: ReadRoot, page: ComposedText = readComposed(root)): InboxCases {
  const { records, atoms } = page;
  const orderMarkers: Marker[] = [];
  atoms.forEach((atom, index) => {
    for (const match of atom.clean.matchAll(ORDER_IDS)) orderMarkers.push({ atom: index, key: match[1]!, record: atom.owner });
  });
  const caseMarkers: Marker[] = [];
  records.forEach((record, index) => {
    if (record.atomEnd <= record.atomStart) return;
    const href = record.element.getAttribute('href') ?? '';
    const id = CASE_IN_HREF.exec(href)?.[1];
    if (id && CASE_ID.test(id)) caseMarkers.push({ atom: record.atomStart, key: id.toLowerCase(), record: index });
  });

  const byOrder = rowsOf(page, orderMarkers);
  const byCase = byOrder.length >= 2 ? [] : rowsOf(page, caseMarkers);
  // A list of one: a single link that opens a case.
  const rows = byOrder.length >= 2 ? byOrder : byCase.length >= 2 ? byCase : caseMarkers.length === 1 ? [caseMarkers[0]!.record] : [];
  const read = rows.slice(0, MAX_INBOX_CASES).map((row) => describe(page, row, caseMarkers));
  return { rows: read, cut: Math.max(0, rows.length - MAX_INBOX_CASES) };
}

/** Record indices of the rows: each marker's largest ancestor holding no other key; kept when at least two share a parent. */
function rowsOf(page: ComposedText, markers: readonly Marker[]): number[] {
  const { records } = page;
  if (markers.length < 2) return [];
  const starts = markers.map((m) => m.atom);
  /** The distinct keys of the markers inside a record (stops counting at two). */
  const keysIn = (record: number): number => {
    const { atomStart, atomEnd } = records[record]!;
    let first: string | undefined;
    for (let i = lowerBound(starts, atomStart); i < markers.length && markers[i]!.atom < atomEnd; i++) {
      const key = markers[i]!.key;
      if (first === undefined) first = key;
      else if (key !== first) return 2;
    }
    return first === undefined ? 0 : 1;
  };
  const rows = new Map<number, string>();
  for (const marker of markers) {
    let row = marker.record;
    if (row < 0 || keysIn(row) !== 1) continue;
    while (records[row]!.parent >= 0 && keysIn(records[row]!.parent) === 1) row = records[row]!.parent;
    if (records[row]!.parent < 0) continue; // the whole page is about one order: not a list
    rows.set(row, marker.key);
  }
  // A list: rows of distinct keys and one tag (one template renders them) that share a parent; the
  // page's list is the longest such group (a conversation and an order panel beside it are not).
  const byParent = new Map<number, number[]>();
  for (const row of rows.keys()) byParent.set(records[row]!.parent, [...(byParent.get(records[row]!.parent) ?? []), row]);
  let best: number[] = [];
  for (const siblings of byParent.values()) {
    const keys = siblings.map((row) => rows.get(row)!);
    const distinct = siblings.filter((_row, i) => keys.indexOf(keys[i]!) === keys.lastIndexOf(keys[i]!));
    const tags = new Map<string, number[]>();
    for (const row of distinct) {
      const tag = records[row]!.element.tagName;
      tags.set(tag, [...(tags.get(tag) ?? []), row]);
    }
    for (const group of tags.values()) if (group.length >= 2 && group.length > best.length) best = group;
  }
  return best.sort((a, b) => a - b);
}

function describe(page: ComposedText, row: number, caseMarkers: readonly Marker[]): InboxCaseRow {
  const { records, atoms } = page;
  const record = records[row]!;
  const indices: number[] = [];
  for (let i = record.atomStart; i < record.atomEnd; i++) indices.push(i);
  const orderIds = new Set(indices.flatMap((i) => [...atoms[i]!.clean.matchAll(ORDER_IDS)].map((m) => m[1]!)));
  const orderId = orderIds.size === 1 ? [...orderIds][0] : undefined;
  // The case: a link inside the row, or the row itself, or a link around it.
  let caseId = caseMarkers.find((m) => m.atom >= record.atomStart && m.atom < record.atomEnd)?.key;
  for (let up = row; !caseId && up >= 0; up = records[up]!.parent) {
    const id = CASE_IN_HREF.exec(records[up]!.element.getAttribute('href') ?? '')?.[1];
    if (id && CASE_ID.test(id)) caseId = id.toLowerCase();
  }
  const resolved = indices.some((i) => {
    const owner = records[atoms[i]!.owner];
    return RESOLVED.test(atoms[i]!.clean) || owner?.element.classList?.contains('case-status-label') === true;
  });
  // The row's pieces of text: each element's own text, with what an inline child adds to it
  // ("see <b>this</b> one") kept in the same piece. Pieces that hold the order id lose it and its label.
  const pieces: string[] = [];
  let pieceOwner = -1;
  for (const i of indices) {
    const atom = atoms[i]!;
    if (RESOLVED.test(atom.clean) || records[atom.owner]?.element.classList?.contains('case-status-label') === true) continue;
    const nested = pieceOwner >= 0 && (contains(records, pieceOwner, atom.owner) || contains(records, atom.owner, pieceOwner));
    if (nested && pieces.length > 0) pieces[pieces.length - 1] += ` ${atom.clean}`;
    else {
      pieces.push(atom.clean);
      pieceOwner = atom.owner;
    }
  }
  const texts = pieces.map((piece) => stripOrder(piece).trim()).filter((piece) => piece !== '' && !ONLY_LABEL.test(piece));
  // The first piece is the subject or a name; the preview is the longest of the rest that reads as
  // words (a lone time, date or label left beside the order id is not one).
  const [title, ...rest] = texts;
  const preview = rest
    .filter(isWords)
    .reduce((longest, piece) => (piece.length > longest.length ? piece : longest), '')
    .slice(0, MAX_PREVIEW);
  return {
    ...(caseId ? { caseId } : {}),
    ...(orderId ? { orderId } : {}),
    ...(title ? { title: title.slice(0, 300) } : {}),
    ...(preview ? { preview } : {}),
    resolved,
  };
}

/** A line without its order id and the word that labels it ("Order 114-… · 2 hours ago" → "· 2 hours ago" → kept only if words remain). */
function stripOrder(line: string): string {
  if (!ORDER_ID.test(line)) return line;
  let out = line;
  for (const match of line.matchAll(ORDER_IDS)) {
    const at = out.indexOf(match[1]!);
    const before = out.slice(0, at).replace(ORDER_LABEL, '');
    out = `${before}${out.slice(at + match[1]!.length)}`;
  }
  // What is left of the order's line is its meta (separators, "2 hours ago", 「2時間前」, a date), not a preview.
  const rest = out.replace(/[\s·•|,:()\-–—]+/g, ' ').trim();
  return rest === '' || (rest.length <= 30 && /\d/.test(rest)) ? '' : out;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff]/g;

/** Enough text to be a message's start: more than 10 characters (4 in Japanese), not mostly digits. */
function isWords(line: string): boolean {
  const cjk = line.match(CJK)?.length ?? 0;
  const letters = line.match(/\p{L}/gu)?.length ?? 0;
  const digits = line.match(/\d/g)?.length ?? 0;
  return digits < letters && (cjk > 4 || line.length > 10);
}

function lowerBound(values: readonly number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
