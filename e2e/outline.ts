// Shared by the end-to-end tests of "Save the page's outline": what text the page shows, and
// whether a saved outline holds any of it.
import { parseHTML } from 'linkedom';
import { readPage } from '../lib/pages/read-page';
import { isStructuralWord, parseSkeleton, rebuildFromSkeleton, shapeText, type Skeleton } from '../lib/pages/skeleton';
import type { PageSnapshot } from '../lib/pages/snapshot';

/**
 * Runs in the page: every text the page shows (text nodes, in open shadow roots too) and every
 * attribute that holds text, outside Seller Sidekick's own elements.
 */
export function pageTexts(): string[] {
  const texts: string[] = [];
  const visit = (root: Document | ShadowRoot) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.nodeType === Node.ELEMENT_NODE && ((node as Element).localName.startsWith('seller-sidekick') || (node as Element).id.startsWith('seller-sidekick'))
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const parent = node.parentElement?.localName;
        if (parent !== 'script' && parent !== 'style') texts.push(node.nodeValue ?? '');
        continue;
      }
      const element = node as Element;
      for (const name of ['title', 'label', 'placeholder', 'aria-label', 'alt', 'value']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  return texts.map((text) => text.trim()).filter((text) => text !== '');
}

const tokens = (text: string) => text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];

/**
 * What a saved outline holds of the page's texts: each text of three characters or more found
 * whole, and each word of three or more found as a word, except shapes ("999") and structural
 * words ("order", kept in classes by design). Also the outline read back as `npm run read-page` does.
 */
export function checkOutline(fileText: string, texts: readonly string[]): { leaks: string[]; skeleton: Skeleton; snapshot: PageSnapshot } {
  const parsed = parseSkeleton(JSON.parse(fileText));
  if (!parsed.ok) throw new Error(parsed.error);
  const skeleton = parsed.skeleton;
  const strings = [skeleton.url];
  for (const node of skeleton.nodes) {
    if ('tag' in node) strings.push(node.tag, ...(node.attrs ?? []).flat());
    if ('text' in node) strings.push(node.text);
  }
  const haystack = strings.join('\u0000');
  const words = new Set(strings.flatMap(tokens));
  const leaks = new Set<string>();
  for (const text of texts) {
    if ([...text].length >= 3 && shapeText(text) !== text && haystack.includes(text)) leaks.add(text);
    for (const word of tokens(text)) {
      if ([...word].length < 3 || shapeText(word) === word || isStructuralWord(word.toLowerCase())) continue;
      if (words.has(word)) leaks.add(word);
    }
  }
  // Rebuilt and read as the command does it (scripts/read-page.ts).
  const { document } = rebuildFromSkeleton(skeleton, () => parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document);
  return { leaks: [...leaks], skeleton, snapshot: readPage(document, new URL(skeleton.url)) };
}
