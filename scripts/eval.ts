// `npm run eval [-- --extra FILE.jsonl ...] [--folds N] [--seed N] [--extra-weight NAME=W ...]`: how right the classifier is, honestly.
// `--seed` sets the training seed of the held-out models and `--extra-weight` how much an extra
// file's rows weigh in them (as `npm run train` takes them).
//
// 1. The project's corpus with the shipped model: corpus/heldout (never trained on: the honest
//    figure of the corpus) and, for reference, corpus/dev + corpus/validation (trained on).
// 2. Each --extra file, never seen by the model it is tested with: a file whose rows name their
//    `source` is evaluated leaving one source out (for each source: train on the corpus, the
//    other extra files and this file's other sources; classify that source's rows); a file
//    without sources is cross-validated in 5 folds. `--folds N` groups the sources into N folds
//    instead (faster, a little pessimistic: each model misses several sources).
//    The temperature of each held-out part is fitted on the other parts' held-out scores, so
//    the confidence it is judged on was never fitted on it.
// For each: accuracy by source, language, sender, channel and label confidence; a confusion
// matrix; abstentions; the safety pair (an official request vs everything a buyer writes) on its
// own; calibration (expected calibration error, reliability table).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { classify } from '../lib/classify/classify';
import { calibration, fitTemperature, type TrainingRow } from '../lib/classify/learn';
import { loadLinear, type LinearModel } from '../lib/classify/linear';
import { vary, VARIATION_NAMES, type VariationName } from './variation';
import { classifyInputObject, FLAGS, INTENTS, LANGUAGES, type Classification, type Intent } from '../lib/classify/types';
import {
  argValues,
  featureRows,
  foldOf,
  learnable,
  loadCorpusSplit,
  loadLabelled,
  packed,
  rawScores,
  SETTINGS,
  settingsFromArgs,
  generatedCopies,
  trainRows,
  type Labelled,
  type Settings,
} from './train';

export const CorpusExample = z.extend(classifyInputObject(), {
  id: z.string(),
  lang: z.enum(LANGUAGES),
  intent: z.enum(INTENTS),
  flags: z.optional(z.array(z.enum(FLAGS))),
  source: z.string().check(z.minLength(1)),
});
type CorpusExample = z.infer<typeof CorpusExample>;

export type Split = 'dev' | 'validation' | 'heldout';
export const SPLITS: readonly Split[] = ['dev', 'validation', 'heldout'];

export function loadSplit(split: Split): CorpusExample[] {
  const dir = join('corpus', split);
  const examples: CorpusExample[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.trim() === '') return;
        const parsed = CorpusExample.safeParse(JSON.parse(line));
        if (!parsed.success) throw new Error(`${file}:${i + 1}: ${z.prettifyError(parsed.error)}`);
        examples.push(parsed.data);
      });
  }
  return examples;
}

export interface Evaluated {
  readonly message: Labelled;
  readonly result: Classification;
  /** The intent named for each benign variation of the message (scripts/variation.ts), by the same model. */
  readonly varied?: Readonly<Record<VariationName, Intent>>;
}

/** Classifies each benign variation of a message with the same model. */
function variedIntents(message: Labelled, model: LinearModel | undefined, index: number): Record<VariationName, Intent> {
  const out = {} as Record<VariationName, Intent>;
  for (const name of VARIATION_NAMES) out[name] = classify(vary(message, name, index * 31 + 7), model ? { model } : undefined).intent;
  return out;
}

/**
 * Classifies each message of `target` with a model that never saw its part: parts are the
 * message's source (`leave-one-source-out`) or `folds` stable folds. `always` is trained on in
 * every part. The temperature of a part is fitted on the held-out scores of the other parts.
 */
