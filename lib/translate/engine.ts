/**
 * On-device translation, between the sidebar and whatever engine the browser offers (see
 * docs/translation.md). The UI talks to a `TranslationEngine`; the adapter to the browser's own
 * API lives in utils/ (the only place that touches it), tests pass a double. Everything the
 * engine says is checked here: a translation comes back as an outcome, never as a throw, and the
 * text sent in is capped. Pure: no browser APIs.
 */
import * as z from 'zod/mini';
import { LANGUAGES, type Language } from '../classify/types';

/** What the engine can do for a pair: now, after the browser downloads a model, or not at all. */
export type Availability = 'available' | 'downloadable' | 'unavailable';

export interface Detected {
  /** A BCP 47 tag ("de", "pt-BR", "und"). */
  readonly language: string;
  /** 0…1. */
  readonly confidence: number;
}

export interface TranslateOptions {
  readonly signal?: AbortSignal | undefined;
  /** The model download's progress, 0…1 (only while the browser downloads). */
  readonly onProgress?: ((loaded: number) => void) | undefined;
}

export interface TranslationEngine {
  /** 'none': the browser offers no on-device translation (the UI says so and offers nothing). */
  readonly kind: 'browser' | 'none';
  /** Languages the text may be in; empty where the browser has no detector ready. */
  detect(text: string, options?: { readonly signal?: AbortSignal | undefined }): Promise<readonly Detected[]>;
  canTranslate(from: Language, to: Language): Promise<Availability>;
  translate(text: string, from: Language, to: Language, options?: TranslateOptions): Promise<string>;
}

/** The most characters sent to the engine; a longer text is cut there, and the UI says so. */
export const MAX_TRANSLATE_CHARS = 4_000;
/** Without a word from the engine (progress or result) for this long, the translation stops. */
export const DEFAULT_IDLE_MS = 60_000;

export type TranslationFailure = 'no-engine' | 'empty' | 'same-language' | 'unknown-language' | 'unsupported' | 'cancelled' | 'timeout' | 'download-refused' | 'download-failed' | 'failed';

export type TranslationOutcome =
  | { readonly ok: true; readonly text: string; readonly from: Language; readonly to: Language; readonly truncated: boolean; readonly downloaded: boolean }
  | { readonly ok: false; readonly reason: TranslationFailure; readonly detail?: string | undefined };

const AvailabilitySchema = z.lazy(() => z.enum(['available', 'downloadable', 'downloading', 'unavailable']));
const Confidence = z.lazy(() => z.number().check(z.gte(0), z.lte(1)));
const DetectedSchema = z.lazy(() => z.array(z.object({ detectedLanguage: z.string().check(z.maxLength(35)), confidence: Confidence })));
const OursSchema = z.lazy(() => z.array(z.object({ language: z.string().check(z.maxLength(35)), confidence: Confidence })));

/** The browser's availability answer, as ours: 'downloading' needs a wait like a download. Anything else is 'unavailable'. */
export function parseAvailability(value: unknown): Availability {
  const parsed = AvailabilitySchema.safeParse(value);
  if (!parsed.success) return 'unavailable';
  return parsed.data === 'downloading' ? 'downloadable' : parsed.data;
}

/** The browser's detection answer, as ours; anything malformed is no answer. */
export function parseDetected(value: unknown): Detected[] {
  const parsed = DetectedSchema.safeParse(value);
  return parsed.success ? parsed.data.map((d) => ({ language: d.detectedLanguage, confidence: d.confidence })) : [];
}

/** One of our six languages for a BCP 47 tag ("de-AT" → de), or undefined. */
export function ourLanguage(tag: string): Language | undefined {
  const primary = tag.toLowerCase().split('-')[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : undefined;
}

/**
 * The source language: the detector's answer when it is confident, else our own reading of the
 * message (`hint`). A confident answer outside our six languages (or "und") means we cannot
 * translate it: undefined.
 */
export function sourceLanguage(detected: readonly Detected[], hint: Language): Language | undefined {
  const best = detected.reduce<Detected | undefined>((a, b) => (a && a.confidence >= b.confidence ? a : b), undefined);
  if (!best || best.confidence < 0.6) return hint;
  return ourLanguage(best.language);
}

/** Cuts a text for the engine, at a line or sentence end near the cap when there is one. */
export function capText(text: string, max = MAX_TRANSLATE_CHARS): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  const head = text.slice(0, max);
  const cut = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('. '), head.lastIndexOf('。'));
  return { text: cut > max * 0.8 ? head.slice(0, cut + 1) : head, truncated: true };
}

