/**
 * A page's skeleton: what a seller can send when Seller Sidekick misreads a page, without sending
 * the page. It keeps the element tree (tags, ids, classes, data-test-ids, open shadow roots,
 * same-origin frames) and replaces every text by its shape, so the readers can be run on it again
 * (`npm run read-page -- skeleton.json`) and the selectors checked, while no name, address,
 * message or order number leaves the seller's computer. Pure: the caller hands in the document.
 *
 * The rules (README "When it misreads a page"):
 * - Text (text nodes, and every attribute not listed below) becomes its shape, character by
 *   character: Latin letters x / X by case, digits 9, kana あ, kanji 漢, letters of other scripts
 *   one letter standing for their script (ж Cyrillic, λ Greek, 한 Hangul, ع Arabic, א Hebrew,
 *   ก Thai, क Devanagari, ℓ any other), combining marks U+0301; punctuation, whitespace,
 *   currency and maths signs are kept; any other character (emoji and other symbols, invisible
 *   format characters, private use) becomes □. One character for one character (code point).
 * - Structural hooks (HOOK_ATTRIBUTES: id, class, data-test-id, role, type…), tag and attribute
 *   names keep their structure but not what could name someone. They are cut into runs of letters
 *   and digits, and single other characters:
 *     - a run with any letter outside A–Z (accents, kana, kanji…) is shaped as text;
 *     - a run of ASCII letters is kept whole if it has one or two letters ("a", "fi", "ID");
 *       otherwise it is cut at its camelCase humps and each word is kept only if it is in the
 *       structural vocabulary (isStructuralWord: the readers' own hooks, HTML's common tag and
 *       attribute names, layout words, and their plurals), else shaped ("buyer-tanaka" becomes "buyer-xxxxxx");
 *     - a lone digit is kept ("col-2"), a run of two or more digits is shaped (order ids);
 *     - a run mixing letters and digits is shaped whole ("A1VC38T7YXB528", "6f1c2a9e", "span6"),
 *       unless it is one letter and one digit ("h2", "v3");
 *     - ASCII punctuation and spaces are kept, any other character is shaped as text.
 * - URLs (href, src, action…) keep their scheme and an Amazon host; the rest follows the hook rule.
 * - data-marketplace_selection keeps the value only when it is one of Amazon's public marketplace
 *   ids (which the readers need); anything else is shaped by the hook rule.
 * - The Transaction view's column names (Amazon's UI words, lib/pages/read-transactions.ts
 *   isColumnHeader) are kept verbatim in a table cell, so the view's skeleton reads as the view.
 * - Comments, the content of <script>, <style>, <noscript> and <template>, and closed shadow
 *   roots are left out; so is whatever `skip` names (Seller Sidekick's own sidebar).
 *
 * The walk over the page is lib/pages/page-tree.ts; this module shapes its tree (shapeTree), so
 * the content script needs only the walk and the background does the shaping.
 */
import * as z from 'zod/mini';
import { MARKETPLACES, SELLER_CENTRAL_HOSTS } from '../hosts';
import { MAX_TEXT } from './dom';
import { MAX_TREE_NODES, TreeCut, collectPageTree, type PageTree, type PageTreeOptions } from './page-tree';
import { isColumnHeader } from './read-transactions';
import { SELECTORS } from './selectors';

export const SKELETON_FORMAT = 'seller-sidekick-page-skeleton';
/** A page with more nodes than this is cut (the skeleton says how many were left out). */
export const MAX_SKELETON_NODES = MAX_TREE_NODES;

// ---------------------------------------------------------------------------------------------
// Shapes

const LATIN = /\p{Script=Latin}/u;
const UPPER = /\p{Lu}/u;
const NUMBER = /\p{N}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}\u30fc\uff70\u309b\u309c]/u;
/** The kana voicing marks, combining (U+3099, U+309A): kana, not accents. */
const isVoicingMark = (ch: string) => ch === '\u3099' || ch === '\u309a';
const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const KEPT = /[\p{P}\p{Z}\p{Sc}\p{Sm}\s]/u;
const SCRIPT_CLASS: ReadonlyArray<[RegExp, string]> = [
  [/\p{Script=Cyrillic}/u, 'ж'],
  [/\p{Script=Greek}/u, 'λ'],
  [/\p{Script=Hangul}/u, '한'],
  [/\p{Script=Arabic}/u, 'ع'],
  [/\p{Script=Hebrew}/u, 'א'],
  [/\p{Script=Thai}/u, 'ก'],
  [/\p{Script=Devanagari}/u, 'क'],
];
const ASCII_TEXT = /^[\x20-\x7e\t\n\r]*$/;

