// `npm run eval`: the classifier against the labelled corpus (corpus/dev, corpus/validation, corpus/heldout).
// Prints, for each split: per-intent precision and recall, per-language accuracy, flag precision
// and recall, and the confusions (expected → got, with ids). The held-out split is never used to
// write or tune rules; it is the honest figure. The validation split may decide settings (it has
// been looked at); the held-out split only measures. `--split dev|validation|heldout` limits the report.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { classify } from '../lib/classify/classify';
import { ClassifyInput, FLAGS, INTENTS, LANGUAGES } from '../lib/classify/types';

export const CorpusExample = z.extend(ClassifyInput, {
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
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
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

const pct = (n: number, d: number) => (d === 0 ? '   –  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function report(split: Split): { correct: number; total: number } {
  const examples = loadSplit(split);
  const rows = examples.map((example) => ({ example, result: classify(example) }));
  const correct = rows.filter((r) => r.result.intent === r.example.intent).length;
  console.log(`\n=== ${split}: ${examples.length} examples, intent accuracy ${pct(correct, examples.length)} ===\n`);

  console.log(`${'intent'.padEnd(20)} ${'n'.padStart(4)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}`);
  for (const intent of INTENTS) {
    const expected = rows.filter((r) => r.example.intent === intent).length;
    const predicted = rows.filter((r) => r.result.intent === intent).length;
    const hit = rows.filter((r) => r.example.intent === intent && r.result.intent === intent).length;
    if (expected === 0 && predicted === 0) continue;
    console.log(`${intent.padEnd(20)} ${String(expected).padStart(4)} ${pct(hit, predicted).padStart(9)} ${pct(hit, expected).padStart(7)}`);
  }

  console.log(`\n${'language'.padEnd(10)} ${'n'.padStart(4)} ${'accuracy'.padStart(9)} ${'lang-id'.padStart(8)}`);
  for (const language of LANGUAGES) {
    const mine = rows.filter((r) => r.example.lang === language);
    if (mine.length === 0) continue;
    const ok = mine.filter((r) => r.result.intent === r.example.intent).length;
    const langOk = mine.filter((r) => r.result.language === language).length;
    console.log(`${language.padEnd(10)} ${String(mine.length).padStart(4)} ${pct(ok, mine.length).padStart(9)} ${pct(langOk, mine.length).padStart(8)}`);
  }

  console.log(`\n${'flag'.padEnd(20)} ${'n'.padStart(4)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}`);
  for (const flag of FLAGS) {
    const expected = rows.filter((r) => r.example.flags?.includes(flag)).length;
    const predicted = rows.filter((r) => r.result.flags.includes(flag)).length;
    const hit = rows.filter((r) => r.example.flags?.includes(flag) && r.result.flags.includes(flag)).length;
    console.log(`${flag.padEnd(20)} ${String(expected).padStart(4)} ${pct(hit, predicted).padStart(9)} ${pct(hit, expected).padStart(7)}`);
  }

  const confusions = new Map<string, string[]>();
  for (const r of rows) {
    if (r.result.intent === r.example.intent) continue;
    const key = `${r.example.intent} → ${r.result.intent}`;
    confusions.set(key, [...(confusions.get(key) ?? []), r.example.id]);
  }
  console.log(`\nconfusions (expected → got):${confusions.size === 0 ? ' none' : ''}`);
  for (const [key, ids] of [...confusions.entries()].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${String(ids.length).padStart(3)}  ${key.padEnd(42)} ${ids.slice(0, 6).join(' ')}${ids.length > 6 ? ' …' : ''}`);
  }
  return { correct, total: examples.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv.includes('--split') ? process.argv[process.argv.indexOf('--split') + 1] : undefined;
  for (const split of SPLITS) if (!only || only === split) report(split);
}
