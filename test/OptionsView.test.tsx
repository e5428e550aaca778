import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsView } from '@/components/OptionsView';
import { tEn, tJa } from './helpers';

afterEach(cleanup);

describe('OptionsView', () => {
  it('changes the sidebar setting and says it saved', () => {
    const onSidebarChange = vi.fn();
    const { rerender } = render(<OptionsView sidebar={{ version: 1, collapsed: false }} onSidebarChange={onSidebarChange} saved={false} version="0.1.0" t={tEn} />);
    const box = screen.getByRole('checkbox', { name: 'Keep the sidebar folded to a small tab on Seller Central' });
    fireEvent.click(box);
    expect(onSidebarChange).toHaveBeenCalledWith({ version: 1, collapsed: true });
    rerender(<OptionsView sidebar={{ version: 1, collapsed: true }} onSidebarChange={onSidebarChange} saved={true} version="0.1.0" t={tEn} />);
    expect(screen.getByRole('status').textContent).toBe('Saved.');
  });

  it('disables the setting until it is loaded', () => {
    render(<OptionsView sidebar={undefined} onSidebarChange={() => {}} saved={false} version="0.1.0" t={tEn} />);
    expect((screen.getByRole('checkbox') as HTMLInputElement).disabled).toBe(true);
  });

  it('states the privacy promise and the version in Japanese', () => {
    render(<OptionsView sidebar={{ version: 1, collapsed: false }} onSidebarChange={() => {}} saved={false} version="0.1.0" t={tJa} />);
    expect(screen.getByRole('heading', { name: 'プライバシー' })).toBeTruthy();
    expect(screen.getByText(/どこにもデータを送信せず/)).toBeTruthy();
    expect(screen.getByText('バージョン 0.1.0')).toBeTruthy();
  });
});
