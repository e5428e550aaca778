/**
 * Typed messages between the content script and the background (with lib/storage, the only impure
 * part of lib/). Every request and every answer is checked with Zod on arrival: a page cannot
 * talk to the background (only the extension's own contexts can), but a bug or an old content
 * script after an update can, and neither may crash the other.
 *
 * Buyer messages travel here only to be classified in the background, where the model lives (it
 * is too large for the content script); a page's tree travels here only to be shaped into its
 * skeleton ("Save the page's outline": the shaping rules are too large for the content script
 * too). Nothing is stored or sent anywhere else.
 */
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { CorrectionLayerSchema, type CorrectionLayer } from './classify/corrections';
import { ClassifyInput, FLAGS, INTENTS, LANGUAGES, OFFICIAL_SOURCES, type Classification, type Intent } from './classify/types';
import type { AdviceInput } from './guidance/advise';
import { DEADLINE_KINDS, FINDING_IDS, SEVERITIES, SOURCE_IDS, type Finding } from './guidance/types';
import { PageTree } from './pages/page-tree';
import { PageControl, PageSnapshot } from './pages/snapshot';
import { AccountHealthReading } from './settings';
import { TEMPLATE_IDS } from './templates/ids';
import { OrderWatch, WatchChange } from './watch';

export const MAX_CLASSIFY_BATCH = 50;
/** Order records per write request (an order list's page of rows fits in one or two). */
export const MAX_REMEMBER_BATCH = 250;

const Evidence = z.object({
  field: z.enum(['subject', 'body', 'context']),
  start: z.number().check(z.int(), z.minimum(0)),
  end: z.number().check(z.int(), z.minimum(0)),
  rule: z.string().check(z.maxLength(100)),
  target: z.enum([...INTENTS, ...FLAGS]),
});

export const ClassificationSchema = z.object({
  intent: z.enum(INTENTS),
  confidence: z.number().check(z.minimum(0), z.maximum(1)),
  language: z.enum(LANGUAGES),
  flags: z.array(z.enum(FLAGS)),
  evidence: z.array(Evidence),
  scores: z.record(z.enum(INTENTS), z.optional(z.number())),
  official: z.optional(z.enum(OFFICIAL_SOURCES)),
  /** The classifier abstained (intent other, low confidence): the sidebar says it is unsure. */
  unsure: z.optional(z.boolean()),
}).check(
  // An official cancellation request always names the Amazon signal it rests on, and only it does.
  z.refine((c) => (c.intent === 'cancel-request') === (c.official !== undefined), 'cancel-request needs its official source, and only it has one'),
);


/** What the background advises on: the page's reading and what is known around it (lib/guidance/advise.ts AdviceInput). */
export const AdviceInputSchema = z.object({
  snapshot: PageSnapshot,
  classified: z.optional(z.array(z.object({ index: z.number().check(z.int(), z.minimum(0)), classification: ClassificationSchema })).check(z.maxLength(500))),
  watch: z.optional(OrderWatch),
  accountHealth: z.optional(AccountHealthReading),
  settings: z.object({ replyDueHours: z.number().check(z.minimum(0), z.maximum(1_000)) }),
  now: z.number(),
});
export type AdviceInputMessage = z.infer<typeof AdviceInputSchema>;

export const SidekickRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('classify'), items: z.array(ClassifyInput).check(z.maxLength(MAX_CLASSIFY_BATCH)) }),
  /** The UI text of a language the seller chose over the browser's (options: UI language). */
  z.object({ type: z.literal('ui-messages'), language: z.enum(['en', 'ja']) }),
  /** A reply template's texts (the catalogue lives in the background, with the seller's edits). */
  z.object({ type: z.literal('template'), id: z.string().check(z.maxLength(80)) }),
  /** Order records to write: the background merges them into what is stored, one write at a time. */
  z.object({ type: z.literal('remember'), changes: z.array(WatchChange).check(z.maxLength(MAX_REMEMBER_BATCH)) }),
  /** A page's tree and address, to be shaped into its skeleton (lib/pages/skeleton.ts), given back as JSON. */
  z.object({ type: z.literal('outline'), url: z.string().check(z.maxLength(10_000)), tree: PageTree }),
  /**
   * The seller says a message on the page is really `intent`: the background learns it into the
   * corrections layer and stores only the layer (feature ids and numbers), never the message.
   */
  z.object({ type: z.literal('correct'), input: ClassifyInput, intent: z.enum(INTENTS) }),
  /** Undo of a correction: the layer before it comes back, if nothing changed the layer since (`after` corrections). */
  z.object({ type: z.literal('undo-correction'), previous: CorrectionLayerSchema, after: z.number().check(z.int(), z.minimum(0)) }),
  /** The findings for a page: the rules (lib/guidance/advise.ts) run here, so the content script stays small. */
  z.object({ type: z.literal('advise'), input: AdviceInputSchema }),
  // Sent by a page as it starts: wakes the background so its classifier is ready when asked.
  z.object({ type: z.literal('warm') }),
]);
export type SidekickRequest = z.infer<typeof SidekickRequest>;

