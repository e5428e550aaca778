/** Small pieces shared by the page readers: label text, statuses, marketplaces, numbers. */
import { MARKETPLACES, type MarketplaceId } from '../hosts';
import { MAX_TEXT, cleanText, queryFirst, type ReadRoot } from './dom';
import { SELECTORS } from './selectors';
import { FULFILMENT_WORDING, ORDER_STATUS_WORDING } from './wording';
import type { Missing, MissingWhy, OrderStatus } from './snapshot';

/** Collects what a reader could not read, with why (a detail in English, and its kind for the UI). */
export class MissingList {
  readonly items: Missing[] = [];
  add(field: string, reason: string, why: MissingWhy = 'not-found'): undefined {
    this.items.push({ field, reason: reason.slice(0, 300), why });
    return undefined;
  }
}

export function marketplaceFromPage(root: ReadRoot): MarketplaceId | undefined {
  const switcher = queryFirst(root, SELECTORS.marketplaceSwitcher.css);
  const amazonId = switcher?.getAttribute('data-marketplace_selection') ?? '';
  return Object.values(MARKETPLACES).find((m) => m.amazonId === amazonId)?.id;
}

/** The key of a wording table's first pattern that matches the text (lib/pages/wording/: tried in the table's order). */
export function firstMatch<Key extends string>(table: Readonly<Record<Key, RegExp>>, text: string): Key | undefined {
  return (Object.keys(table) as Key[]).find((key) => table[key].test(text));
}

/** The status the text names, in Seller Central's words (wording/orders.ts: the first that matches). */
export function statusFromText(text: string): OrderStatus | undefined {
  if (text === '') return undefined;
  return firstMatch(ORDER_STATUS_WORDING, text);
}

/** Fulfilment channel text: the seller's words are merchant-fulfilled, "Amazon" is FBA (wording/orders.ts). */
export function fulfilmentFromText(text: string): 'FBA' | 'MFN' | undefined {
  return firstMatch(FULFILMENT_WORDING, text);
}

export function toCount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text.replace(/[,，]/g, ''));
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

export const ORDER_ID_IN_TEXT = /\b(\d{3}-\d{7}-\d{7})\b/;
export const ASIN_IN_TEXT = /\b(B0[0-9A-Z]{8})\b/;

/**
 * The text after "Label:" in the innermost element (of a row or cell) that starts with one of the
 * labels: `<div><span>SKU</span>: J4-G38H-6FNI</div>` gives "J4-G38H-6FNI". Reading element by
 * element keeps neighbouring cells' text out (textContent runs them together without a space).
 */
export function labelledLine(scope: Element | readonly string[], labels: readonly string[]): string | undefined {
  const starts = labelLinePattern(labels);
  let found: string | undefined;
  for (const text of Array.isArray(scope) ? scope : elementTexts(scope as Element)) {
    if (starts.test(text)) found = text.replace(starts, '');
  }
  // Lines are raw (see elementTexts): only the value found is cleaned.
  return found === undefined ? undefined : cleanText(found);
}

const LABEL_PATTERNS = new Map<string, RegExp>();

/** A line that starts with one of the labels and a colon ("Ship by date: …", 「出荷予定日：…」); the match is the label and its colon. */
export function labelLinePattern(labels: readonly string[]): RegExp {
  const key = labels.join('|');
  let pattern = LABEL_PATTERNS.get(key);
  if (!pattern) {
    pattern = new RegExp(`^\\s*(?:${key})\\s*[:：]\\s*`, 'iu');
    LABEL_PATTERNS.set(key, pattern);
  }
  return pattern;
}

const BLOCK = new Set(['DIV', 'LI', 'P', 'TD', 'TH', 'TR', 'TBODY', 'TABLE', 'UL', 'OL', 'DL', 'DT', 'DD', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/**
 * The text of every line in a scope, in document order: the text nodes that share their nearest
 * block element make one line (`<div><span>SKU</span>: J4-G38H-6FNI</div>` is "SKU: J4-G38H-6FNI").
 * One depth-first walk by first child and next sibling that carries each open element's nearest
 * block on a stack: every node is visited once and climbed from at most once, so it is linear
 * however deep the markup is (climbing from each text node to its block was quadratic on deeply
 * nested inline markup), and it allocates nothing per element (a 500-row list is 50,000 of them).
 * Lines are returned raw (only cut to MAX_TEXT); whoever uses one cleans it (labelledLine, cleanText).
 */
export function elementTexts(scope: Element): string[] {
  const lines: string[] = [];
  let block: Node | undefined;
  let parts: string[] = [];
  const flush = () => {
    const line = parts.join('').slice(0, MAX_TEXT);
    if (line.trim() !== '') lines.push(line);
    parts = [];
  };
  /** The open elements below the scope, and the nearest block (or the scope) of each one's children (the scope's first). */
  const open: Node[] = [];
  const owners: Node[] = [scope];
  let node: Node | null = scope.firstChild;
  while (node) {
    const owner = owners[owners.length - 1]!;
    if (node.nodeType === 3 /* Node.TEXT_NODE */) {
      if (owner !== block) {
        flush();
        block = owner;
      }
      parts.push(node.nodeValue ?? '');
    } else if (node.nodeType === 1 /* Node.ELEMENT_NODE */) {
      // A template's content is inert, never shown: not read (DOMs differ on where they keep it).
      const first: Node | null = (node as Element).tagName === 'TEMPLATE' ? null : node.firstChild;
      if (first) {
        open.push(node);
        owners.push(BLOCK.has((node as Element).tagName) ? node : owner);
        node = first;
        continue;
      }
    }
    // The next node: the next sibling, else that of the nearest open element that has one (the
    // open elements are held, not found by parentNode, which a template's children do not lead back by).
    while (node && !node.nextSibling) {
      node = open.pop() ?? null;
      owners.pop();
    }
    node = node?.nextSibling ?? null;
  }
  flush();
  return lines;
}

/** The zone a marketplace states its dates in; UTC when the marketplace is not known. */
export function zoneOf(marketplace: MarketplaceId | undefined): string {
  return marketplace ? MARKETPLACES[marketplace].timeZone : 'UTC';
}
