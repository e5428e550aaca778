import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReplyComposer, ReplyPicker, TypingGuard } from '@/components/ReplyComposer';
import { resolveTemplate } from '@/utils/background/requests';
import { buyerNameFromSubject, compose as composeWith } from '@/lib/templates/compose';
import { readPage } from '@/lib/pages/read-page';
import { DEFAULT_USER_SETTINGS } from '@/lib/settings';
import { EMPTY_COLLECTION } from '@/lib/templates/user-templates';
import { fill } from '@/lib/templates/fill';
import { checkReply } from '@/lib/templates/guard';
import { observeOrder } from '@/lib/watch';
import { loadFixture, tEn, tJa } from './helpers';

afterEach(cleanup);

const settings = { ...DEFAULT_USER_SETTINGS, storeName: 'Kumo Craft Store', sellerName: 'Aiko' };

/** As the content script does: the template from the background's resolver, then filled here. */
function compose(
  id: string,
  chosen: Parameters<typeof composeWith>[2],
  snapshot: Parameters<typeof composeWith>[3],
  userSettings: typeof settings,
  messageLanguage: Parameters<typeof composeWith>[5],
  collection: Parameters<typeof resolveTemplate>[1],
  memory?: Parameters<typeof composeWith>[6],
) {
  const template = resolveTemplate(id, collection);
  return template ? composeWith(id, template, chosen, snapshot, userSettings, messageLanguage, memory) : undefined;
}

describe('composing a reply from the page', () => {
  it("reads the buyer's name from Amazon's subject line, and nothing from other subjects", () => {
    expect(buyerNameFromSubject('Inquiry from Amazon customer Jane')).toBe('Jane');
    expect(buyerNameFromSubject('Order cancellation request from Amazon customer Tom Baker (Order: 114-6230981-5520617)')).toBe('Tom Baker');
    expect(buyerNameFromSubject('山田 花子様からのお問い合わせです')).toBe('山田 花子');
    expect(buyerNameFromSubject('Thank you!')).toBeUndefined();
    expect(buyerNameFromSubject('<img src=x>'.repeat(1000))).toBeUndefined();
  });

  it("on the English thread: English, the order id and the buyer's name filled", () => {
    const { doc, url } = loadFixture('message-thread-en');
    const snapshot = readPage(doc, url);
    const c = compose('cancel-how-to-request', undefined, snapshot, settings, 'en', EMPTY_COLLECTION)!;
    expect(c.language).toBe('en');
    expect(c.hasReplyBox).toBe(true);
    expect(c.filled.text).toContain('order 114-3941689-8772232');
    expect(c.filled.text).toContain('Aiko\nKumo Craft Store');
    expect(c.filled.text).toContain('Dear Jane,');
    expect(c.filled.missing).toEqual([]);
    expect(c.problems).toEqual([]);
  });

  it("follows the buyer's language, and the seller can switch it", () => {
    const { doc, url } = loadFixture('message-thread-de-counterfeit');
    const snapshot = readPage(doc, url);
    expect(compose('complaint-acknowledge', undefined, snapshot, settings, 'de', EMPTY_COLLECTION)!.language).toBe('de');
    expect(compose('complaint-acknowledge', undefined, snapshot, settings, undefined, EMPTY_COLLECTION)!.language).toBe('de'); // the marketplace
    expect(compose('complaint-acknowledge', 'ja', snapshot, settings, 'de', EMPTY_COLLECTION)!.filled.text).toContain('仕入先に確認しております');
  });

  it('on an order page: tracking, carrier, product and ship-by filled; no reply box to insert into', () => {
    const { doc, url } = loadFixture('order-details-ja');
    const c = compose('tracking-info', undefined, readPage(doc, url), settings, undefined, EMPTY_COLLECTION)!;
    expect(c.language).toBe('ja');
    expect(c.filled.text).toContain('追跡番号は 4401-2233-5566');
    expect(c.hasReplyBox).toBe(false);
  });

  it('on a thread page: the product, parcel and ship-by the order page showed, from memory, for that order only', () => {
    const order = readPage(loadFixture('order-details-ja').doc, loadFixture('order-details-ja').url);
    if (order.kind !== 'order-details') throw new Error('fixture');
    const thread = readPage(loadFixture('message-thread-ja').doc, loadFixture('message-thread-ja').url);
    if (thread.kind !== 'message-thread' || !thread.orderId) throw new Error('fixture');
    const memory = observeOrder(undefined, { ...order, orderId: thread.orderId }, Date.parse('2026-11-22T00:00:00Z'));
    expect(memory.product?.title).toBe(order.items[0]!.title);
    const withMemory = compose('tracking-info', undefined, thread, settings, 'ja', EMPTY_COLLECTION, memory)!;
    expect(withMemory.filled.text).toContain('追跡番号は 4401-2233-5566');
    expect(withMemory.filled.missing).not.toContain('trackingNumber');
    const complaint = compose('complaint-acknowledge', undefined, thread, settings, 'ja', EMPTY_COLLECTION, memory)!;
    expect(complaint.filled.text).toContain(`「${order.items[0]!.title}」`);
    expect(complaint.filled.missing).not.toContain('productTitle');
    // Another order's memory is not used.
    const other = compose('tracking-info', undefined, thread, settings, 'ja', EMPTY_COLLECTION, { ...memory, orderId: '111-1111111-1111111' })!;
    expect(other.filled.missing).toContain('trackingNumber');
  });

  it("uses the seller's edit of a built-in template", () => {
    const { doc, url } = loadFixture('message-thread-en');
    const collection = {
      version: 1 as const,
      templates: [
        {
          id: 'edit-cancel-how-to-request',
          name: 'x',
          replaces: 'cancel-how-to-request' as const,
          audience: 'buyer' as const,
          body: { en: 'Hi! Order {orderId}: please use Your Orders.' },
          updatedAt: '2026-11-22T00:00:00.000Z',
        },
      ],
    };
    expect(compose('cancel-how-to-request', undefined, readPage(doc, url), settings, 'en', collection)!.filled.text).toBe('Hi! Order 114-3941689-8772232: please use Your Orders.');
  });
});

