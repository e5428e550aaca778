/**
 * Training the linear model of linear.ts from labelled messages (`npm run train`, `npm run eval`).
 * Deterministic: the order of examples comes from a seeded generator, the arithmetic is plain
 * double precision, so the same examples and seed give the same weights, byte for byte.
 *
 * Two learners, chosen between by measurement (`npm run cv`):
 * - multinomial logistic regression, trained by FTRL-Proximal (per-weight adaptive steps, L1 and
 *   L2 penalties; the L1 penalty leaves most weights at exactly zero);
 * - the averaged perceptron (Collins 2002), its scores then calibrated like the regression's.
 * Then packing: weights smaller than `minWeight` are dropped and the rest rounded to steps of
 * 1/scale, which is what keeps the file small (docs/classifier.md gives the sizes).
 */
import type { LinearWeightsFile } from './linear';
import type { Intent } from './types';

export interface TrainingRow {
  readonly ids: Int32Array;
  readonly values: Float32Array;
  /** Index into the classes. */
  readonly label: number;
  /** How much the example counts (e.g. to balance sources). */
  readonly weight: number;
  /** Bit c set when class c may be predicted for this example (a buyer never sends Amazon's notices). */
  readonly allowed: number;
}

export interface TrainOptions {
  readonly learner: 'logistic' | 'perceptron';
  readonly epochs: number;
  readonly seed: number;
  /** Features seen in fewer examples are left out (default 1: none). */
  readonly minCount?: number;
  /** Logistic regression: FTRL's α (base step). */
  readonly learningRate?: number;
  /** Logistic regression: L1 penalty (FTRL's λ1): the larger, the fewer weights are not zero. */
  readonly l1?: number;
  /** Logistic regression: FTRL's β (smaller: larger first steps for rare features). */
  readonly beta?: number;
  /** Logistic regression: L2 penalty (FTRL's λ2). */
  readonly l2?: number;
}

export interface Trained {
  readonly classes: readonly Intent[];
  /** The distinct feature ids seen in training, ascending. */
  readonly featureIds: Int32Array;
  /** Weights, feature-major: W[f * K + c]. */
  readonly W: Float64Array;
}

/** A small seeded generator (mulberry32), so runs agree. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(n: number, random: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/**
 * Rows with their feature ids replaced by indices into the sorted distinct ids, keeping only
 * features seen in at least `minCount` examples (one seen once can fit that example, but tells
 * nothing about any other). Dropped features get index -1.
 */
function indexed(rows: readonly TrainingRow[], minCount: number): { featureIds: Int32Array; columns: Int32Array[] } {
  const count = new Map<number, number>();
  for (const row of rows) for (const id of row.ids) count.set(id, (count.get(id) ?? 0) + 1);
  const featureIds = Int32Array.from(
    [...count]
      .filter(([, n]) => n >= minCount)
      .map(([id]) => id)
      .sort((a, b) => a - b),
  );
  const index = new Map<number, number>();
  featureIds.forEach((id, i) => index.set(id, i));
  const columns = rows.map((row) => Int32Array.from(row.ids, (id) => index.get(id) ?? -1));
  return { featureIds, columns };
}

export function train(rows: readonly TrainingRow[], classes: readonly Intent[], options: TrainOptions): Trained {
  return options.learner === 'perceptron' ? trainPerceptron(rows, classes, options) : trainLogistic(rows, classes, options);
}

/** Gradients smaller than this (a probability already within it of its target) are not followed. */
const SKIP_BELOW = 1e-3;

