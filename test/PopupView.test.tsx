import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupView } from '@/components/PopupView';
import { tEn, tJa } from './helpers';

afterEach(cleanup);

describe('PopupView', () => {
  it('says all is well when nothing needs action', () => {
    render(<PopupView summary={{ version: 1, count: 0, overdue: false }} onOpenOptions={() => {}} t={tEn} />);
    expect(screen.getByTestId('all-well').textContent).toBe('No order needs action now.');
    expect(screen.queryByTestId('urgent-count')).toBeNull();
  });

  it('gives the count and warns when something is overdue (Japanese)', () => {
    render(<PopupView summary={{ version: 1, count: 2, overdue: true }} onOpenOptions={() => {}} t={tJa} />);
    expect(screen.getByTestId('urgent-count').textContent).toBe('今すぐ対応が必要な注文：2件');
    expect(screen.getByText('期限を過ぎているものがあります。')).toBeTruthy();
  });

  it('claims nothing while the summary is loading', () => {
    render(<PopupView summary={undefined} onOpenOptions={() => {}} t={tEn} />);
    expect(screen.queryByTestId('all-well')).toBeNull();
    expect(screen.queryByTestId('urgent-count')).toBeNull();
  });

  it('opens the settings', () => {
    const onOpenOptions = vi.fn();
    render(<PopupView summary={undefined} onOpenOptions={onOpenOptions} t={tEn} />);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });
});