function shapeChar(ch: string): string {
  if (ch.length === 1 && ch < '\x80') {
    if (ch >= 'a' && ch <= 'z') return 'x';
    if (ch >= 'A' && ch <= 'Z') return 'X';
    if (ch >= '0' && ch <= '9') return '9';
    return (ch >= ' ' && ch <= '~') || ch === '\t' || ch === '\n' || ch === '\r' ? ch : '□';
  }
  if (LATIN.test(ch)) return UPPER.test(ch) ? 'X' : 'x';
  if (NUMBER.test(ch)) return '9';
  if (KANA.test(ch) || isVoicingMark(ch)) return 'あ';
  if (HAN.test(ch)) return '漢';
  if (LETTER.test(ch)) return SCRIPT_CLASS.find(([script]) => script.test(ch))?.[1] ?? 'ℓ';
  if (MARK.test(ch)) return '\u0301';
  if (KEPT.test(ch)) return ch;
  return '□';
}

/** The shape of a text: one character of its class for each character (see the rules above). */
export function shapeText(text: string): string {
  if (ASCII_TEXT.test(text)) return text.replace(/[a-z]/g, 'x').replace(/[A-Z]/g, 'X').replace(/[0-9]/g, '9');
  let shaped = '';
  for (const ch of text) shaped += shapeChar(ch);
  return shaped;
}

/** Attributes whose values are structural hooks (the hook rule); every other attribute is text. */
export const HOOK_ATTRIBUTES: ReadonlySet<string> = new Set([
  'id',
  'class',
  'data-test-id',
  'data-testid',
  'data-test',
  'data-cy',
  'data-qa',
  'data-component',
  'name',
  'for',
  'role',
  'slot',
  'part',
  'type',
  'lang',
  'dir',
  'rel',
  'target',
  'method',
  'variant',
  'size',
  'state',
  'autocomplete',
  'inputmode',
  'hidden',
  'disabled',
  'checked',
  'selected',
  'readonly',
  'required',
  'multiple',
  'contenteditable',
  'spellcheck',
  'draggable',
  'tabindex',
  'colspan',
  'rowspan',
  'width',
  'height',
  'charset',
  'aria-hidden',
  'aria-expanded',
  'aria-selected',
  'aria-checked',
  'aria-disabled',
  'aria-live',
  'aria-haspopup',
  'aria-current',
  'aria-labelledby',
  'aria-describedby',
  'aria-controls',
  'aria-level',
]);
/** Attributes that hold a URL (the URL rule). */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'action', 'formaction', 'cite', 'poster', 'data-href', 'data-url']);
/**
 * Words kept in hooks (ids, classes, data-test-ids, tag and attribute names, URLs): the readers'
 * own hooks (every word of lib/pages/selectors.ts, and the classes the readers test by name),
 * HTML tag and attribute names, and words of page layout and of Seller Central's addresses.
 * A word outside it is shaped; a buyer whose name is one of these words ("Page") keeps it in a
 * class or id (never in a text).
 */
const READER_WORDS = 'bubble buyer seller amazon meta hidden table cell size large small secondary';
/** HTML's common tags and attributes (h1…h6 pass as a letter and a digit), layout and Seller Central's words. */
const WORDS =
  'html head body title style script noscript template main header footer nav section article aside div span p em strong sub sup code pre ul ol li dl dt dd caption thead tbody tfoot tr th td col colgroup form fieldset legend label input button select option textarea img picture source iframe frame svg path rect circle use defs symbol figure details summary dialog address time ' +
  'class alt value placeholder content xmlns xlink viewbox view box fill stroke points transform srcset loading property itemprop ' +
  'kat sc myo aui aok js ui row column grid flex inline block container wrapper inner outer text icon image logo btn link menu tab panel page modal popover tooltip dropdown toggle switcher selected item list card area left right top bottom center start end first last next prev primary base mini medium color bold visible active expanded collapsed error warning info success alert notice banner message thread inbox case subject reply response needed status main home detail summary action order customer contact shipping shipment ship deliver delivery date purchase price total quantity sku asin product name channel fulfillment fulfilment tracking carrier confirm cancel cancellation refund return request payment amount marketplace partner account health performance dashboard notification rate late defect valid metric filter search result sort count number key keyvalue spacing margin padding border true false none ref https www sellercentral europe japan com net org gp perf experience mfn fba afn all unshipped pending messaging png jpg gif svg json api data test testid live polite region submit event transaction transactions';

