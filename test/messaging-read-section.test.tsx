// "What I read" on a messaging page that could not be read: the reason in the seller's language.
import { summarise } from '@/components/read-summary';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReadSection, type ReadSectionProps } from '@/components/ReadSection';
import { readPage } from '@/lib/pages/read-page';
import { parseHtml, tEn, tJa } from './helpers';

/** ReadSection with its summary made here, as the background makes it for the content script. */
const Read = (props: Omit<ReadSectionProps, 'summary'>) => <ReadSection {...props} summary={summarise(props.snapshot, props.locale, props.t)} />;

afterEach(cleanup);

const row = (text: string) => `<div id="case-messages"><div><p><b>Buyer</b> <i>Nov 5, 2026, 9:04 PM</i></p><p>${text}</p></div></div><kat-textarea></kat-textarea>`;
const twoOpen = () => readPage(parseHtml(row('first case') + row('second case')), new URL('https://sellercentral.amazon.com/messaging/inbox-v3?cc=2f6d9b1e-5c3a-4e8f-a0b7-9d1c4e6f8a25'));

describe('a messaging page that could not be read', () => {
  it('says why in Japanese, with no English detail', () => {
    render(<Read snapshot={twoOpen()} locale="ja" t={tJa} />);
    const note = screen.getByTestId('read-note').textContent ?? '';
    expect(note).toBe('このページを読み取れませんでした：会話が2つ同時に開いています。メッセージを取り違えないよう、どちらも読み取りません。');
    expect(note).not.toMatch(/[A-Za-z]/);
  });

  it('says why in English', () => {
    render(<Read snapshot={twoOpen()} locale="en-US" t={tEn} />);
    expect(screen.getByTestId('read-note').textContent).toContain('Two conversations are open at once');
  });
});
