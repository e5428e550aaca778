import { describe, expect, it } from 'vitest';
import { classify, teach } from '@/lib/classify/classify';
import { CorrectionLayerSchema, emptyLayer, exportLayer, MAX_IMPORT_CHARS, MAX_LAYER_FEATURES, MAX_STEPS, MAX_WEIGHT, parseLayerImport, type CorrectionLayer } from '@/lib/classify/corrections';
import { advise } from '@/lib/guidance/advise';
import type { MessageThreadSnapshot } from '@/lib/pages/snapshot';
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

describe('a corrections file on import (parseLayerImport)', () => {
  it('reads back what was exported', () => {
    const layer = learned();
    const read = parseLayerImport(exportLayer(layer));
    expect(read).toEqual({ ok: true, layer });
  });

  it('refuses a file of a million features at once (by its size), and one just over the cap by its count', () => {
    const million = `{"version":1,"corrections":1,"weights":{${Array.from({ length: 1_000_000 }, (_, i) => `"${i % 262_144}":{"other":0.1}`).join(',')}}}`;
    const started = performance.now();
    expect(parseLayerImport(million)).toMatchObject({ ok: false, problem: 'too-large' });
    expect(performance.now() - started).toBeLessThan(1_000);
    const over = JSON.stringify({ version: 1, corrections: 1, weights: Object.fromEntries(Array.from({ length: MAX_LAYER_FEATURES + 1 }, (_, i) => [String(i), { other: 0.1 }])) });
    expect(over.length).toBeLessThan(MAX_IMPORT_CHARS);
    expect(parseLayerImport(over)).toMatchObject({ ok: false, problem: 'too-many-features' });
  });

  it.each([
    ['not JSON', 'not json at all', 'not-json'],
    ['NaN weights (not JSON)', '{"version":1,"corrections":1,"weights":{"5":{"other":NaN}}}', 'not-json'],
    ['an infinite weight', '{"version":1,"corrections":1,"weights":{"5":{"other":1e999}}}', 'invalid'],
    ['a weight past the cap', '{"version":1,"corrections":1,"weights":{"5":{"other":2.5}}}', 'invalid'],
    ['a cancel-request weight', '{"version":1,"corrections":1,"weights":{"5":{"cancel-request":1}}}', 'invalid'],
    ['an unknown intent', '{"version":1,"corrections":1,"weights":{"5":{"spam":1}}}', 'invalid'],
    ['a feature id out of range', '{"version":1,"corrections":1,"weights":{"999999":{"other":1}}}', 'invalid'],
    ['text where an id belongs', '{"version":1,"corrections":1,"weights":{"glaze":{"other":1}}}', 'invalid'],
    ['another version', '{"version":2,"corrections":1,"weights":{}}', 'version'],
    ['no version', '{"corrections":1,"weights":{}}', 'version'],
    ['an array', '[1,2,3]', 'invalid'],
    ['null', 'null', 'invalid'],
    ['a prototype key', '{"version":1,"corrections":1,"weights":{"__proto__":{"other":1}}}', 'invalid'],
  ])('refuses %s, saying why', (_name, text, problem) => {
    const read = parseLayerImport(text);
    expect(read).toMatchObject({ ok: false, problem });
    if (!read.ok) expect(read.detail.length).toBeGreaterThan(0);
  });
});

describe('corrections and the unsure', () => {
  it("a message of words neither the model nor any rule knows reads as taught once corrected (the layer's words count as a signal)", () => {
    const input = { body: 'Zorbl frinkle gazump qwv', sender: 'buyer' as const };
    expect(classify(input).unsure).toBe(true);
    const outcome = teach(emptyLayer(), input, 'defective');
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(classify(input, { corrections: outcome.layer })).toMatchObject({ intent: 'defective' });
    expect(classify(input, { corrections: outcome.layer }).unsure).toBeUndefined();
    // Words it was never taught stay unsure.
    const noise = { body: 'xyzzy plugh', sender: 'buyer' as const };
    expect(classify(noise).unsure).toBe(true);
    expect(classify(noise, { corrections: outcome.layer }).unsure).toBe(true);
  });

  it('an unsure classification raises no complaint or urgent finding, even when it leaned to a complaint', () => {
    const snapshot: MessageThreadSnapshot = {
      kind: 'message-thread',
      marketplace: 'US',
      orderId: '114-3941689-8772232',
      messages: [{ sender: 'buyer', text: 'hmm the thing.' }],
      missing: [],
      sources: ['dom'],
    };
    const unsure = { intent: 'other' as const, confidence: 0.2, language: 'en' as const, flags: [], evidence: [], scores: { counterfeit: 0.34, other: 0.2 }, unsure: true };
    const findings = advise({ snapshot, classified: [{ index: 0, classification: unsure }], settings: { replyDueHours: 12 }, now: Date.parse('2026-11-22T12:00:00Z') });
    for (const f of findings) {
      expect(['complaint-reply-now', 'cancel-inquiry-not-request', 'cancel-not-honored', 'address-change-refuse']).not.toContain(f.id);
      expect(f.severity).not.toBe('critical');
    }
  });
});