describe('ReplyComposer', () => {
  const filled = fill('Dear {buyerName}, order {orderId}. 😊', { orderId: '114-3941689-8772232' }, 'en');

  it('shows the text with the blanks marked, the rule problems, and one button to insert', () => {
    const onInsert = vi.fn();
    const onLanguage = vi.fn();
    render(
      <ReplyComposer
        templateId="cancel-how-to-request"
        title="How to request a cancellation"
        language="en"
        filled={filled}
        problems={checkReply(filled.text)}
        hasReplyBox={true}
        onLanguage={onLanguage}
        onInsert={onInsert}
        onClose={() => {}}
        t={tEn}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Reply: How to request a cancellation' })).toBeTruthy();
    expect(screen.getByTestId('reply-preview').textContent).toBe('Dear [buyer name], order 114-3941689-8772232. 😊');
    expect(screen.getByText('[buyer name]', { selector: 'mark' }).getAttribute('data-blank')).toBe('buyerName');
    expect(screen.getByText('1 blanks to fill in yourself (marked).')).toBeTruthy();
    expect(within(screen.getByRole('alert')).getByText('Emoji are not allowed')).toBeTruthy();
    const group = screen.getByRole('group', { name: 'Reply language' });
    expect(within(group).getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(group).getByRole('button', { name: 'German' }));
    expect(onLanguage).toHaveBeenCalledWith('de');
    fireEvent.click(screen.getByRole('button', { name: 'Insert into the reply box' }));
    expect(onInsert).toHaveBeenCalledOnce();
  });

  it('offers to copy where there is no reply box, in Japanese', () => {
    render(
      <ReplyComposer
        templateId="tracking-info"
        title="追跡番号のお知らせ"
        language="ja"
        filled={filled}
        problems={[]}
        hasReplyBox={false}
        status="コピーしました"
        onLanguage={() => {}}
        onInsert={() => {}}
        onClose={() => {}}
        t={tJa}
      />,
    );
    expect(screen.getByRole('button', { name: '返信をコピー' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('コピーしました');
  });
});

describe('the picker and the typing guard', () => {
  it('offers every reply and opens the one chosen', () => {
    const onPick = vi.fn();
    render(
      <ReplyPicker
        options={[
          { value: 'tracking-info', label: 'Tracking information' },
          { value: 'mine-1', label: 'Thanks' },
        ]}
        onPick={onPick}
        t={tEn}
      />,
    );
    const picker = screen.getByRole('combobox', { name: 'All replies' });
    fireEvent.change(picker, { target: { value: 'mine-1' } });
    expect(onPick).toHaveBeenCalledWith('mine-1');
    expect(screen.getByText('Alt+Shift+R: choose a reply')).toBeTruthy();
  });

  it('lists what the seller typed against the rules, and nothing when it is fine', () => {
    const { container } = render(<TypingGuard problems={checkReply('Call me: 03-1234-5678 😊')} t={tJa} />);
    expect([...container.querySelectorAll('[data-guard-rule]')].map((li) => li.getAttribute('data-guard-rule'))).toEqual(['off-amazon-contact', 'phone-number', 'emoji']);
    expect(screen.getByRole('alert').textContent).toContain('電話番号の記載は禁止されています');
    cleanup();
    const quiet = render(<TypingGuard problems={[]} t={tEn} />);
    expect(quiet.container.textContent).toBe('');
  });

  it("composes one of the seller's own templates by its id", () => {
    const { doc, url } = loadFixture('message-thread-en');
    const collection = {
      version: 1 as const,
      templates: [{ id: 'mine-1', name: 'Thanks', audience: 'buyer' as const, body: { en: 'Thanks for order {orderId}!' }, updatedAt: '2026-11-22T00:00:00.000Z' }],
    };
    const c = compose('mine-1', undefined, readPage(doc, url), settings, 'en', collection)!;
    expect(c.ownName).toBe('Thanks');
    expect(c.filled.text).toBe('Thanks for order 114-3941689-8772232!');
    expect(compose('nope', undefined, readPage(doc, url), settings, 'en', collection)).toBeUndefined();
  });
});
