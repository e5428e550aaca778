/**
 * DOM helpers for the page readers. Pure: they take the root to read as an argument.
 * Seller Central's messaging is built from Katal web components with open shadow roots, sometimes
 * inside a same-origin frame (docs/seller-central-pages.md §4), so "deep" queries look there too.
 */

export type ReadRoot = Document | Element | ShadowRoot;

/** No single text we read is longer than this; longer text is cut (and the reader can say so). */
export const MAX_TEXT = 20_000;

/** Open shadow roots and same-origin frame documents below a root, the root first. */
export function searchRoots(root: ReadRoot): ReadRoot[] {
  return runSteps(searchRootsInSteps(root));
}

/** How many elements a step of a whole-page walk visits before it pauses (a few ms on a big page). */
export const WALK_STEP = 2_000;

/**
 * `searchRoots` as steps: pauses (yields) after every `WALK_STEP` elements, so whoever walks a
 * page of 50,000 elements can give the page its main thread back between steps (the result is
 * the generator's return value, equal to `searchRoots`'s).
 */
export function* searchRootsInSteps(root: ReadRoot, step = WALK_STEP): Generator<void, ReadRoot[]> {
  const roots: ReadRoot[] = [root];
  let visited = 0;
  for (let i = 0; i < roots.length && roots.length < 500; i++) {
    const current = roots[i]!;
    const doc = 'ownerDocument' in current && current.ownerDocument ? current.ownerDocument : (current as Document);
    // The root's frames found by the engine, so the walk reads one property per element, not
    // three; found again after each pause (the page may have added one meanwhile).
    const framesOf = () => new Set<Element>(current.querySelectorAll('iframe, frame'));
    let frames = framesOf();
    const walker = doc.createTreeWalker(current, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node as Element;
      if (element.shadowRoot) roots.push(element.shadowRoot);
      if (frames.size !== 0 && frames.has(element)) {
        try {
          const frameDoc = (element as HTMLIFrameElement).contentDocument;
          if (frameDoc?.documentElement) roots.push(frameDoc);
        } catch {
          // A cross-origin frame is not ours to read.
        }
      }
      if (++visited % step === 0) {
        yield;
        frames = framesOf();
      }
    }
  }
  return roots;
}

/** Runs steps to their end at once: the value a stepped function returns. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The matches of `css` in each root (a selector the browser refuses: none). */
export function queryRoots(roots: readonly ReadRoot[], selectors: readonly string[]): Element[] {
  const css = selectors.join(', ');
  const found: Element[] = [];
  for (const r of roots) {
    try {
      found.push(...r.querySelectorAll(css));
    } catch {
      return [];
    }
  }
  return found;
}

export function queryAll(root: ReadRoot, selectors: readonly string[], deep = false): Element[] {
  return queryRoots(deep ? searchRoots(root) : [root], selectors);
}

/** The matches of the first selector in the list that matches anything: fallbacks tried in order. */
export function queryFallback(root: ReadRoot, selectors: readonly string[], deep = false): Element[] {
  for (const selector of selectors) {
    const hits = queryAll(root, [selector], deep);
    if (hits.length > 0) return hits;
  }
  return [];
}

export function queryFirst(root: ReadRoot, selectors: readonly string[], deep = false): Element | undefined {
  for (const selector of selectors) {
    if (!deep) {
      // querySelector stops at the first match: much cheaper than collecting them all.
      try {
        const hit = root.querySelector(selector);
        if (hit) return hit;
      } catch {
        return undefined;
      }
      continue;
    }
    const hit = queryAll(root, [selector], deep)[0];
    if (hit) return hit;
  }
  return undefined;
}

/** Visible-ish text of an element: whitespace collapsed, width-normalised, cut at MAX_TEXT. */
export function textOf(element: Element | undefined | null): string {
  if (!element) return '';
  return cleanText(element.textContent ?? '');
}

const NOT_ASCII = /[^\t\n\r\x20-\x7e]/;

/** Cut at MAX_TEXT, width-normalised (NFKC, skipped for plain ASCII), whitespace collapsed. */
export function cleanText(text: string): string {
  const cut = text.slice(0, MAX_TEXT);
  return (NOT_ASCII.test(cut) ? cut.normalize('NFKC') : cut).replace(/\s+/g, ' ').trim();
}

/** Text of an element with line breaks kept (for message and notice bodies). */
export function blockTextOf(element: Element | undefined | null): string {
  if (!element) return '';
  return tidyLines((element.textContent ?? '').slice(0, MAX_TEXT));
}

/** Line breaks kept, blanks within each line made one space, at most one empty line in a row. */
export function tidyLines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A CSS path that finds the element again from its document or shadow root: its id when it has
 * a unique one, else a data-test-id, else tag and position, joined from the nearest anchor.
 * With `within`, the path is relative to that element (uniqueness is checked inside it only,
 * which keeps a 500-row table from being searched once per control).
 */
export function pathTo(element: Element, within?: Element): string {
  const parts: string[] = [];
  let current: Element | null = element;
  // Inside `within` the path is positional only: no anchor to check for uniqueness. The element
  // and its ancestors share one root (document or shadow root): looked up once, not per ancestor.
  let root: Node | undefined;
  const isUnique = (selector: string) => within === undefined && uniqueIn((root ??= element.getRootNode()), selector);
  while (current && current !== within && parts.length < 12) {
    const id = current.id;
    if (id && /^[A-Za-z][\w-]*$/.test(id) && isUnique(`#${id}`)) {
      parts.unshift(`#${id}`);
      break;
    }
    const testId = current.getAttribute('data-test-id');
    if (testId && /^[\w/-]+$/.test(testId) && isUnique(`[data-test-id="${testId}"]`)) {
      parts.unshift(`[data-test-id="${testId}"]`);
      break;
    }
    const parent: Element | null = current.parentElement;
    const tag = current.tagName.toLowerCase();
    if (!parent) {
      parts.unshift(tag);
      break;
    }
    const sameTag = [...parent.children].filter((child) => child.tagName === current!.tagName);
    parts.unshift(sameTag.length > 1 ? `${tag}:nth-of-type(${sameTag.indexOf(current) + 1})` : tag);
    current = parent;
  }
  return parts.join(' > ');
}

function uniqueIn(root: Node, selector: string): boolean {
  const scope = root as Partial<ParentNode>;
  return typeof scope.querySelectorAll === 'function' ? scope.querySelectorAll(selector).length === 1 : false;
}