export function heldOutResults(always: readonly Labelled[], target: readonly Labelled[], parts: { by: 'group' } | { folds: number; by: 'group' | 'row' }, settings: Settings = SETTINGS): Evaluated[] {
  const copies = generatedCopies(always.filter(learnable), settings);
  const fixed = [...always.filter(learnable), ...copies];
  const fixedRows = featureRows(fixed, settings);
  const targetRows = featureRows(target, settings);
  const partOf = target.map((m) => ('folds' in parts ? String(foldOf(parts.by === 'group' ? m.group : m.id, parts.folds)) : m.group));
  const names = [...new Set(partOf)].sort();
  const models = new Map<string, LinearModel>();
  const raw: { part: string; scores: Float64Array; label: number; allowed: number }[] = [];
  for (const name of names) {
    const rows: TrainingRow[] = [...fixedRows];
    target.forEach((m, i) => {
      if (partOf[i] !== name && learnable(m)) rows.push(targetRows[i]!);
    });
    const model = loadLinear(packed(trainRows(rows, settings), 1, settings));
    models.set(name, model);
    target.forEach((m, i) => {
      if (partOf[i] === name && learnable(m)) raw.push({ part: name, scores: rawScores(model, targetRows[i]!), label: targetRows[i]!.label, allowed: targetRows[i]!.allowed });
    });
  }
  const temperatureOf = new Map(names.map((name) => [name, fitTemperature(raw.filter((r) => r.part !== name))]));
  return target.map((message, i) => {
    const model = { ...models.get(partOf[i]!)!, temperature: temperatureOf.get(partOf[i]!)! };
    return { message, result: classify(message, { model }), varied: variedIntents(message, model, i) };
  });
}

const pct = (n: number, d: number) => (d === 0 ? '    – ' : `${((100 * n) / d).toFixed(1).padStart(5)} %`);
const SHORT: Readonly<Record<Intent, string>> = {
  'cancel-request': 'creq',
  'cancel-inquiry': 'cinq',
  'cancel-not-honored': 'cnh',
  'where-is-order': 'where',
  'address-change': 'addr',
  'return-refund': 'ret',
  defective: 'def',
  counterfeit: 'fake',
  'condition-mismatch': 'cond',
  'wrong-item': 'wrong',
  'invoice-request': 'inv',
  'product-question': 'q',
  'delivery-failure': 'bounce',
  'listing-removed': 'list',
  'a-to-z-claim': 'atoz',
  other: 'other',
};

function breakdown(title: string, rows: readonly Evaluated[], key: (e: Evaluated) => string | undefined, limit = 40): void {
  const groups = new Map<string, { n: number; ok: number }>();
  for (const e of rows) {
    const k = key(e) ?? '(none)';
    const g = groups.get(k) ?? { n: 0, ok: 0 };
    g.n++;
    if (e.result.intent === e.message.intent) g.ok++;
    groups.set(k, g);
  }
  const sorted = [...groups].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]));
  console.log(`\n${title}:`);
  for (const [k, g] of sorted.slice(0, limit)) console.log(`  ${k.length > 70 ? `${k.slice(0, 67)}...` : k.padEnd(70)} ${String(g.n).padStart(5)} ${pct(g.ok, g.n)}`);
  if (sorted.length > limit) {
    const rest = sorted.slice(limit);
    const n = rest.reduce((a, [, g]) => a + g.n, 0);
    const ok = rest.reduce((a, [, g]) => a + g.ok, 0);
    console.log(`  ${`(${rest.length} more, together)`.padEnd(70)} ${String(n).padStart(5)} ${pct(ok, n)}`);
  }
}

export interface Summary {
  readonly n: number;
  readonly accuracy: number;
  readonly ece: number;
  readonly buyerCalledRequest: number;
  readonly byLanguage: Readonly<Record<string, { n: number; accuracy: number }>>;
}

export function summarise(rows: readonly Evaluated[]): Summary {
  const ok = rows.filter((e) => e.result.intent === e.message.intent).length;
  const byLanguage: Record<string, { n: number; accuracy: number }> = {};
  for (const lang of new Set(rows.map((e) => e.message.lang ?? '?'))) {
    const mine = rows.filter((e) => (e.message.lang ?? '?') === lang);
    byLanguage[lang] = { n: mine.length, accuracy: mine.filter((e) => e.result.intent === e.message.intent).length / mine.length };
  }
  return {
    n: rows.length,
    accuracy: ok / rows.length,
    ece: calibration(rows.map((e) => ({ confidence: e.result.confidence, correct: e.result.intent === e.message.intent }))).ece,
    buyerCalledRequest: rows.filter((e) => e.message.sender !== 'amazon' && e.result.intent === 'cancel-request').length,
    byLanguage,
  };
}

