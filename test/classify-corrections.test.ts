import { describe, expect, it } from 'vitest';
import { classify, teach } from '@/lib/classify/classify';
import { CorrectionLayerSchema, emptyLayer, MAX_LAYER_FEATURES, MAX_STEPS, MAX_WEIGHT, type CorrectionLayer } from '@/lib/classify/corrections';
import { loadSplit } from '@/scripts/eval';

// A seller's own shop words the model was never taught: "the glaze crawled" is a defect in pottery.
const corrected = { body: 'The glaze crawled on the second mug, bare patches everywhere.', sender: 'buyer' as const };
const similar = { body: 'The glaze crawled on my cup too, bare patches.', sender: 'buyer' as const };
const alike = { body: 'glaze crawling on the teapot', sender: 'buyer' as const };

function learned(): CorrectionLayer {
  const outcome = teach(emptyLayer(), corrected, 'defective');
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.layer;
}

describe("the seller's corrections", () => {
  it('a correction changes the message corrected and the next similar one', () => {
    // The premise: without the correction neither reads as a defect.
    expect(classify(corrected).intent).not.toBe('defective');
    expect(classify(similar).intent).not.toBe('defective');
    expect(classify(alike).intent).not.toBe('defective');
    const layer = learned();
    expect(classify(corrected, { corrections: layer }).intent).toBe('defective');
    expect(classify(similar, { corrections: layer }).intent).toBe('defective');
    expect(classify(alike, { corrections: layer }).intent).toBe('defective'); // another form of the word, by its n-grams
  });

  it('and leaves unrelated messages alone', () => {
    const layer = learned();
    const others = loadSplit('heldout');
    const changed = others.filter((m) => classify(m, { corrections: layer }).intent !== classify(m).intent);
    expect(changed.length / others.length).toBeLessThanOrEqual(0.02);
  });

  it('keeps no text: only feature ids and numbers, within the caps', () => {
    const layer = learned();
    const json = JSON.stringify(layer);
    for (const word of ['glaze', 'crawled', 'mug', 'patches', 'bare']) expect(json.toLowerCase()).not.toContain(word);
    expect(CorrectionLayerSchema.safeParse(layer).success).toBe(true);
    expect(layer.corrections).toBe(1);
  });

  it('is capped: repeated corrections never push a weight past the cap, nor the layer past its size', () => {
    let layer = emptyLayer();
    for (let i = 0; i < 30; i++) {
      const outcome = teach(layer, { body: 'please cancel, it is broken and fake', sender: 'buyer' }, i % 2 ? 'other' : 'wrong-item');
      expect(outcome.ok).toBe(true);
      if (outcome.ok) {
        expect(outcome.steps).toBeLessThanOrEqual(MAX_STEPS);
        layer = outcome.layer;
      }
    }
    for (const row of Object.values(layer.weights)) for (const w of Object.values(row)) expect(Math.abs(w!)).toBeLessThanOrEqual(MAX_WEIGHT);
    const full: CorrectionLayer = { ...emptyLayer(), weights: Object.fromEntries(Array.from({ length: MAX_LAYER_FEATURES }, (_, i) => [String(i), { other: 0.1 }])) };
    expect(teach(full, { body: 'zzz unrelated words here', sender: 'buyer' }, 'defective')).toEqual({ ok: false, reason: 'layer-full' });
  });

  it('cannot teach an official cancellation request: that stays with Amazon', () => {
    expect(teach(emptyLayer(), { body: 'please cancel', sender: 'buyer' }, 'cancel-request')).toEqual({ ok: false, reason: 'official-request' });
  });

  it('exports and imports as checked JSON; a malformed layer is refused with a message; reset is the empty layer', () => {
    const layer = learned();
    const imported = CorrectionLayerSchema.parse(JSON.parse(JSON.stringify(layer)));
    expect(classify(similar, { corrections: imported }).intent).toBe('defective');
    for (const bad of [
      { ...layer, version: 2 },
      { ...layer, weights: { '12': { 'cancel-request': 1 } } },
      { ...layer, weights: { '12': { defective: 99 } } },
      { ...layer, weights: { 'not-an-id': { defective: 1 } } },
      { ...layer, weights: { '99999': { defective: 1 } } },
      { ...layer, corrections: -1 },
    ]) {
      const parsed = CorrectionLayerSchema.safeParse(bad);
      expect(parsed.success).toBe(false);
    }
    expect(classify(similar, { corrections: emptyLayer() }).intent).toBe(classify(similar).intent);
  });
});