export const ClassifyResponse = z.object({ classifications: z.array(ClassificationSchema) });
export const UiMessagesResponse = z.object({
  messages: z.record(z.string().check(z.maxLength(100)), z.object({ message: z.string().check(z.maxLength(5_000)) })),
});

/**
 * The items that go into one classify request: the newest MAX_CLASSIFY_BATCH (items are oldest
 * first, as a thread shows them). On a long thread the latest buyer messages are the ones that
 * decide what to do now, so when something has to be left out it is the oldest.
 */
export function newestBatch<T>(items: readonly T[]): { readonly skipped: number; readonly batch: readonly T[] } {
  const skipped = Math.max(0, items.length - MAX_CLASSIFY_BATCH);
  return { skipped, batch: items.slice(skipped) };
}

/**
 * Asks the background to classify messages (oldest first). The answer lines up with `items`:
 * entry i is the classification of items[i], or undefined for the oldest ones left out of a batch
 * that was too long (newestBatch). Rejects with a clear error on a malformed answer, or on one
 * that does not hold exactly one classification per message sent (it could not be lined up).
 */
export async function requestClassification(items: readonly ClassifyInput[]): Promise<(Classification | undefined)[]> {
  const { skipped, batch } = newestBatch(items);
  const answer: unknown = await browser.runtime.sendMessage({ type: 'classify', items: [...batch] } satisfies SidekickRequest);
  const parsed = ClassifyResponse.safeParse(answer);
  if (!parsed.success) throw new Error(`The background gave an unreadable classification: ${z.prettifyError(parsed.error)}`);
  const classifications = parsed.data.classifications as Classification[];
  if (classifications.length !== batch.length) throw new Error(`The background classified ${classifications.length} messages of the ${batch.length} sent.`);
  return [...new Array<undefined>(skipped), ...classifications];
}

export const WarmResponse = z.object({ warm: z.literal(true) });

/**
 * Wakes the background as a page starts, so it prepares its classifier while the page is read
 * (never awaited by the reading; a failure only means the first classification is slower).
 */
export async function requestWarm(): Promise<void> {
  const answer: unknown = await browser.runtime.sendMessage({ type: 'warm' } satisfies SidekickRequest);
  if (!WarmResponse.safeParse(answer).success) throw new Error('The background did not answer the wake-up.');
}

export const OutlineResponse = z.object({ outline: z.string() });

/** The skeleton of a page's tree, as the JSON text of the file to save. Rejects on a malformed answer. */
export async function requestOutline(tree: PageTree, url: string): Promise<string> {
  const answer: unknown = await browser.runtime.sendMessage({ type: 'outline', url, tree } satisfies SidekickRequest);
  const parsed = OutlineResponse.safeParse(answer);
  if (!parsed.success) throw new Error(`The background gave no page outline: ${z.prettifyError(parsed.error)}`);
  return parsed.data.outline;
}

export async function requestUiMessages(language: 'en' | 'ja'): Promise<Record<string, { message: string }>> {
  const answer: unknown = await browser.runtime.sendMessage({ type: 'ui-messages', language } satisfies SidekickRequest);
  const parsed = UiMessagesResponse.safeParse(answer);
  if (!parsed.success) throw new Error(`The background gave unreadable UI text: ${z.prettifyError(parsed.error)}`);
  return parsed.data.messages;
}

export const TemplateResponse = z.object({
  template: z.nullable(
    z.object({
      audience: z.enum(['buyer', 'amazon']),
      body: z.partialRecord(z.enum(LANGUAGES), z.string().check(z.maxLength(5_000))),
      ownName: z.optional(z.string().check(z.maxLength(100))),
    }),
  ),
});
export type ResolvedTemplate = NonNullable<z.infer<typeof TemplateResponse>['template']>;

/** A template by id (built-in with the seller's edits, or the seller's own); null if unknown. */
export async function requestTemplate(id: string): Promise<ResolvedTemplate | null> {
  const answer: unknown = await browser.runtime.sendMessage({ type: 'template', id } satisfies SidekickRequest);
  const parsed = TemplateResponse.safeParse(answer);
  if (!parsed.success) throw new Error(`The background gave an unreadable template: ${z.prettifyError(parsed.error)}`);
  return parsed.data.template;
}

export const RememberResponse = z.object({ watches: z.array(OrderWatch) });

