import { describe, expect, it } from 'vitest';
import { matchedRuleIds } from '@/lib/classify/classify';
import { normalizeText } from '@/lib/classify/normalize';
import { COUNTRIES, RULES } from '@/lib/classify/rules';
import { INTENTS, LANGUAGES } from '@/lib/classify/types';

describe('classifier rule tables', () => {
  it('has unique rule ids named <language>.<topic>', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) expect([...LANGUAGES, 'any']).toContain(rule.id.split('.')[0]);
  });

  it.each(RULES.filter((r) => r.examples.length > 0).map((r) => [r.id, r] as const))('%s fires on its own examples', (_id, rule) => {
    for (const example of rule.examples) expect(matchedRuleIds(example), example).toContain(rule.id);
  });

  it('writes every keyword in normalised form (lower case, no accents, NFKC)', () => {
    for (const rule of RULES) {
      for (const keyword of rule.keywords) {
        const bare = keyword.endsWith('*') ? keyword.slice(0, -1) : keyword;
        expect(normalizeText(bare), `${rule.id}: ${keyword}`).toBe(bare);
      }
    }
    for (const [code, names] of Object.entries(COUNTRIES)) for (const name of names) expect(normalizeText(name), code).toBe(name);
  });

  it('covers every buyer intent in all six languages', () => {
    const buyerIntents = INTENTS.filter((i) => !['cancel-request', 'cancel-inquiry', 'cancel-not-honored', 'delivery-failure', 'listing-removed', 'a-to-z-claim'].includes(i));
    for (const language of LANGUAGES) {
      for (const intent of buyerIntents) {
        expect(
          RULES.some((r) => r.lang === language && r.target === intent),
          `${language} ${intent}`,
        ).toBe(true);
      }
      expect(
        RULES.some((r) => r.lang === language && r.target === 'cue.cancel'),
        `${language} cancel`,
      ).toBe(true);
    }
  });

  it('keeps word boundaries for Latin keywords: "used" is not in "caused"', () => {
    expect(matchedRuleIds('It caused no trouble')).not.toContain('en.condition');
    expect(matchedRuleIds('It is used')).toContain('en.condition');
  });
});
