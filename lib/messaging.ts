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
import { ClassificationSchema, ClassifyInput, INTENTS, LANGUAGES, type Classification, type Intent } from './classify/types';
import type { Summary } from '../components/read-summary';
import type { AdviceInput } from './guidance/advise';
import { FindingSchema, type Finding } from './guidance/types';
import { UI_LOCALES, type UiLocale } from './i18n';
import { PageTree } from './pages/page-tree';
import { FeeNote, Marketplace, Missing as MissingSchema, PageSnapshot, TransactionsSnapshot } from './pages/snapshot';
import { AccountHealthReading } from './settings';
import { OrderWatch, WatchChange } from './watch';

export const MAX_CLASSIFY_BATCH = 50;

/**
 * Asks the background, trying again after `stepMs`, 2 × `stepMs` and 3 × `stepMs` (it may be
 * starting up: an MV3 service worker, a just-updated extension); after the fourth failure, warns
 * that it `couldNot` and settles with `fallback`.
 */
export async function askWithRetries<T>(ask: () => Promise<T>, fallback: T, couldNot: string, stepMs: number): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ask();
    } catch (error) {
      if (attempt >= 3) {
        console.warn(`Seller Sidekick: could not ${couldNot}.`, error);
        return fallback;
      }
      await new Promise((resolve) => setTimeout(resolve, stepMs * (attempt + 1)));
    }
  }
}
/** Order records per write request (an order list's page of rows fits in one or two). */
export const MAX_REMEMBER_BATCH = 250;

const Categories = z.lazy(() => z.array(z.string().check(z.maxLength(200))).check(z.maxLength(40)));
/** A referral fee that departed from its SKU's usual rate (lib/fees FeeJump). */
export const FeeJumpSchema = z.lazy(() =>
  z.object({
    orderId: z.string().check(z.regex(/^\d{3}-\d{7}-\d{7}$/)),
    sku: z.string().check(z.maxLength(200)),
    marketplace: Marketplace,
    usual: z.number().check(z.minimum(0), z.maximum(1)),
    seen: z.number().check(z.minimum(0), z.maximum(1)),
    history: z.number().check(z.int(), z.minimum(0)),
    usualCategories: Categories,
    seenCategories: Categories,
  }),
);

/** What the background advises on: the page's reading and what is known around it (lib/guidance/advise.ts AdviceInput). */
export const AdviceInputSchema = z.lazy(() =>
  z.object({
    snapshot: PageSnapshot,
    classified: z.optional(z.array(z.object({ index: z.number().check(z.int(), z.minimum(0)), classification: ClassificationSchema })).check(z.maxLength(500))),
    watch: z.optional(OrderWatch),
    accountHealth: z.optional(AccountHealthReading),
    settings: z.object({ replyDueHours: z.number().check(z.minimum(0), z.maximum(1_000)) }),
    now: z.number(),
    /** On a Transaction view: what the background's fee check found (lib/fees). */
    feeJumps: z.optional(z.array(FeeJumpSchema).check(z.maxLength(500))),
  }),
);
export type AdviceInputMessage = z.infer<typeof AdviceInputSchema>;

export const SidekickRequest = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('classify'), items: z.array(ClassifyInput).check(z.maxLength(MAX_CLASSIFY_BATCH)) }),
    /** The UI text of a language the seller chose over the browser's (options: UI language). */
    z.object({ type: z.literal('ui-messages'), language: z.enum(UI_LOCALES) }),
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
    /** "What I read" of a snapshot in a UI language (the view text lives here, not in the content script). */
    z.object({ type: z.literal('summary'), snapshot: PageSnapshot, locale: z.string().check(z.maxLength(35)), language: z.enum(['auto', ...UI_LOCALES]) }),
    /** The seller's own templates to offer in the sidebar's picker (ids and names; their texts come with 'template'). */
    z.object({ type: z.literal('template-choices') }),
    /** The findings for a page: the rules (lib/guidance/advise.ts) run here, so the content script stays small. */
    z.object({ type: z.literal('advise'), input: AdviceInputSchema }),
    /** A Transaction view as read: the background keeps the fee rates and recorded sales (lib/fees) and answers with the jumps. */
    z.object({ type: z.literal('transactions'), snapshot: TransactionsSnapshot }),
    // Sent by a page as it starts: wakes the background so its classifier is ready when asked.
    z.object({ type: z.literal('warm') }),
  ]),
);
export type SidekickRequest = z.infer<typeof SidekickRequest>;

export const ClassifyResponse = z.lazy(() => z.object({ classifications: z.array(ClassificationSchema) }));
export const UiMessagesResponse = z.lazy(() =>
  z.object({
    messages: z.record(z.string().check(z.maxLength(100)), z.object({ message: z.string().check(z.maxLength(5_000)) })),
  }),
);

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
  const classifications = parsed.data.classifications;
  if (classifications.length !== batch.length) throw new Error(`The background classified ${classifications.length} messages of the ${batch.length} sent.`);
  return [...new Array<undefined>(skipped), ...classifications];
}

export const WarmResponse = z.lazy(() => z.object({ warm: z.literal(true) }));

/**
 * Wakes the background as a page starts, so it prepares its classifier while the page is read
 * (never awaited by the reading; a failure only means the first classification is slower).
 */
export async function requestWarm(): Promise<void> {
  const answer: unknown = await browser.runtime.sendMessage({ type: 'warm' } satisfies SidekickRequest);
  if (!WarmResponse.safeParse(answer).success) throw new Error('The background did not answer the wake-up.');
}

export const OutlineResponse = z.lazy(() => z.object({ outline: z.string() }));