/**
 * Has the background write order records (see lib/storage `watchStore().update`): it merges each
 * into what is stored, so observations from several tabs never overwrite one another. Resolves
 * with the merged records; rejects if the background cannot be reached or could not write.
 */
export async function requestRemember(changes: readonly WatchChange[]): Promise<OrderWatch[]> {
  const merged: OrderWatch[] = [];
  for (let at = 0; at < changes.length; at += MAX_REMEMBER_BATCH) {
    const answer: unknown = await browser.runtime.sendMessage({ type: 'remember', changes: changes.slice(at, at + MAX_REMEMBER_BATCH) } satisfies SidekickRequest);
    const parsed = RememberResponse.safeParse(answer);
    if (!parsed.success) {
      const error = typeof answer === 'object' && answer !== null && 'error' in answer ? String(answer.error) : z.prettifyError(parsed.error);
      throw new Error(`The background did not remember the orders: ${error}`);
    }
    merged.push(...parsed.data.watches);
  }
  return merged;
}

export const CORRECTION_REFUSALS = ['official-request', 'layer-full', 'unknown-intent', 'changed-since', 'not-stored'] as const;
export type CorrectionRefusal = (typeof CORRECTION_REFUSALS)[number];

export const CorrectResponse = z.union([
  z.object({
    ok: z.literal(true),
    /** How many corrections the layer holds now. */
    corrections: z.number().check(z.int(), z.minimum(0)),
    /** The layer before this correction (for its undo). */
    previous: CorrectionLayerSchema,
  }),
  z.object({ ok: z.literal(false), reason: z.enum(CORRECTION_REFUSALS), detail: z.optional(z.string().check(z.maxLength(1_000))) }),
]);
export type CorrectResponse = z.infer<typeof CorrectResponse>;

/** Asks the background to learn that a message is really `intent` (its text travels only for this). Rejects on a malformed answer. */
export async function requestCorrection(input: ClassifyInput, intent: Intent): Promise<CorrectResponse> {
  const answer: unknown = await browser.runtime.sendMessage({ type: 'correct', input, intent } satisfies SidekickRequest);
  const parsed = CorrectResponse.safeParse(answer);
  if (!parsed.success) throw new Error(`The background gave an unreadable answer to the correction: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Asks the background to put back the layer from before a correction. Rejects on a malformed answer. */
export async function requestUndoCorrection(previous: CorrectionLayer, after: number): Promise<CorrectResponse> {
  const answer: unknown = await browser.runtime.sendMessage({ type: 'undo-correction', previous, after } satisfies SidekickRequest);
  const parsed = CorrectResponse.safeParse(answer);
  if (!parsed.success) throw new Error(`The background gave an unreadable answer to the undo: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

const Line = z.object({ key: z.string().check(z.maxLength(100)), args: z.optional(z.array(z.string().check(z.maxLength(20_000))).check(z.maxLength(9))) });
export const FindingSchema = z.object({
  id: z.enum(FINDING_IDS),
  severity: z.enum(SEVERITIES),
  title: Line,
  why: z.array(Line).check(z.maxLength(30)),
  steps: z.array(Line).check(z.maxLength(30)),
  source: z.enum(SOURCE_IDS),
  templates: z.array(z.enum(TEMPLATE_IDS)).check(z.maxLength(30)),
  control: z.optional(PageControl.shape.kind),
  orderId: z.optional(z.string().check(z.maxLength(30))),
  deadline: z.optional(z.object({ at: z.iso.datetime(), kind: z.enum(DEADLINE_KINDS) })),
  evidence: z.array(
    z.object({
      text: z.string().check(z.maxLength(20_000)),
      spans: z.array(z.object({ start: z.number().check(z.int(), z.minimum(0)), end: z.number().check(z.int(), z.minimum(0)), rule: z.string().check(z.maxLength(100)) })).check(z.maxLength(200)),
      wholeMessage: z.optional(z.boolean()),
    }),
  ).check(z.maxLength(60)),
  variant: z.optional(z.string().check(z.maxLength(100))),
  subject: z.string().check(z.maxLength(200)),
});
export const AdviceResponse = z.object({ findings: z.array(FindingSchema).check(z.maxLength(1_000)) });

/**
 * The findings for a page, from the background (where the rules live). Rejects if the background
 * cannot be reached or gives a malformed answer.
 */
export async function requestAdvice(input: AdviceInput): Promise<Finding[]> {
  // AdviceInput is AdviceInputSchema's type with read-only arrays (the background checks it on arrival).
  const request: unknown = { type: 'advise', input };
  const answer: unknown = await browser.runtime.sendMessage(request);
  const parsed = AdviceResponse.safeParse(answer);
  if (!parsed.success) throw new Error(`The background gave unreadable findings: ${z.prettifyError(parsed.error)}`);
  return parsed.data.findings as Finding[];
}
