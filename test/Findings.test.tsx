import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmCancelDialog, InlineCancelWarning } from '@/components/CancelGuard';
import { Findings, duration } from '@/components/Findings';
import { OptionsView } from '@/components/OptionsView';
import { Sidebar } from '@/components/Sidebar';
import type { Finding } from '@/lib/guidance/types';
import { DEFAULT_USER_SETTINGS } from '@/lib/settings';
import { tEn, tJa } from './helpers';

afterEach(cleanup);

const NOW = Date.parse('2026-11-22T12:00:00Z');

const cancelInquiry: Finding = {
  id: 'cancel-inquiry-not-request',
  severity: 'critical',
  title: { key: 'findingCancelInquiryTitle' },
  why: [{ key: 'findingCancelInquiryWhy1' }],
  steps: [{ key: 'findingCancelInquiryStep1' }, { key: 'findingCancelInquiryStep2' }],
  source: 'case-1',
  templates: ['cancel-how-to-request'],
  control: 'cancel-order',
  orderId: '114-3941689-8772232',
  evidence: [{ text: 'Hello, <b>please</b> cancel my order. Thanks', spans: [{ start: 21, end: 27, rule: 'en.cancel.word' }] }],
  subject: '114-3941689-8772232',
};

const shipBy: Finding = {
  id: 'ship-by-due',
  severity: 'warning',
  title: { key: 'findingShipByTodayTitle' },
  why: [{ key: 'findingShipByWhy' }],
  steps: [],
  source: 'case-3',
  templates: [],
  deadline: { at: new Date(NOW + (5 * 60 + 20) * 60_000).toISOString(), kind: 'ship-by' },
  evidence: [],
  subject: '114-3941689-8772232',
};

function renderFindings(findings: readonly Finding[], extra: Partial<Parameters<typeof Findings>[0]> = {}) {
  const onDismiss = vi.fn();
  const onRestore = vi.fn();
  render(<Findings findings={findings} dismissed={[]} pending={false} now={NOW} onDismiss={onDismiss} onRestore={onRestore} t={tEn} {...extra} />);
  return { onDismiss, onRestore };
}