/** The words of a letter run, cut at its camelCase humps: "orderID" is "order", "ID"; "XMLHttp" is "XML", "Http". */
const WORD = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g;

function splitWords(run: string): string[] {
  return run.match(WORD) ?? [];
}

const WORDS_OF_SETS: ReadonlySet<string> = (() => {
  const words = new Set<string>(`${READER_WORDS} ${WORDS}`.split(' '));
  const hooks = [...Object.values(SELECTORS).flatMap((spec) => spec.css), ...HOOK_ATTRIBUTES, ...URL_ATTRIBUTES];
  for (const hook of hooks) for (const word of hook.match(/[A-Za-z]+/g) ?? []) for (const part of splitWords(word)) words.add(part.toLowerCase());
  return words;
})();

/**
 * Whether a word (lower case) is structural: in the vocabulary above, or the plural of a word in it
 * ("orders", "items").
 */
export function isStructuralWord(word: string): boolean {
  return WORDS_OF_SETS.has(word) || (word.endsWith('s') && WORDS_OF_SETS.has(word.slice(0, -1)));
}

function shapeHookRun(run: string): string {
  if (/[^A-Za-z0-9]/.test(run)) return shapeText(run); // letters of other scripts, accents: no hook words there
  if (/^[0-9]+$/.test(run)) return run.length === 1 ? run : '9'.repeat(run.length);
  if (/^[a-z][0-9]$/.test(run)) return run; // h2, v3
  if (/[0-9]/.test(run)) return shapeText(run);
  if (run.length <= 2) return run;
  return run.replace(WORD, (word) => (isStructuralWord(word.toLowerCase()) ? word : shapeText(word)));
}

/** A structural hook (id, class, data-test-id, tag or attribute name) by the hook rule (see above). */
export function shapeHook(value: string): string {
  return value.replace(/[\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]/gu, (run) => {
    if (/^[\p{L}\p{N}\p{M}]/u.test(run)) return shapeHookRun(run);
    return run.length === 1 && run >= ' ' && run <= '~' ? run : shapeText(run);
  });
}

const AMAZON_HOST =
  /^(?:[a-z0-9-]+\.)*(?:amazon\.(?:com|ca|com\.mx|co\.uk|de|fr|it|es|co\.jp|com\.br|com\.au|in|nl|se|pl|sg|ae|sa|com\.tr|eg|com\.be|cn)|media-amazon\.com|ssl-images-amazon\.com|images-amazon\.com)$/;
const SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:', 'javascript:', 'data:', 'blob:', 'about:']);

