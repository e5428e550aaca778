/**
 * Amazon's buyer return reasons (amazon-return-reasons.json, with the source of every wording): the
 * fixed list a buyer picks from when asking for a return, which Amazon prints in return requests,
 * return notices and reports. Each reason maps to one of our intents by meaning; its wordings
 * become rules `<lang>.amazon-reason.<intent>` (rules.ts), whose weights the model learns.
 */
import REASONS from './amazon-return-reasons.json';
import type { Intent, Language } from './types';

export interface AmazonReturnReasonWording {
  readonly lang: Language;
  /** As the source shows it. */
  readonly text: string;
  /** The normalised parts matched (normalize.ts). */
  readonly phrases: readonly string[];
  /** A key of `AMAZON_RETURN_REASON_SOURCES`. */
  readonly source: string;
  readonly note?: string;
}

export interface AmazonReturnReason {
  /** Amazon's reason code where a source gives it, else the help page's row. */
  readonly key: string;
  readonly intent: Intent;
  /** The row of Seller Central help page 202080050's table of return reasons. */
  readonly helpRow: number;
  readonly wordings: readonly AmazonReturnReasonWording[];
}

export const AMAZON_RETURN_REASONS = REASONS.reasons as readonly AmazonReturnReason[];
export const AMAZON_RETURN_REASON_SOURCES = REASONS.sources as Readonly<Record<string, { readonly url: string; readonly grade: string }>>;

/** The phrases of every reason, grouped by language and intent, in table order. */
export function returnReasonPhrases(): Map<Language, Map<Intent, string[]>> {
  const byLang = new Map<Language, Map<Intent, string[]>>();
  for (const reason of AMAZON_RETURN_REASONS) {
    for (const wording of reason.wordings) {
      const byIntent = byLang.get(wording.lang) ?? new Map<Intent, string[]>();
      byLang.set(wording.lang, byIntent);
      const phrases = byIntent.get(reason.intent) ?? [];
      byIntent.set(reason.intent, phrases);
      for (const phrase of wording.phrases) if (!phrases.includes(phrase)) phrases.push(phrase);
    }
  }
  return byLang;
}
