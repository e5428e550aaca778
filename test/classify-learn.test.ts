import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addTextFeatures, FEATURE_BITS, FeatureBuffer, hashText, MAX_FEATURES, SEED, WordBuffer } from '@/lib/classify/features';
import { calibration, fitTemperature, pack, scoreRow, seeded, train, type TrainingRow } from '@/lib/classify/learn';
import { loadLinear, probabilities, score, weightOf } from '@/lib/classify/linear';
import type { Intent } from '@/lib/classify/types';

const CLASSES: readonly Intent[] = ['where-is-order', 'defective', 'other'];

/** A toy corpus as feature rows: each class has its own words, plus shared noise. */
function toyRows(n: number, seed: number): TrainingRow[] {
  const random = seeded(seed);
  const words: Record<number, string[]> = { 0: ['parcel', 'tracking', 'late'], 1: ['broken', 'cracked', 'dead'], 2: ['thanks', 'great', 'lovely'] };
  const rows: TrainingRow[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 3;
    const buffer = new FeatureBuffer();
    const text = [...words[label]!.filter(() => random() < 0.6), 'the', 'a', random() < 0.3 ? 'order' : 'item'].join(' ');
    addTextFeatures(buffer, text, SEED.bodyChar, SEED.bodyWord);
    const { ids, values } = buffer.snapshot();
    rows.push({ ids, values, label, weight: 1, allowed: 0b111 });
  }
  return rows;
}

function textRow(text: string): { ids: Int32Array; values: Float32Array } {
  const buffer = new FeatureBuffer();
  addTextFeatures(buffer, text, SEED.bodyChar, SEED.bodyWord);
  return buffer.snapshot();
}

