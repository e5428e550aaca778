import { describe, expect, it } from 'vitest';
import { BADGE_AMBER, BADGE_RED, badgeFor, badgeText } from '@/lib/badge';
import { tEn, tJa } from './helpers';

describe('badge text', () => {
  it.each([
    [0, ''],
    [1, '1'],
    [9, '9'],
    [99, '99'],
    [100, '99+'],
    [12_345, '99+'],
    [-1, ''],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
    [2.7, '2'],
  ])('%s orders → "%s"', (count, text) => {
    expect(badgeText(count)).toBe(text);
  });
});

describe('badge state', () => {
  it('shows nothing and the plain title when nothing needs action', () => {
    expect(badgeFor({ version: 1, count: 0, overdue: false }, tEn)).toEqual({ text: '', color: BADGE_AMBER, title: 'Seller Sidekick' });
  });

  it('is amber with a count when something needs action', () => {
    expect(badgeFor({ version: 1, count: 3, overdue: false }, tEn)).toEqual({
      text: '3',
      color: BADGE_AMBER,
      title: 'Seller Sidekick: 3 orders need action',
    });
  });

  it('is red when anything is overdue, in the UI language', () => {
    expect(badgeFor({ version: 1, count: 120, overdue: true }, tJa)).toEqual({
      text: '99+',
      color: BADGE_RED,
      title: 'Seller Sidekick：対応が必要な注文 120件（期限切れあり）',
    });
  });
});
