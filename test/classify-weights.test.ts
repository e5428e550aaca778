import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLinear, type LinearWeightsFile } from '@/lib/classify/linear';
import { FORMAT, loadCorpusSplit, MODEL_CLASSES, serialise, trainArtifact, WEIGHTS_PATH, weightsHash } from '@/scripts/train';

const text = readFileSync(WEIGHTS_PATH, 'utf8');
const file = JSON.parse(text) as LinearWeightsFile;
const header = file.header as {
  format: string;
  trainedOn: { file: string; rows: number; used: number; sha256: string }[];
  seed: number;
  weightsSha256: string;
  corpusOnlySha256: string;
  temperature: number;
  abstainBelow: number;
};

describe('the committed weights (lib/classify/weights.json, `npm run train`)', () => {
  it('say in their header what they were trained on: file names, row counts, content hashes, seed', () => {
    expect(header.format).toBe(FORMAT);
    expect(header.trainedOn.length).toBeGreaterThanOrEqual(2);
    for (const source of header.trainedOn) {
      expect(source.file).not.toMatch(/\.\.|^\//); // a name, not a path of this machine
      expect(source.rows).toBeGreaterThan(0);
      expect(source.used).toBeLessThanOrEqual(source.rows);
      expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(Number.isInteger(header.seed)).toBe(true);
    expect(header.temperature).toBe(file.temperature);
    expect(header.abstainBelow).toBe(file.abstainBelow);
  });

  it('were trained on the corpus as it is now (change corpus/dev or corpus/validation, then run `npm run train`)', () => {
    for (const split of ['dev', 'validation'] as const) {
      const now = loadCorpusSplit(split);
      const recorded = header.trainedOn.find((f) => f.file === `corpus/${split}`);
      expect(recorded, split).toBeDefined();
      expect(recorded!.sha256, split).toBe(now.sha256);
      expect(recorded!.rows, split).toBe(now.rows);
    }
    expect(header.trainedOn.some((f) => f.file === 'corpus/heldout')).toBe(false);
  });

  it('are intact: the weights hash in the header is the hash of the weights, and the file is as the trainer writes it', () => {
    expect(weightsHash(file)).toBe(header.weightsSha256);
    expect(serialise(file)).toBe(text);
  });

  it('load, and cannot name an official cancellation request', () => {
    const model = loadLinear(file);
    expect(model.classes).toEqual(MODEL_CLASSES);
    expect(model.classes).not.toContain('cancel-request');
    expect(model.features).toBe(file.ids.length);
  });

  it('training on the project corpus alone reproduces, byte for byte, the artifact the header records', () => {
    const first = trainArtifact([]);
    expect(createHash('sha256').update(first.text).digest('hex')).toBe(header.corpusOnlySha256);
    expect(first.file.header.trainedOn).toEqual([expect.objectContaining({ file: 'corpus/dev' }), expect.objectContaining({ file: 'corpus/validation' })]);
  }, 180_000);
});

describe('a malformed weights file', () => {
  const good = (): LinearWeightsFile => ({ header: {}, classes: ['other', 'defective'], temperature: 1, abstainBelow: 0.2, scale: 8, ids: [5, 3], masks: [3, 2], weights: [8, -8, 16] });

  it('loads when well-formed', () => {
    expect(loadLinear(good()).features).toBe(2);
  });

  it.each([
    ['fewer weights than the masks say', { weights: [8, -8] }, /fewer weights/],
    ['more weights than the masks say', { weights: [8, -8, 16, 1] }, /more weights/],
    ['masks and ids of different lengths', { masks: [3] }, /differ in length/],
    ['ids out of order', { ids: [5, 0] }, /out of order or range/],
    ['an id out of range', { ids: [1 << 20], masks: [3], weights: [8, -8] }, /out of order or range/],
    ['a weight that is not an integer', { weights: [8, 0.5, 16] }, /not a small integer/],
    ['no scale', { scale: 0 }, /scale must be positive/],
  ] as const)('is refused with a clear message: %s', (_label, change, message) => {
    expect(() => loadLinear({ ...good(), ...change } as LinearWeightsFile)).toThrow(message);
  });
});
