/**
 * The words of the Account Health dashboard (docs/seller-central-pages.md §5) that the reader
 * matches: how a metric's counts are written beside its rate ("3 of 402", 「402件中3件」). Each
 * entry's languages, evidence and examples: account-health.evidence.ts.
 */

/** A metric's counts, tried in order: the first that matches gives the numerator and denominator (named groups). */
export const METRIC_COUNTS = {
  en: /(?<numerator>\d[\d,]*)\s*(?:of|out of|\/)\s*(?<denominator>\d[\d,]*)/i,
  ja: /(?<denominator>\d[\d,]*)\s*件中\s*(?<numerator>\d[\d,]*)\s*件/,
} as const;
