import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '@/lib/classify/classify';
import { ngramBuckets, predict, train, type NaiveBayesModel } from '@/lib/classify/model';
import { trainFromCorpus } from '@/scripts/train';

describe('the character n-gram model', () => {
  it('is the model the corpus trains (run `npm run train` after changing corpus/dev)', () => {
    const committed = JSON.parse(readFileSync('lib/classify/model.json', 'utf8'));
    expect(JSON.parse(JSON.stringify(trainFromCorpus()))).toEqual(committed);
  });

  it('learns and predicts on a toy corpus', () => {
    const model = train(
      [
        { text: 'where is my parcel', intent: 'where-is-order' },
        { text: 'parcel not here yet', intent: 'where-is-order' },
        { text: 'it is broken and cracked', intent: 'defective' },
        { text: 'cracked screen, broken', intent: 'defective' },
      ],
      ['where-is-order', 'defective'],
    );
    expect(predict(model, 'my parcel is late')?.intent).toBe('where-is-order');
    expect(predict(model, 'the lid is cracked')?.intent).toBe('defective');
    expect(predict(model, 'the lid is cracked', (i) => i !== 'defective')?.intent).toBe('where-is-order');
    expect(predict(model, '')).toBeUndefined();
  });

  it('hashes n-grams into a bounded range, for any text', () => {
    for (const bucket of ngramBuckets('キャンセル cancel ÄÖÜ 😡')) {
      expect(bucket).toBeGreaterThanOrEqual(0);
      expect(bucket).toBeLessThan(1 << 18);
    }
  });

  it('never turns a buyer message into an official request or an Amazon notice', () => {
    const committed = JSON.parse(readFileSync('lib/classify/model.json', 'utf8')) as NaiveBayesModel;
    expect(committed.classes).toContain('cancel-request');
    for (const body of ['Order cancellation requested', 'We were unable', 'claim received', 'listing removed?', 'Solicitud de cancelación']) {
      const r = classify({ body, sender: 'buyer' });
      expect(['cancel-request', 'delivery-failure', 'listing-removed', 'a-to-z-claim']).not.toContain(r.intent);
    }
  });

  it('says when it decided, so the sidebar can tell model from rule', () => {
    const r = classify({ body: 'Die Ware ist bis heute nicht bei mir eingetroffen' });
    if (r.evidence.some((e) => e.rule === 'model.char-ngrams')) expect(r.confidence).toBeLessThanOrEqual(0.9);
    expect(r.intent).not.toBe('cancel-request');
  });
});

describe('cross-validation on dev (npm run cv)', () => {
  it('trains each fold apart and scores the shipped policy as the rules and model do', async () => {
    const { crossValidate } = await import('@/scripts/cv');
    const { MODEL_POLICY } = await import('@/lib/classify/classify');
    const [shipped, modelAlways] = crossValidate([MODEL_POLICY, { weakAt: 100, minProbability: 0 }]);
    expect(shipped!.accuracy).toBeGreaterThan(0.9);
    expect(shipped!.accuracy).toBeLessThanOrEqual(1);
    // Letting the model overrule every question or thanks the rules found is worse: the policy matters.
    expect(modelAlways!.accuracy).toBeLessThan(shipped!.accuracy);
  });
});

describe('the packed model tables', () => {
  it('predict exactly as the unrounded counts would, on every corpus message', async () => {
    const { ngramBuckets: buckets, MIN_DISTINCT_NGRAMS } = await import('@/lib/classify/model');
    const { normalizeText } = await import('@/lib/classify/normalize');
    const { loadSplit, SPLITS } = await import('@/scripts/eval');
    const model = JSON.parse(readFileSync('lib/classify/model.json', 'utf8')) as NaiveBayesModel;
    // The reference: log counts straight from the file, no packing.
    const counts = new Map<number, [number, number][]>();
    let bucket = 0;
    let e = 0;
    for (const delta of model.buckets) {
      bucket += delta;
      const n = model.entries[e++]!;
      const list: [number, number][] = [];
      for (let k = 0; k < n; k++, e += 2) list.push([model.entries[e]!, model.entries[e + 1]!]);
      counts.set(bucket, list);
    }
    const exact = (text: string) => {
      const logp = [...model.priors];
      const known = new Set(buckets(text).filter((b) => counts.has(b)));
      if (known.size < MIN_DISTINCT_NGRAMS) return undefined;
      for (const b of buckets(text)) {
        const list = counts.get(b);
        if (!list) continue;
        for (let c = 0; c < logp.length; c++) logp[c]! -= Math.log(model.totals[c]! + model.vocabulary);
        for (const [c, n] of list) logp[c]! += Math.log(n + 1);
      }
      return model.classes[logp.indexOf(Math.max(...logp))];
    };
    let compared = 0;
    for (const example of SPLITS.flatMap(loadSplit)) {
      const text = normalizeText(`${example.subject ?? ''}\n${example.body}`);
      expect(predict(model, text)?.intent, example.id).toBe(exact(text));
      compared++;
    }
    expect(compared).toBeGreaterThan(1_900);
  });
});
