/**
 * The seller's corrections: a small layer of weights, on the seller's device, added to the
 * shipped model's. When the seller says "this message is really X", the message's own features
 * (its rules, words and n-grams; never its context such as sender, language or length, which every
 * message shares) move towards X and away from what the model said, in small steps until the
 * message reads as X. The layer keeps only feature ids (hashes) and numbers: never the message,
 * its words, or anything else about it.
 *
 * Capped, so one correction cannot swamp the model: each weight of the layer stays within
 * ±MAX_WEIGHT, one correction takes at most MAX_STEPS steps, and the layer holds at most
 * MAX_LAYER_FEATURES features (a correction that would exceed it is refused, not half made). A
 * correction can never teach `cancel-request`: that comes only from Amazon's signals.
 *
 * Pure: the caller stores the layer (as `CorrectionLayer`, JSON) and passes it back; export,
 * import (checked by `CorrectionLayerSchema`) and reset are the caller's reading and writing of
 * that value.
 */
import * as z from 'zod/mini';
import { FEATURE_BITS } from './features';
import type { LinearModel } from './linear';
import { INTENTS, type Intent } from './types';

export const CORRECTIONS_VERSION = 1;
/** The most a correction can move one weight, in all (the shipped weights are mostly within ±4). */
export const MAX_WEIGHT = 2;
/** Size of one step, and the most steps one correction takes. */
export const STEP = 0.5;
export const MAX_STEPS = 12;
/** How much more a feature the shipped model does not know moves per step. */
export const NEW_FEATURE_BOOST = 4;
/** The most features the layer keeps. */
export const MAX_LAYER_FEATURES = 5_000;

const CorrectableIntent = z.lazy(() => z.enum(INTENTS.filter((i) => i !== 'cancel-request') as [Exclude<Intent, 'cancel-request'>, ...Exclude<Intent, 'cancel-request'>[]]));

/** The layer as stored and exported: per feature id (decimal), per intent, a weight. */
export const CorrectionLayerSchema = z.lazy(() =>
  z.object({
    version: z.literal(CORRECTIONS_VERSION),
    /** How many corrections made it (for the options page). */
    corrections: z.number().check(z.int(), z.minimum(0)),
    weights: z.record(z.string().check(z.regex(/^\d{1,6}$/)), z.partialRecord(CorrectableIntent, z.number().check(z.minimum(-MAX_WEIGHT), z.maximum(MAX_WEIGHT)))).check(
      z.refine((weights) => Object.keys(weights).length <= MAX_LAYER_FEATURES, `at most ${MAX_LAYER_FEATURES} features`),
      z.refine((weights) => Object.keys(weights).every((id) => Number(id) < 1 << FEATURE_BITS), 'a feature id out of range'),
    ),
  }),
);
export type CorrectionLayer = z.infer<typeof CorrectionLayerSchema>;

export const emptyLayer = (): CorrectionLayer => ({ version: CORRECTIONS_VERSION, corrections: 0, weights: {} });

/** A message's features as classify() reads them, with the context's range (features.ts, classify.ts featuresOf). */
export interface MessageFeatures {
  readonly ids: Int32Array;
  readonly values: Float32Array;
  /** [contextFrom, contextTo): sender, language, length… which a correction leaves alone. */
  readonly contextFrom: number;
  readonly contextTo: number;
}

/** The layer in the form scoring reads: a bit per id and a row of weights per intent index of the model. */
export interface CompiledLayer {
  readonly known: Uint32Array;
  readonly rows: ReadonlyMap<number, Float64Array>;
}

const COMPILED = new WeakMap<CorrectionLayer, WeakMap<LinearModel, CompiledLayer>>();

export function compileLayer(layer: CorrectionLayer, model: LinearModel): CompiledLayer {
  let byModel = COMPILED.get(layer);
  const cached = byModel?.get(model);
  if (cached) return cached;
  const known = new Uint32Array((1 << FEATURE_BITS) >>> 5);
  const rows = new Map<number, Float64Array>();
  for (const [key, byIntent] of Object.entries(layer.weights)) {
    const id = Number(key);
    const row = new Float64Array(model.classes.length);
    model.classes.forEach((intent, k) => (row[k] = (byIntent as Partial<Record<Intent, number>>)[intent] ?? 0));
    rows.set(id, row);
    known[id >>> 5]! |= 1 << (id & 31);
  }
  const compiled = { known, rows };
  if (!byModel) COMPILED.set(layer, (byModel = new WeakMap()));
  byModel.set(model, compiled);
  return compiled;
}

/** Adds the layer's weights for a message's features to its scores (before the softmax). */
export function addLayer(compiled: CompiledLayer, ids: Int32Array, values: Float32Array, count: number, scores: Float64Array): void {
  if (compiled.rows.size === 0) return;
  for (let i = 0; i < count; i++) {
    const id = ids[i]!;
    if ((compiled.known[id >>> 5]! & (1 << (id & 31))) === 0) continue;
    const row = compiled.rows.get(id);
    if (!row) continue;
    for (let k = 0; k < row.length; k++) scores[k]! += values[i]! * row[k]!;
  }
}

export type CorrectionOutcome =
  { readonly ok: true; readonly layer: CorrectionLayer; readonly steps: number } | { readonly ok: false; readonly reason: 'official-request' | 'layer-full' | 'unknown-intent' };

