// `npm run train [-- --extra FILE.jsonl ...] [--extra-weight NAME=W ...] [--out PATH] [--seed N]`: trains the classifier's
// linear model (lib/classify/linear.ts) and writes lib/classify/weights.json, a generated artifact
// whose header records what it was trained on (file names, row counts, SHA-256 of their
// contents), the seed and the settings. Deterministic: the same files and seed give the same
// bytes (test/classify-weights.test.ts trains on the corpus alone and checks the header's record).
//
// What it trains on: the project's corpus (corpus/dev and corpus/validation; corpus/heldout only
// measures), copies of the corpus's buyer messages given one of Amazon's topic subjects
// (lib/classify/amazon-subjects.json), and any labelled JSON-lines file given with --extra (the
// same fields as the corpus; `expect` may stand for `intent`; rows without an intent of ours are
// left out). Official cancellation requests are not the model's to learn (classify.ts names them
// from Amazon's signals), so their rows are left out too.
//
// Calibration: the examples are split into folds by their source (a shop's messages stay
// together), each fold is scored by a model trained on the others, and the temperature that
// makes those held-out probabilities most likely is the model's. The abstention threshold is a
// setting (docs/classifier.md says how it was chosen).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as z from 'zod/mini';
import { AMAZON_SUBJECTS } from '../lib/classify/amazon-topics';
import { featuresOf } from '../lib/classify/classify';
import { fitTemperature, pack, seeded, train, type Trained, type TrainingRow, type TrainOptions } from '../lib/classify/learn';
import { loadLinear, score, type LinearModel, type LinearWeightsFile } from '../lib/classify/linear';
import { classifyInputObject, type ClassifyInput, INTENTS, type Intent } from '../lib/classify/types';

export const WEIGHTS_PATH = 'lib/classify/weights.json';
export const FORMAT = 'seller-sidekick linear model, version 1';

/** The classes the model chooses among: every intent but the official request. */
export const MODEL_CLASSES: readonly Intent[] = INTENTS.filter((intent) => intent !== 'cancel-request');
const NOTICES = new Set<Intent>(['delivery-failure', 'listing-removed', 'a-to-z-claim']);
const BUYER_ALLOWED = MODEL_CLASSES.reduce((mask, intent, c) => (NOTICES.has(intent) ? mask : mask | (1 << c)), 0);
const ANY_ALLOWED = (1 << MODEL_CLASSES.length) - 1;

export interface Settings {
  readonly train: TrainOptions;
  /** How much one example of each origin counts. */
  readonly originWeight: Readonly<Record<Origin, number>>;
  /** An extra file's own weight, by its name (`--extra-weight NAME=W`), instead of `originWeight.extra`. */
  readonly extraWeight?: Readonly<Record<string, number>>;
  /** Packing: weights below this are left out; the rest in steps of 1/scale. */
  readonly minWeight: number;
  readonly scale: number;
  /** Folds for the temperature. */
  readonly folds: number;
  /** Below this probability for its best intent the model abstains (`other`, unsure). */
  readonly abstainBelow: number;
  /** Each buyer message of the corpus gets this many copies with one of Amazon's topic subjects. */
  readonly topicCopies: number;
  /** This share of the corpus's buyer messages (other than thanks) gets a copy ending with a polite closing (1: all). */
  readonly closingCopies: number;
}

export const SETTINGS: Settings = {
  train: { learner: 'logistic', epochs: 10, seed: 20261122, learningRate: 0.2, beta: 0.001, l1: 0.01, l2: 0, minCount: 2 },
  originWeight: { corpus: 1, topic: 0.5, closing: 0.25, extra: 1 },
  minWeight: 0.3,
  scale: 8,
  folds: 5,
  abstainBelow: 0.25,
  topicCopies: 1,
  closingCopies: 1,
};

export type Origin = 'corpus' | 'topic' | 'closing' | 'extra';

/** One labelled message, from the corpus or an extra file. */
export interface Labelled extends ClassifyInput {
  readonly id: string;
  readonly intent: Intent;
  readonly origin: Origin;
  /** Examples of one group stay in one fold (a shop's messages, a corpus file). */
  readonly group: string;
  readonly file: string;
  readonly lang?: string;
  readonly channel?: string;
  readonly labelConfidence?: string;
}

