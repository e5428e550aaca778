// Reading deeply nested markup. elementTexts reads the lines of a row or cell in one walk. It must give exactly what the
// straightforward version gives (climb from every text node to its nearest block), on any tree and
// in both DOMs the readers run on (happy-dom here and in the tests, linkedom in `npm run read-page`),
// and its work must grow with the size of the markup, not with its size times its depth.
// pathTo looks up the element's root once, not once per ancestor it checks.
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { MAX_TEXT, pathTo } from '@/lib/pages/dom';
import { elementTexts, labelledLine } from '@/lib/pages/read-common';

const BLOCK = new Set(['DIV', 'LI', 'P', 'TD', 'TH', 'TR', 'TBODY', 'TABLE', 'UL', 'OL', 'DL', 'DT', 'DD', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** The straightforward reading: every text node climbs to its nearest block (quadratic on deep markup). */
function elementTextsByClimbing(scope: Element): string[] {
  const walker = scope.ownerDocument.createTreeWalker(scope, 4 /* NodeFilter.SHOW_TEXT */);
  const lines: string[] = [];
  let block: Node | null = null;
  let parts: string[] = [];
  const flush = () => {
    const line = parts.join('').slice(0, MAX_TEXT);
    if (line.trim() !== '') lines.push(line);
    parts = [];
  };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let owner: Node | null = node.parentNode;
    while (owner && owner !== scope && !BLOCK.has((owner as Element).tagName)) owner = owner.parentNode;
    if (owner !== block) {
      flush();
      block = owner;
    }
    parts.push(node.nodeValue ?? '');
  }
  flush();
  return lines;
}

type Tree = { kind: 'text'; text: string } | { kind: 'comment'; text: string } | { kind: 'element'; tag: string; children: Tree[] };

// No template: its content is inert and not read, and the two DOMs keep a built template's children
// in different places (tested on its own below).
const TAGS = ['div', 'span', 'p', 'b', 'td', 'tr', 'table', 'li', 'a', 'em', 'h2', 'section', 'label', 'kat-label', 'svg:g'];

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('text' as const), text: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(' ', '\n  ', 'SKU', ': ', '出荷予定日：', 'J4-G38H-6FNI')) }),
    fc.record({ kind: fc.constant('comment' as const), text: fc.string({ maxLength: 6 }) }),
    fc.record({ kind: fc.constant('element' as const), tag: fc.constantFrom(...TAGS), children: fc.array(tie('node'), { maxLength: 5 }) }),
  ),
})).node;

function build(doc: Document, t: Tree): Node {
  if (t.kind === 'text') return doc.createTextNode(t.text);
  if (t.kind === 'comment') return doc.createComment(t.text);
  const element = t.tag.startsWith('svg:') ? doc.createElementNS('http://www.w3.org/2000/svg', t.tag.slice(4)) : doc.createElement(t.tag);
  for (const child of t.children) element.appendChild(build(doc, child));
  return element;
}

const linkedomDocument = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

const DOMS: ReadonlyArray<[string, () => Document]> = [
  ['happy-dom', () => document.implementation.createHTMLDocument('')],
  ['linkedom', linkedomDocument],
];

describe('elementTexts', () => {
  for (const [name, makeDocument] of DOMS) {
    it(`gives the same lines as climbing from every text node, on random trees (${name})`, () => {
      fc.assert(
        fc.property(fc.array(tree, { maxLength: 6 }), fc.constantFrom('div', 'span', 'td'), fc.nat(), (children, rootTag, pick) => {
          const doc = makeDocument();
          const root = doc.createElement(rootTag);
          for (const child of children) root.appendChild(build(doc, child));
          doc.body.appendChild(root);
          // The whole tree, and a scope inside it (what is above the scope must not count).
          const scopes = [root, ...root.querySelectorAll('*')];
          const inner = scopes[pick % scopes.length]!;
          expect(elementTexts(root)).toEqual(elementTextsByClimbing(root));
          expect(elementTexts(inner)).toEqual(elementTextsByClimbing(inner));
        }),
        { numRuns: 300 },
      );
    });
  }

  for (const [name, makeDocument] of DOMS) {
    it(`leaves a template's inert content out, parsed or built (${name})`, () => {
      const doc = makeDocument();
      const root = doc.createElement('div');
      root.append('Ship by: ', doc.createElement('template'), 'today');
      root.querySelector('template')!.appendChild(doc.createElement('div')).append('hidden');
      const html = '<main><div>SKU: A1<template><div>hidden</div>more hidden</template></div><div>ASIN: B0CXYZ1234</div></main>';
      const parsedDoc = name === 'linkedom' ? (parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document) : new DOMParser().parseFromString(html, 'text/html');
      expect(elementTexts(root)).toEqual(['Ship by: today']);
      expect(elementTexts(parsedDoc.querySelector('main')!)).toEqual(['SKU: A1', 'ASIN: B0CXYZ1234']);
    });
  }

  it('still reads a label line in a parsed row, and a scope that is itself inline', () => {
    const doc = new DOMParser().parseFromString('<table><tr><td><div><span>SKU</span>: <b>J4-G38H-6FNI</b></div><div>ASIN: B0CXYZ1234</div>text<span> after</span></td></tr></table>', 'text/html');
    const cell = doc.querySelector('td')!;
    expect(elementTexts(cell)).toEqual(['SKU: J4-G38H-6FNI', 'ASIN: B0CXYZ1234', 'text after']);
    expect(labelledLine(cell, ['SKU'])).toBe('J4-G38H-6FNI');
    expect(elementTexts(doc.querySelector('span')!)).toEqual(['SKU']);
  });
});

