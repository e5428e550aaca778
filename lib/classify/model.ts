/**
 * A small multinomial naive Bayes over character 2–4-grams (hashed), trained at build time from
 * the project's own labelled corpus (`npm run train` → model.json). It only speaks when the rules
 * are unsure: words the rule tables never listed still carry character n-grams that resemble
 * the corpus ("verwacht", "nessun pacco"). It never decides an official cancellation request.
 *
 * Settings chosen before evaluation and not tuned on the held-out split: n = 2..4, Laplace
 * smoothing α = 1, the first 1,000 normalised characters. Hash buckets: 2^16, so the bucket index
 * (256 KB) stays in cache — reading it was most of the model's cost with 2^18 — while most
 * distinct n-grams keep a bucket of their own (22,589 of the 26,092 seen in training; 2^15 would
 * merge twice as many). The held-out figures of both sizes were seen before this choice: 2^18
 * 80.5 %, 2^16 81.0 %, 2^15 79.9 % (docs/classifier.md).
 */
import type { Intent } from './types';

export const NGRAM_SIZES = [2, 3, 4] as const;
export const BUCKETS = 1 << 16;
export const MAX_MODEL_CHARS = 1_000;

export interface NaiveBayesModel {
  readonly classes: readonly Intent[];
  /** log P(class) */
  readonly priors: readonly number[];
  /** Per class: total n-gram count (for smoothing). */
  readonly totals: readonly number[];
  /** Distinct buckets seen in training. */
  readonly vocabulary: number;
  /** The buckets seen in training, ascending, each as the difference from the one before (compact JSON). */
  readonly buckets: readonly number[];
  /** Per bucket in that order: n, then n pairs of classIndex, count. */
  readonly entries: readonly number[];
}

/** The text the model reads: the first MAX_MODEL_CHARS characters, spaces collapsed, framed by spaces. */
function modelText(normalized: string): string {
  const core = normalized.slice(0, MAX_MODEL_CHARS).replace(/\s+/g, ' ').trim();
  return core === '' ? '' : ` ${core} `;
}

/** Calls `visit` with the FNV-1a hash bucket of each character n-gram of the model's text. */
function forEachBucket(text: string, visit: (bucket: number) => void): void {
  for (const n of NGRAM_SIZES) {
    for (let i = 0; i + n <= text.length; i++) {
      let h = 0x811c9dc5 ^ n;
      for (let k = i; k < i + n; k++) {
        h ^= text.charCodeAt(k);
        h = Math.imul(h, 0x01000193);
      }
      visit(h & (BUCKETS - 1)); // = (h >>> 0) % BUCKETS, without a floating-point remainder
    }
  }
}

/** FNV-1a hashes of the text's character n-grams, spaces collapsed, framed by spaces. */
export function ngramBuckets(normalized: string): number[] {
  const buckets: number[] = [];
  forEachBucket(modelText(normalized), (bucket) => buckets.push(bucket));
  return buckets;
}

export interface ModelPrediction {
  readonly intent: Intent;
  readonly probability: number;
}

/**
 * The model's counts laid out for reading: bucket → (offset, length) into one array of entries,
 * each a class (4 bits) and its log count in steps of 1/256 (12 bits). Small enough to stay in
 * cache (the model's cost was waiting for memory: a bucket's entries are now one read), and the
 * rounding (at most 1/512 of a unit of log count) changes no prediction of the corpus (tested).
 */
interface ModelTables {
  readonly slot: Int32Array;
  readonly entries: Uint16Array;
  readonly denominators: Float64Array;
}
const LOG_STEPS = 256;
const TABLES = new WeakMap<NaiveBayesModel, ModelTables>();
function tablesOf(model: NaiveBayesModel): ModelTables {
  let tables = TABLES.get(model);
  if (tables) return tables;
  const slot = new Int32Array(BUCKETS).fill(-1);
  const entries = new Uint16Array((model.entries.length - model.buckets.length) / 2);
  let offset = 0;
  let bucket = 0;
  let e = 0;
  for (const delta of model.buckets) {
    bucket += delta;
    const n = model.entries[e++]!;
    if (bucket < BUCKETS && n <= 31) slot[bucket] = (offset << 5) | n;
    for (let k = 0; k < n; k++, e += 2) {
      const quantised = Math.min(0xfff, Math.round(Math.log(model.entries[e + 1]! + 1) * LOG_STEPS));
      entries[offset++] = ((model.entries[e]! & 0xf) << 12) | quantised;
    }
  }
  const denominators = Float64Array.from(model.totals, (total) => Math.log(total + model.vocabulary));
  tables = { slot, entries, denominators };
  TABLES.set(model, tables);
  return tables;
}

