import { describe, expect, it } from 'vitest';
import { scoreRow } from '@/lib/classify/learn';
import { exampleWeight, featureRows, MODEL_CLASSES, SETTINGS, settingsFromArgs, trainRows, type Labelled } from '@/scripts/train';

const message = (id: string, file: string, intent: Labelled['intent'], origin: Labelled['origin'] = 'extra'): Labelled => ({
  id,
  intent,
  origin,
  group: `${file}:${id}`,
  file,
  sender: 'buyer',
  lang: 'en',
  body: 'The kettle I received does not switch on and the lid is cracked, what can be done about it?',
});

describe('training settings from the command line (`npm run train` and `npm run eval`)', () => {
  it('are the shipped settings themselves without options', () => {
    expect(settingsFromArgs(['node', 'scripts/train.ts', '--extra', 'a.jsonl'])).toBe(SETTINGS);
  });

  it('take a seed, and an extra file’s own weight by its name (a path names its file)', () => {
    const settings = settingsFromArgs(['--seed', '7', '--extra-weight', '../data/real.jsonl=3', '--extra-weight', 'bitext.jsonl=0.3']);
    expect(settings.train.seed).toBe(7);
    expect(settings.train.epochs).toBe(SETTINGS.train.epochs);
    expect(settings.extraWeight).toEqual({ 'real.jsonl': 3, 'bitext.jsonl': 0.3 });
    expect(settings.originWeight).toEqual(SETTINGS.originWeight);
  });

  it.each([['real.jsonl'], ['real.jsonl='], ['=3'], ['real.jsonl=-1'], ['real.jsonl=0'], ['real.jsonl=x']])('refuse a malformed --extra-weight %s', (spec) => {
    expect(() => settingsFromArgs(['--extra-weight', spec])).toThrow(/--extra-weight/);
  });

  it('refuse a seed that is not a whole number', () => {
    expect(() => settingsFromArgs(['--seed', 'seven'])).toThrow(/--seed/);
  });
});

describe('an extra file’s own weight', () => {
  const settings = settingsFromArgs(['--extra-weight', 'real.jsonl=3']);

  it('applies to that file’s examples only; other files and the corpus keep their origin’s weight', () => {
    expect(exampleWeight(message('1', 'real.jsonl', 'defective'), settings)).toBe(3);
    expect(exampleWeight(message('2', 'bitext.jsonl', 'defective'), settings)).toBe(SETTINGS.originWeight.extra);
    expect(exampleWeight(message('3', 'real.jsonl', 'defective', 'corpus'), settings)).toBe(SETTINGS.originWeight.corpus);
    expect(exampleWeight(message('4', 'real.jsonl', 'defective', 'topic'), settings)).toBe(SETTINGS.originWeight.topic);
    expect(exampleWeight(message('5', 'real.jsonl', 'defective'))).toBe(SETTINGS.originWeight.extra);
    expect(featureRows([message('6', 'real.jsonl', 'defective'), message('7', 'bitext.jsonl', 'wrong-item')], settings).map((r) => r.weight)).toEqual([3, 1]);
  });

  it('decides between two files that label the same text differently', () => {
    const rows = [message('a', 'real.jsonl', 'defective'), message('b', 'bitext.jsonl', 'wrong-item')];
    const defectiveOverWrongItem = (args: string[]) => {
      const chosen = settingsFromArgs(args);
      const features = featureRows(rows, chosen);
      const scores = new Float64Array(MODEL_CLASSES.length);
      scoreRow(trainRows(features, chosen), features[0]!.ids, features[0]!.values, scores);
      return scores[MODEL_CLASSES.indexOf('defective')]! - scores[MODEL_CLASSES.indexOf('wrong-item')]!;
    };
    expect(defectiveOverWrongItem(['--extra-weight', 'real.jsonl=3'])).toBeGreaterThan(0);
    expect(defectiveOverWrongItem(['--extra-weight', 'bitext.jsonl=3'])).toBeLessThan(0);
  });
});
