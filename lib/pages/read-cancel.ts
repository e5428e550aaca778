/**
 * A buyer's official cancellation request as the order pages show it, for when the order app's
 * JSON is not seen (an old page, a changed API, a reload from cache, a browser without the
 * main-world observer). The banner's markup is not evidenced (docs/seller-central-pages.md §2), so
 * it is read by its TEXT inside any alert-like element — `kat-alert` (its header and description
 * attributes, its light text and its open shadow root), `[role=alert]`, `.a-alert` — never by one
 * class name; the item-status marker by the text of the item's status cell.
 *
 * Doubtful evidence never becomes a request: a banner naming another order, two different
 * banners, words that deny the request, cancellation in a language without evidenced wording, or
 * text about cancellation that is not Amazon's wording for a request, all give "could not tell".
 * The page never says "no request" either: absence of a banner is not evidence. Pure: the root to
 * read comes in as an argument.
 */
import { cleanText, queryRoots, runSteps, searchRootsInSteps, type ReadRoot } from './dom';
import { readAlertText, readStatusText, type AlertVerdict } from './cancel-wording';
import { SELECTORS } from './selectors';
import type { BuyerRequestedCancel, OrderItem, RequestedItem } from './snapshot';

const QUOTE_MAX = 300;
/** At most this many alerts are read on a page (a real page shows a handful; more is not Seller Central's). */
const MAX_ALERTS = 200;

/** The element in the light DOM that holds this one (itself, or the host of its shadow root, recursively). */
export function lightElement(element: Element): Element {
  let current = element;
  for (let i = 0; i < 50; i++) {
    const root = current.getRootNode();
    const host = (root as Partial<ShadowRoot>).host;
    if (!host) return current;
    current = host;
  }
  return current;
}

/** Our own sidebar and inline warning (their hosts sit in the page): never read as the page's alerts. */
const isOwnUi = (element: Element) => lightElement(element).closest('seller-sidekick, seller-sidekick-inline') !== null;

/** Visible text under a node: text nodes outside <style>/<script>, joined by `separator`. */
function visibleText(root: Node, separator: string): string {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node && length < 5_000; node = walker.nextNode()) {
    const parent = node.parentElement?.tagName;
    if (parent === 'STYLE' || parent === 'SCRIPT' || parent === 'TEMPLATE') continue;
    const text = node.textContent ?? '';
    parts.push(text);
    length += text.length;
  }
  return parts.join(separator);
}

/** An element's text with a space between its text nodes ("Unshipped" and "Buyer Requested Cancel" in two spans stay two words). */
export function spacedText(element: Element): string {
  return cleanText(visibleText(element, ' '));
}

/** The text as the page runs it together ("<b>cancel</b>ed" is one word), for matching beside the spaced text. */
export function joinedText(element: Element): string {
  return cleanText(visibleText(element, ''));
}

/** All the words an alert shows: kat-alert's header/description attributes, its text, its open shadow root's text. */
export function alertText(alert: Element, separator = ' '): string {
  const pieces = [alert.getAttribute('header'), alert.getAttribute('description'), visibleText(alert, separator), alert.shadowRoot ? visibleText(alert.shadowRoot, separator) : '']
    .map((piece) => cleanText(piece ?? ''))
    .filter((piece) => piece !== '');
  // The shadow root often renders the attributes again: each distinct piece once.
  const distinct = pieces.filter((piece, i) => !pieces.some((other, j) => j !== i && other.includes(piece) && (other !== piece || j < i)));
  return cleanText(distinct.join(' '));
}

/** Alert-like elements of the page (open shadow roots and same-origin frames included), outermost only, our own UI left out. */
export function alertElements(root: ReadRoot): Element[] {
  return runSteps(alertElementsInSteps(root));
}

/** `alertElements` as steps of a walk of the page (`searchRootsInSteps`): a long page's walk is tens of ms. */
export function* alertElementsInSteps(root: ReadRoot): Generator<void, Element[]> {
  const roots = yield* searchRootsInSteps(root);
  const css = SELECTORS.alerts.css.join(', ');
  // Bounded: hostile markup with thousands of nested alerts is cut, not walked alert by ancestor.
  return queryRoots(roots, SELECTORS.alerts.css)
    .slice(0, 5 * MAX_ALERTS)
    .filter((alert) => !isOwnUi(alert) && !alert.parentElement?.closest(css));
}

