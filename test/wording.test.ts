import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as TABLES from '@/lib/pages/wording';
import { MONTH_NAMES, WEEKDAY_NAMES } from '@/lib/pages/wording';
import { EVIDENCE, MATCHING, type Evidence, type Matching, type WordingLanguage } from '@/lib/pages/wording/evidence';
import { plainDateText } from '@/lib/pages/wording/dates.evidence';

// ---------------------------------------------------------------------------------------------
// Every entry of lib/pages/wording/, found by walking the module's exports (a table is one entry,
// a pattern, or a record of entries by key), joined by id with its evidence in
// lib/pages/wording/evidence.ts, so that a new table is checked without being listed here.

type Entry = RegExp | readonly unknown[] | { readonly pattern: RegExp };
type Table = Entry | Readonly<Record<string, Entry>>;

const isEntry = (table: Table): table is Entry => table instanceof RegExp || Array.isArray(table);
const isEvidence = (value: unknown): value is Evidence => typeof value === 'object' && value !== null && typeof (value as Evidence).evidence === 'string';

/** The tables by name (the module's other exports, functions, are none). */
const TABLE_LIST = Object.entries(TABLES as Record<string, unknown>).filter((pair): pair is [string, Table] => typeof pair[1] === 'object' && pair[1] !== null);
const EVIDENCE_BY_TABLE = EVIDENCE as Readonly<Record<string, Evidence | Readonly<Record<string, Evidence>>>>;
const MATCHING_BY_TABLE = MATCHING as Readonly<Record<string, Matching<unknown> | undefined>>;

interface Joined {
  readonly id: string;
  readonly entry: Entry;
  readonly evidence: Evidence | undefined;
  readonly matching: Matching<unknown> | undefined;
}

/** Every entry by its id: the table's name, and the entry's key in a record. */
const ENTRIES: readonly Joined[] = TABLE_LIST.flatMap(([name, table]) => {
  const evidence = EVIDENCE_BY_TABLE[name];
  const matching = MATCHING_BY_TABLE[name];
  if (isEntry(table)) return [{ id: name, entry: table, evidence: isEvidence(evidence) ? evidence : undefined, matching }];
  return Object.entries(table).map(([key, entry]) => ({
    id: `${name}.${key}`,
    entry,
    evidence: evidence && !isEvidence(evidence) ? evidence[key] : undefined,
    matching,
  }));
});

/** The ids the evidence names: a table's name, and the keys of a record's evidence. */
const EVIDENCE_IDS = Object.entries(EVIDENCE_BY_TABLE).flatMap(([name, evidence]) => (isEvidence(evidence) ? [name] : Object.keys(evidence).map((key) => `${name}.${key}`)));

const once = (pattern: RegExp) => new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));

/** The pattern an entry is matched with: its own, or the one its table's matching builds from its words. */
function patternOf({ id, entry, matching }: Joined): RegExp {
  if (matching?.pattern) return matching.pattern(entry);
  if (entry instanceof RegExp) return entry;
  if ('pattern' in entry) return entry.pattern;
  throw new Error(`${id}: words with no matching in lib/pages/wording/evidence.ts MATCHING`);
}

const matches = (joined: Joined, text: string) => once(patternOf(joined)).test(joined.matching?.input ? joined.matching.input(text) : text);

const withEvidence = ENTRIES.filter((joined): joined is Joined & { evidence: Evidence } => joined.evidence !== undefined);
const examples = withEvidence.flatMap((joined) => Object.entries(joined.evidence.matches).flatMap(([language, texts]) => (texts ?? []).map((text) => [joined.id, language, text, joined] as const)));
const rejects = withEvidence.flatMap((joined) => (joined.evidence.rejects ?? []).map((text) => [joined.id, text, joined] as const));