/** What a DOMException's name means for the seller (Translator API: create() and translate()). */
const FAILED_BY_NAME: Readonly<Record<string, TranslationFailure>> = {
  AbortError: 'cancelled',
  NotAllowedError: 'download-refused',
  NetworkError: 'download-failed',
  NotSupportedError: 'unsupported',
};

function failureOf(error: unknown): { reason: TranslationFailure; detail: string } {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return { reason: FAILED_BY_NAME[name] ?? 'failed', detail: (error instanceof Error ? error.message : String(error)).slice(0, 200) };
}

export interface TranslationRequest {
  readonly text: string;
  /** Our own reading of the text's language (the classifier's, or the seller's choice). */
  readonly from: Language;
  readonly to: Language;
  /** Ask the detector too (buyers' messages); the seller's own words are in the language chosen. */
  readonly detect?: boolean;
}

export interface RunOptions {
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((loaded: number) => void) | undefined;
  /** How long the engine may say nothing (no progress, no result) before we stop waiting. */
  readonly idleMs?: number | undefined;
}

/**
 * Translates, never throwing: checks the engine has the pair, caps the text, stops on the
 * caller's signal or when the engine says nothing for `idleMs`, and checks what comes back
 * (a non-empty string, not absurdly longer than the input).
 */
export async function runTranslation(engine: TranslationEngine, request: TranslationRequest, options: RunOptions = {}): Promise<TranslationOutcome> {
  if (engine.kind === 'none') return { ok: false, reason: 'no-engine' };
  const capped = capText(request.text.trim());
  if (capped.text === '') return { ok: false, reason: 'empty' };
  const stop = new AbortController();
  const onAbort = () => stop.abort(options.signal?.reason);
  if (options.signal?.aborted) return { ok: false, reason: 'cancelled' };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const quiet = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      stop.abort();
    }, idleMs);
  };
  // A step that ends when the engine answers, or when we stop waiting (the engine may hang).
  const step = <T>(work: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const abort = () => reject(new DOMException('stopped', 'AbortError'));
      if (stop.signal.aborted) return abort();
      stop.signal.addEventListener('abort', abort, { once: true });
      work.then(resolve, reject).finally(() => stop.signal.removeEventListener('abort', abort));
    });
  quiet();
  try {
    let from: Language | undefined = request.from;
    if (request.detect) {
      // A detector that fails or talks nonsense is no answer: our own reading stands.
      const detected = OursSchema.safeParse(await step(engine.detect(capped.text, { signal: stop.signal }).catch(() => [])));
      from = sourceLanguage(detected.success ? detected.data : [], request.from);
    }
    if (!from) return { ok: false, reason: 'unknown-language' };
    if (from === request.to) return { ok: false, reason: 'same-language' };
    const availability = parseAvailability(await step(engine.canTranslate(from, request.to)));
    if (availability === 'unavailable') return { ok: false, reason: 'unsupported' };
    const result: unknown = await step(
      engine.translate(capped.text, from, request.to, {
        signal: stop.signal,
        onProgress: (loaded) => {
          quiet();
          if (Number.isFinite(loaded)) options.onProgress?.(Math.min(1, Math.max(0, loaded)));
        },
      }),
    );
    const text = z
      .string()
      .check(z.minLength(1), z.maxLength(capped.text.length * 4 + 1_000))
      .safeParse(result);
    if (!text.success || text.data.trim() === '') return { ok: false, reason: 'failed', detail: 'no text' };
    return { ok: true, text: text.data, from, to: request.to, truncated: capped.truncated, downloaded: availability === 'downloadable' };
  } catch (error) {
    if (timedOut) return { ok: false, reason: 'timeout' };
    return { ok: false, ...failureOf(error) };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
