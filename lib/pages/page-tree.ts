/**
 * A page's element tree as plain data: tags, attributes and texts, with open shadow roots and
 * same-origin frames, in document order, each node naming its parent by index. It is what the
 * page skeleton (lib/pages/skeleton.ts) is made from: the content script walks the page into a
 * tree (this module: small), and the background shapes it into the skeleton (its rules and word
 * lists are too large for the content script). The tree holds the page's text as it is, so it
 * only ever goes from the content script to the background, checked by PageTree on arrival.
 * Pure: the caller hands in the document.
 */
import * as z from 'zod/mini';
import { MAX_TEXT } from './dom';

/** A page with more nodes than this is cut (the tree says how many were left out). */
export const MAX_TREE_NODES = 200_000;
const MAX_NAME = 200;
const MAX_ATTRIBUTES = 500;

const Parent = z.lazy(() => z.number().check(z.int(), z.minimum(-1)));
const RawName = z.lazy(() => z.string().check(z.maxLength(MAX_NAME)));
const RawText = z.lazy(() => z.string().check(z.maxLength(MAX_TEXT)));

export const PageTreeNode = z.lazy(() =>
  z.union([
    z.strictObject({
      parent: Parent,
      tag: RawName,
      ns: z.optional(z.enum(['svg', 'math'])),
      attrs: z.optional(z.array(z.tuple([RawName, RawText])).check(z.maxLength(MAX_ATTRIBUTES))),
    }),
    z.strictObject({ parent: Parent, text: RawText }),
    /** An element's open shadow root, or a frame's document: the nodes under it name it as parent. */
    z.strictObject({ parent: Parent, root: z.enum(['shadow', 'frame']) }),
  ]),
);
export type PageTreeNode = z.infer<typeof PageTreeNode>;

/** How much was left out: nodes past MAX_TREE_NODES, and texts cut at MAX_TEXT. */
export const TreeCut = z.lazy(() => z.strictObject({ nodes: z.number().check(z.int(), z.minimum(0)), texts: z.number().check(z.int(), z.minimum(0)) }));

export const PageTree = z.lazy(() =>
  z.strictObject({
    nodes: z.array(PageTreeNode).check(z.maxLength(MAX_TREE_NODES)),
    cut: z.optional(TreeCut),
  }),
);
export type PageTree = z.infer<typeof PageTree>;

export interface PageTreeOptions {
  /** Elements to leave out with everything under them (Seller Sidekick's own UI). */
  readonly skip?: (element: Element) => boolean;
  readonly maxNodes?: number;
}

const NO_CONTENT = /^(?:script|style|noscript|template)$/i;
const NAMESPACES: Readonly<Record<string, 'svg' | 'math'>> = {
  'http://www.w3.org/2000/svg': 'svg',
  'http://www.w3.org/1998/Math/MathML': 'math',
};

/**
 * The tree of a document (from its root element) or of one element. Comments, the content of
 * script, style, noscript and template, closed shadow roots and cross-origin frames are left out.
 * One walk with an explicit stack: any depth, any size up to maxNodes.
 */
export function collectPageTree(root: Document | Element, options: PageTreeOptions = {}): PageTree {
  const maxNodes = options.maxNodes ?? MAX_TREE_NODES;
  const nodes: PageTreeNode[] = [];
  let leftOut = 0;
  let cutTexts = 0;
  const start = 'documentElement' in root ? root.documentElement : root;
  // Pending nodes, last first: a DOM node with the index of its parent in the tree, or a root to open.
  type Pending = { node: Node; parent: number } | { shadow: ShadowRoot; parent: number } | { frame: Document; parent: number };
  const stack: Pending[] = start ? [{ node: start, parent: -1 }] : [];
  const pushChildren = (parent: ParentNode, index: number) => {
    const children = parent.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, parent: index });
  };
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (nodes.length >= maxNodes) {
      leftOut++;
      continue;
    }
    if ('shadow' in next || 'frame' in next) {
      const index = nodes.push({ parent: next.parent, root: 'shadow' in next ? 'shadow' : 'frame' }) - 1;
      if ('shadow' in next) pushChildren(next.shadow, index);
      else if (next.frame.documentElement) stack.push({ node: next.frame.documentElement, parent: index });
      continue;
    }
    const { node, parent } = next;
    if (node.nodeType === 3 /* TEXT_NODE */) {
      const text = node.nodeValue ?? '';
      if (text.length > MAX_TEXT) cutTexts++;
      nodes.push({ parent, text: text.slice(0, MAX_TEXT) });
      continue;
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */) continue;
    const element = node as Element;
    if (options.skip?.(element)) continue;
    const attrs = Array.from(element.attributes)
      .slice(0, MAX_ATTRIBUTES)
      .map((attribute): [string, string] => [attribute.name.slice(0, MAX_NAME), attribute.value.slice(0, MAX_TEXT)]);
    const ns = NAMESPACES[element.namespaceURI ?? ''];
    const index = nodes.push({ parent, tag: element.localName.slice(0, MAX_NAME), ...(ns ? { ns } : {}), ...(attrs.length > 0 ? { attrs } : {}) }) - 1;
    if (NO_CONTENT.test(element.localName)) continue;
    // Popped in this order: the element's shadow root, its frame's document, then its children.
    pushChildren(element, index);
    if (/^i?frame$/i.test(element.localName)) {
      try {
        const frame = (element as HTMLIFrameElement).contentDocument;
        if (frame?.documentElement) stack.push({ frame, parent: index });
      } catch {
        // A cross-origin frame is not ours to read.
      }
    }
    if (element.shadowRoot) stack.push({ shadow: element.shadowRoot, parent: index });
  }
  return { nodes, ...(leftOut > 0 || cutTexts > 0 ? { cut: { nodes: leftOut, texts: cutTexts } } : {}) };
}