/** A URL: its scheme and an Amazon host kept, everything else by the hook rule. */
export function shapeUrl(href: string): string {
  const parts = /^([A-Za-z][A-Za-z0-9+.-]*:)?(\/\/[^/?#]*)?([\s\S]*)$/.exec(href)!;
  const [, scheme = '', authority = '', rest = ''] = parts;
  const host = authority.slice(2).toLowerCase();
  const keptHost = authority !== '' && /^[a-z0-9.-]+$/.test(host) && (AMAZON_HOST.test(host) || SELLER_CENTRAL_HOSTS.some((h) => h.hostname === host));
  return (SCHEMES.has(scheme.toLowerCase()) ? scheme : shapeHook(scheme)) + (keptHost ? authority : shapeHook(authority)) + shapeHook(rest);
}

const MARKETPLACE_IDS: ReadonlySet<string> = new Set(Object.values(MARKETPLACES).map((m) => m.amazonId));

function shapeAttribute(name: string, value: string): string {
  if (name === 'data-marketplace_selection' && MARKETPLACE_IDS.has(value)) return value;
  if (HOOK_ATTRIBUTES.has(name) || name === 'data-marketplace_selection') return shapeHook(value);
  if (URL_ATTRIBUTES.has(name)) return shapeUrl(value);
  return shapeText(value);
}

// ---------------------------------------------------------------------------------------------
// The skeleton: its nodes in document order, each naming its parent by index.

const Parent = z.lazy(() => z.number().check(z.int(), z.minimum(-1)));
const Name = z.lazy(() => z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[^\s"'<>/=\p{Cc}]+$/u)));
const Shaped = z.lazy(() => z.string().check(z.maxLength(MAX_TEXT)));

const ElementNode = z.lazy(() =>
  z.strictObject({
    parent: Parent,
    tag: Name,
    ns: z.optional(z.enum(['svg', 'math'])),
    attrs: z.optional(z.array(z.tuple([Name, Shaped])).check(z.maxLength(500))),
  }),
);
const TextNode = z.lazy(() => z.strictObject({ parent: Parent, text: Shaped }));
/** An element's open shadow root, or a frame's document: the nodes under it name it as parent. */
const RootNode = z.lazy(() => z.strictObject({ parent: Parent, root: z.enum(['shadow', 'frame']) }));

export const SkeletonNode = z.lazy(() => z.union([ElementNode, TextNode, RootNode]));
export type SkeletonNode = z.infer<typeof SkeletonNode>;

export const Skeleton = z.lazy(() =>
  z.strictObject({
    format: z.literal(SKELETON_FORMAT),
    version: z.literal(1),
    /** The page's address, shaped by the URL rule (the readers recognise the page from it). */
    url: z.string().check(z.maxLength(4_000)),
    nodes: z.array(SkeletonNode).check(z.maxLength(MAX_SKELETON_NODES)),
    /** Nodes left out because the page had more than MAX_SKELETON_NODES; texts cut at MAX_TEXT. */
    cut: z.optional(TreeCut),
  }),
);
export type Skeleton = z.infer<typeof Skeleton>;

export interface SkeletonOptions extends PageTreeOptions {
  /** The page's address (shaped into the skeleton). */
  readonly url: string;
}

/** A tag or attribute name as the skeleton can hold it (a parser lets through `<a=b>` or `a"b=`). */
function shapeName(name: string): string {
  return (
    shapeHook(name)
      .replace(/[\s"'<>/=\p{Cc}]/gu, '_')
      .slice(0, 200) || '_'
  );
}

/** The skeleton of a page's tree (lib/pages/page-tree.ts): every node kept, its text shaped. */
export function shapeTree(tree: PageTree, url: string): Skeleton {
  const nodes = tree.nodes.map((node): SkeletonNode => {
    if ('text' in node) return { parent: node.parent, text: isHeaderCell(tree.nodes[node.parent]) && isColumnHeader(node.text) ? node.text : shapeText(node.text) };
    if ('root' in node) return node;
    const attrs = node.attrs?.map(([name, value]): [string, string] => [shapeName(name), shapeAttribute(name.toLowerCase(), value)]);
    return { parent: node.parent, tag: shapeName(node.tag), ...(node.ns ? { ns: node.ns } : {}), ...(attrs ? { attrs } : {}) };
  });
  return { format: SKELETON_FORMAT, version: 1, url: shapeUrl(url).slice(0, 4_000), nodes, ...(tree.cut ? { cut: tree.cut } : {}) };
}

const CELL_TAGS: ReadonlySet<string> = new Set(['th', 'td', 'kat-table-cell']);
const CELL_ROLES: ReadonlySet<string> = new Set(['columnheader', 'cell', 'gridcell']);

/** A table cell (the only place a column name is kept verbatim). */
function isHeaderCell(node: PageTree['nodes'][number] | undefined): boolean {
  if (!node || !('tag' in node)) return false;
  if (CELL_TAGS.has(node.tag.toLowerCase())) return true;
  const role = node.attrs?.find(([name]) => name.toLowerCase() === 'role')?.[1];
  return role !== undefined && CELL_ROLES.has(role.toLowerCase());
}

/**
 * The skeleton of a document (from its root element) or of one element, with open shadow roots
 * and same-origin frames: its tree, shaped.
 */
export function buildSkeleton(root: Document | Element, options: SkeletonOptions): Skeleton {
  return shapeTree(collectPageTree(root, options), options.url);
}

// ---------------------------------------------------------------------------------------------
// Reading a skeleton back

export type ParsedSkeleton = { ok: true; skeleton: Skeleton } | { ok: false; error: string };

/**
 * Checks a skeleton read from a file: its schema, then its tree (every parent comes before its
 * children and can have them, one shadow root per element, frames only under frame elements).
 */
export function parseSkeleton(raw: unknown): ParsedSkeleton {
  const parsed = Skeleton.safeParse(raw);
  if (!parsed.success) return { ok: false, error: `not a page skeleton of this version: ${z.prettifyError(parsed.error)}` };
  const { nodes } = parsed.data;
  const shadowed = new Set<number>();
  const framed = new Set<number>();
  let tops = 0;
  for (const [index, node] of nodes.entries()) {
    const at = `node ${index}`;
    if (node.parent >= index) return { ok: false, error: `${at} names a parent (${node.parent}) that does not come before it` };
    if (node.parent === -1) {
      tops++;
      if (tops > 1 || !('tag' in node)) return { ok: false, error: `${at}: the skeleton must have exactly one top element` };
      continue;
    }
    const parent = nodes[node.parent]!;
    if ('text' in parent) return { ok: false, error: `${at} is under a text (node ${node.parent})` };
    if ('root' in node) {
      if (!('tag' in parent)) return { ok: false, error: `${at}: a ${node.root} root must be under an element` };
      if (node.root === 'shadow' && shadowed.has(node.parent)) return { ok: false, error: `${at}: element ${node.parent} has two shadow roots` };
      if (node.root === 'shadow') shadowed.add(node.parent);
      if (node.root === 'frame' && !/^i?frame$/i.test(parent.tag)) return { ok: false, error: `${at}: a frame's document under <${parent.tag}>` };
    }
    if ('root' in parent && parent.root === 'frame') {
      if (!('tag' in node) || framed.has(node.parent)) return { ok: false, error: `${at}: a frame's document holds one element` };
      framed.add(node.parent);
    }
  }
  if (nodes.length > 0 && tops !== 1) return { ok: false, error: 'the skeleton has no top element' };
  return { ok: true, skeleton: parsed.data };
}

const NAMESPACE_URI = { svg: 'http://www.w3.org/2000/svg', math: 'http://www.w3.org/1998/Math/MathML' } as const;

/**
 * Builds a document from a checked skeleton, for the page readers: `newDocument` gives an empty
 * HTML document (the page, and one per frame). Shadow roots are attached open; a frame's document
 * is set as its contentDocument. An element or attribute the DOM refuses is noted, not fatal.
 */
export function rebuildFromSkeleton(skeleton: Skeleton, newDocument: () => Document): { document: Document; problems: string[] } {
  const document = newDocument();
  const problems: string[] = [];
  // What each skeleton node became: an element, a text, or the parent node its children go into.
  const built: (Node | undefined)[] = [];
  const owner: Document[] = [];
  for (const [index, node] of skeleton.nodes.entries()) {
    const parent = node.parent === -1 ? undefined : built[node.parent];
    const doc = node.parent === -1 ? document : owner[node.parent]!;
    if (node.parent !== -1 && parent === undefined) continue; // under a node that could not be built
    if ('text' in node) {
      try {
        parent?.appendChild(doc.createTextNode(node.text));
      } catch {
        problems.push(`node ${index}: a text cannot go there`);
      }
      continue;
    }
    if ('root' in node) {
      const host = parent as Element;
      if (node.root === 'shadow') {
        try {
          built[index] = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
          owner[index] = doc;
        } catch (error) {
          problems.push(`node ${index}: no shadow root on <${host.localName}> (${error instanceof Error ? error.message : String(error)})`);
        }
      } else {
        const frame = newDocument();
        frame.documentElement?.remove();
        Object.defineProperty(host, 'contentDocument', { value: frame, configurable: true });
        built[index] = frame;
        owner[index] = frame;
      }
      continue;
    }
    let element: Element;
    try {
      element = node.ns ? doc.createElementNS(NAMESPACE_URI[node.ns], node.tag) : doc.createElement(node.tag);
    } catch (error) {
      problems.push(`node ${index}: <${node.tag}> cannot be built (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    for (const [name, value] of node.attrs ?? []) {
      try {
        element.setAttribute(name, value);
      } catch {
        problems.push(`node ${index}: attribute ${name} cannot be set`);
      }
    }
    try {
      if (node.parent === -1) {
        const top = document.documentElement;
        if (top) document.replaceChild(element, top);
        else document.appendChild(element);
      } else parent!.appendChild(element);
    } catch (error) {
      problems.push(`node ${index}: <${node.tag}> cannot go there (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    built[index] = element;
    owner[index] = doc;
  }
  return { document, problems };
}
