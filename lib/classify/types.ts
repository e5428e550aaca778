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

/** The input's object schema, built when asked for (scripts extend it). */
export const classifyInputObject = () =>
  z.object({
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

/** What the classifier reads, checked at the boundary (built on first use). */
export const ClassifyInput = z.lazy(classifyInputObject);
export type ClassifyInput = z.infer<typeof ClassifyInput>;

/** The evidence rule id when no rule or word weighed for the intent: the model decided on the message as a whole. */
export const MODEL_EVIDENCE = 'model.linear';
/** The evidence rule id of a word that weighed for the intent (the model's, not a rule's). */
export const WORD_EVIDENCE = 'model.word';

/** A span of the input that a rule matched: offsets into `subject` or `body` as given. */
export const EvidenceSchema = z.lazy(() =>
  z.object({
    field: z.enum(['subject', 'body', 'context']),
    start: z.number().check(z.int(), z.minimum(0)),
    end: z.number().check(z.int(), z.minimum(0)),
    /** The rule id (lib/classify/rules.ts), e.g. "en.cancel.word". */
    rule: z.string().check(z.maxLength(100)),
    /** What the rule is evidence for. */
    target: z.enum([...INTENTS, ...FLAGS]),
  }),
);
export type Evidence = Readonly<z.infer<typeof EvidenceSchema>>;

/**
 * Which of Amazon's signals made a message an official cancellation request. Only these can:
 * the order's buyer-requested-cancel flag (Amazon's order data or page), Amazon's request
 * subject as the thread's subject, or a message the page shows as sent by Amazon with its
 * request wording. The words in a buyer's message never are one.
 */
export const OFFICIAL_SOURCES = ['order-flag', 'amazon-subject', 'amazon-sender'] as const;
export type OfficialSource = (typeof OFFICIAL_SOURCES)[number];

/**
 * What the classifier says of a message (DESIGN.md contract), as checked wherever it crosses a
 * boundary (lib/messaging.ts). `official` is set exactly when intent is `cancel-request`: the
 * Amazon signal it rests on. `unsure`: the model was not sure enough of any intent and abstained
 * (the intent is `other` with a low confidence, and `scores` still say what it leaned to); the
 * sidebar says it is unsure.
 */
export const ClassificationSchema = z.lazy(() =>
  z
    .object({
      intent: z.enum(INTENTS),
      confidence: z.number().check(z.minimum(0), z.maximum(1)),
      language: z.enum(LANGUAGES),
      flags: z.array(z.enum(FLAGS)),
      evidence: z.array(EvidenceSchema),
      scores: z.record(z.enum(INTENTS), z.optional(z.number())),
      official: z.optional(z.enum(OFFICIAL_SOURCES)),
      unsure: z.optional(z.boolean()),
    })
    .check(
      // An official cancellation request always names the Amazon signal it rests on, and only it does.
      z.refine((c) => (c.intent === 'cancel-request') === (c.official !== undefined), 'cancel-request needs its official source, and only it has one'),
    ),
);
type ClassificationData = z.infer<typeof ClassificationSchema>;
export interface Classification extends Readonly<Omit<ClassificationData, 'flags' | 'evidence' | 'scores'>> {
  readonly flags: readonly Flag[];
  readonly evidence: readonly Evidence[];
  readonly scores: Readonly<Partial<Record<Intent, number>>>;
}
