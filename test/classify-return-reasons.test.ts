import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import REASONS from '@/lib/classify/amazon-return-reasons.json';
import { matchedRuleIds } from '@/lib/classify/classify';
import { normalizeText } from '@/lib/classify/normalize';
import { INTENTS, LANGUAGES } from '@/lib/classify/types';

const Wording = z.object({
  lang: z.enum(LANGUAGES),
  text: z.string().check(z.minLength(1)),
  phrases: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  source: z.string().check(z.minLength(1)),
  note: z.optional(z.string()),
});
const File = z.object({
  about: z.string(),
  sources: z.record(z.string(), z.object({ url: z.string().check(z.minLength(1)), grade: z.enum(['A', 'B', 'C']) })),
  reasons: z.array(z.object({ key: z.string(), intent: z.enum(INTENTS), helpRow: z.number(), wordings: z.array(Wording).check(z.minLength(1)) })),
});

describe("Amazon's return reasons (amazon-return-reasons.json)", () => {
  const file = File.parse(REASONS);

  it('parses, names only our intents (never the official request) and has unique keys', () => {
    const keys = file.reasons.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const reason of file.reasons) expect(reason.intent).not.toBe('cancel-request');
  });

  it('gives every wording a recorded source', () => {
    for (const reason of file.reasons) for (const wording of reason.wordings) expect(Object.keys(file.sources), `${reason.key} ${wording.lang}`).toContain(wording.source);
  });

  it('writes the phrases normalised, each found in its wording as shown', () => {
    for (const reason of file.reasons) {
      for (const wording of reason.wordings) {
        for (const phrase of wording.phrases) {
          expect(normalizeText(phrase)).toBe(phrase);
          expect(normalizeText(wording.text)).toContain(phrase);
        }
      }
    }
  });

  it('fires the rule of its language and intent on every wording', () => {
    for (const reason of file.reasons) for (const wording of reason.wordings) expect(matchedRuleIds(wording.text), wording.text).toContain(`${wording.lang}.amazon-reason.${reason.intent}`);
  });
});
