// `npm run train`: trains the classifier's character n-gram model on corpus/dev (never on
// corpus/heldout) and writes lib/classify/model.json. Deterministic: the same corpus gives the
// same file (test/classify-model.test.ts checks the committed model against a fresh training).
import { writeFileSync } from 'node:fs';
import { normalizeText } from '../lib/classify/normalize';
import { train } from '../lib/classify/model';
import { INTENTS } from '../lib/classify/types';
import { loadSplit } from './eval';

export function trainFromCorpus() {
  const examples = loadSplit('dev').map((e) => ({ text: normalizeText(`${e.subject ?? ''}\n${e.body}`), intent: e.intent }));
  return train(examples, INTENTS);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const model = trainFromCorpus();
  writeFileSync('lib/classify/model.json', `${JSON.stringify(model)}\n`);
  console.log(`lib/classify/model.json: ${model.classes.length} classes, ${model.buckets.length} n-gram buckets kept of ${model.vocabulary} seen`);
}