export function report(title: string, rows: readonly Evaluated[], options: { bySource?: boolean } = {}): Summary {
  const s = summarise(rows);
  const correct = rows.filter((e) => e.result.intent === e.message.intent).length;
  console.log(`\n=== ${title}: ${rows.length} messages, accuracy ${pct(correct, rows.length)} (${correct}/${rows.length}) ===`);
  if (options.bySource) breakdown('by source (each one left out of its model)', rows, (e) => e.message.group.replace(/^[^:]*:/, ''), 25);
  breakdown('by language', rows, (e) => e.message.lang);
  breakdown('by sender', rows, (e) => e.message.sender ?? 'buyer (not said)');
  if (rows.some((e) => e.message.channel)) breakdown('by channel', rows, (e) => e.message.channel);
  if (rows.some((e) => e.message.labelConfidence)) breakdown('by label confidence', rows, (e) => e.message.labelConfidence);

  console.log('\nper intent:                n  precision  recall');
  for (const intent of INTENTS) {
    const expected = rows.filter((e) => e.message.intent === intent).length;
    const predicted = rows.filter((e) => e.result.intent === intent).length;
    const hit = rows.filter((e) => e.message.intent === intent && e.result.intent === intent).length;
    if (expected === 0 && predicted === 0) continue;
    console.log(`  ${intent.padEnd(22)} ${String(expected).padStart(5)} ${pct(hit, predicted).padStart(9)} ${pct(hit, expected).padStart(8)}`);
  }

  const used = INTENTS.filter((i) => rows.some((e) => e.message.intent === i || e.result.intent === i));
  console.log('\nconfusion (rows: expected, columns: named):');
  console.log(`  ${''.padEnd(7)}${used.map((i) => SHORT[i].padStart(7)).join('')}`);
  for (const expected of used) {
    const cells = used.map((got) => {
      const n = rows.filter((e) => e.message.intent === expected && e.result.intent === got).length;
      return (n === 0 ? '.' : String(n)).padStart(7);
    });
    console.log(`  ${SHORT[expected].padEnd(7)}${cells.join('')}`);
  }

  const unsure = rows.filter((e) => e.result.unsure);
  const sure = rows.filter((e) => !e.result.unsure);
  console.log(
    `\nabstained (other, unsure): ${unsure.length} of ${rows.length} (${pct(unsure.length, rows.length).trim()}); of those really other: ${unsure.filter((e) => e.message.intent === 'other').length}; accuracy where it did not abstain: ${pct(sure.filter((e) => e.result.intent === e.message.intent).length, sure.length).trim()}`,
  );
  const complaints = new Set<Intent>(['defective', 'counterfeit', 'condition-mismatch', 'wrong-item', 'cancel-not-honored']);
  const falseComplaints = rows.filter((e) => complaints.has(e.result.intent) && e.result.intent !== e.message.intent).length;
  console.log(`complaints named wrongly: ${falseComplaints}`);

  const official = rows.filter((e) => e.message.intent === 'cancel-request');
  const buyers = rows.filter((e) => e.message.sender !== 'amazon');
  console.log(
    `\nsafety pair: official requests recognised ${official.filter((e) => e.result.intent === 'cancel-request').length} of ${official.length}; messages not from Amazon called an official request: ${s.buyerCalledRequest} of ${buyers.length}; buyer cancel-inquiries kept as inquiries ${rows.filter((e) => e.message.intent === 'cancel-inquiry' && e.result.intent === 'cancel-inquiry').length} of ${rows.filter((e) => e.message.intent === 'cancel-inquiry').length}`,
  );

  const variedRows = rows.filter((e) => e.varied && e.message.sender !== 'amazon');
  if (variedRows.length > 0) {
    const rates = VARIATION_NAMES.map((name) => [name, variedRows.filter((e) => e.varied![name] !== e.result.intent).length] as const);
    const all = rates.reduce((sum, [, n]) => sum + n, 0);
    console.log(
      `\nbenign variation of the ${variedRows.length} messages not from Amazon, intent changed: ${pct(all, variedRows.length * rates.length).trim()} overall; ${rates.map(([name, n]) => `${name} ${pct(n, variedRows.length).trim()}`).join(', ')}`,
    );
  }

  const cal = calibration(rows.map((e) => ({ confidence: e.result.confidence, correct: e.result.intent === e.message.intent })));
  console.log(`\ncalibration: expected calibration error ${cal.ece.toFixed(3)} (10 equal bins)`);
  console.log('  confidence      n  mean conf  accuracy');
  for (const bin of cal.table) {
    if (bin.n === 0) continue;
    console.log(`  ${bin.from.toFixed(1)}–${bin.to.toFixed(1)}  ${String(bin.n).padStart(7)}  ${bin.confidence.toFixed(3).padStart(9)}  ${bin.accuracy.toFixed(3).padStart(8)}`);
  }
  return s;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const extras = argValues('--extra').map((path) => loadLabelled(path, 'extra'));
    const folds = argValues('--folds')[0];
    const settings = settingsFromArgs(process.argv);
    if (process.argv.includes('--seed')) console.log(`training seed of the held-out models: ${settings.train.seed}`);
    if (settings.extraWeight)
      console.log(
        `extra files weighted: ${Object.entries(settings.extraWeight)
          .map(([name, w]) => `${name} ${w}`)
          .join(', ')}`,
      );
    const heldout = loadCorpusSplit('heldout').messages;
    const trainedOn = [...loadCorpusSplit('dev').messages, ...loadCorpusSplit('validation').messages];
    const shipped = (messages: readonly Labelled[], withVariation = false) =>
      messages.map((message, i) => ({ message, result: classify(message), ...(withVariation ? { varied: variedIntents(message, undefined, i) } : {}) }));
    const summaries: [string, Summary][] = [];
    summaries.push(['corpus/heldout (shipped model; never trained on)', report('corpus/heldout, shipped model (never trained on)', shipped(heldout, true))]);
    const fit = summarise(shipped(trainedOn));
    console.log(`\ncorpus/dev + corpus/validation (trained on, for reference): ${fit.n} messages, accuracy ${(100 * fit.accuracy).toFixed(1)} %`);
    const corpus = [...loadCorpusSplit('dev').messages, ...loadCorpusSplit('validation').messages];
    for (const file of extras) {
      const others = extras.filter((f) => f !== file).flatMap((f) => f.messages);
      const hasSources = new Set(file.messages.map((m) => m.group)).size < file.messages.length;
      const parts = hasSources ? (folds ? { folds: Number(folds), by: 'group' as const } : { by: 'group' as const }) : { folds: 5, by: 'row' as const };
      const how = hasSources ? (folds ? `sources in ${folds} folds` : 'leave one source out') : '5-fold cross-validation';
      const started = Date.now();
      const results = heldOutResults([...corpus, ...others], file.messages, parts, settings);
      summaries.push([`${file.name} (${how})`, report(`${file.name}, ${how}`, results, { bySource: hasSources })]);
      console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    console.log('\n=== summary ===');
    for (const [name, s] of summaries) {
      const langs = Object.entries(s.byLanguage)
        .sort((a, b) => b[1].n - a[1].n)
        .map(([lang, v]) => `${lang} ${(100 * v.accuracy).toFixed(1)} % (${v.n})`)
        .join(', ');
      console.log(`${name}: ${(100 * s.accuracy).toFixed(1)} % of ${s.n}; ECE ${s.ece.toFixed(3)}; not-Amazon called official request: ${s.buyerCalledRequest}; ${langs}`);
    }
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