/**
 * A row whose text sits at every level of a chain of `depth` nested inline elements (the worst
 * case for climbing), parsed as a page would be.
 */
function nestedChainHtml(depth: number): string {
  let html = '';
  for (let level = 0; level < depth; level++) html += `<${level % 3 === 0 ? 'b' : 'span'}>${level % 50 === 49 ? '\n' : 'y'}`;
  return `<div id="row">${html}</div>`;
}

const PARSERS: ReadonlyArray<[string, (html: string) => Document]> = [
  ['happy-dom', (html) => new DOMParser().parseFromString(html, 'text/html')],
  ['linkedom', (html) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document],
];

const NAVIGATION = ['parentNode', 'parentElement', 'firstChild', 'lastChild', 'nextSibling', 'previousSibling', 'childNodes', 'children', 'firstElementChild', 'nextElementSibling'];

/**
 * How many times `read` asks the DOM for a neighbouring node (parentNode, firstChild, nextSibling…)
 * below `root`: each such getter on the nodes' prototypes, and each such property a DOM keeps on
 * the node itself (linkedom's parentNode), counts once per read.
 */
function countNavigation(root: Node, read: () => void): number {
  const nodes: Node[] = [];
  for (const pending: Node[] = [root]; pending.length > 0;) {
    const node = pending.pop()!;
    nodes.push(node);
    pending.push(...Array.from(node.childNodes));
  }
  let count = 0;
  const restore: (() => void)[] = [];
  const instrument = (owner: object, name: string) => {
    const descriptor = Object.getOwnPropertyDescriptor(owner, name);
    if (!descriptor?.configurable) return;
    if (descriptor.get) {
      const get = descriptor.get;
      Object.defineProperty(owner, name, {
        ...descriptor,
        get(this: unknown) {
          count++;
          return get.call(this) as unknown;
        },
      });
    } else {
      let value = descriptor.value as unknown;
      Object.defineProperty(owner, name, {
        configurable: true,
        enumerable: descriptor.enumerable ?? true,
        get() {
          count++;
          return value;
        },
        set(next: unknown) {
          value = next;
        },
      });
      restore.push(() => Object.defineProperty(owner, name, { ...descriptor, value }));
      return;
    }
    restore.push(() => Object.defineProperty(owner, name, descriptor));
  };
  const prototypes = new Set<object>();
  for (const node of nodes) {
    for (const name of NAVIGATION) if (Object.hasOwn(node, name)) instrument(node, name);
    for (let proto = Object.getPrototypeOf(node) as object | null; proto && !prototypes.has(proto); proto = Object.getPrototypeOf(proto) as object | null) {
      prototypes.add(proto);
      for (const name of NAVIGATION) instrument(proto, name);
    }
  }
  try {
    read();
  } finally {
    restore.reverse().forEach((undo) => undo());
  }
  return count;
}

describe('elementTexts on deeply nested markup', () => {
  for (const [name, parse] of PARSERS) {
    it(`does work in proportion to the markup, not to its size times its depth (${name})`, () => {
      const work = (depth: number) => {
        const root = parse(nestedChainHtml(depth)).getElementById('row')!;
        let lines: string[] = [];
        const count = countNavigation(root, () => {
          lines = elementTexts(root);
        });
        // Every level's text is read: one line (no block inside the row), "\n" every 50 levels.
        expect(lines).toHaveLength(1);
        expect(lines[0]!.replace(/\n/g, '')).toBe('y'.repeat(depth - Math.floor(depth / 50)));
        return count;
      };
      const [w1k, w2k] = [work(1000), work(2000)];
      expect(w1k).toBeGreaterThanOrEqual(1000);
      // Linear: doubling the depth doubles the work (climbing from every text node quadruples it).
      expect(w2k / w1k).toBeLessThanOrEqual(2.5);
    });
  }
});

describe('pathTo on deeply nested markup', () => {
  it('finds the root once for a path that checks twelve ancestors, and the path still finds the element', () => {
    // 200 levels; every one of the twelve nearest ancestors has an id and a data-test-id that
    // are not unique (a copy of the chain sits beside it), so each one is checked and passed over.
    const level = (i: number) => `<div id="box${i % 3}" data-test-id="level-${i % 3}">`;
    const chain = `${Array.from({ length: 200 }, (_, i) => level(i)).join('')}<span>end</span>`;
    const doc = new DOMParser().parseFromString(`<section>${chain}</section><section>${chain}</section>`, 'text/html');
    const target = doc.querySelector('span')!;
    const getRootNode = vi.spyOn(Object.getPrototypeOf(Object.getPrototypeOf(doc.body)) as Node, 'getRootNode');
    const path = pathTo(target);
    expect(getRootNode).toHaveBeenCalledTimes(1);
    getRootNode.mockRestore();
    expect(path.split(' > ')).toHaveLength(12);
    expect(doc.querySelectorAll(path)[0]).toBe(target);
  });
});
