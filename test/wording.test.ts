import { readFileSync, readdirSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as WORDING from '@/lib/pages/wording';
import { MONTH_NAMES, WEEKDAY_NAMES, plainDateText, type Wording, type WordingLanguage } from '@/lib/pages/wording';

// ---------------------------------------------------------------------------------------------
// Every entry of lib/pages/wording/, found by walking the module's exports (an entry, a list of
// entries or a record of entries), so that a new table is checked without being listed here.

const isWording = (value: unknown): value is Wording => typeof value === 'object' && value !== null && (value as Wording).pattern instanceof RegExp && typeof (value as Wording).evidence === 'string';

function entriesOf(module: Record<string, unknown>): [string, Wording][] {
  const found: [string, Wording][] = [];
  for (const [name, value] of Object.entries(module)) {
    if (isWording(value)) found.push([name, value]);
    else if (Array.isArray(value)) value.forEach((item, i) => isWording(item) && found.push([`${name}[${i}]`, item]));
    else if (typeof value === 'object' && value !== null && !(value instanceof RegExp)) for (const [key, item] of Object.entries(value)) if (isWording(item)) found.push([`${name}.${key}`, item]);
  }
  return found;
}

const ENTRIES = entriesOf(WORDING as Record<string, unknown>);
const once = (pattern: RegExp) => new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
const matches = (entry: Wording, text: string) => once(entry.pattern).test(entry.input ? entry.input(text) : text);

const examples = ENTRIES.flatMap(([name, entry]) => Object.entries(entry.matches).flatMap(([language, texts]) => (texts ?? []).map((text) => [name, language, text, entry] as const)));
const rejects = ENTRIES.flatMap(([name, entry]) => (entry.rejects ?? []).map((text) => [name, text, entry] as const));

describe('page wording: every entry matches its examples', () => {
  it('finds the tables', () => {
    expect(ENTRIES.length).toBeGreaterThan(60);
  });

  it.each(examples)('%s (%s) matches %j', (_name, _language, text, entry) => {
    expect(matches(entry, text)).toBe(true);
  });

  it.each(rejects)('%s does not match %j', (_name, text, entry) => {
    expect(matches(entry, text)).toBe(false);
  });

  it('every entry names its languages and evidence, with examples in each of its languages and none in another', () => {
    for (const [name, entry] of ENTRIES) {
      expect(entry.evidence.trim(), name).not.toBe('');
      expect(entry.languages.length, name).toBeGreaterThan(0);
      expect(new Set(entry.languages).size, name).toBe(entry.languages.length);
      expect(Object.keys(entry.matches).sort(), name).toEqual([...entry.languages].sort());
      for (const language of entry.languages) expect(entry.matches[language]?.length, `${name} ${language}`).toBeGreaterThan(0);
      if ('words' in entry) expect((entry.words as readonly string[]).length, name).toBeGreaterThan(0);
    }
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
    const names = MONTH_NAMES[language as keyof typeof MONTH_NAMES];
    for (const locale of locales)
      for (const style of ['long', 'short'] as const)
        for (let month = 0; month < 12; month++) {
          const name = plainName(new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' }).format(Date.UTC(2026, month, 5)));
          expect(names.months[month], `${locale} ${style} ${name}`).toContain(name);
        }
  });

  it.each(Object.entries(LOCALES))('%s: every weekday name and abbreviation is listed', (language, locales) => {
    const names = WEEKDAY_NAMES[language as keyof typeof WEEKDAY_NAMES];
    for (const locale of locales)
      for (const style of ['long', 'short'] as const)
        for (let day = 0; day < 7; day++) {
          const name = plainName(new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(Date.UTC(2026, 10, 2 + day)));
          expect(names.words, `${locale} ${style} ${name}`).toContain(name);
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
    new Set(ENTRIES.flatMap(([, entry]) => Object.entries(entry.matches).flatMap(([language, texts]) => (keep(language as WordingLanguage) ? (texts ?? []).flatMap(wordsOf) : []))));
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
