// `npm run cv`: the evidence for the choices the held-out split must never decide — how much the
// character n-gram model may say (lib/classify/classify.ts MODEL_POLICY). For each policy: k-fold
// cross-validation on corpus/dev (each fold trains the model on the other folds and classifies its
// own examples with the rules and that model), and accuracy on corpus/validation with the shipped
// model. Dev's folds favour the rules, which were written on dev's messages; the validation batch
// is phrased as new messages are. corpus/heldout is not read.
import { classify, MODEL_POLICY, type ModelPolicy } from '../lib/classify/classify';
import { train } from '../lib/classify/model';
import { normalizeText } from '../lib/classify/normalize';
import { INTENTS } from '../lib/classify/types';
import { loadSplit } from './eval';

const FOLDS = 5;
/** A stable fold per example (by id), so runs agree. */
function foldOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % FOLDS;
}

export function crossValidate(policies: readonly ModelPolicy[]): { policy: ModelPolicy; accuracy: number }[] {
  const dev = loadSplit('dev');
  const correct = policies.map(() => 0);
  for (let fold = 0; fold < FOLDS; fold++) {
    const training = dev.filter((e) => foldOf(e.id) !== fold);
    const model = train(training.map((e) => ({ text: normalizeText(`${e.subject ?? ''}\n${e.body}`), intent: e.intent })), INTENTS);
    for (const example of dev.filter((e) => foldOf(e.id) === fold)) {
      policies.forEach((modelPolicy, p) => {
        if (classify(example, { model, modelPolicy }).intent === example.intent) correct[p]! += 1;
      });
    }
  }
  return policies.map((policy, p) => ({ policy, accuracy: correct[p]! / dev.length }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const policies: ModelPolicy[] = [];
  for (const weakAt of [0, 1, 1.5, 2]) for (const minProbability of [0.5, 0.7, 0.9]) policies.push({ weakAt, minProbability });
  console.log(`${FOLDS}-fold cross-validation on corpus/dev (${loadSplit('dev').length} examples); shipped policy: weakAt ${MODEL_POLICY.weakAt}, minProbability ${MODEL_POLICY.minProbability}`);
  const validation = loadSplit('validation');
  console.log(`policy                           dev folds   validation (${validation.length})`);
  for (const { policy, accuracy } of crossValidate(policies)) {
    const onValidation = validation.filter((e) => classify(e, { modelPolicy: policy }).intent === e.intent).length / validation.length;
    console.log(
      `weakAt ${String(policy.weakAt).padEnd(4)} minProbability ${policy.minProbability.toFixed(1)}  ${(100 * accuracy).toFixed(1).padStart(8)} %  ${(100 * onValidation).toFixed(1).padStart(8)} %`,
    );
  }
}
