import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsForm } from '@/components/OptionsView';
import { PopupView } from '@/components/PopupView';
import { DEFAULT_USER_SETTINGS, UserSettings } from '@/lib/settings';

import { tEn, tJa } from './helpers';

afterEach(cleanup);

const NOW = Date.parse('2026-11-22T12:00:00Z');
const sale = { orderId: '503-1111111-1111111', marketplace: 'JP' as const, shippedSeenAt: new Date(NOW - 8 * 86_400_000).toISOString(), days: 8 };

function popup(unrecorded: Parameters<typeof PopupView>[0]['unrecorded'], t = tEn) {
  render(<PopupView orders={[]} now={NOW} t={t} onDone={vi.fn()} onSnooze={vi.fn()} onOpenOptions={vi.fn()} unrecorded={unrecorded} />);
}

describe('the popup: shipped, no sale recorded yet', () => {
  it('lists the order with its days, a link to it and to the Transaction view searched for it, apart from the urgent orders', () => {
    popup([sale]);
    const section = screen.getByTestId('unrecorded-sales');
    expect(section.textContent).toContain('Shipped, no sale recorded yet');
    expect(section.textContent).toContain('Seen shipped 8 days ago');
    const links = [...section.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      'https://sellercentral.amazon.co.jp/orders-v3/order/503-1111111-1111111',
      'https://sellercentral.amazon.co.jp/payments/event/view?accountType=ALL&orderId=503-1111111-1111111&resultsPerPage=10&pageNumber=1',
    ]);
    // Info only: the urgent list still says all is well.
    expect(screen.getByTestId('all-well')).toBeTruthy();
  });

  it('in Japanese', () => {
    popup([sale], tJa);
    expect(screen.getByTestId('unrecorded-sales').textContent).toContain('出荷済み、売上がまだ計上されていません');
  });

  it('is quiet when there is nothing to list', () => {
    popup([]);
    expect(screen.queryByTestId('unrecorded-sales')).toBeNull();
    cleanup();
    popup(undefined);
    expect(screen.queryByTestId('unrecorded-sales')).toBeNull();
  });
});

describe('the setting: days before a shipped order without a sale is listed', () => {
  it('defaults to 7, takes 1–60, refuses anything else with a clear message, and old settings stay valid', () => {
    const onChange = vi.fn();
    const onProblem = vi.fn();
    render(<SettingsForm settings={DEFAULT_USER_SETTINGS} onChange={onChange} onProblem={onProblem} problem={undefined} t={tEn} />);
    const input = screen.getByTestId('options-unrecorded-days') as HTMLInputElement;
    expect(input.value).toBe('7');
    fireEvent.change(input, { target: { value: '10' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ unrecordedSaleDays: 10 }));
    fireEvent.change(input, { target: { value: '0' } });
    fireEvent.change(input, { target: { value: '1e9' } });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onProblem).toHaveBeenCalledWith(expect.any(String));
    expect(UserSettings.safeParse({ version: 1, storeName: '', sellerName: '', uiLanguage: 'auto', replyLanguage: 'auto', replyDueHours: 12 }).success).toBe(true);
    expect(UserSettings.safeParse({ ...DEFAULT_USER_SETTINGS, unrecordedSaleDays: 2.5 }).success).toBe(false);
  });
});