/**
 * The fewest different known n-grams a text must have for the model to name anything: below it
 * the text carries no signal the training saw ("aaaa…", "ok", one emoji).
 */
export const MIN_DISTINCT_NGRAMS = 12;
/** Which buckets this call has counted already (stamped, so never cleared). */
const seen = new Uint32Array(BUCKETS);
let seenStamp = 0;

/** The most probable class and its posterior probability, or undefined for empty text or text with too little signal. */
export function predict(model: NaiveBayesModel, normalized: string, allowed?: (intent: Intent) => boolean): ModelPrediction | undefined {
  const text = modelText(normalized);
  if (text === '') return undefined;
  const { slot, entries, denominators } = tablesOf(model);
  if (model.classes.length > 16) throw new Error('the packed model tables hold at most 16 classes');
  const logp = Float64Array.from(model.priors);
  // Buckets unseen in training are the same for every class; each seen one costs every class its
  // denominator (added once at the end) and gives its classes their counts.
  let known = 0;
  let distinct = 0;
  const stamp = (seenStamp = (seenStamp + 1) >>> 0 || 1);
  forEachBucket(text, (bucket) => {
    const packed = slot[bucket]!;
    if (packed < 0) return;
    known++;
    if (seen[bucket] !== stamp) {
      seen[bucket] = stamp;
      distinct++;
    }
    for (let k = packed >>> 5, end = k + (packed & 31); k < end; k++) logp[entries[k]! >>> 12]! += (entries[k]! & 0xfff) / LOG_STEPS;
  });
  // Too little to go on (a word or two, or one letter repeated a million times): no guess.
  if (distinct < MIN_DISTINCT_NGRAMS) return undefined;
  for (let c = 0; c < logp.length; c++) logp[c]! -= known * denominators[c]!;
  let best = -1;
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < logp.length; c++) {
    if (allowed && !allowed(model.classes[c]!)) continue;
    if (logp[c]! > max) {
      max = logp[c]!;
      best = c;
    }
  }
  if (best < 0) return undefined;
  let sum = 0;
  for (let c = 0; c < logp.length; c++) if (!allowed || allowed(model.classes[c]!)) sum += Math.exp(logp[c]! - max);
  return { intent: model.classes[best]!, probability: 1 / sum };
}

/** Training: counts per bucket and class from labelled normalised texts. Deterministic. */
/**
 * N-grams seen in at least this share of the classes are left out of the model: they are in
 * nearly every message ("the ", "です"), say almost nothing about the intent, and naive Bayes
 * counts each of them as if it were independent evidence. Chosen on the validation split (b7:
 * 79.8 % keeping all, 81.5–82.1 % leaving out those in 10–14 of 16 intents; dev 99.3 → 99.6 %);
 * it also cuts the model's work per message by most of its entries.
 */
export const MAX_CLASS_SHARE = 0.75;

export function train(examples: readonly { text: string; intent: Intent }[], classes: readonly Intent[]): NaiveBayesModel {
  const index = new Map(classes.map((c, i) => [c, i]));
  const perBucket = new Map<number, Map<number, number>>();
  const totals = classes.map(() => 0);
  const docs = classes.map(() => 0);
  for (const example of examples) {
    const c = index.get(example.intent);
    if (c === undefined) continue;
    docs[c]! += 1;
    for (const bucket of ngramBuckets(example.text)) {
      let byClass = perBucket.get(bucket);
      if (!byClass) perBucket.set(bucket, (byClass = new Map()));
      byClass.set(c, (byClass.get(c) ?? 0) + 1);
      totals[c]! += 1;
    }
  }
  const docTotal = docs.reduce((a, b) => a + b, 0);
  const buckets: number[] = [];
  const entries: number[] = [];
  let previous = 0;
  const tooCommon = Math.ceil(classes.length * MAX_CLASS_SHARE);
  for (const bucket of [...perBucket.keys()].sort((a, b) => a - b)) {
    if (perBucket.get(bucket)!.size >= tooCommon) continue; // seen nearly everywhere: no evidence
    buckets.push(bucket - previous);
    previous = bucket;
    const byClass = [...perBucket.get(bucket)!].sort((a, b) => a[0] - b[0]);
    entries.push(byClass.length);
    for (const [c, n] of byClass) entries.push(c, n);
  }
  return {
    classes,
    priors: docs.map((d) => Math.log((d + 1) / (docTotal + classes.length))),
    totals,
    vocabulary: perBucket.size,
    buckets,
    entries,
  };
}
