// "What the messages are about" in the sidebar: an unsure reading says so plainly and shows what
// it read; a sure one names the intent; "this is really…" raises the correction (never an
// official cancellation request), then a confirmation with an undo, or the reason it was refused.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageReadings, type MessageReadingView } from '@/components/MessageReadings';
import { Sidebar } from '@/components/Sidebar';
import { classify } from '@/lib/classify/classify';
import { recognisePage } from '@/lib/pages/page-type';
import type { MessageThreadSnapshot } from '@/lib/pages/snapshot';
import { tEn, tJa } from './helpers';

afterEach(cleanup);

const reading = (index: number, text: string, sender: 'buyer' | 'amazon' = 'buyer'): MessageReadingView => ({
  index,
  sender,
  text,
  classification: classify({ body: text, sender, marketplace: 'US' }),
});

const unsure = reading(0, 'xyzzy plugh');
/** The page's text is shown as text: markup in a message stays letters. */
const hostile: MessageReadingView = { ...unsure, text: 'xyzzy <img src=x onerror=alert(1)> plugh' };
const fake = reading(1, 'This is a fake, a counterfeit copy, not the real brand!');

describe('MessageReadings', () => {
  it('says plainly when it is not sure, shows the message as text and what it leaned to, and raises no alarm', () => {
    expect(unsure.classification.unsure).toBe(true);
    const { container } = render(<MessageReadings readings={[hostile]} onCorrect={() => {}} onUndo={() => {}} maxFeatures={5000} t={tEn} />);
    const item = screen.getByTestId('message-reading');
    expect(item.getAttribute('data-unsure')).toBe('true');
    expect(within(item).getByTestId('reading-unsure').textContent).toBe('Not sure what this message is about — here is what I read.');
    expect(item.querySelector('blockquote')?.textContent).toBe('xyzzy <img src=x onerror=alert(1)> plugh');
    expect(container.querySelector('img')).toBeNull();
    expect(within(item).getByText('No warning is raised on a guess: read the message yourself.')).toBeTruthy();
    expect(within(item).queryByTestId('reading-intent')).toBeNull();
  });

  it('shows what an unsure reading leaned to, and the words it cites', () => {
    const leaning: MessageReadingView = {
      index: 3,
      sender: 'buyer',
      text: 'hmm the thing is odd',
      classification: {
        intent: 'other',
        confidence: 0.2,
        language: 'en',
        flags: [],
        evidence: [{ field: 'body', start: 13, end: 20, rule: 'model.word', target: 'other' }],
        scores: { counterfeit: 0.34, other: 0.2 },
        unsure: true,
      },
    };
    render(<MessageReadings readings={[leaning]} onCorrect={() => {}} onUndo={() => {}} maxFeatures={5000} t={tEn} />);
    expect(screen.getByText('It leaned towards: says the item is fake (34 %)')).toBeTruthy();
    expect(screen.getByText('is odd').tagName).toBe('MARK');
  });

  it('in Japanese too', () => {
    render(<MessageReadings readings={[unsure]} onCorrect={() => {}} onUndo={() => {}} maxFeatures={5000} t={tJa} />);
    expect(screen.getByTestId('reading-unsure').textContent).toBe('このメッセージの内容はよくわかりません。読み取れたのは次のとおりです。');
    expect(screen.getByRole('heading', { name: 'メッセージの内容' })).toBeTruthy();
  });

  it('names what a sure reading is about, with the words that weighed', () => {
    expect(fake.classification.intent).toBe('counterfeit');
    render(<MessageReadings readings={[fake]} onCorrect={() => {}} onUndo={() => {}} maxFeatures={5000} t={tEn} />);
    expect(screen.getByTestId('reading-intent').textContent).toMatch(/^About: says the item is fake \(\d+ %\)$/);
    expect(screen.getAllByText((_, el) => el?.tagName === 'MARK').length).toBeGreaterThan(0);
  });

  it('"this is really…" raises the correction with the message index and the intent chosen', () => {
    const onCorrect = vi.fn();
    render(<MessageReadings readings={[unsure, fake]} onCorrect={onCorrect} onUndo={() => {}} maxFeatures={5000} t={tEn} />);
    const second = screen.getAllByTestId('message-reading')[1]!;
    const submit = within(second).getByTestId('correct-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.change(within(second).getByLabelText('This is really:'), { target: { value: 'wrong-item' } });
    fireEvent.click(submit);
    expect(onCorrect).toHaveBeenCalledWith(1, 'wrong-item');
  });

  it("never offers an official cancellation request, nor a notice for a buyer's message", () => {
    render(<MessageReadings readings={[unsure, reading(2, 'Your message could not be delivered to the buyer.', 'amazon')]} onCorrect={() => {}} onUndo={() => {}} maxFeatures={5000} t={tEn} />);
    const [buyer, amazon] = screen.getAllByTestId('correct-intent') as HTMLSelectElement[];
    const values = (select: HTMLSelectElement) => [...select.options].map((o) => o.value);
    expect(values(buyer!)).not.toContain('cancel-request');
    expect(values(buyer!)).not.toContain('listing-removed');
    expect(values(buyer!)).toContain('defective');
    expect(values(amazon!)).not.toContain('cancel-request');
    expect(values(amazon!)).toContain('listing-removed');
  });

  it('confirms a correction with an undo, and says why one was refused', () => {
    const onUndo = vi.fn();
    const { rerender } = render(
      <MessageReadings readings={[unsure]} onCorrect={() => {}} onUndo={onUndo} status={{ index: 0, kind: 'corrected', intent: 'defective', canUndo: true }} maxFeatures={5000} t={tEn} />,
    );
    expect(screen.getByTestId('correction-status').textContent).toContain('Noted: messages like this one now read as “defective or broken item”.');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onUndo).toHaveBeenCalledTimes(1);
    rerender(<MessageReadings readings={[unsure]} onCorrect={() => {}} onUndo={onUndo} status={{ index: 0, kind: 'refused', reason: 'official-request' }} maxFeatures={5000} t={tEn} />);
    expect(screen.getByRole('alert').textContent).toBe('An official cancellation request comes only from Amazon; it cannot be taught.');
    rerender(<MessageReadings readings={[unsure]} onCorrect={() => {}} onUndo={onUndo} status={{ index: 0, kind: 'refused', reason: 'layer-full' }} maxFeatures={5000} t={tJa} />);
    expect(screen.getByRole('alert').textContent).toBe('修正の容量がいっぱいです（言葉・文字列 5000 件）。さらに覚えさせるには設定でリセットしてください。');
    rerender(<MessageReadings readings={[unsure]} onCorrect={() => {}} onUndo={onUndo} status={{ index: 0, kind: 'undone' }} maxFeatures={5000} t={tEn} />);
    expect(screen.getByTestId('correction-status').textContent).toBe('Undone: the correction is forgotten.');
  });

  it('sits in the sidebar of a thread page, under the findings', () => {
    const page = recognisePage(new URL('https://sellercentral.amazon.com/messaging/inbox?fi=caseId&ss=1&cc=1'))!;
    const snapshot: MessageThreadSnapshot = { kind: 'message-thread', marketplace: 'US', messages: [{ sender: 'buyer', text: unsure.text }], missing: [], sources: ['dom'] };
    render(
      <Sidebar
        page={{ ...page, type: 'message-thread' }}
        snapshot={snapshot}
        collapsed={false}
        onToggle={() => {}}
        locale="en"
        t={tEn}
        readings={{ readings: [unsure], onCorrect: () => {}, onUndo: () => {}, maxFeatures: 5000, t: tEn }}
      />,
    );
    const section = screen.getByTestId('message-readings');
    const findings = screen.getByRole('heading', { name: 'Needs your attention' }).closest('section')!;
    expect(findings.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(section).getByTestId('reading-unsure')).toBeTruthy();
  });
});