describe('Findings', () => {
  it('shows a finding with its hook, severity, title, steps and suggested templates', () => {
    renderFindings([cancelInquiry]);
    const card = screen.getByRole('article', { name: "Do not cancel: the buyer's message is not a cancellation request" });
    expect(card.getAttribute('data-finding-id')).toBe('cancel-inquiry-not-request');
    expect(within(card).getByText('Critical')).toBeTruthy();
    expect(within(card).getByRole('heading', { level: 3 }).textContent).toBe("Do not cancel: the buyer's message is not a cancellation request");
    expect(
      within(card)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toContain('Do not press Cancel order yet.');
    expect(card.querySelector('[data-template-id="cancel-how-to-request"]')?.textContent).toBe('How to request a cancellation');
  });

  it('expands "why" to the source and the highlighted words, shown as text', () => {
    renderFindings([shipBy]);
    expect(screen.getByText(/Amazon judges lateness by the date you confirm/)).toBeTruthy();
    const why = screen.getByRole('button', { name: 'Where does this advice come from?' });
    expect(why.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(why);
    expect(why.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText(/Source:/).textContent).toContain("Sellers' experience, case 3");
  });

  it('shows the evidence marked, HTML kept as text', () => {
    renderFindings([cancelInquiry]);
    const mark = screen.getByText('cancel', { selector: 'mark' });
    expect(mark.getAttribute('title')).toBe('en.cancel.word');
    const quote = mark.closest('blockquote')!;
    expect(quote.textContent).toBe('Hello, <b>please</b> cancel my order. Thanks');
    expect(quote.querySelector('b')).toBeNull();
  });

  it('marks overlapping evidence once, over the whole of both spans', () => {
    const text = '昨日キャンセルのリクエストを送ったのに、発送されました';
    renderFindings([
      {
        ...cancelInquiry,
        evidence: [
          {
            text,
            spans: [
              { start: 2, end: 7, rule: 'ja.cancel.word' },
              { start: 2, end: 15, rule: 'ja.already-asked' },
              { start: 20, end: 24, rule: 'ja.shipped' },
            ],
          },
        ],
      },
    ]);
    const marks = [...document.querySelectorAll('mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['キャンセルのリクエストを送', '発送され']);
    expect(marks[0]!.getAttribute('title')).toBe('ja.cancel.word, ja.already-asked');
    expect(marks[0]!.closest('blockquote')!.textContent).toBe(text);
  });

  it('says when no single phrase decided, quoting the message as text', () => {
    renderFindings([{ ...cancelInquiry, evidence: [{ text: '<b>Der Akku</b> hält keine Ladung.', spans: [], wholeMessage: true }] }]);
    const quote = document.querySelector('blockquote[data-whole-message]')!;
    expect(quote.textContent).toBe('<b>Der Akku</b> hält keine Ladung.');
    expect(quote.querySelector('b, mark')).toBeNull();
    expect(screen.getByText(/recognised from the message as a whole/)).toBeTruthy();
  });

  it('counts down to the deadline, and counts up once late', () => {
    renderFindings([shipBy]);
    expect(screen.getByTestId('countdown').textContent).toBe('Ship by: 5 h 20 min left');
    cleanup();
    renderFindings([shipBy], { now: NOW + 6 * 3_600_000 });
    expect(screen.getByTestId('countdown').textContent).toBe('Ship by: 40 min late');
    expect(duration(tJa, 50 * 3_600_000)).toBe('2日2時間');
  });

  it('dismisses with a labelled button, and offers dismissed findings back', () => {
    const { onDismiss } = renderFindings([cancelInquiry]);
    fireEvent.click(screen.getByRole('button', { name: /^Dismiss for this order/ }));
    expect(onDismiss).toHaveBeenCalledWith(cancelInquiry);
    cleanup();
    const { onRestore } = renderFindings([], { dismissed: [shipBy] });
    fireEvent.click(screen.getByRole('button', { name: '1 dismissed — show' }));
    fireEvent.click(screen.getByRole('button', { name: 'Show again' }));
    expect(onRestore).toHaveBeenCalledWith(shipBy);
  });

  it('stays quiet with nothing to say, and says when it is still reading', () => {
    renderFindings([]);
    expect(screen.getByTestId('findings-status').textContent).toBe('Nothing needs your attention on this page.');
    expect(screen.queryByRole('article')).toBeNull();
    cleanup();
    renderFindings([], { pending: true });
    expect(screen.getByTestId('findings-status').textContent).toBe('Reading the messages…');
  });

  it('reads in Japanese', () => {
    render(<Findings findings={[cancelInquiry]} dismissed={[]} pending={false} now={NOW} onDismiss={() => {}} onRestore={() => {}} t={tJa} />);
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('キャンセルしないでください：購入者のメッセージはキャンセルリクエストではありません');
    expect(screen.getByText('重大')).toBeTruthy();
  });
});

describe('Sidebar with findings', () => {
  const page = { type: 'order-details' as const, hostname: 'sellercentral.amazon.com', marketplace: 'US' as const, orderId: '114-3941689-8772232' };
  const snapshot = { kind: 'message-inbox' as const, missing: [], sources: ['dom' as const] };

  it('puts findings first and marks the count on the root', () => {
    render(<Sidebar page={page} snapshot={snapshot} collapsed={false} onToggle={() => {}} locale="en" t={tEn} findings={[cancelInquiry, shipBy]} now={NOW} />);
    const root = screen.getByTestId('sidekick-sidebar');
    expect(root.getAttribute('data-findings')).toBe('2');
    expect([...root.querySelectorAll('[data-finding-id]')].map((e) => e.getAttribute('data-finding-id'))).toEqual(['cancel-inquiry-not-request', 'ship-by-due']);
  });

  it('shows the count on the folded tab', () => {
    render(<Sidebar page={page} snapshot={snapshot} collapsed={true} onToggle={() => {}} locale="en" t={tEn} findings={[cancelInquiry]} now={NOW} />);
    expect(screen.getByRole('button', { name: 'Open Seller Sidekick' }).textContent).toContain('1');
  });
});

describe('Cancel order guard', () => {
  it('warns next to the button in both languages', () => {
    render(<InlineCancelWarning t={tEn} />);
    expect(screen.getByRole('note').textContent).toContain('Cancelling now counts against your Cancellation Rate');
    cleanup();
    render(<InlineCancelWarning t={tJa} />);
    expect(screen.getByRole('note').textContent).toContain('キャンセル率');
  });

  it('asks before Amazon\'s flow, with "don\'t cancel" first', () => {
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
    HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
      this.open = false;
    };
    const onBack = vi.fn();
    const onProceed = vi.fn();
    render(<ConfirmCancelDialog onBack={onBack} onProceed={onProceed} t={tEn} />);
    const dialog = screen.getByTestId('confirm-cancel');
    expect(dialog.getAttribute('aria-labelledby')).toBe('sidekick-confirm-title');
    const buttons = within(dialog).getAllByRole('button', { hidden: true });
    expect(buttons.map((b) => b.textContent)).toEqual(["Don't cancel", 'Continue to cancel anyway']);
    fireEvent.click(buttons[0]!);
    expect(onBack).toHaveBeenCalledOnce();
    fireEvent.click(buttons[1]!);
    expect(onProceed).toHaveBeenCalledOnce();
  });
});

describe('Options: shop and reply settings', () => {
  function renderOptions(problem?: string) {
    const onChange = vi.fn();
    const onProblem = vi.fn();
    render(
      <OptionsView
        sidebar={{ version: 1, collapsed: false }}
        onSidebarChange={() => {}}
        saved={false}
        version="0.1.0"
        t={tEn}
        settings={DEFAULT_USER_SETTINGS}
        onChange={onChange}
        problem={problem}
        onProblem={onProblem}
      />,
    );
    return { onChange, onProblem };
  }

  it('saves each valid change', () => {
    const { onChange } = renderOptions();
    fireEvent.change(screen.getByRole('textbox', { name: 'Store name' }), { target: { value: 'Kumo Craft' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_USER_SETTINGS, storeName: 'Kumo Craft' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Language of Seller Sidekick' }), { target: { value: 'ja' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_USER_SETTINGS, uiLanguage: 'ja' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Default reply language' }), { target: { value: 'de' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_USER_SETTINGS, replyLanguage: 'de' });
    fireEvent.change(screen.getByRole('spinbutton', { name: /unanswered buyer message/ }), { target: { value: '6' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...DEFAULT_USER_SETTINGS, replyDueHours: 6 });
  });

  it('refuses an out-of-range threshold with a message, saving nothing', () => {
    const { onChange, onProblem } = renderOptions();
    for (const value of ['0', '24', '2.5', 'abc']) {
      fireEvent.change(screen.getByRole('spinbutton', { name: /unanswered buyer message/ }), { target: { value } });
    }
    expect(onChange).not.toHaveBeenCalled();
    expect(onProblem).toHaveBeenCalledTimes(4);
    expect(onProblem.mock.calls.every(([p]) => typeof p === 'string' && p.length > 0)).toBe(true);
    cleanup();
    renderOptions('replyDueHours: too big');
    expect(screen.getByRole('alert').textContent).toBe('Not saved: replyDueHours: too big');
  });
});

describe('Findings of a long list', () => {
  const many = (n: number): Finding[] => Array.from({ length: n }, (_, i) => ({ ...shipBy, subject: `114-${1000000 + i}-8772232` }));

  it('shows the first 20, most serious first as given, and the rest on request', () => {
    renderFindings(many(25));
    expect(document.querySelectorAll('[data-finding-id]')).toHaveLength(20);
    const more = screen.getByTestId('findings-show-all');
    expect(more.textContent).toBe('Show all 25 findings');
    fireEvent.click(more);
    expect(document.querySelectorAll('[data-finding-id]')).toHaveLength(25);
    expect(screen.queryByTestId('findings-show-all')).toBeNull();
  });

  it('shows every finding of a short list with no button', () => {
    renderFindings(many(20));
    expect(document.querySelectorAll('[data-finding-id]')).toHaveLength(20);
    expect(screen.queryByTestId('findings-show-all')).toBeNull();
  });

  it('says it in Japanese too', () => {
    renderFindings(many(21), { t: tJa });
    expect(screen.getByTestId('findings-show-all').textContent).toBe('すべての指摘を表示（21 件）');
  });
});
