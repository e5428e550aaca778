import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKETPLACE_LABEL, PAGE_TYPE_LABEL, UI_LOCALES, translatorFor, type MessageEntry } from '@/lib/i18n';
import { UI_LANGUAGES } from '@/lib/settings';
import { messages, tEn, tJa } from './helpers';

const SOURCE_DIRS = ['components', 'entrypoints', 'lib', 'utils'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const placeholdersOf = (entry: MessageEntry) => Object.keys(entry.placeholders ?? {}).sort();

describe('UI text in _locales', () => {
  const en = messages.en as Record<string, MessageEntry>;
  const ja = messages.ja as Record<string, MessageEntry>;

  it('has the same keys in English and Japanese', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s is complete in both languages, with the same placeholders', (key) => {
    for (const entry of [en[key], ja[key]]) {
      expect(entry?.message.trim()).not.toBe('');
      expect(entry?.description?.trim()).not.toBe('');
    }
    expect(placeholdersOf(ja[key]!)).toEqual(placeholdersOf(en[key]!));
    for (const name of placeholdersOf(en[key]!)) {
      expect(en[key]!.message).toContain(`$${name.toUpperCase()}$`);
      expect(ja[key]!.message).toContain(`$${name.toUpperCase()}$`);
    }
  });

  it('really is Japanese in the Japanese file (beyond the product name)', () => {
    const untranslated = Object.keys(en).filter((key) => !['extName', 'actionTitle', 'fieldAsin', 'senderAmazon'].includes(key) && ja[key]!.message === en[key]!.message);
    expect(untranslated).toEqual([]);
  });

  it('uses every key it defines, and defines every key it uses', () => {
    const code = SOURCE_DIRS.flatMap(sourceFiles)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const manifest = readFileSync('wxt.config.ts', 'utf8');
    const used = new Set([
      ...[...code.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]!),
      ...Object.values(PAGE_TYPE_LABEL),
      ...Object.values(MARKETPLACE_LABEL),
      ...[...manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((m) => m[1]!),
    ]);
    expect([...used].filter((key) => !(key in en))).toEqual([]);
    // Keys also travel as typed values (tables, summary lines): any quoted mention counts as a use.
    const mentioned = new Set([...code.matchAll(/'([A-Za-z0-9_]+)'/g)].map((m) => m[1]!));
    expect(Object.keys(en).filter((key) => !used.has(key) && !mentioned.has(key))).toEqual([]);
  });
});

describe('translatorFor', () => {
  it('fills named placeholders from positional substitutions, like the browser', () => {
    expect(tEn('popupUrgentCount', ['3'])).toBe('Orders needing action now: 3');
    expect(tJa('popupUrgentCount', ['3'])).toBe('今すぐ対応が必要な注文：3件');
  });

  it('leaves a missing substitution empty and keeps $$ as one dollar', () => {
    const t = translatorFor({ price: { message: 'Costs $$$1 ($2)' } });
    expect((t as (k: string, s?: string[]) => string)('price', ['5'])).toBe('Costs $5 ()');
  });

  it('returns an empty string for an unknown key, as the browser does', () => {
    expect((tEn as (k: string) => string)('noSuchKey')).toBe('');
  });

  it('inserts substitutions as they are, without interpreting them', () => {
    expect(tEn('popupUrgentCount', ['<img src=x onerror=alert(1)> $1'])).toBe('Orders needing action now: <img src=x onerror=alert(1)> $1');
  });
});

describe('UI languages from one list (lib/i18n.ts UI_LOCALES)', () => {
  it('has a complete locale folder for each UI language, and no folder that is not one', () => {
    const english = Object.keys(JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as object).sort();
    expect(readdirSync('public/_locales').sort()).toEqual([...UI_LOCALES].sort());
    for (const locale of UI_LOCALES) {
      const keys = Object.keys(JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as object).sort();
      expect(keys, locale).toEqual(english);
    }
  });

  it('offers exactly those languages (and the browser’s own) in the options', () => {
    expect([...UI_LANGUAGES]).toEqual(['auto', ...UI_LOCALES]);
  });

  // Adding a UI language is its locale folder and its entry in UI_LOCALES: nothing else names one.
  it('no code names a UI language outside lib/i18n.ts (no per-language import, union or test)', () => {
    const named = [
      /_locales\/(?:en|ja)\//, // a locale file imported by name (utils/ui-messages.ts takes them all by glob)
      /'(?:en|ja)' \| '(?:en|ja)'/, // a union of the two
      /startsWith\('(?:en|ja)'\)/, // a language told from a tag by hand (lib/i18n.ts uiLocaleOfTag does it)
      /\[\s*'(?:en|ja)',\s*'(?:en|ja)'\s*\]/, // the list written out again
    ];
    // Seller Central's own languages (lib/pages: the page's wording) and the buyers' (lib/classify, lib/templates) are other lists.
    const otherLanguages = /^lib\/(?:pages|classify|templates)\//;
    const offenders = SOURCE_DIRS.flatMap(sourceFiles)
      .filter((path) => path !== 'lib/i18n.ts' && !otherLanguages.test(path))
      .flatMap((path) => {
        const code = readFileSync(path, 'utf8')
          .split('\n')
          .filter((line) => !/^\s*(?:\*|\/\/)/.test(line));
        return code.flatMap((line, i) => (named.some((pattern) => pattern.test(line)) ? [`${path}:${i + 1}: ${line.trim()}`] : []));
      });
    expect(offenders).toEqual([]);
  });
});
