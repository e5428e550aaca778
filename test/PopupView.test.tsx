import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsView } from '@/components/OptionsView';
import { PopupView } from '@/components/PopupView';
import type { UrgentOrder } from '@/lib/urgency';
import { tEn, tJa } from './helpers';

afterEach(cleanup);

const NOW = Date.parse('2026-11-22T12:00:00Z');

const overdue: UrgentOrder = {
  orderId: '112-5567012-3390641',
  marketplace: 'US',
  overdue: true,
  deadline: new Date(NOW - 2 * 3_600_000).toISOString(),
  reasons: [{ kind: 'ship-by', key: 'ship-by', at: new Date(NOW - 2 * 3_600_000).toISOString(), overdue: true }],
};
const complaint: UrgentOrder = {
  orderId: '302-5518830-2297164',
  marketplace: 'DE',
  overdue: false,
  reasons: [
    { kind: 'reply', key: 'reply:buyer:x', intent: 'counterfeit', highRisk: true, overdue: false, since: new Date(NOW - 3_600_000).toISOString(), at: new Date(NOW + 23 * 3_600_000).toISOString() },
  ],
  deadline: new Date(NOW + 23 * 3_600_000).toISOString(),
};

function renderPopup(orders: readonly UrgentOrder[] | undefined, t = tEn) {
  const handlers = { onDone: vi.fn(), onSnooze: vi.fn(), onOpenOptions: vi.fn() };
  render(<PopupView orders={orders} now={NOW} t={t} {...handlers} />);
  return handlers;
}

describe('PopupView', () => {
  it('says all is well when nothing needs action', () => {
    renderPopup([]);
    expect(screen.getByTestId('all-well').textContent).toBe('No order needs action now.');
    expect(screen.queryByTestId('urgent-count')).toBeNull();
  });

  it('lists the orders, most urgent first, with reasons, time and a link to Seller Central', () => {
    renderPopup([overdue, complaint]);
    expect(screen.getByTestId('urgent-count').textContent).toBe('Orders needing action now: 2');
    const list = screen.getByRole('list', { name: 'Orders that need action, most urgent first' });
    const items = within(list)
      .getAllByRole('listitem')
      .filter((li) => li.hasAttribute('data-order-id'));
    expect(items.map((li) => li.getAttribute('data-order-id'))).toEqual(['112-5567012-3390641', '302-5518830-2297164']);
    expect(items[0]!.getAttribute('data-overdue')).toBe('true');
    expect(within(items[0]!).getByText('Ship-by date passed')).toBeTruthy();
    expect(within(items[0]!).getByTestId('time-left').textContent).toBe('2 h 0 min late');
    expect(within(items[1]!).getByText('Buyer message waiting: a complaint about the item')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Open order 302-5518830-2297164 in Seller Central' });
    expect(link.getAttribute('href')).toBe('https://sellercentral.amazon.de/orders-v3/order/302-5518830-2297164');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('marks done and snoozes per order', () => {
    const { onDone, onSnooze } = renderPopup([overdue, complaint]);
    fireEvent.click(screen.getByRole('button', { name: 'Mark order 302-5518830-2297164 as done' }));
    expect(onDone).toHaveBeenCalledWith(complaint);
    fireEvent.click(screen.getByRole('button', { name: 'Snooze order 112-5567012-3390641 for an hour' }));
    expect(onSnooze).toHaveBeenCalledWith(overdue);
  });

  it('speaks Japanese, overdue warning included', () => {
    renderPopup([overdue], tJa);
    expect(screen.getByTestId('urgent-count').textContent).toBe('今すぐ対応が必要な注文：1件');
    expect(screen.getByText('期限を過ぎているものがあります。')).toBeTruthy();
    expect(screen.getByText('出荷期限を過ぎています')).toBeTruthy();
    expect(screen.getByRole('button', { name: '注文 112-5567012-3390641 を対応済みにする' })).toBeTruthy();
  });

  it('claims nothing while loading, and opens the settings', () => {
    const { onOpenOptions } = renderPopup(undefined);
    expect(screen.queryByTestId('all-well')).toBeNull();
    expect(screen.queryByTestId('urgent-count')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });
});

describe('Options: clear all order data', () => {
  const base = { sidebar: { version: 1 as const, collapsed: false }, onSidebarChange: () => {}, saved: false, version: '0.1.0', t: tEn };

  it('asks first, then clears and says how much', async () => {
    const onClearData = vi.fn(async () => 7);
    const confirm = vi.fn(() => true);
    render(<OptionsView {...base} onClearData={onClearData} confirm={confirm} />);
    fireEvent.click(screen.getByRole('button', { name: 'Clear all order data' }));
    expect(confirm).toHaveBeenCalledWith('Clear everything Seller Sidekick remembers about your orders? Your settings stay.');
    expect(await screen.findByText('Cleared (7 items).')).toBeTruthy();
  });

  it('does nothing when the seller says no', () => {
    const onClearData = vi.fn(async () => 0);
    render(<OptionsView {...base} onClearData={onClearData} confirm={() => false} />);
    fireEvent.click(screen.getByRole('button', { name: 'Clear all order data' }));
    expect(onClearData).not.toHaveBeenCalled();
  });
});
