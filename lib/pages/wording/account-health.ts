/**
 * The words of the Account Health dashboard (docs/seller-central-pages.md §5) that the reader
 * matches: how a metric's counts are written beside its rate ("3 of 402", 「402件中3件」).
 */
import type { Wording } from './entry';

/** A metric's counts, tried in order: the first that matches gives the numerator and denominator (named groups). */
export const METRIC_COUNTS: readonly Wording[] = [
  {
    languages: ['en'],
    pattern: /(?<numerator>\d[\d,]*)\s*(?:of|out of|\/)\s*(?<denominator>\d[\d,]*)/i,
    evidence: 'B: "X of Y" orders in .a-size-small (§5, get_account_health.js); "out of" and "X / Y": no source recorded',
    matches: { en: ['3 of 402 orders', '3 out of 402', '3 / 402'] },
    rejects: ['0.75%'],
  },
  {
    languages: ['ja'],
    pattern: /(?<denominator>\d[\d,]*)\s*件中\s*(?<numerator>\d[\d,]*)\s*件/,
    evidence: 'ASSUMED: the 「402件中1件」 wording of counts (demo/pages/ja/account-health.html; JP texts unverified, §5)',
    matches: { ja: ['402件中1件', '1,204 件中 3 件'] },
  },
];