function trainLogistic(rows: readonly TrainingRow[], classes: readonly Intent[], options: TrainOptions): Trained {
  // FTRL-Proximal (McMahan et al. 2013): per-weight AdaGrad-like steps, and an L1 penalty that
  // holds a weight at exactly zero until the evidence for it outweighs l1. Sparse by design.
  const K = classes.length;
  const { featureIds, columns } = indexed(rows, options.minCount ?? 1);
  const W = new Float64Array(featureIds.length * K);
  const Z = new Float64Array(featureIds.length * K);
  const N = new Float64Array(featureIds.length * K);
  const alpha = options.learningRate ?? 0.5;
  const l1 = options.l1 ?? 0;
  const l2 = options.l2 ?? 0;
  const beta = options.beta ?? 1;
  const random = seeded(options.seed);
  const scores = new Float64Array(K);
  const gradient = new Float64Array(K);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const r of shuffled(rows.length, random)) {
      const row = rows[r]!;
      const cols = columns[r]!;
      scoreColumns(scores, row.values, cols, W, K);
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < K; c++) if ((row.allowed >>> c) & 1 && scores[c]! > max) max = scores[c]!;
      let sum = 0;
      for (let c = 0; c < K; c++) {
        gradient[c] = (row.allowed >>> c) & 1 ? Math.exp(scores[c]! - max) : 0;
        sum += gradient[c]!;
      }
      for (let c = 0; c < K; c++) gradient[c] = (gradient[c]! / sum - (c === row.label ? 1 : 0)) * row.weight;
      for (let i = 0; i < cols.length; i++) {
        if (cols[i]! < 0) continue;
        const base = cols[i]! * K;
        const v = row.values[i]!;
        for (let c = 0; c < K; c++) {
          // A class the model already gives (almost) nothing needs no step: most of them, soon.
          if (gradient[c]! < SKIP_BELOW && gradient[c]! > -SKIP_BELOW) continue;
          const k = base + c;
          const g = gradient[c]! * v;
          const n = N[k]!;
          const sigma = (Math.sqrt(n + g * g) - Math.sqrt(n)) / alpha;
          const z = (Z[k] = Z[k]! + g - sigma * W[k]!);
          N[k] = n + g * g;
          W[k] = z <= l1 && z >= -l1 ? 0 : -(z - (z > 0 ? l1 : -l1)) / ((beta + Math.sqrt(N[k]!)) / alpha + l2);
        }
      }
    }
  }
  return { classes, featureIds, W };
}

function trainPerceptron(rows: readonly TrainingRow[], classes: readonly Intent[], options: TrainOptions): Trained {
  const K = classes.length;
  const { featureIds, columns } = indexed(rows, options.minCount ?? 1);
  const W = new Float64Array(featureIds.length * K);
  // Averaging without summing every step: U accumulates t × update; the average is W − U / t.
  const U = new Float64Array(featureIds.length * K);
  const random = seeded(options.seed);
  const scores = new Float64Array(K);
  let t = 1;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const r of shuffled(rows.length, random)) {
      const row = rows[r]!;
      const cols = columns[r]!;
      scoreColumns(scores, row.values, cols, W, K);
      let guess = -1;
      for (let c = 0; c < K; c++) if ((row.allowed >>> c) & 1 && (guess < 0 || scores[c]! > scores[guess]!)) guess = c;
      if (guess !== row.label) {
        for (let i = 0; i < cols.length; i++) {
          if (cols[i]! < 0) continue;
          const base = cols[i]! * K;
          const v = row.values[i]! * row.weight;
          W[base + row.label]! += v;
          U[base + row.label]! += t * v;
          W[base + guess]! -= v;
          U[base + guess]! -= t * v;
        }
      }
      t++;
    }
  }
  for (let k = 0; k < W.length; k++) W[k] = W[k]! - U[k]! / t;
  return { classes, featureIds, W };
}

/** Scores of one row under trained weights (for cross-validation before packing). */
export function scoreRow(trained: Trained, ids: Int32Array, values: Float32Array, out: Float64Array): void {
  const K = trained.classes.length;
  out.fill(0);
  const ids0 = trained.featureIds;
  for (let i = 0; i < ids.length; i++) {
    // Binary search: the ids are sorted.
    let lo = 0;
    let hi = ids0.length - 1;
    const id = ids[i]!;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const m = ids0[mid]!;
      if (m < id) lo = mid + 1;
      else if (m > id) hi = mid - 1;
      else {
        const base = mid * K;
        for (let c = 0; c < K; c++) out[c]! += values[i]! * trained.W[base + c]!;
        break;
      }
    }
  }
}