describe('page wording: every entry has its evidence, and matches its examples', () => {
  it('finds the tables', () => {
    expect(ENTRIES.length).toBeGreaterThan(60);
    expect(new Set(ENTRIES.map(({ id }) => id)).size).toBe(ENTRIES.length);
  });

  it('every entry has its evidence (lib/pages/wording/*.evidence.ts, by id)', () => {
    expect(ENTRIES.filter(({ evidence }) => evidence === undefined).map(({ id }) => id)).toEqual([]);
  });

  it('no evidence is left without its entry', () => {
    const ids = new Set(ENTRIES.map(({ id }) => id));
    expect(EVIDENCE_IDS.filter((id) => !ids.has(id))).toEqual([]);
    expect(Object.keys(MATCHING_BY_TABLE).filter((name) => !TABLE_LIST.some(([table]) => table === name))).toEqual([]);
  });

  it.each(examples)('%s (%s) matches %j', (_id, _language, text, joined) => {
    expect(matches(joined, text)).toBe(true);
  });

  it.each(rejects)('%s does not match %j', (_id, text, joined) => {
    expect(matches(joined, text)).toBe(false);
  });

  it('every entry names its languages and evidence, with examples in each of its languages and none in another', () => {
    for (const { id, entry, evidence } of withEvidence) {
      expect(evidence.evidence.trim(), id).not.toBe('');
      expect(evidence.languages.length, id).toBeGreaterThan(0);
      expect(new Set(evidence.languages).size, id).toBe(evidence.languages.length);
      expect(Object.keys(evidence.matches).sort(), id).toEqual([...evidence.languages].sort());
      for (const language of evidence.languages) expect(evidence.matches[language]?.length, `${id} ${language}`).toBeGreaterThan(0);
      if (Array.isArray(entry)) expect(entry.length, id).toBeGreaterThan(0);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The evidence stays out of the extension's scripts: only tests import it.

/** The source files bundled into the extension's scripts. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|mts)$/.test(name) ? [path] : [];
  });
}

/** The evidence modules: lib/pages/wording/evidence.ts and its *.evidence.ts siblings. */
const EVIDENCE_MODULE = /(?:^|\/)(?:evidence|[\w-]+\.evidence)(?:\.ts)?$/;

describe('page wording: the evidence is not bundled', () => {
  const files = ['lib', 'components', 'utils', 'entrypoints'].flatMap(sources);
  const evidenceFiles = files.filter((file) => EVIDENCE_MODULE.test(file));

  it('finds the evidence modules', () => {
    expect(evidenceFiles.map((file) => file.replace(/\\/g, '/')).sort()).toEqual(
      ['account-health', 'dates', 'guidance', 'messages', 'notices', 'orders', 'transactions']
        .map((table) => `lib/pages/wording/${table}.evidence.ts`)
        .concat('lib/pages/wording/evidence.ts')
        .sort(),
    );
  });

  it('no module of lib/, components/, utils/ or entrypoints/ but the evidence modules themselves imports them', () => {
    const offenders = files
      .filter((file) => !evidenceFiles.includes(file))
      .flatMap((file) =>
        literalsOf(file)
          .imports.filter((path) => EVIDENCE_MODULE.test(path))
          .map((path) => `${file}: ${path}`),
      );
    expect(offenders).toEqual([]);
    expect(literalsOf('test/wording.test.ts').imports.filter((path) => EVIDENCE_MODULE.test(path)).length).toBeGreaterThan(0);
  });
});

describe('page wording: date words are the locales own (CLDR, as Intl.DateTimeFormat writes them)', () => {
  const LOCALES: Readonly<Record<keyof typeof MONTH_NAMES, readonly string[]>> = {
    en: ['en-US', 'en-GB'],
    de: ['de-DE'],
    fr: ['fr-FR'],
    it: ['it-IT'],
    es: ['es-ES'],
  };
  const plainName = (text: string) => plainDateText(text).replace(/\.$/, '');

  it.each(Object.entries(LOCALES))('%s: every month name and abbreviation is in its month', (language, locales) => {
    const months: readonly (readonly string[])[] = MONTH_NAMES[language as keyof typeof MONTH_NAMES];
    for (const locale of locales)
      for (const style of ['long', 'short'] as const)
        for (let month = 0; month < 12; month++) {
          const name = plainName(new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' }).format(Date.UTC(2026, month, 5)));
          expect(months[month], `${locale} ${style} ${name}`).toContain(name);
        }
  });

  it.each(Object.entries(LOCALES))('%s: every weekday name and abbreviation is listed', (language, locales) => {
    const words: readonly string[] = WEEKDAY_NAMES[language as keyof typeof WEEKDAY_NAMES];
    for (const locale of locales)
      for (const style of ['long', 'short'] as const)
        for (let day = 0; day < 7; day++) {
          const name = plainName(new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(Date.UTC(2026, 10, 2 + day)));
          expect(words, `${locale} ${style} ${name}`).toContain(name);
        }
  });
});

// ---------------------------------------------------------------------------------------------
// The readers hold no label words of their own: they import them from lib/pages/wording/.

/** The readers and rules whose words live in lib/pages/wording/. */
const READERS = [
  ...readdirSync('lib/pages')
    .filter((file) => /^read-.*\.ts$/.test(file))
    .map((file) => `lib/pages/${file}`),
  'lib/guidance/advise.ts',
  'lib/templates/compose.ts',
];
/** They import the words from the wording module. */
const IMPORTERS = [
  'lib/pages/read-common.ts',
  'lib/pages/read-orders.ts',
  'lib/pages/read-transactions.ts',
  'lib/pages/read-account-health.ts',
  'lib/pages/read-notice.ts',
  'lib/pages/read-inbox-cases.ts',
  'lib/pages/read-messages.ts',
  'lib/pages/dates.ts',
  'lib/guidance/advise.ts',
  'lib/templates/compose.ts',
];
/** dates.ts keeps the number grammar of Japanese dates and times: 年月日, the weekday in brackets 「(木)」, 曜日, 午前/午後; and "5º". */
const DATE_GRAMMAR = new Set([...'年月日曜火水木金土午前後º']);

interface Literal {
  readonly line: number;
  readonly text: string;
}

/** The regex, string and template literals of a source file (comments are not literals). */
function literalsOf(file: string): { literals: Literal[]; imports: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const literals: Literal[] = [];
  const imports: string[] = [];
  const kinds = new Set([
    ts.SyntaxKind.RegularExpressionLiteral,
    ts.SyntaxKind.StringLiteral,
    ts.SyntaxKind.NoSubstitutionTemplateLiteral,
    ts.SyntaxKind.TemplateHead,
    ts.SyntaxKind.TemplateMiddle,
    ts.SyntaxKind.TemplateTail,
  ]);
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) imports.push(node.moduleSpecifier.text);
    else if (kinds.has(node.kind)) literals.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.getText() });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { literals, imports };
}

/** Words of four letters or more of a text: regex escapes (\b, \s…) taken out, accents off, lower case. */
const wordsOf = (text: string) => plainDateText(text.replace(/\\[a-zA-Z]/g, ' ')).match(/\p{L}{4,}/gu) ?? [];

/** The non-English words of the tables' examples (Latin script; other scripts are caught as non-ASCII letters). */
const FOREIGN_WORDS = (() => {
  const byLanguage = (keep: (language: WordingLanguage) => boolean) =>
    new Set(withEvidence.flatMap(({ evidence }) => Object.entries(evidence.matches).flatMap(([language, texts]) => (keep(language as WordingLanguage) ? (texts ?? []).flatMap(wordsOf) : []))));
  const english = byLanguage((language) => language === 'en');
  return new Set([...byLanguage((language) => language !== 'en')].filter((word) => /^[a-z]+$/.test(word) && !english.has(word)));
})();

describe('page wording: the readers hold no label words of their own', () => {
  it('the tables give the check enough foreign words to look for', () => {
    for (const word of ['commande', 'bestellung', 'ordine', 'pedido', 'stornierung', 'annulation', 'remboursement', 'vendeur', 'transportschaden', 'novembre', 'donnerstag'])
      expect(FOREIGN_WORDS).toContain(word);
  });

  it.each(READERS)('%s: no Japanese, Chinese or other non-ASCII letters in its literals', (file) => {
    const found = literalsOf(file).literals.filter(({ text }) => /[^\p{ASCII}]/u.test(text) && /\p{L}/u.test(text.replace(/\p{ASCII}/gu, '')));
    expect(found.map(({ line, text }) => `${line}: ${text.slice(0, 80)}`)).toEqual([]);
  });

  it('lib/pages/dates.ts: no letters beyond ASCII in its literals but the number grammar of Japanese dates', () => {
    const found = literalsOf('lib/pages/dates.ts').literals.filter(({ text }) => [...text.replace(/\p{ASCII}/gu, '')].some((c) => /\p{L}/u.test(c) && !DATE_GRAMMAR.has(c)));
    expect(found.map(({ line, text }) => `${line}: ${text.slice(0, 80)}`)).toEqual([]);
  });

  it.each([...READERS, 'lib/pages/dates.ts'])('%s: none of the tables foreign words in its literals', (file) => {
    const found = literalsOf(file).literals.filter(({ text }) => wordsOf(text).some((word) => FOREIGN_WORDS.has(word)));
    expect(found.map(({ line, text }) => `${line}: ${text.slice(0, 80)}`)).toEqual([]);
  });

  it.each(IMPORTERS)('%s imports its words from lib/pages/wording', (file) => {
    expect(literalsOf(file).imports.some((path) => /(?:^|\/)wording$/.test(path))).toBe(true);
  });
});
