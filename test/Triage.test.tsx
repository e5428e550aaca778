import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Sidebar } from '@/components/Sidebar';
import { TRIAGE_LABEL, Triage } from '@/components/Triage';
import { TRIAGE_KINDS, type TriageItem } from '@/lib/guidance/triage';
import { tEn, tJa } from './helpers';

afterEach(cleanup);

const items: TriageItem[] = [
  { index: 1, caseId: 'c41e7a08-5d92-4b3f-a6e1-0f8d2b7c9e54', orderId: '112-5567012-3390641', intent: 'counterfeit', kind: 'counterfeit', rank: 0, unsure: false },
  { index: 0, orderId: '114-3941689-8772232', intent: 'cancel-inquiry', kind: 'cancellation', rank: 1, unsure: false },
  { index: 2, caseId: '5b7f2c91-0e4d-4a68-9c13-d2e6a8f40b77', intent: 'other', kind: 'unsure', rank: 3, unsure: true },
];

describe('inbox triage chips', () => {
  it('lists the cases in the order given, each with its chip and order, and says how many to answer now', () => {
    render(<Triage items={items} t={tEn} />);
    const rows = screen.getByTestId('triage').querySelectorAll('li');
    expect([...rows].map((li) => li.textContent)).toEqual(['Counterfeit claim 112-5567012-3390641', 'Cancellation 114-3941689-8772232', 'Not sure Case 5b7f2c91…']);
    expect(rows[0]!.className).toContain('sidekick-critical');
    expect(screen.getByText('To answer now: 1')).toBeTruthy();
  });

  it('speaks Japanese', () => {
    render(<Triage items={items} t={tJa} />);
    expect(screen.getByText('このページの問い合わせ（緊急度の高い順）')).toBeTruthy();
    expect(screen.getByTestId('triage').querySelector('li')!.textContent).toBe('偽物の指摘 112-5567012-3390641');
  });

  it('has a label for every kind, in both languages', () => {
    for (const kind of TRIAGE_KINDS) {
      expect(tEn(TRIAGE_LABEL[kind])).not.toBe('');
      expect(tJa(TRIAGE_LABEL[kind])).not.toBe(tEn(TRIAGE_LABEL[kind]));
    }
  });

  it('shows nothing without cases, and sits in the sidebar of an inbox', () => {
    const { container } = render(<Triage items={[]} t={tEn} />);
    expect(container.textContent).toBe('');
    cleanup();
    render(
      <Sidebar
        page={{ type: 'message-inbox', marketplace: 'US' } as never}
        snapshot={{ kind: 'message-inbox', marketplace: 'US', missing: [], sources: ['dom'] }}
        collapsed={false}
        onToggle={() => {}}
        locale="en-US"
        t={tEn}
        triage={items}
      />,
    );
    expect(screen.getByTestId('triage').querySelectorAll('li')).toHaveLength(3);
  });
});

describe('the findings above the triage', () => {
  it('say the cases are sorted below instead of "nothing needs your attention"', () => {
    render(
      <Sidebar
        page={{ type: 'message-inbox', marketplace: 'US' } as never}
        snapshot={{ kind: 'message-inbox', marketplace: 'US', missing: [], sources: ['dom'] }}
        collapsed={false}
        onToggle={() => {}}
        locale="en-US"
        t={tEn}
        triage={items}
      />,
    );
    expect(screen.getByTestId('findings-status').textContent).toBe('Nothing on this page itself; its cases are sorted below, most urgent first.');
  });
});
