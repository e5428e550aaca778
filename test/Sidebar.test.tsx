import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Sidebar } from '@/components/Sidebar';
import type { Translate } from '@/lib/i18n';
import { recognisePage } from '@/lib/pages/page-type';
import { tEn, tJa } from './helpers';

afterEach(cleanup);

const page = (href: string) => {
  const recognised = recognisePage(new URL(href));
  if (!recognised) throw new Error(`not a Seller Central URL: ${href}`);
  return recognised;
};

describe('Sidebar', () => {
  it('names the recognised page, the marketplace and the order (English)', () => {
    render(<Sidebar page={page('https://sellercentral.amazon.com/orders-v3/order/114-3941689-8772232')} collapsed={false} onToggle={() => {}} locale="en" t={tEn} />);
    const root = screen.getByTestId('sidekick-sidebar');
    expect(root.getAttribute('data-page-type')).toBe('order-details');
    expect(screen.getByRole('complementary', { name: 'Seller Sidekick sidebar' })).toBe(root);
    expect(screen.getByTestId('page-type').textContent).toBe('Order details');
    expect(screen.getByTestId('marketplace').textContent).toBe('United States (amazon.com)');
    expect(screen.getByTestId('order-id').textContent).toBe('114-3941689-8772232');
  });

  it('speaks Japanese when the browser does', () => {
    render(<Sidebar page={page('https://sellercentral.amazon.co.jp/orders-v3/mfn/unshipped?page=1')} collapsed={false} onToggle={() => {}} locale="ja" t={tJa} />);
    expect(screen.getByTestId('page-type').textContent).toBe('注文一覧');
    expect(screen.getByTestId('marketplace').textContent).toBe('日本（amazon.co.jp）');
    expect(screen.queryByTestId('order-id')).toBeNull();
    expect(screen.getByRole('button', { name: 'サイドバーを折りたたむ' })).toBeTruthy();
  });

  it('says plainly when it does not read a page, instead of guessing', () => {
    render(<Sidebar page={page('https://sellercentral.amazon.com/home')} collapsed={false} onToggle={() => {}} locale="en" t={tEn} />);
    expect(screen.getByTestId('page-type').textContent).toBe('Page not read');
    expect(screen.getByText(/does not read this page/)).toBeTruthy();
  });

  it('does not invent a marketplace on the unified Europe host', () => {
    render(<Sidebar page={page('https://sellercentral-europe.amazon.com/orders-v3')} collapsed={false} onToggle={() => {}} locale="en" t={tEn} />);
    expect(screen.getByTestId('marketplace').textContent).toMatch(/^Regional account/);
  });

  it('collapses with a button and opens again from a small labelled tab', () => {
    const onToggle = vi.fn();
    const { rerender } = render(
      <Sidebar page={page('https://sellercentral.amazon.com/orders-v3')} collapsed={false} onToggle={onToggle} locale="en" t={tEn} />,
    );
    const collapse = screen.getByRole('button', { name: 'Collapse the sidebar' });
    expect(collapse.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(collapse);
    expect(onToggle).toHaveBeenCalledTimes(1);

    rerender(<Sidebar page={page('https://sellercentral.amazon.com/orders-v3')} collapsed={true} onToggle={onToggle} locale="en" t={tEn} />);
    const tab = screen.getByRole('button', { name: 'Open Seller Sidekick' });
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    expect(tab.getAttribute('data-state')).toBe('collapsed');
    expect(screen.queryByRole('complementary')).toBeNull();
    fireEvent.click(tab);
    expect(onToggle).toHaveBeenCalledTimes(2);
  });

  it('shows text as text, even if a translation carried markup', () => {
    const hostile: Translate = (key) => (key === 'pageTypeOrderList' ? '<img src=x onerror="window.pwned=1">' : tEn(key));
    const { container } = render(
      <Sidebar page={page('https://sellercentral.amazon.com/orders-v3')} collapsed={false} onToggle={() => {}} locale="en" t={hostile} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('page-type').textContent).toBe('<img src=x onerror="window.pwned=1">');
  });
});
