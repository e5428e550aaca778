/**
 * The text of a page as it is shown: one walk over the composed tree (open shadow roots with
 * their slots filled from the host's children, same-origin frames), giving every text node in
 * display order with the elements above it. The messaging reader works on this, by content and
 * position, because the messaging app's markup is not known (docs/seller-central-pages.md §4).
 * Pure: the root to read comes in as an argument.
 */
import { MAX_TEXT, tidyLines, type ReadRoot } from './dom';

export interface ElementRecord {
  readonly element: Element;
  /** Index of the parent record in the composed tree; -1 for the top. */
  readonly parent: number;
  readonly depth: number;
  /** The atoms inside this element are atoms[atomStart, atomEnd). */
  atomStart: number;
  atomEnd: number;
}

export interface TextAtom {
  /** The text node's text, cut at MAX_TEXT. */
  readonly raw: string;
  /** NFKC, whitespace collapsed, trimmed. */
  readonly clean: string;
  /** The record of the element that holds the text. */
  readonly owner: number;
  /** The nearest enclosing record that is not an inline element: atoms of one line share it. */
  readonly line: number;
  /** A <br> came between the previous atom and this one. */
  readonly breakBefore: boolean;
  /** The text node was longer than MAX_TEXT. */
  readonly cut: boolean;
}

export interface ComposedText {
  readonly records: ElementRecord[];
  readonly atoms: TextAtom[];
  /** Frames whose document could not be read (another origin, or not loaded). */
  readonly blockedFrames: number;
  /** The page was bigger than the limits: the rest was not read. */
  readonly truncated: boolean;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'SVG', 'svg', 'CANVAS', 'SELECT', 'OPTION']);
const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'STRONG', 'SUB', 'SUP', 'U', 'VAR', 'WBR']);
/** Our own sidebar is not part of the page. */
const OWN_UI = 'SELLER-SIDEKICK';

export const COMPOSED_LIMITS = { maxElements: 150_000, maxAtoms: 40_000, maxDepth: 400 } as const;

export function readComposed(root: ReadRoot, limits = COMPOSED_LIMITS): ComposedText {
  const records: ElementRecord[] = [];
  const atoms: TextAtom[] = [];
  let blockedFrames = 0;
  let truncated = false;
  let pendingBreak = false;

  const visitChildren = (nodes: ArrayLike<Node>, parent: number, line: number, depth: number) => {
    for (let i = 0; i < nodes.length; i++) visit(nodes[i]!, parent, line, depth);
  };

  const visit = (node: Node, parent: number, line: number, depth: number): void => {
    if (truncated) return;
    if (node.nodeType === 3 /* TEXT_NODE */) {
      const value = node.nodeValue ?? '';
      if (value.trim() === '') return;
      if (atoms.length >= limits.maxAtoms) {
        truncated = true;
        return;
      }
      const raw = value.length > MAX_TEXT ? value.slice(0, MAX_TEXT) : value;
      const clean = (/[^\t\n\r\x20-\x7e]/.test(raw) ? raw.normalize('NFKC') : raw).replace(/\s+/g, ' ').trim();
      atoms.push({ raw, clean, owner: parent, line, breakBefore: pendingBreak, cut: value.length > MAX_TEXT });
      pendingBreak = false;
      return;
    }
    if (node.nodeType === 11 /* DOCUMENT_FRAGMENT (shadow root) */ || node.nodeType === 9 /* DOCUMENT */) {
      visitChildren(node.childNodes, parent, line, depth);
      return;
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (SKIP.has(tag) || tag === OWN_UI || element.hasAttribute('hidden')) return;
    if (tag === 'BR') {
      pendingBreak = true;
      return;
    }
    if (depth >= limits.maxDepth || records.length >= limits.maxElements) {
      truncated = true;
      return;
    }
    const index = records.length;
    const record: ElementRecord = { element, parent, depth, atomStart: atoms.length, atomEnd: atoms.length };
    records.push(record);
    const ownLine = INLINE.has(tag) ? line : index;
    if (!INLINE.has(tag)) pendingBreak = false;

    if (tag === 'IFRAME' || tag === 'FRAME') {
      const frameDoc = frameDocument(element);
      if (frameDoc?.body) visit(frameDoc.body, index, ownLine, depth + 1);
      else blockedFrames++;
    } else if (tag === 'SLOT' && slotHosts.length > 0) {
      const host = slotHosts.at(-1)!;
      const name = element.getAttribute('name') ?? '';
      const assigned = [...host.childNodes].filter((child) => (child.nodeType === 1 ? ((child as Element).getAttribute('slot') ?? '') === name : name === '' && child.nodeType === 3));
      // Slotted children belong to the host's tree, so a slot inside them fills from the host's host.
      const own = slotHosts.pop()!;
      if (assigned.length > 0) visitChildren(assigned, index, ownLine, depth + 1);
      slotHosts.push(own);
      if (assigned.length === 0) visitChildren(element.childNodes, index, ownLine, depth + 1);
    } else if (element.shadowRoot) {
      slotHosts.push(element);
      visitChildren(element.shadowRoot.childNodes, index, ownLine, depth + 1);
      slotHosts.pop();
    } else {
      visitChildren(element.childNodes, index, ownLine, depth + 1);
    }
    record.atomEnd = atoms.length;
    if (!INLINE.has(tag)) pendingBreak = false;
  };
  const slotHosts: Element[] = [];

  const start = 'body' in root && root.body ? root.body : root;
  visit(start as Node, -1, -1, 0);
  return { records, atoms, blockedFrames, truncated };
}

function frameDocument(frame: Element): Document | null {
  try {
    return (frame as HTMLIFrameElement).contentDocument;
  } catch {
    return null; // another origin
  }
}

/** The record at a depth on the way up from a record (itself when it is at that depth or above). */
export function ancestorAt(records: readonly ElementRecord[], index: number, depth: number): number {
  let current = index;
  while (current >= 0 && records[current]!.depth > depth) current = records[current]!.parent;
  return current;
}

/** The nearest record that holds both. */
export function commonAncestor(records: readonly ElementRecord[], a: number, b: number): number {
  let x = a;
  let y = b;
  while (x !== y && x >= 0 && y >= 0) {
    const dx = records[x]!.depth;
    const dy = records[y]!.depth;
    if (dx >= dy) x = records[x]!.parent;
    if (dy >= dx) y = records[y]!.parent;
  }
  return x === y ? x : -1;
}

export function contains(records: readonly ElementRecord[], outer: number, inner: number): boolean {
  if (outer < 0) return true;
  return ancestorAt(records, inner, records[outer]!.depth) === outer;
}

/**
 * The text of atoms[from, to) as lines: atoms of one line (same block element, no <br> between)
 * are joined as they stand, lines by a line break.
 */
export function joinAtoms(atoms: readonly TextAtom[], indices: readonly number[]): string {
  let text = '';
  let previous: TextAtom | undefined;
  for (const i of indices) {
    const atom = atoms[i]!;
    if (previous) {
      const sameLine = atom.line === previous.line && !atom.breakBefore;
      if (!sameLine) text += '\n';
      else if (!/\s$/.test(text) && !/^\s/.test(atom.raw)) text += ' ';
    }
    text += atom.raw;
    previous = atom;
    if (text.length > MAX_TEXT) break;
  }
  return tidyLines(text);
}