describe('features', () => {
  it('are hashed into FEATURE_BITS bits, each at most once per message, and bounded in number (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3_000 }), (text) => {
        const { ids, values } = textRow(text);
        expect(ids.length).toBeLessThanOrEqual(MAX_FEATURES);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(id >>> FEATURE_BITS).toBe(0);
        for (const v of values) expect(v).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('give the n-grams of a text one unit of length, and its words another: a long text does not outvote a short one', () => {
    for (const text of ['short', 'a much longer message about a parcel that has not come yet '.repeat(5)]) {
      const { values } = textRow(text);
      const total = [...values].reduce((sum, v) => sum + v * v, 0);
      expect(total).toBeCloseTo(2, 4); // n-grams and words, each group of unit length
    }
  });

  it('split Japanese into runs of one script, and record where each word is', () => {
    const buffer = new FeatureBuffer();
    const words = new WordBuffer();
    const text = '注文をキャンセルしたい';
    addTextFeatures(buffer, text, SEED.bodyChar, SEED.bodyWord, words);
    const found = Array.from({ length: words.count }, (_, i) => text.slice(words.start[i], words.end[i]));
    expect(found).toEqual(['注文', 'を', 'キャンセル', 'したい']);
    expect(words.id[2]).toBe(hashText(SEED.bodyWord, 'キャンセル'));
  });

  it('count a repeated word once', () => {
    const once = textRow('refund');
    const many = textRow('refund refund refund refund');
    expect(new Set(many.ids)).toEqual(new Set([...once.ids, ...many.ids]));
  });
});

describe('training', () => {
  it('logistic regression learns a toy corpus, deterministically, and its L1 penalty leaves weights at zero', () => {
    const rows = toyRows(90, 7);
    const options = { learner: 'logistic', epochs: 8, seed: 3, learningRate: 0.2, beta: 0.001, l1: 0.01, minCount: 1 } as const;
    const a = train(rows, CLASSES, options);
    const b = train(rows, CLASSES, options);
    expect(Array.from(a.W)).toEqual(Array.from(b.W));
    const scores = new Float64Array(3);
    for (const [text, label] of [
      ['my parcel is late', 0],
      ['it arrived cracked', 1],
      ['thanks, lovely', 2],
    ] as const) {
      const { ids, values } = textRow(text);
      scoreRow(a, ids, values, scores);
      expect(scores.indexOf(Math.max(...scores)), text).toBe(label);
    }
    const sparse = train(rows, CLASSES, { ...options, l1: 0.5 });
    const zeros = (W: Float64Array) => W.filter((w) => w === 0).length;
    expect(zeros(sparse.W)).toBeGreaterThan(zeros(a.W));
  });

  it('the averaged perceptron learns it too', () => {
    const trained = train(toyRows(90, 7), CLASSES, { learner: 'perceptron', epochs: 8, seed: 3 });
    const scores = new Float64Array(3);
    const { ids, values } = textRow('cracked and dead');
    scoreRow(trained, ids, values, scores);
    expect(scores.indexOf(Math.max(...scores))).toBe(1);
  });

  it('a different seed orders the examples differently (so the seed is worth recording)', () => {
    const rows = toyRows(60, 1);
    const a = train(rows, CLASSES, { learner: 'logistic', epochs: 2, seed: 1 });
    const b = train(rows, CLASSES, { learner: 'logistic', epochs: 2, seed: 2 });
    expect(Array.from(a.W)).not.toEqual(Array.from(b.W));
  });

  it('packing keeps the scores to within the rounding step, and leaves out the smallest weights', () => {
    const trained = train(toyRows(90, 7), CLASSES, { learner: 'logistic', epochs: 8, seed: 3, learningRate: 0.2, beta: 0.001 });
    const file = pack(trained, { scale: 64, minWeight: 0, temperature: 1, abstainBelow: 0, header: {} });
    const model = loadLinear(file);
    const { ids, values } = textRow('my parcel is late, thanks');
    const exact = new Float64Array(3);
    const packed = new Float64Array(3);
    scoreRow(trained, ids, values, exact);
    score(model, ids, values, ids.length, packed);
    for (let c = 0; c < 3; c++) expect(Math.abs(exact[c]! - packed[c]!)).toBeLessThan(ids.length / 64);
    const pruned = pack(trained, { scale: 64, minWeight: 0.3, temperature: 1, abstainBelow: 0, header: {} });
    expect(pruned.weights.length).toBeLessThan(file.weights.length);
    for (const q of pruned.weights) expect(Math.abs(q) / 64).toBeGreaterThanOrEqual(0.3 - 1 / 128);
    const kept = ids.find((id) => model.index[id]! > 0)!;
    expect(weightOf(model, kept, 0)).toBeCloseTo(Math.round(trained.W[trained.featureIds.indexOf(kept) * 3]! * 64) / 64, 10);
  });
});

describe('calibration', () => {
  it('recovers the temperature that made the held-out labels', () => {
    // Scores drawn so that softmax(score / 2) is the true probability of each label.
    const random = seeded(11);
    const items = Array.from({ length: 3_000 }, () => {
      const scores = Float64Array.from([random() * 6, random() * 6, random() * 6]);
      const p = new Float64Array(3);
      probabilities(scores, 2, () => true, p);
      const u = random();
      const label = u < p[0]! ? 0 : u < p[0]! + p[1]! ? 1 : 2;
      return { scores, label, allowed: 0b111 };
    });
    expect(fitTemperature(items)).toBeGreaterThan(1.7);
    expect(fitTemperature(items)).toBeLessThan(2.3);
  });

  it('expected calibration error: 0 when confidence is accuracy, the gap when it is not', () => {
    const eightOfTen = Array.from({ length: 10 }, (_, i) => ({ confidence: 0.75, correct: i < 8 }));
    expect(calibration(eightOfTen).ece).toBeCloseTo(0.05, 6); // said 75 %, right 80 %
    expect(calibration(eightOfTen.map((item) => ({ ...item, confidence: 0.8 }))).ece).toBeCloseTo(0, 6);
    const perfect = [
      { confidence: 0.95, correct: true },
      { confidence: 0.05, correct: false },
    ];
    expect(calibration(perfect).ece).toBeCloseTo(0.05, 6);
    const { table } = calibration([{ confidence: 1, correct: true }]);
    expect(table.at(-1)!.n).toBe(1); // a confidence of exactly 1 is in the last bin
  });

  it('probabilities leave out the classes a message may not have', () => {
    const out = new Float64Array(3);
    const best = probabilities(Float64Array.from([5, 1, 0]), 1, (c) => c !== 0, out);
    expect(best).toBe(1);
    expect(out[0]).toBe(0);
    expect(out[1]! + out[2]!).toBeCloseTo(1, 10);
  });
});
