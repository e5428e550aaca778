import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReadSection, type ReadSectionProps } from '@/components/ReadSection';
import { readPage } from '@/lib/pages/read-page';
import { formatWindow, summarise } from '@/components/read-summary';
import type { PageSnapshot } from '@/lib/pages/snapshot';
import { loadFixture, tEn, tJa } from './helpers';

/** ReadSection with its summary made here, as the background makes it for the content script. */
const Read = (props: Omit<ReadSectionProps, 'summary'>) => <ReadSection {...props} summary={summarise(props.snapshot, props.locale, props.t)} />;

afterEach(cleanup);

const snapshotOf = (id: string) => {
  const { doc, url } = loadFixture(id);
  return readPage(doc, url);
};

describe('What I read', () => {
  it('lists an order in English, dates in the marketplace zone', () => {
    render(<Read snapshot={snapshotOf('order-details-en')} locale="en-US" t={tEn} />);
    const field = (key: string) => document.querySelector(`[data-field="${key}"]`)?.textContent;
    expect(field('fieldOrderId')).toBe('114-3941689-8772232');
    expect(field('fieldShipBy')?.replace(/\s/g, ' ')).toBe('Sat, Nov 21 – Sun, Nov 22, 2026'); // Intl puts thin spaces around the dash
    expect(field('fieldPurchaseDate')?.replace(/\s/g, ' ')).toBe('Sat, Nov 21, 2026, 9:00 AM PST');
    expect(field('fieldBuyerCancel')).toBe('Not shown on the page');
    expect(screen.getByTestId('read-note').textContent).toBe('Read from the page.');
    expect(document.querySelector('[data-missing-field="buyerRequestedCancel"]')?.textContent).toContain("Buyer's cancellation request");
  });

  it('lists an order in Japanese, in Japan time', () => {
    render(<Read snapshot={snapshotOf('order-list-ja')} locale="ja" t={tJa} />);
    expect(screen.getByText('読み取った注文')).toBeTruthy();
    expect(document.querySelector('[data-field="fieldOrders"]')?.textContent).toBe('2 / 2');
    expect(document.querySelector('[data-field="fieldCancelBanner"]')?.textContent).toBe('なし');
  });

  it("says in Japanese why a field was not read, the reader's English detail kept on hover", () => {
    render(<Read snapshot={snapshotOf('order-details-ja')} locale="ja" t={tJa} />);
    const cancel = document.querySelector('[data-missing-field="buyerRequestedCancel"] small')!;
    expect(cancel.textContent).toBe('このページには表示されません（ページが読み込む別の情報から読み取ります）');
    expect(cancel.getAttribute('title')).toContain('orders API');
    expect(cancel.getAttribute('lang')).toBeNull();
    for (const small of document.querySelectorAll('[data-missing-field] small')) expect(small.textContent).toMatch(/[\u3040-\u30ff]/);
  });

  it('formats a rate with its counts', () => {
    const summary = summarise(snapshotOf('account-health-ja'), 'ja', tJa);
    expect(summary.lines.find((l) => l.label === 'fieldCancellationRate')?.value).toBe('1.06%（189件中2件）');
  });

  it('says why a page could not be read', () => {
    render(<Read snapshot={{ kind: 'unrecognized', reason: 'no orders table on this page' }} locale="en" t={tEn} />);
    expect(screen.getByTestId('read-note').textContent).toBe('Could not read this page: no orders table on this page');
  });

  it("says in Japanese that a page could not be read, the reader's reason marked as English", () => {
    render(<Read snapshot={{ kind: 'unrecognized', reason: 'no orders table on this page' }} locale="ja" t={tJa} />);
    const note = screen.getByTestId('read-note');
    expect(note.textContent).toBe('このページを読み取れませんでした。 詳細（英語）： no orders table on this page');
    expect(note.querySelector('[lang="en"]')?.textContent).toBe('no orders table on this page');
  });

  it('shows page text as text', () => {
    const snapshot: PageSnapshot = {
      kind: 'message-thread',
      subject: '<img src=x onerror="window.pwned=1">',
      messages: [{ sender: 'buyer', text: '<script>alert(1)</script>' }],
      missing: [{ field: '<b>x</b>', reason: '<i>y</i>' }],
      sources: ['dom'],
    };
    const { container } = render(<Read snapshot={snapshot} locale="en" t={tEn} />);
    expect(container.querySelector('img, script, b, i')).toBeNull();
    expect(document.querySelector('[data-field="fieldSubject"]')?.textContent).toBe('<img src=x onerror="window.pwned=1">');
  });

  it('says how many page messages it ignored, and how many responses it could not read, in both languages', () => {
    const snapshot = snapshotOf('order-details-en');
    const { unmount } = render(<Read snapshot={snapshot} locale="en-US" t={tEn} pageMessages={{ ignored: 5, unreadable: 1 }} />);
    expect(screen.getByTestId('ignored-page-messages').textContent).toBe('Page messages ignored (not from our page reader): 5');
    expect(screen.getByTestId('unreadable-order-data').textContent).toBe("Responses of Seller Central's order or message data that could not be read (not in a form the extension knows): 1");
    unmount();
    render(<Read snapshot={snapshot} locale="ja" t={tJa} pageMessages={{ ignored: 5, unreadable: 0 }} />);
    expect(screen.getByTestId('ignored-page-messages').textContent).toBe('無視したページ内のメッセージ（本拡張機能のページ読み取りからではないもの）：5 件');
    expect(screen.queryByTestId('unreadable-order-data')).toBeNull();
  });

  it('says nothing of page messages when there were none', () => {
    render(<Read snapshot={snapshotOf('order-details-en')} locale="en-US" t={tEn} pageMessages={{ ignored: 0, unreadable: 0 }} />);
    expect(screen.queryByTestId('ignored-page-messages')).toBeNull();
    expect(screen.queryByTestId('unreadable-order-data')).toBeNull();
  });

  it('shows a whole-day window as dates and a timed one with its zone', () => {
    expect(formatWindow({ earliest: '2026-11-22T15:00:00.000Z', latest: '2026-11-23T14:59:59.999Z' }, 'ja', 'Asia/Tokyo')).toBe('2026年11月23日(月)');
    expect(formatWindow({ earliest: '2021-05-19T14:45:00.000Z', latest: '2021-05-19T14:45:00.000Z' }, 'ja', 'Asia/Tokyo')).toBe('2021年5月19日(水) 23:45 JST');
    // The orders API ends its days at :59:59 without milliseconds.
    expect(formatWindow({ earliest: '2024-08-22T07:00:00.000Z', latest: '2024-08-24T06:59:59.000Z' }, 'en-US', 'America/Los_Angeles').replace(/\s/g, ' ')).toBe('Thu, Aug 22 – Fri, Aug 23, 2024');
  });

  it('offers to save the page outline only when it can, and says where it went or that it failed', async () => {
    const { unmount } = render(<Read snapshot={snapshotOf('message-thread-en')} locale="en" t={tEn} />);
    expect(screen.queryByTestId('save-outline')).toBeNull();
    unmount();

    const save = vi.fn(() => Promise.resolve('seller-sidekick-outline-message-thread-20261122-0400.json'));
    const thread = snapshotOf('message-thread-en');
    const { rerender } = render(<Read snapshot={thread} locale="en" t={tEn} onSaveOutline={save} />);
    const block = screen.getByTestId('save-outline');
    expect(block.textContent).toContain("Save the page's outline (no text)");
    expect(block.textContent).toContain('no names, addresses, messages or order numbers');
    fireEvent.click(screen.getByRole('button', { name: "Save the page's outline (no text)" }));
    expect(save).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(block.textContent).toContain('Saved seller-sidekick-outline-message-thread-20261122-0400.json to your downloads.'));
    // Another reading of the page (another page): the note is the explanation again.
    rerender(<Read snapshot={snapshotOf('message-thread-en-fba')} locale="en" t={tEn} onSaveOutline={save} />);
    expect(screen.getByTestId('save-outline').textContent).toContain('no names, addresses, messages or order numbers');
    cleanup();

    vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<Read snapshot={snapshotOf('message-thread-ja')} locale="ja" t={tJa} onSaveOutline={() => Promise.reject(new Error('the background is asleep'))} />);
    fireEvent.click(screen.getByRole('button', { name: 'ページの骨組みを保存（文字なし）' }));
    await waitFor(() => expect(screen.getByTestId('save-outline').textContent).toContain('ページの骨組みを保存できませんでした。'));
  });
});