const Row = z.object({
  id: z.union([z.string(), z.number()]),
  lang: z.optional(z.nullable(z.string())),
  subject: z.optional(z.nullable(z.string())),
  body: z.string(),
  sender: z.optional(z.nullable(z.enum(['buyer', 'amazon', 'seller']))),
  marketplace: z.optional(z.nullable(z.string())),
  order: z.optional(classifyInputObject().shape.order),
  intent: z.optional(z.nullable(z.string())),
  expect: z.optional(z.nullable(z.string())),
  source: z.optional(z.nullable(z.string())),
  channel: z.optional(z.nullable(z.string())),
  label_confidence: z.optional(z.nullable(z.string())),
});

export interface LoadedFile {
  readonly name: string;
  readonly rows: number;
  readonly used: number;
  readonly sha256: string;
  readonly messages: Labelled[];
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** A JSON-lines file of labelled messages; a malformed line stops with its file and line number. */
export function loadLabelled(path: string, origin: Origin, name = basename(path), groupOf?: (row: z.infer<typeof Row>) => string): LoadedFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  const messages: Labelled[] = [];
  let rows = 0;
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    rows++;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${name}:${i + 1}: not JSON`);
    }
    const parsed = Row.safeParse(json);
    if (!parsed.success) throw new Error(`${name}:${i + 1}: ${z.prettifyError(parsed.error)}`);
    const row = parsed.data;
    const intent = row.intent ?? row.expect;
    if (!intent) return;
    if (!(INTENTS as readonly string[]).includes(intent)) throw new Error(`${name}:${i + 1}: unknown intent ${JSON.stringify(intent)}`);
    messages.push({
      id: String(row.id),
      intent: intent as Intent,
      origin,
      group: groupOf ? groupOf(row) : `${name}:${row.source ?? row.id}`,
      file: name,
      body: row.body,
      ...(row.subject ? { subject: row.subject } : {}),
      ...(row.sender ? { sender: row.sender } : {}),
      ...(row.marketplace ? { marketplace: row.marketplace } : {}),
      ...(row.order ? { order: row.order } : {}),
      ...(row.lang ? { lang: row.lang } : {}),
      ...(row.channel ? { channel: row.channel } : {}),
      ...(row.label_confidence ? { labelConfidence: row.label_confidence } : {}),
    });
  });
  return { name, rows, used: messages.length, sha256: sha256(text), messages };
}

/** A corpus split as one file: its files in name order (each example grouped by its file). */
export function loadCorpusSplit(split: 'dev' | 'validation' | 'heldout'): LoadedFile {
  const dir = join('corpus', split);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  const hash = createHash('sha256');
  const messages: Labelled[] = [];
  let rows = 0;
  for (const file of files) {
    const loaded = loadLabelled(join(dir, file), 'corpus', `corpus/${split}/${file}`, () => `corpus/${split}/${file}`);
    hash.update(`${file}\n`).update(readFileSync(join(dir, file)));
    rows += loaded.rows;
    messages.push(...loaded.messages);
  }
  return { name: `corpus/${split}`, rows, used: messages.length, sha256: hash.digest('hex'), messages };
}

const NAMES = ['Alex', 'Sam', 'Yuki', 'Marie', 'Jonas', 'Giulia', 'Lucía'];

/**
 * Copies of the corpus's buyer messages with one of Amazon's topic subjects, so the model learns
 * what a topic says and that the body outweighs it: half get the generic inquiry topic of their
 * language, a quarter the topic that suggests their own intent (where one is known), a quarter
 * any topic of their language (buyers pick topics loosely). Deterministic.
 */
export function topicCopies(messages: readonly Labelled[], copies: number, seed: number): Labelled[] {
  const random = seeded(seed ^ 0x7091c);
  const buyerTopics = AMAZON_SUBJECTS.filter((s) => s.topic.startsWith('buyer:'));
  const out: Labelled[] = [];
  for (const m of messages) {
    if (m.origin !== 'corpus' || m.sender === 'amazon' || m.subject || NOTICES.has(m.intent) || m.intent === 'cancel-request') continue;
    const mine = buyerTopics.filter((s) => s.lang === m.lang);
    if (mine.length === 0) continue;
    for (let n = 0; n < copies; n++) {
      const roll = random();
      const generic = mine.filter((s) => s.suggests === null);
      const fitting = mine.filter((s) => s.suggests === m.intent);
      const pool = roll < 0.5 && generic.length > 0 ? generic : roll < 0.75 && fitting.length > 0 ? fitting : mine;
      const chosen = pool[Math.floor(random() * pool.length)]!;
      const subject = chosen.wording
        .replace(/<Name>/g, NAMES[Math.floor(random() * NAMES.length)]!)
        .replace(/<order-id>/g, `${100 + Math.floor(random() * 900)}-${String(Math.floor(random() * 1e7)).padStart(7, '0')}-${String(Math.floor(random() * 1e7)).padStart(7, '0')}`)
        .replace(/\s*\.\.\.$/, '');
      out.push({ ...m, id: `${m.id}~topic${n}`, subject, origin: 'topic' });
    }
  }
  return out;
}

/**
 * Polite closings in each language, written for training (the property test of benign variation
 * uses other ones): a complaint that ends with thanks is still a complaint.
 */
const CLOSINGS: Readonly<Record<string, readonly string[]>> = {
  en: ['Thanks in advance.', 'Many thanks,\nChris', 'Regards, P. Novak', 'Have a nice day!'],
  de: ['Vielen Dank im Voraus.', 'Danke und Gruß\nMaria', 'Schönen Tag noch!'],
  fr: ["Merci d'avance.", 'Bonne journée,\nLéa', 'Merci et bonne soirée.'],
  it: ['Grazie in anticipo.', 'Buona giornata,\nMarco', 'Grazie e saluti.'],
  es: ['Muchas gracias de antemano.', 'Un saludo,\nPablo', '¡Que tenga un buen día!'],
  ja: ['よろしくお願いします。', '宜しくお願い致します。', 'ありがとうございました。'],
};

/** Copies of a share of the corpus's buyer messages (not thanks) ending with a polite closing. Deterministic. */
export function closingCopies(messages: readonly Labelled[], share: number, seed: number): Labelled[] {
  const random = seeded(seed ^ 0xc105e);
  const out: Labelled[] = [];
  for (const m of messages) {
    if (m.origin !== 'corpus' || m.sender === 'amazon' || m.intent === 'other' || NOTICES.has(m.intent) || m.intent === 'cancel-request') continue;
    const closings = CLOSINGS[m.lang ?? ''];
    if (!closings || random() >= share) continue;
    const closing = closings[Math.floor(random() * closings.length)]!;
    out.push({ ...m, id: `${m.id}~closing`, body: `${m.body}${random() < 0.5 ? ' ' : '\n\n'}${closing}`, origin: 'closing' });
  }
  return out;
}

/** The corpus's generated copies (topic subjects, closings) of the given messages. */
export function generatedCopies(messages: readonly Labelled[], settings: Settings): Labelled[] {
  return [...topicCopies(messages, settings.topicCopies, settings.train.seed), ...closingCopies(messages, settings.closingCopies, settings.train.seed)];
}

/** How much one example counts: its origin's weight, or its extra file's own. */
export function exampleWeight(m: Labelled, settings: Settings = SETTINGS): number {
  return (m.origin === 'extra' ? settings.extraWeight?.[m.file] : undefined) ?? settings.originWeight[m.origin];
}

/** Features of every message, computed once (the same code path as classify()). */
export function featureRows(messages: readonly Labelled[], settings: Settings = SETTINGS): TrainingRow[] {
  return messages.map((m) => {
    const { ids, values } = featuresOf(m);
    return {
      ids,
      values,
      label: MODEL_CLASSES.indexOf(m.intent),
      weight: exampleWeight(m, settings),
      allowed: m.sender === 'buyer' ? BUYER_ALLOWED : ANY_ALLOWED,
    };
  });
}

/** Messages the model learns from (official requests are not its to name). */
export const learnable = (m: Labelled) => m.intent !== 'cancel-request';

/** A stable fold per group. */
export function foldOf(group: string, folds: number): number {
  let h = 2166136261;
  for (let i = 0; i < group.length; i++) h = Math.imul(h ^ group.charCodeAt(i), 16777619);
  return (h >>> 0) % folds;
}

export function trainRows(rows: readonly TrainingRow[], settings: Settings = SETTINGS): Trained {
  return train(rows, MODEL_CLASSES, settings.train);
}

/** A packed model ready for classify(), with a temperature and threshold. */
export function packed(trained: Trained, temperature: number, settings: Settings = SETTINGS, header: Record<string, unknown> = {}): LinearWeightsFile {
  return pack(trained, { scale: settings.scale, minWeight: settings.minWeight, temperature, abstainBelow: settings.abstainBelow, header });
}

/** Raw (temperature 1) scores of a row under a model. */
export function rawScores(model: LinearModel, row: TrainingRow): Float64Array {
  const out = new Float64Array(model.classes.length);
  score(model, row.ids, row.values, row.ids.length, out);
  return out;
}

/**
 * The temperature from held-out folds: each fold (by group) scored by a model trained on the
 * others. Every origin weighs the same in the fit, so the many short corpus and extra rows do
 * not decide it alone.
 */
export function heldOutTemperature(messages: readonly Labelled[], rows: readonly TrainingRow[], settings: Settings = SETTINGS): number {
  const items: { scores: Float64Array; label: number; allowed: number; weight: number }[] = [];
  const originOf = (m: Labelled) => (m.origin === 'extra' ? m.file : m.origin);
  const perOrigin = new Map<string, number>();
  for (const m of messages) perOrigin.set(originOf(m), (perOrigin.get(originOf(m)) ?? 0) + 1);
  for (let fold = 0; fold < settings.folds; fold++) {
    const inFold = messages.map((m) => foldOf(m.group, settings.folds) === fold);
    const trained = trainRows(
      rows.filter((_, i) => !inFold[i]),
      settings,
    );
    const model = loadLinear(packed(trained, 1, settings));
    rows.forEach((row, i) => {
      if (!inFold[i] || messages[i]!.origin === 'topic' || messages[i]!.origin === 'closing') return;
      items.push({ scores: rawScores(model, row), label: row.label, allowed: row.allowed, weight: 1 / perOrigin.get(originOf(messages[i]!))! });
    });
  }
  return fitTemperature(items);
}

export interface Artifact {
  readonly file: LinearWeightsFile;
  readonly text: string;
}

/** The artifact's text: header first, then the weights, one field a line (diffs stay readable). */
export function serialise(file: LinearWeightsFile): string {
  const { header, ...body } = file;
  const fields = Object.entries(body).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  return `{"header":${JSON.stringify(header, null, 1)},\n${fields.join(',\n')}\n}\n`;
}

/** SHA-256 of everything but the header (what the header's weightsSha256 records). */
export function weightsHash(file: LinearWeightsFile): string {
  const { header: _header, ...body } = file;
  return sha256(JSON.stringify(body));
}

/**
 * Trains on the corpus (dev + validation) and the given extra files; returns the artifact.
 * With `corpusOnlyHash`, the header also records the hash of the artifact trained on the corpus
 * alone (so a clone without the extra files can still check that training reproduces).
 */
export function trainArtifact(extraPaths: readonly string[], settings: Settings = SETTINGS, corpusOnlyHash?: string): Artifact {
  const files = [loadCorpusSplit('dev'), loadCorpusSplit('validation'), ...extraPaths.map((p) => loadLabelled(p, 'extra'))];
  const base = files.flatMap((f) => f.messages).filter(learnable);
  const copies = generatedCopies(base, settings);
  const messages = [...base, ...copies];
  const rows = featureRows(messages, settings);
  const temperature = heldOutTemperature(messages, rows, settings);
  const trained = trainRows(rows, settings);
  const draft = packed(trained, temperature, settings);
  const header = {
    format: FORMAT,
    trainedOn: files.map((f) => ({ file: f.name, rows: f.rows, used: f.messages.filter(learnable).length, sha256: f.sha256 })),
    generatedCopies: { topicSubjects: copies.filter((m) => m.origin === 'topic').length, closings: copies.filter((m) => m.origin === 'closing').length },
    seed: settings.train.seed,
    settings: {
      ...settings.train,
      originWeight: settings.originWeight,
      ...extraWeightOf(files, settings),
      minWeight: settings.minWeight,
      scale: settings.scale,
      folds: settings.folds,
      topicCopiesPerMessage: settings.topicCopies,
      closingShare: settings.closingCopies,
    },
    featuresSeen: trained.featureIds.length,
    featuresKept: draft.ids.length,
    weightsKept: draft.weights.length,
    temperature,
    abstainBelow: settings.abstainBelow,
    weightsSha256: weightsHash(draft),
  };
  const file: LinearWeightsFile = { ...draft, header };
  const artifact = { file, text: serialise(file) };
  return corpusOnlyHash ? withCorpusOnlyHash(artifact, corpusOnlyHash) : artifact;
}

/** The extra files' own weights, for the header: only those of files trained on, and nothing when there are none. */
function extraWeightOf(files: readonly LoadedFile[], settings: Settings): { extraWeight?: Record<string, number> } {
  const own = Object.entries(settings.extraWeight ?? {}).filter(([name]) => files.some((f) => f.name === name));
  return own.length > 0 ? { extraWeight: Object.fromEntries(own) } : {};
}

/** The same artifact with the corpus-only hash in its header. */
export function withCorpusOnlyHash(artifact: Artifact, hash: string): Artifact {
  const file: LinearWeightsFile = { ...artifact.file, header: { ...artifact.file.header, corpusOnlySha256: hash } };
  return { file, text: serialise(file) };
}

export { sha256 };

/** The values given to `flag` on a command line (each `flag VALUE` pair, in order). */
export function argValues(flag: string, args: readonly string[] = process.argv): string[] {
  const values: string[] = [];
  args.forEach((arg, i) => {
    if (arg === flag && args[i + 1]) values.push(args[i + 1]!);
  });
  return values;
}

/**
 * The settings a command line asks for: `--seed N` (the learner's and the generated copies'),
 * `--extra-weight NAME=W` (an extra file, by its name, weighs W instead of `originWeight.extra`;
 * may be repeated). Without them, SETTINGS itself.
 */
export function settingsFromArgs(args: readonly string[], base: Settings = SETTINGS): Settings {
  const values = (flag: string) => argValues(flag, args);
  let settings = base;
  const seed = values('--seed')[0];
  if (seed !== undefined) {
    if (!/^\d+$/.test(seed)) throw new Error(`--seed ${seed}: not a whole number`);
    settings = { ...settings, train: { ...settings.train, seed: Number(seed) } };
  }
  const weights = values('--extra-weight');
  if (weights.length > 0) {
    const extraWeight: Record<string, number> = { ...settings.extraWeight };
    for (const spec of weights) {
      const match = /^(.+)=(\d+(?:\.\d+)?)$/.exec(spec);
      if (!match || Number(match[2]) <= 0) throw new Error(`--extra-weight ${spec}: expected FILE-NAME=WEIGHT with a positive weight, such as real-dev.jsonl=3`);
      extraWeight[basename(match[1]!)] = Number(match[2]);
    }
    settings = { ...settings, extraWeight };
  }
  return settings;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const extras = argValues('--extra');
  const out = argValues('--out')[0] ?? WEIGHTS_PATH;
  try {
    const settings = settingsFromArgs(process.argv);
    const started = Date.now();
    const corpusOnly = trainArtifact([], settings);
    const artifact = extras.length > 0 ? trainArtifact(extras, settings, sha256(corpusOnly.text)) : withCorpusOnlyHash(corpusOnly, sha256(corpusOnly.text));
    writeFileSync(out, artifact.text);
    const h = artifact.file.header as { trainedOn: { file: string; rows: number; used: number }[]; featuresKept: number; weightsKept: number; temperature: number };
    console.log(`${out}: trained on ${h.trainedOn.map((f) => `${f.file} (${f.used} of ${f.rows} rows)`).join(', ')}`);
    console.log(`${h.featuresKept} features, ${h.weightsKept} weights kept; temperature ${h.temperature}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