/** The skeleton of a page's tree, as the JSON text of the file to save. Rejects on a malformed answer. */
export async function requestOutline(tree: PageTree, url: string): Promise<string> {
  const answer: unknown = await browser.runtime.sendMessage({ type: 'outline', url, tree } satisfies SidekickRequest);
  const parsed = OutlineResponse.safeParse(answer);
  if (!parsed.success) throw new Error(`The background gave no page outline: ${z.prettifyError(parsed.error)}`);
  return parsed.data.outline;
}

export async function requestUiMessages(language: UiLocale): Promise<Record<string, { message: string }>> {
  const answer: unknown = await browser.runtime.sendMessage({ type: 'ui-messages', language } satisfies SidekickRequest);
  const parsed = UiMessagesResponse.safeParse(answer);
  if (!parsed.success) throw new Error(`The background gave unreadable UI text: ${z.prettifyError(parsed.error)}`);
  return parsed.data.messages;
}

export const TemplateResponse = z.lazy(() =>
  z.object({
    template: z.nullable(
      z.object({
        audience: z.enum(['buyer', 'amazon']),
        body: z.partialRecord(z.enum(LANGUAGES), z.string().check(z.maxLength(5_000))),
        ownName: z.optional(z.string().check(z.maxLength(100))),
      }),
    ),
  }),
);
export type ResolvedTemplate = NonNullable<z.infer<typeof TemplateResponse>['template']>;

/** A template by id (built-in with the seller's edits, or the seller's own); null if unknown. */
export async function requestTemplate(id: string): Promise<ResolvedTemplate | null> {
  const answer: unknown = await browser.runtime.sendMessage({ type: 'template', id } satisfies SidekickRequest);
  const parsed = TemplateResponse.safeParse(answer);
  if (!parsed.success) throw new Error(`The background gave an unreadable template: ${z.prettifyError(parsed.error)}`);
  return parsed.data.template;
}

export const RememberResponse = z.lazy(() => z.object({ watches: z.array(OrderWatch) }));

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

export const CorrectResponse = z.lazy(() =>
  z.union([
    z.object({
      ok: z.literal(true),
      /** How many corrections the layer holds now. */
      corrections: z.number().check(z.int(), z.minimum(0)),
      /** The layer before this correction (for its undo). */
      previous: CorrectionLayerSchema,
    }),
    z.object({ ok: z.literal(false), reason: z.enum(CORRECTION_REFUSALS), detail: z.optional(z.string().check(z.maxLength(1_000))) }),
  ]),
);
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

export const AdviceResponse = z.lazy(() => z.object({ findings: z.array(FindingSchema).check(z.maxLength(1_000)) }));

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

export const TransactionsResponse = z.lazy(() =>
  z.object({
    jumps: z.array(FeeJumpSchema).check(z.maxLength(500)),
    notes: z.array(FeeNote).check(z.maxLength(500)),
    rated: z.number().check(z.int(), z.minimum(0)),
  }),
);
export type TransactionsResponse = z.infer<typeof TransactionsResponse>;

/** Hands a Transaction view to the background (lib/fees); resolves with the fee jumps and the rows that could not tell. Rejects on a malformed answer. */
export async function requestTransactions(snapshot: TransactionsSnapshot): Promise<TransactionsResponse> {
  const answer: unknown = await browser.runtime.sendMessage({ type: 'transactions', snapshot } satisfies SidekickRequest);
  const parsed = TransactionsResponse.safeParse(answer);
  if (!parsed.success) throw new Error(`The background gave an unreadable fee check: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const TemplateChoicesResponse = z.lazy(() =>
  z.object({
    choices: z.array(z.object({ id: z.string().check(z.maxLength(80)), name: z.string().check(z.maxLength(100)) })).check(z.maxLength(500)),
  }),
);
export type TemplateChoice = z.infer<typeof TemplateChoicesResponse>['choices'][number];

/** The seller's own templates (not the edits of built-in ones), for the picker. Rejects on a malformed answer. */
export async function requestTemplateChoices(): Promise<TemplateChoice[]> {
  const answer: unknown = await browser.runtime.sendMessage({ type: 'template-choices' } satisfies SidekickRequest);
  const parsed = TemplateChoicesResponse.safeParse(answer);
  if (!parsed.success) throw new Error(`The background gave unreadable template choices: ${z.prettifyError(parsed.error)}`);
  return parsed.data.choices;
}

export const SummaryResponse = z.lazy(() =>
  z.object({
    summary: z.object({
      lines: z.array(z.object({ label: z.string().check(z.maxLength(100)), value: z.string().check(z.maxLength(20_000)) })).check(z.maxLength(200)),
      missing: z.array(MissingSchema).check(z.maxLength(1_000)),
      note: z.string().check(z.maxLength(2_000)),
      detail: z.optional(z.string().check(z.maxLength(2_000))),
    }),
  }),
);

/**
 * "What I read" of a snapshot, made in the background in the seller's UI language ('auto': the
 * browser's). Rejects if the background cannot be reached or gives a malformed answer.
 */
export async function requestSummary(snapshot: PageSnapshot, locale: string, language: 'auto' | UiLocale): Promise<Summary> {
  const answer: unknown = await browser.runtime.sendMessage({ type: 'summary', snapshot, locale, language } satisfies SidekickRequest);
  const parsed = SummaryResponse.safeParse(answer);
  if (!parsed.success) throw new Error(`The background gave an unreadable summary: ${z.prettifyError(parsed.error)}`);
  // Labels are message keys of the same build (the background made them from the same files).
  return parsed.data.summary as Summary;
}
