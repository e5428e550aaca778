/**
 * The learned linear model: one weight per (feature, intent) for the features of features.ts,
 * trained by learn.ts (`npm run train`) and stored in weights.json, a generated artifact whose
 * header says what it was trained on. score(class) = Σ value(feature) × weight(feature, class);
 * the probabilities are softmax(score / temperature), the temperature fitted on held-out folds
 * so that a confidence of 0.8 is right about 8 times in 10 (docs/classifier.md, calibration).
 *
 * The model never names an official cancellation request: `cancel-request` is not among its
 * classes (classify.ts names it only from Amazon's signals).
 *
 * In the file the weights are sparse: the feature ids seen in training and kept, ascending and
 * delta-encoded; per feature a bit mask of the classes it has a weight for; the weights as
 * integers in steps of 1/scale. In memory: a table from feature id to the feature's run of
 * (class, weight) entries, read once per feature of a message (2^FEATURE_BITS 16-bit entries).
 */
import { FEATURE_BITS } from './features';
import type { Intent } from './types';

export interface LinearWeightsFile {
  readonly header: Readonly<Record<string, unknown>>;
  readonly classes: readonly Intent[];
  /** Softmax temperature (fitted on held-out folds). */
  readonly temperature: number;
  /** Below this probability for its best intent the model abstains: `other`, marked unsure. */
  readonly abstainBelow: number;
  /** Weights are integers: weight = value / scale. */
  readonly scale: number;
  /** Kept feature ids, ascending, each as its difference from the one before. */
  readonly ids: readonly number[];
  /** Per feature: bit c set when the feature has a weight for class c. */
  readonly masks: readonly number[];
  /** The weights, feature by feature, class by class (in mask order). */
  readonly weights: readonly number[];
}

export interface LinearModel {
  readonly classes: readonly Intent[];
  readonly temperature: number;
  readonly abstainBelow: number;
  /** A bit per feature id: set when the model keeps it (32 KB, so most lookups end in cache). */
  readonly known: Uint32Array;
  /** Feature id → where its run starts in `entries`, plus one (0: not kept); 16-bit while the runs fit. */
  readonly index: Uint16Array | Uint32Array;
  /** Per kept feature: its number of entries, then each entry as (integer weight << 5) | class. */
  readonly entries: Int32Array;
  /** The integer weights are in steps of 1/scale. */
  readonly scale: number;
  /** Kept features (for sizes and tests). */
  readonly features: number;
}

const LOADED = new WeakMap<LinearWeightsFile, LinearModel>();

/** The in-memory model of a weights file (built once per file object); a malformed file throws. */
export function loadLinear(file: LinearWeightsFile): LinearModel {
  const cached = LOADED.get(file);
  if (cached) return cached;
  if (file.classes.length > 31) throw new Error('the linear model holds at most 31 classes');
  if (file.ids.length !== file.masks.length) throw new Error('weights file: ids and masks differ in length');
  if (!(file.scale > 0)) throw new Error('weights file: the scale must be positive');
  const index = file.ids.length + file.weights.length < 0xffff ? new Uint16Array(1 << FEATURE_BITS) : new Uint32Array(1 << FEATURE_BITS);
  const known = new Uint32Array((1 << FEATURE_BITS) >>> 5);
  const entries = new Int32Array(file.ids.length + file.weights.length);
  let id = 0;
  let e = 0;
  let o = 0;
  for (let f = 0; f < file.ids.length; f++) {
    id += file.ids[f]!;
    if (!Number.isInteger(id) || id < 0 || id >= index.length || (f > 0 && file.ids[f]! <= 0)) throw new Error(`weights file: feature ${f} has an id out of order or range`);
    const mask = file.masks[f]!;
    const head = o++;
    for (let c = 0; c < file.classes.length; c++) {
      if ((mask & (1 << c)) === 0) continue;
      const q = file.weights[e++];
      if (q === undefined) throw new Error('weights file: fewer weights than the masks announce');
      if (!Number.isInteger(q) || Math.abs(q) >= 1 << 25) throw new Error(`weights file: weight ${e - 1} is not a small integer`);
      entries[o++] = (q << 5) | c;
    }
    entries[head] = o - head - 1;
    index[id] = head + 1;
    known[id >>> 5]! |= 1 << (id & 31);
  }
  if (e !== file.weights.length) throw new Error('weights file: more weights than the masks announce');
  const model: LinearModel = {
    classes: file.classes,
    temperature: file.temperature,
    abstainBelow: file.abstainBelow,
    known,
    index,
    entries,
    scale: file.scale,
    features: file.ids.length,
  };
  LOADED.set(file, model);
  return model;
}

/** Adds Σ value × weight per class into `scores` (length: the model's classes), zeroed first. */
export function score(model: LinearModel, ids: Int32Array, values: Float32Array, count: number, scores: Float64Array): void {
  scores.fill(0);
  const { known: bits, index, entries } = model;
  for (let i = 0; i < count; i++) {
    const id = ids[i]!;
    if ((bits[id >>> 5]! & (1 << (id & 31))) === 0) continue;
    let o = index[id]! - 1;
    const v = values[i]!;
    for (let end = o + 1 + entries[o]!; ++o < end;) {
      const entry = entries[o]!;
      scores[entry & 31]! += v * (entry >> 5);
    }
  }
  for (let c = 0; c < scores.length; c++) scores[c]! /= model.scale;
}

/** A feature's weight for one class (0 when it has none). */
export function weightOf(model: LinearModel, id: number, classIndex: number): number {
  const head = model.index[id]! - 1;
  if (head < 0) return 0;
  for (let o = head + 1, end = head + 1 + model.entries[head]!; o < end; o++) {
    if ((model.entries[o]! & 31) === classIndex) return (model.entries[o]! >> 5) / model.scale;
  }
  return 0;
}

/**
 * softmax(scores / temperature) into `out`, over the classes `allowed` leaves in (the others get 0).
 * Returns the index of the most probable class.
 */
export function probabilities(scores: Float64Array, temperature: number, allowed: (c: number) => boolean, out: Float64Array): number {
  let best = -1;
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < scores.length; c++) {
    if (!allowed(c)) continue;
    if (scores[c]! > max) {
      max = scores[c]!;
      best = c;
    }
  }
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    const p = allowed(c) ? Math.exp((scores[c]! - max) / temperature) : 0;
    out[c] = p;
    sum += p;
  }
  for (let c = 0; c < scores.length; c++) out[c]! /= sum;
  return best;
}
