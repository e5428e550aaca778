import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Sidebar } from '@/components/Sidebar';
import { summarise } from '@/components/read-summary';
import type { SelectionCheckProps } from '@/components/SelectionCheck';
import { classify } from '@/lib/classify/classify';
import { advise } from '@/lib/guidance/advise';
import type { Translate } from '@/lib/i18n';
import { recognisePage } from '@/lib/pages/page-type';
import { selectionSnapshot } from '@/lib/pages/selection';
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
    const { rerender } = render(<Sidebar page={page('https://sellercentral.amazon.com/orders-v3')} collapsed={false} onToggle={onToggle} locale="en" t={tEn} />);
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
    const { container } = render(<Sidebar page={page('https://sellercentral.amazon.com/orders-v3')} collapsed={false} onToggle={() => {}} locale="en" t={hostile} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('page-type').textContent).toBe('<img src=x onerror="window.pwned=1">');
  });
});

describe('Sidebar: check the selected text', () => {
  const order = page('https://sellercentral.amazon.com/orders-v3/order/114-3941689-8772232');
  const home = page('https://sellercentral.amazon.com/home');
  const selection = (patch: Partial<SelectionCheckProps> = {}): SelectionCheckProps & { onCheck: ReturnType<typeof vi.fn>; onBack: ReturnType<typeof vi.fn> } =>
    ({
      available: true,
      onCheck: vi.fn(),
      onBack: vi.fn(),
      ...patch,
    }) as SelectionCheckProps & { onCheck: ReturnType<typeof vi.fn>; onBack: ReturnType<typeof vi.fn> };

  it('offers a compact button while the page has a selection, and checks it on click without clearing it', () => {
    const props = selection();
    render(<Sidebar page={order} collapsed={false} onToggle={() => {}} locale="en" t={tEn} selection={props} />);
    const button = screen.getByRole('button', { name: 'Check the selected text' });
    expect(button.getAttribute('data-testid')).toBe('check-selection');
    expect(button.getAttribute('title')).toMatch(/as a buyer's message/);
    // A press on the button must not take the page's selection away.
    expect(fireEvent.mouseDown(button)).toBe(false);
    fireEvent.click(button);
    expect(props.onCheck).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('selection-back')).toBeNull();
  });

  it('offers nothing without a selection, nor in the folded tab', () => {
    const { rerender } = render(<Sidebar page={order} collapsed={false} onToggle={() => {}} locale="en" t={tEn} selection={selection({ available: false })} />);
    expect(screen.queryByTestId('selection-check')).toBeNull();
    rerender(<Sidebar page={order} collapsed={true} onToggle={() => {}} locale="en" t={tEn} selection={selection()} />);
    expect(screen.queryByTestId('check-selection')).toBeNull();
  });

  it('in Japanese', () => {
    render(<Sidebar page={order} collapsed={false} onToggle={() => {}} locale="ja" t={tJa} selection={selection({ checking: { truncated: true } })} />);
    expect(screen.getByTestId('check-selection').textContent).toBe('選択したテキストをチェック');
    expect(screen.getByTestId('selection-back').textContent).toBe('このページの読み取りに戻る');
    expect(screen.getByTestId('selection-truncated').textContent).toBe('最初の 5,000 文字だけをチェックしました。');
    expect(screen.getByTestId('selection-order').textContent).toMatch(/^注文を特定できません/);
  });

  it("while checking, says so, names the order, and goes back to the page's reading", () => {
    const props = selection({ available: false, checking: { orderId: '114-3941689-8772232', truncated: false } });
    render(<Sidebar page={order} collapsed={false} onToggle={() => {}} locale="en" t={tEn} selection={props} />);
    const section = screen.getByTestId('selection-check');
    expect(section.getAttribute('data-checking')).toBe('true');
    expect(screen.getByRole('heading', { name: 'Checking the text you selected' })).toBeTruthy();
    expect(section.textContent).toContain("never as Amazon's official cancellation request");
    expect(screen.getByTestId('selection-order').textContent).toBe('Order: 114-3941689-8772232');
    expect(screen.queryByTestId('selection-truncated')).toBeNull();
    expect(screen.queryByTestId('check-selection')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: "Back to this page's reading" }));
    expect(props.onBack).toHaveBeenCalledTimes(1);
  });

  it('says when a selection could not be checked', () => {
    render(<Sidebar page={order} collapsed={false} onToggle={() => {}} locale="en" t={tEn} selection={selection({ available: false, failed: true })} />);
    expect(screen.getByRole('status').textContent).toMatch(/could not be checked/);
  });

  it("shows a selection's findings and reading on a page it does not read, with markup in the selection as text", () => {
    const text = '<img src=x onerror="window.pwned=1"> Hello, could you please cancel my order 114-3941689-8772232? Thanks';
    const result = selectionSnapshot(text, { hostMarketplace: home.marketplace });
    if (!result.ok) throw new Error(result.reason);
    const message = result.snapshot.messages[0]!;
    const classification = classify({ body: message.text, sender: message.sender, marketplace: 'US' });
    const findings = advise({ snapshot: result.snapshot, classified: [{ index: 0, classification }], settings: { replyDueHours: 12 }, now: Date.parse('2026-11-22T12:00:00Z') });
    expect(findings.map((f) => f.id)).toEqual(['cancel-inquiry-not-request']);
    const { container } = render(
      <Sidebar
        page={home}
        snapshot={result.snapshot}
        summary={summarise(result.snapshot, 'en', tEn)}
        findings={findings}
        collapsed={false}
        onToggle={() => {}}
        locale="en"
        t={tEn}
        selection={selection({ available: false, checking: { orderId: result.snapshot.orderId, truncated: false } })}
      />,
    );
    expect(container.querySelector('[data-finding-id="cancel-inquiry-not-request"]')).toBeTruthy();
    expect(container.querySelector('[data-finding-id="cancel-request-pending"]')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.sidekick-evidence')?.textContent).toContain('img src=x onerror="window.pwned=1">');
    const read = screen.getByTestId('what-i-read');
    expect(read.getAttribute('data-read-kind')).toBe('message-thread');
    expect(screen.getByTestId('read-note').textContent).toMatch(/^Read from the text you selected/);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('still shows no findings on a page it does not read when the snapshot is not from a selection', () => {
    const read = { kind: 'message-thread' as const, messages: [], missing: [], sources: ['dom' as const] };
    render(<Sidebar page={home} snapshot={read} collapsed={false} onToggle={() => {}} locale="en" t={tEn} />);
    expect(screen.queryByTestId('what-i-read')).toBeNull();
  });
});
