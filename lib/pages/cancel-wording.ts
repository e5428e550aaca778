/**
 * Amazon's words for a buyer's official cancellation request, as Seller Central shows them on the
 * order pages, and what a piece of alert text says about it. Pure (strings in, a verdict out).
 *
 * Only wording with a source is matched (docs/seller-central-pages.md §2a): Amazon's English
 * banner sentence (help G201722390), the English filter name "Buyer Requested Cancel(lation)" from
 * the same page, and two Japanese fragments from Amazon's own Japanese pages (キャンセルリクエスト:
 * the requests "are shown in a banner on the Manage Orders page"; 購入者のリクエストによるキャンセル:
 * the order report field that is the English "Buyer Requested Cancel"). No public source shows the
 * Japanese banner sentence or the banner in German, French, Italian or Spanish: such text is
 * "could not tell", never a request. A fragment counts only in the order's own place (its row, its
 * order page's app, its item's status cell), which the page readers decide.
 */

/**
 * Amazon's words for a request: [pattern, whole sentence (true) or fragment (false)]. Each entry's
 * source and grade: docs/seller-central-pages.md §2a.
 */
export const CANCEL_REQUEST_WORDING: readonly (readonly [RegExp, boolean])[] = [
  // A: help G201722390 (US), the banner "The buyer has requested that this order be canceled. …" (UK spelling accepted)
  [/\bthe buyer has requested that this order be cancell?ed\b/i, true],
  // A: help G201722390 (US), the filter "Buyer Requested Cancel", "orders that have a Buyer Requested Cancellation"
  [/\bbuyer[- ]requested cancel(?:l?ation)?\b/i, false],
  // A for the word (not the banner sentence): JP forum 102696 / help PNRJVBQMJRS942V,
  // 「キャンセルリクエストは、購入者都合のキャンセルごとに、注文管理ページのバナーに表示されます」
  [/キャンセルリクエスト/, false],
  // A: JP forum 102696, the order report field 「購入者のリクエストによるキャンセル」 (= "Buyer Requested Cancel")
  [/購入者のリクエストによるキャンセル/, false],
];

/**
 * Words that take the request back or deny it, next to the request's own words. Not evidenced
 * (they are our guard): a match turns a request into "could not tell", never the other way.
 * Amazon's own banner says "will not affect your Cancellation Rate", so a bare "not" is no denial.
 */
const DENIAL: readonly RegExp[] = [
  /\bno (?:pending |open |new )?(?:buyer[- ]requested )?cancell?ation(?: requests?)?\b/i,
  /\bnot (?:been )?requested\b|\bwithdr[ae]wn?\b|\brevoked\b|\bno longer\b/i,
  /キャンセルリクエスト(?:は|が)?(?:ありません|ない|なし|取り下げ|撤回)|取り下げ|撤回/,
];

/** Cancellation in the languages Seller Central is offered in, to notice text we cannot read. */
const CANCEL_STEM_EN = /\bcancel(?:s|led|ed|ling|ing|l?ations?)?\b/i;
const CANCEL_STEM_JA = /キャンセル|取り消|取消/;
const CANCEL_STEM_OTHER = /storn|annul|cancela|cancella|cancelad|anulow|annuler|iptal|취소|取消|إلغاء|avbe?st|zrušen/i;

export const ORDER_ID_GLOBAL = /\b\d{3}-\d{7}-\d{7}\b/g;

export type AlertVerdict =
  | { readonly kind: 'request'; readonly sentence: boolean; readonly orderIds: readonly string[] }
  /** Mentions the request but takes it back or denies it. */
  | { readonly kind: 'denied'; readonly orderIds: readonly string[] }
  /** Mentions cancellation but not in Amazon's words for a request; `foreign`: in a language without evidenced wording. */
  | { readonly kind: 'other'; readonly foreign: boolean; readonly orderIds: readonly string[] }
  | { readonly kind: 'unrelated' };

/** What an item's status cell (or any text) says in Amazon's words: a request, a denied one, or nothing. */
export function readStatusText(text: string): 'request' | 'denied' | undefined {
  if (!CANCEL_REQUEST_WORDING.some(([pattern]) => pattern.test(text))) return undefined;
  return DENIAL.some((d) => d.test(text)) ? 'denied' : 'request';
}

/** What one alert's text says about a buyer's official cancellation request. */
export function readAlertText(text: string): AlertVerdict {
  const orderIds = [...new Set(text.match(ORDER_ID_GLOBAL) ?? [])];
  const said = readStatusText(text);
  if (said === 'request') return { kind: 'request', sentence: CANCEL_REQUEST_WORDING.some(([pattern, sentence]) => sentence && pattern.test(text)), orderIds };
  if (said) return { kind: 'denied', orderIds };
  // English, or Japanese (kana), about cancellation but not in Amazon's words; or another language.
  if (CANCEL_STEM_EN.test(text) || (CANCEL_STEM_JA.test(text) && /[\u3040-\u30ff]/.test(text))) return { kind: 'other', foreign: false, orderIds };
  if (CANCEL_STEM_OTHER.test(text) || CANCEL_STEM_JA.test(text)) return { kind: 'other', foreign: true, orderIds };
  return { kind: 'unrelated' };
}

/** The text with Amazon's request wording taken out (so "キャンセルリクエスト" in a status cell is not read as "cancelled"). */
export function withoutRequestWording(text: string): string {
  return CANCEL_REQUEST_WORDING.reduce((rest, [pattern]) => rest.replace(new RegExp(pattern.source, `${pattern.flags}g`), ' '), text)
    .replace(/\s+/g, ' ')
    .trim();
}
