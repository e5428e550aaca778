/**
 * The classifier contract (DESIGN.md "Classifier contract", shared with the evaluation harness:
 * intent ids, flags and the result shape must not be renamed).
 */
import * as z from 'zod/mini';

export const INTENTS = [
  'cancel-request',
  'cancel-inquiry',
  'cancel-not-honored',
  'where-is-order',
  'address-change',
  'return-refund',
  'defective',
  'counterfeit',
  'condition-mismatch',
  'wrong-item',
  'invoice-request',
  'product-question',
  'delivery-failure',
  'listing-removed',
  'a-to-z-claim',
  'other',
] as const;
export type Intent = (typeof INTENTS)[number];

export const FLAGS = ['foreign-redirect', 'mentions-review', 'mentions-claim', 'relisting-mentioned', 'angry'] as const;
export type Flag = (typeof FLAGS)[number];

export const LANGUAGES = ['ja', 'en', 'de', 'fr', 'it', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const MARKETPLACE_CODES = ['US', 'CA', 'MX', 'UK', 'DE', 'FR', 'IT', 'ES', 'JP'] as const;

export const ClassifyInput = z.object({
  subject: z.optional(z.string()),
  body: z.string(),
  sender: z.optional(z.enum(['buyer', 'amazon', 'seller'])),
  marketplace: z.optional(z.string()),
  order: z.optional(
    z.object({
      buyerRequestedCancel: z.optional(z.boolean()),
      fulfilment: z.optional(z.enum(['FBA', 'MFN'])),
      status: z.optional(z.string()),
      shipToCountry: z.optional(z.string()),
    }),
  ),
});
export type ClassifyInput = z.infer<typeof ClassifyInput>;

/** The evidence rule id when no rule or word weighed for the intent: the model decided on the message as a whole. */
export const MODEL_EVIDENCE = 'model.linear';
/** The evidence rule id of a word that weighed for the intent (the model's, not a rule's). */
export const WORD_EVIDENCE = 'model.word';

/** A span of the input that a rule matched: offsets into `subject` or `body` as given. */
export interface Evidence {
  readonly field: 'subject' | 'body' | 'context';
  readonly start: number;
  readonly end: number;
  /** The rule id (lib/classify/rules.ts), e.g. "en.cancel.word". */
  readonly rule: string;
  /** What the rule is evidence for. */
  readonly target: Intent | Flag;
}

/**
 * Which of Amazon's signals made a message an official cancellation request. Only these can:
 * the order's buyer-requested-cancel flag (Amazon's order data or page), Amazon's request
 * subject as the thread's subject, or a message the page shows as sent by Amazon with its
 * request wording. The words in a buyer's message never are one.
 */
export const OFFICIAL_SOURCES = ['order-flag', 'amazon-subject', 'amazon-sender'] as const;
export type OfficialSource = (typeof OFFICIAL_SOURCES)[number];

export interface Classification {
  readonly intent: Intent;
  /** Set exactly when intent is `cancel-request`: the Amazon signal it rests on. */
  readonly official?: OfficialSource;
  readonly confidence: number;
  readonly language: Language;
  readonly flags: readonly Flag[];
  readonly evidence: readonly Evidence[];
  readonly scores: Readonly<Partial<Record<Intent, number>>>;
  /**
   * The model was not sure enough of any intent and abstained: the intent is `other` with a low
   * confidence, and `scores` still say what it leaned to. The sidebar says it is unsure.
   */
  readonly unsure?: boolean;
}