export interface PackOptions {
  readonly scale: number;
  /** Weights with a smaller absolute value are left out. */
  readonly minWeight: number;
  readonly temperature: number;
  readonly abstainBelow: number;
  readonly header: Readonly<Record<string, unknown>>;
}

/** The sparse, quantised file form of trained weights (see linear.ts). */
export function pack(trained: Trained, options: PackOptions): LinearWeightsFile {
  const K = trained.classes.length;
  const ids: number[] = [];
  const masks: number[] = [];
  const weights: number[] = [];
  let previous = 0;
  for (let f = 0; f < trained.featureIds.length; f++) {
    let mask = 0;
    const kept: number[] = [];
    for (let c = 0; c < K; c++) {
      const w = trained.W[f * K + c]!;
      if (Math.abs(w) < options.minWeight) continue;
      const q = Math.round(w * options.scale);
      if (q === 0) continue;
      mask |= 1 << c;
      kept.push(q);
    }
    if (mask === 0) continue;
    ids.push(trained.featureIds[f]! - previous);
    previous = trained.featureIds[f]!;
    masks.push(mask);
    weights.push(...kept);
  }
  return {
    header: options.header,
    classes: trained.classes,
    temperature: options.temperature,
    abstainBelow: options.abstainBelow,
    scale: options.scale,
    ids,
    masks,
    weights,
  };
}

/** The temperature that minimises the negative log-likelihood of held-out scores (golden-section search on log T). */
export function fitTemperature(items: readonly { scores: Float64Array; label: number; allowed: number; weight?: number }[]): number {
  const nll = (T: number) => {
    let total = 0;
    for (const { scores, label, allowed, weight = 1 } of items) {
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < scores.length; c++) if ((allowed >>> c) & 1 && scores[c]! > max) max = scores[c]!;
      let sum = 0;
      for (let c = 0; c < scores.length; c++) if ((allowed >>> c) & 1) sum += Math.exp((scores[c]! - max) / T);
      total += weight * (Math.log(sum) - (scores[label]! - max) / T);
    }
    return total;
  };
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = nll(Math.exp(a));
  let fb = nll(Math.exp(b));
  for (let i = 0; i < 60; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = nll(Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = nll(Math.exp(b));
    }
  }
  return Math.round(Math.exp((lo + hi) / 2) * 1000) / 1000;
}

/** Expected calibration error over equal-width confidence bins, and the table behind it. */
export function calibration(items: readonly { confidence: number; correct: boolean }[], bins = 10) {
  const table = Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins, n: 0, confidence: 0, accuracy: 0 }));
  for (const { confidence, correct } of items) {
    const bin = table[Math.min(bins - 1, Math.floor(confidence * bins))]!;
    bin.n++;
    bin.confidence += confidence;
    bin.accuracy += correct ? 1 : 0;
  }
  let ece = 0;
  for (const bin of table) {
    if (bin.n === 0) continue;
    bin.confidence /= bin.n;
    bin.accuracy /= bin.n;
    ece += (bin.n / items.length) * Math.abs(bin.accuracy - bin.confidence);
  }
  return { ece, table };
}

/** A row's score per class under the weights W (feature-major, K classes), into `scores`. */
function scoreColumns(scores: Float64Array, values: ArrayLike<number>, cols: ArrayLike<number>, W: Float64Array, K: number): void {
  scores.fill(0);
  for (let i = 0; i < cols.length; i++) {
    if (cols[i]! < 0) continue;
    const base = cols[i]! * K;
    const v = values[i]!;
    for (let c = 0; c < K; c++) scores[c]! += v * W[base + c]!;
  }
}