export interface AlertReading {
  readonly element: Element;
  readonly text: string;
  readonly verdict: AlertVerdict;
}

export function readAlerts(alerts: readonly Element[]): AlertReading[] {
  return alerts.slice(0, MAX_ALERTS).map((element) => {
    const text = alertText(element);
    const spaced = readAlertText(text);
    // Words split over elements read both ways: "<span>Unshipped</span><span>Buyer…</span>" spaced, "<b>cancel</b>ed" joined.
    const joined = spaced.kind === 'request' ? spaced : readAlertText(alertText(element, ''));
    return { element, text, verdict: joined.kind === 'request' ? joined : spaced };
  });
}

const quote = (text: string) => (text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1)}…` : text);

export interface CancelOnPage {
  /** What the page shows, when it shows a request clearly. */
  readonly value?: BuyerRequestedCancel;
  /** Why it could not tell (English, for "What I read"); set only when `value` is not. */
  readonly doubt?: string;
}

/**
 * The request as the page shows it for one order: the alerts in the order's own place (`inPlace`;
 * a fragment of Amazon's wording counts only there), the alerts elsewhere on its page (only
 * Amazon's whole sentence, which names "this order" itself, counts there), and each item's status
 * cell text (`statusTexts[i]` for `items[i]`).
 */
export function cancelOnPage(orderId: string, inPlace: readonly AlertReading[], elsewhere: readonly AlertReading[], items: readonly OrderItem[], statusTexts: readonly string[]): CancelOnPage {
  const doubts: string[] = [];
  const requests = new Map<string, AlertReading & { verdict: Extract<AlertVerdict, { kind: 'request' }> }>();
  const consider = (reading: AlertReading, placed: boolean) => {
    const { verdict, text } = reading;
    if (verdict.kind === 'unrelated') return;
    const others = verdict.orderIds.filter((id) => id !== orderId);
    const namesThis = verdict.orderIds.includes(orderId);
    if (others.length > 0) return doubts.push(`an alert names another order (${others.join(', ')}): "${quote(text)}"`);
    // A fragment outside the order's place, or anything else there, is not about this order (news, other tools).
    if (!placed && !namesThis && !(verdict.kind === 'request' && verdict.sentence)) return;
    if (verdict.kind === 'request') return requests.set(text, { ...reading, verdict });
    doubts.push(
      `an alert ${verdict.kind === 'denied' ? "uses Amazon's words but takes the request back or denies it" : verdict.foreign ? 'mentions cancellation in a language without known wording' : "mentions cancellation, but not in Amazon's words for a buyer's request"}: "${quote(text)}"`,
    );
  };
  for (const reading of inPlace) consider(reading, true);
  for (const reading of elsewhere) consider(reading, false);
  if (requests.size > 1) doubts.push(`${requests.size} different banners: ${[...requests.keys()].map((t) => `"${quote(t)}"`).join(' / ')}`);

  const marked: RequestedItem[] = [];
  statusTexts.forEach((text, index) => {
    const status = readStatusText(text);
    if (status === 'denied') doubts.push(`item ${index + 1}'s status takes the request back or denies it: "${quote(text)}"`);
    if (status === 'request') marked.push({ index, ...(items[index]?.asin ? { asin: items[index].asin } : {}) });
  });

  if (doubts.length > 0) return { doubt: `could not tell: ${doubts.join('; ')}`.slice(0, 1_000) };
  const banner = [...requests.values()][0];
  const bannerValue: BuyerRequestedCancel | undefined = banner && {
    requested: true,
    source: 'page-banner',
    wording: banner.verdict.sentence ? 'sentence' : 'fragment',
    quote: quote(banner.text),
  };
  if (marked.length === 0) return bannerValue ? { value: bannerValue } : {};
  const markerQuote = quote(statusTexts[marked[0]!.index] ?? '');
  if (marked.length === items.length) {
    // Every item carries the marker: the whole order. The banner, when there is one, agrees.
    return { value: bannerValue ?? { requested: true, source: 'item-status', wording: 'fragment', quote: markerQuote } };
  }
  // Some items only: no permission to cancel the order. A banner for the whole order disagrees.
  return {
    value: {
      requested: false,
      source: 'item-status',
      wording: 'fragment',
      quote: markerQuote,
      items: marked,
      ...(bannerValue ? { disagreement: bannerValue } : {}),
    },
  };
}
