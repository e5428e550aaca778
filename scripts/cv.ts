// `npm run cv [-- --extra FILE.jsonl ...] [--folds N]`: the evidence for the model's settings
// (scripts/train.ts SETTINGS), never the held-out corpus split's to decide. For each candidate:
// - each --extra file whose rows name a source, its sources in N folds (default 10): every fold
//   classified by a model trained on the corpus, the other files and the other folds;
// - without such files, corpus/dev + corpus/validation in 5 folds by file;
// and the size of the model trained on everything. Candidates: the shipped settings, the averaged
// perceptron, more epochs, more and less L1, and no abstention.
import { gzipSync } from 'node:zlib';
import { heldOutResults, summarise } from './eval';
import { argValues, featureRows, learnable, loadCorpusSplit, loadLabelled, generatedCopies, packed, serialise, SETTINGS, trainRows, type Labelled, type Settings } from './train';

export const CANDIDATES: readonly [string, Partial<Omit<Settings, 'train'>> & { train?: Partial<Settings['train']> }][] = [
  ['shipped settings', {}],
  ['averaged perceptron', { train: { learner: 'perceptron' } }],
  ['logistic, 20 epochs', { train: { epochs: 20 } }],
  ['logistic, L1 0.03', { train: { l1: 0.03 } }],
  ['logistic, L1 0.003', { train: { l1: 0.003 } }],
  ['no abstention', { abstainBelow: 0 }],
];

export function settingsOf(change: (typeof CANDIDATES)[number][1]): Settings {
  return { ...SETTINGS, ...change, train: { ...SETTINGS.train, ...(change.train ?? {}) } } as Settings;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const extras = argValues('--extra').map((path) => loadLabelled(path, 'extra'));
  const folds = Number(argValues('--folds')[0] ?? 10);
  const corpus = [...loadCorpusSplit('dev').messages, ...loadCorpusSplit('validation').messages];
  const withSources = extras.filter((f) => new Set(f.messages.map((m) => m.group)).size < f.messages.length);
  for (const [name, change] of CANDIDATES) {
    const settings = settingsOf(change);
    const started = Date.now();
    const parts: string[] = [];
    if (withSources.length > 0) {
      for (const file of withSources) {
        const others = extras.filter((f) => f !== file).flatMap((f) => f.messages);
        const s = summarise(heldOutResults([...corpus, ...others], file.messages, { folds, by: 'group' }, settings));
        parts.push(`${file.name} ${(100 * s.accuracy).toFixed(1)} % (ECE ${s.ece.toFixed(3)})`);
      }
    } else {
      const others = extras.flatMap((f) => f.messages);
      const s = summarise(heldOutResults(others, corpus, { folds: 5, by: 'group' }, settings));
      parts.push(`corpus in 5 folds by file ${(100 * s.accuracy).toFixed(1)} % (ECE ${s.ece.toFixed(3)})`);
    }
    const all: Labelled[] = [...corpus, ...extras.flatMap((f) => f.messages)].filter(learnable);
    const file = packed(trainRows(featureRows([...all, ...generatedCopies(all, settings)], settings), settings), 1, settings);
    const gz = gzipSync(serialise(file), { level: 9 }).length;
    console.log(`${name.padEnd(22)} ${parts.join('; ')}; ${file.weights.length} weights, ${(gz / 1024).toFixed(0)} KB gzipped (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
}
