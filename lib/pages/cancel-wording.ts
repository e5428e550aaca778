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

export type WordingLanguage = 'en' | 'ja';

export interface CancelWordingEntry {
  readonly id: string;
  readonly language: WordingLanguage;
  readonly kind: 'sentence' | 'fragment';
  readonly pattern: RegExp;
}

/** Each entry's source and grade: docs/seller-central-pages.md §2a. */
export const CANCEL_REQUEST_WORDING: readonly CancelWordingEntry[] = [
  // A: help G201722390 (US), the banner "The buyer has requested that this order be canceled. …"
  {
    id: 'en-banner-sentence',
    language: 'en',
    kind: 'sentence',
    // US spelling in the source; the UK pages spell "cancelled".
    pattern: /\bthe buyer has requested that this order be cancell?ed\b/i,
  },
  // A: help G201722390 (US), the filter "Buyer Requested Cancel", "orders that have a Buyer Requested Cancellation"
  {
    id: 'en-buyer-requested-cancel',
    language: 'en',
    kind: 'fragment',
    pattern: /\bbuyer[- ]requested cancel(?:l?ation)?\b/i,
  },
  // A for the word (not the banner sentence): JP forum 102696 / help PNRJVBQMJRS942V,
  // 「キャンセルリクエストは、購入者都合のキャンセルごとに、注文管理ページのバナーに表示されます」
  {
    id: 'ja-cancel-request',
    language: 'ja',
    kind: 'fragment',
    pattern: /キャンセルリクエスト/,
  },
  // A: JP forum 102696, the order report field 「購入者のリクエストによるキャンセル」 (= "Buyer Requested Cancel")
  {
    id: 'ja-buyer-requested-cancel',
    language: 'ja',
    kind: 'fragment',
    pattern: /購入者のリクエストによるキャンセル/,
  },
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
const KANA = /[\u3040-\u30ff]/;

export const ORDER_ID_GLOBAL = /\b\d{3}-\d{7}-\d{7}\b/g;

export type AlertVerdict =
  | { readonly kind: 'request'; readonly wording: 'sentence' | 'fragment'; readonly language: WordingLanguage; readonly entry: string; readonly orderIds: readonly string[] }
  /** Mentions the request but takes it back or denies it. */
  | { readonly kind: 'denied'; readonly orderIds: readonly string[] }
  /** Mentions cancellation in English or Japanese, but not in Amazon's words for a request. */
  | { readonly kind: 'other-cancel'; readonly language: WordingLanguage; readonly orderIds: readonly string[] }
  /** Mentions cancellation in a language we have no evidenced wording for. */
  | { readonly kind: 'unknown-language'; readonly orderIds: readonly string[] }
  | { readonly kind: 'unrelated' };

/** What one alert's text says about a buyer's official cancellation request. */
export function readAlertText(text: string): AlertVerdict {
  const orderIds = [...new Set(text.match(ORDER_ID_GLOBAL) ?? [])];
  const entry = CANCEL_REQUEST_WORDING.find((w) => w.pattern.test(text));
  if (entry) {
    if (DENIAL.some((d) => d.test(text))) return { kind: 'denied', orderIds };
    return { kind: 'request', wording: entry.kind, language: entry.language, entry: entry.id, orderIds };
  }
  if (CANCEL_STEM_EN.test(text)) return { kind: 'other-cancel', language: 'en', orderIds };
  if (CANCEL_STEM_JA.test(text) && KANA.test(text)) return { kind: 'other-cancel', language: 'ja', orderIds };
  if (CANCEL_STEM_OTHER.test(text) || CANCEL_STEM_JA.test(text)) return { kind: 'unknown-language', orderIds };
  return { kind: 'unrelated' };
}

/** What an item's status cell says: only Amazon's words count here (a status cell of a cancelled item says "Cancelled"). */
export function readStatusText(text: string): 'request' | 'denied' | undefined {
  const entry = CANCEL_REQUEST_WORDING.find((w) => w.pattern.test(text));
  if (!entry) return undefined;
  return DENIAL.some((d) => d.test(text)) ? 'denied' : 'request';
}

/** The text with Amazon's request wording taken out (so "キャンセルリクエスト" in a status cell is not read as "cancelled"). */
export function withoutRequestWording(text: string): string {
  return CANCEL_REQUEST_WORDING.reduce((rest, w) => rest.replace(new RegExp(w.pattern.source, `${w.pattern.flags.replace('g', '')}g`), ' '), text)
    .replace(/\s+/g, ' ')
    .trim();
}
