/**
 * Account Health dashboard (`/performance/dashboard`): row ids as used against the real server
 * HTML in 2025 (docs/seller-central-pages.md §5, B). Numbers are read from each row's text:
 * the first percentage, and "X of Y" / "X / Y" / 「Y件中X件」 when shown.
 */
import { queryFirst, textOf, type ReadRoot } from './dom';
import { MissingList, toCount } from './read-common';
import { marketplaceOf } from './read-orders';
import { SELECTORS } from './selectors';
import { METRIC_COUNTS } from './wording';
import type { AccountHealthSnapshot, Metric, Unrecognized } from './snapshot';

const METRICS = [
  ['cancellationRate', SELECTORS.cancellationRateRow],
  ['lateShipmentRate', SELECTORS.lateShipmentRateRow],
  ['orderDefectRate', SELECTORS.orderDefectRateSection],
  ['validTrackingRate', SELECTORS.validTrackingRateRow],
] as const;

export function readMetric(text: string): Metric | string {
  const percent = /(\d{1,3}(?:[.,]\d+)?)\s*%/.exec(text);
  if (!percent) return 'no percentage';
  const value = Number(percent[1]!.replace(',', '.'));
  if (!(value >= 0 && value <= 100)) return `not a rate: ${percent[0]}`;
  // The first wording that matches gives both counts (wording/account-health.ts).
  const counts = Object.values(METRIC_COUNTS)
    .map((pattern) => pattern.exec(text)?.groups)
    .find((groups) => groups !== undefined);
  const numerator = toCount(counts?.['numerator']);
  const denominator = toCount(counts?.['denominator']);
  const fraction = numerator !== undefined && denominator !== undefined && numerator <= denominator;
  return { percent: value, ...(fraction ? { numerator, denominator } : {}) };
}

export function readAccountHealth(root: ReadRoot, url: URL): AccountHealthSnapshot | Unrecognized {
  const rows = METRICS.map(([field, spec]) => [field, queryFirst(root, spec.css)] as const);
  if (rows.every(([, row]) => !row)) return { kind: 'unrecognized', reason: 'none of the account health rows are on this page' };
  const missing = new MissingList();
  const marketplace = marketplaceOf(root, url) ?? missing.add('marketplace', 'neither the host nor the page names it');
  const metrics: Partial<Record<(typeof METRICS)[number][0], Metric>> = {};
  for (const [field, row] of rows) {
    if (!row) {
      missing.add(field, 'row not on the page');
      continue;
    }
    // The value and its counts sit in .a-size-large / .a-size-small (B); the row's own text also
    // names the target ("under 2.5%"), so it is only the fallback.
    const value = textOf(row.querySelector('.a-size-large'));
    const counts = textOf(row.querySelector('.a-size-small'));
    const metric = readMetric(value ? `${value} ${counts}` : textOf(row));
    if (typeof metric === 'string') missing.add(field, metric);
    else metrics[field] = metric;
  }
  return { kind: 'account-health', ...(marketplace ? { marketplace } : {}), ...metrics, missing: missing.items, sources: ['dom'] };
}
