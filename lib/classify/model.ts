/**
 * A small multinomial naive Bayes over character 2–4-grams (hashed), trained at build time from
 * the project's own labelled corpus (`npm run train` → model.json). It only speaks when the rules
 * are unsure: words the rule tables never listed still carry character n-grams that resemble
 * the corpus ("verwacht", "nessun pacco"). It never decides an official cancellation request.
 *
 * Settings chosen before evaluation and not tuned on the held-out split: n = 2..4, 2^18 hash
 * buckets, Laplace smoothing α = 1, the first 1,000 normalised characters.
 */
import type { Intent } from './types';

export const NGRAM_SIZES = [2, 3, 4] as const;
export const BUCKETS = 1 << 18;
export const MAX_MODEL_CHARS = 1_000;

export interface NaiveBayesModel {
  readonly classes: readonly Intent[];
  /** log P(class) */
  readonly priors: readonly number[];
  /** Per class: total n-gram count (for smoothing). */
  readonly totals: readonly number[];
  /** Distinct buckets seen in training. */
  readonly vocabulary: number;
  /** bucket → [classIndex, count, classIndex, count, …] */
  readonly counts: Readonly<Record<string, readonly number[]>>;
}

/** FNV-1a hashes of the text's character n-grams, spaces collapsed, framed by spaces. */
export function ngramBuckets(normalized: string): number[] {
  const core = normalized.slice(0, MAX_MODEL_CHARS).replace(/\s+/g, ' ').trim();
  if (core === '') return [];
  const text = ` ${core} `;
  const buckets: number[] = [];
  for (const n of NGRAM_SIZES) {
    for (let i = 0; i + n <= text.length; i++) {
      let h = 0x811c9dc5 ^ n;
      for (let k = i; k < i + n; k++) {
        h ^= text.charCodeAt(k);
        h = Math.imul(h, 0x01000193);
      }
      buckets.push((h >>> 0) % BUCKETS);
    }
  }
  return buckets;
}

export interface ModelPrediction {
  readonly intent: Intent;
  readonly probability: number;
}

/** The most probable class and its posterior probability, or undefined for empty text. */
export function predict(model: NaiveBayesModel, normalized: string, allowed?: (intent: Intent) => boolean): ModelPrediction | undefined {
  const buckets = ngramBuckets(normalized);
  if (buckets.length === 0) return undefined;
  const logp = model.priors.map((prior) => prior);
  const denominators = model.totals.map((total) => Math.log(total + model.vocabulary));
  for (const bucket of buckets) {
    const entry = model.counts[bucket];
    if (!entry) continue; // unseen everywhere: the same for every class
    for (let c = 0; c < logp.length; c++) logp[c]! += -denominators[c]!;
    for (let k = 0; k < entry.length; k += 2) logp[entry[k]!]! += Math.log(entry[k + 1]! + 1);
  }
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
  const counts: Record<string, number[]> = {};
  for (const bucket of [...perBucket.keys()].sort((a, b) => a - b)) {
    const flat: number[] = [];
    for (const [c, n] of [...perBucket.get(bucket)!].sort((a, b) => a[0] - b[0])) flat.push(c, n);
    counts[bucket] = flat;
  }
  return {
    classes,
    priors: docs.map((d) => Math.log((d + 1) / (docTotal + classes.length))),
    totals,
    vocabulary: perBucket.size,
    counts,
  };
}