/**
 * The layer after the seller said a message is really `intent`. `scoresOf` gives the message's
 * scores (model and layer) for a layer, so the steps stop as soon as the message `reads` as
 * `intent` (by default: its score is the highest). Returns a new layer; the old one is left as it was.
 */
export function correct(
  layer: CorrectionLayer,
  message: MessageFeatures,
  intent: Intent,
  classes: readonly Intent[],
  scoresOf: (layer: CorrectionLayer) => Float64Array,
  reads: (scores: Float64Array, target: number) => boolean = (scores, target) => scores.every((s) => s <= scores[target]!),
  isKnown: (id: number) => boolean = () => true,
): CorrectionOutcome {
  if (intent === 'cancel-request') return { ok: false, reason: 'official-request' };
  const target = classes.indexOf(intent);
  if (target < 0) return { ok: false, reason: 'unknown-intent' };
  const own: number[] = [];
  for (let i = 0; i < message.ids.length; i++) if (i < message.contextFrom || i >= message.contextTo) own.push(i);
  const added = own.filter((i) => !(String(message.ids[i]) in layer.weights)).length;
  if (Object.keys(layer.weights).length + added > MAX_LAYER_FEATURES) return { ok: false, reason: 'layer-full' };

  const weights: Record<string, Partial<Record<Intent, number>>> = {};
  for (const [id, row] of Object.entries(layer.weights)) weights[id] = { ...row };
  let next: CorrectionLayer = { version: CORRECTIONS_VERSION, corrections: layer.corrections + 1, weights };
  let steps = 0;
  for (; steps < MAX_STEPS; steps++) {
    const scores = scoresOf(next);
    if (steps > 0 && reads(scores, target)) break;
    // A step of logistic regression on this one message: towards the intent by what it lacks,
    // away from every other intent by what it has.
    const p = softmax(scores);
    for (const i of own) {
      const key = String(message.ids[i]);
      const row = (weights[key] ??= {});
      // Words and n-grams the model never learned carry the correction (NEW_FEATURE_BOOST times the
      // step): they are what the seller's shop says that the training data did not.
      const v = message.values[i]! * (isKnown(message.ids[i]!) ? 1 : NEW_FEATURE_BOOST);
      classes.forEach((other, k) => {
        const gradient = (k === target ? 1 : 0) - p[k]!;
        if (other === 'cancel-request' || Math.abs(gradient) < 0.01) return;
        row[other] = clamp((row[other] ?? 0) + STEP * v * gradient);
      });
    }
    next = { version: CORRECTIONS_VERSION, corrections: layer.corrections + 1, weights };
  }
  return { ok: true, layer: next, steps };
}

function softmax(scores: Float64Array): Float64Array {
  const max = Math.max(...scores);
  const p = scores.map((s) => Math.exp(s - max));
  const sum = p.reduce((a, b) => a + b, 0);
  return p.map((x) => x / sum);
}

function clamp(w: number): number {
  return Math.round(Math.max(-MAX_WEIGHT, Math.min(MAX_WEIGHT, w)) * 1e4) / 1e4;
}

/** The most characters a layer file may have on import (a full layer, as exported, is about half). */
export const MAX_IMPORT_CHARS = 4_000_000;

export type LayerImport =
  { readonly ok: true; readonly layer: CorrectionLayer } | { readonly ok: false; readonly problem: 'too-large' | 'not-json' | 'version' | 'too-many-features' | 'invalid'; readonly detail: string };

/** The layer as exported (compact JSON: it is read back by `parseLayerImport`, not by people). */
export function exportLayer(layer: CorrectionLayer): string {
  return JSON.stringify(CorrectionLayerSchema.parse(layer));
}

/**
 * An exported layer read back, checked: its size before it is parsed, its version, its number of
 * features before each is checked (a file of a million features is refused at once), then every
 * id and weight (`CorrectionLayerSchema`: no `cancel-request`, nothing beyond ±MAX_WEIGHT, no NaN).
 * Never throws; `detail` says what was wrong, in English (the UI adds its own sentence).
 */
export function parseLayerImport(text: string): LayerImport {
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, problem: 'too-large', detail: `${text.length} characters, at most ${MAX_IMPORT_CHARS}` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: 'not-json', detail: error instanceof Error ? error.message : String(error) };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, problem: 'invalid', detail: 'not an object' };
  const { version, weights } = raw as { version?: unknown; weights?: unknown };
  if (version !== CORRECTIONS_VERSION) return { ok: false, problem: 'version', detail: `version ${JSON.stringify(version) ?? 'missing'}, expected ${CORRECTIONS_VERSION}` };
  if (typeof weights === 'object' && weights !== null) {
    let count = 0;
    for (const key of Object.keys(weights)) {
      // Only feature ids: "__proto__" and the like are refused here, not left for the schema to skip.
      if (!/^\d{1,6}$/.test(key)) return { ok: false, problem: 'invalid', detail: `"${key.slice(0, 40)}" is not a feature id` };
      if (++count > MAX_LAYER_FEATURES) return { ok: false, problem: 'too-many-features', detail: `more than ${MAX_LAYER_FEATURES} features` };
    }
  }
  const parsed = CorrectionLayerSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: 'invalid', detail: z.prettifyError(parsed.error).slice(0, 500) };
  return { ok: true, layer: parsed.data };
}
