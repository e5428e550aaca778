// Inbox triage (lib/guidance/triage.ts) with the shipped classifier, the watch record an inbox row
// leaves for the badge (lib/watch.ts observeInboxCase), and the messaging JSON's part in an inbox.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import demo from '@/demo/pages.json';
import { classify } from '@/lib/classify/classify';
import type { Classification } from '@/lib/classify/types';
import { MAX_TRIAGED, triage, triageInputs } from '@/lib/guidance/triage';
import { createMessagingMemory } from '@/lib/pages/messaging-memory';
import { readPage } from '@/lib/pages/read-page';
import { PageSnapshot, type MessageInboxSnapshot } from '@/lib/pages/snapshot';
import { EMPTY_HANDLED, urgentOrders } from '@/lib/urgency';
import { INBOX_KEY, observeInboxCase, observeThread, OrderWatch } from '@/lib/watch';
import { DEMO_NOW, fillDemoDates, parseHtml } from './helpers';

function inboxOf(id: string): MessageInboxSnapshot {
  const page = demo.pages.find((p) => p.id === id)!;
  const snapshot = readPage(parseHtml(fillDemoDates(readFileSync(`demo/pages/${page.file}`, 'utf8'), DEMO_NOW)), new URL(page.url));
  if (snapshot.kind !== 'message-inbox') throw new Error(`not an inbox: ${JSON.stringify(snapshot)}`);
  return snapshot;
}

const classifyAll = (inbox: MessageInboxSnapshot) => triageInputs(inbox).map(({ index, input }) => ({ index, classification: classify(input) }));

const inbox = (cases: MessageInboxSnapshot['cases']): MessageInboxSnapshot => ({ kind: 'message-inbox', marketplace: 'US', cases, missing: [], sources: ['dom'], responseNeededView: true });

describe('inbox triage', () => {
  it('puts the counterfeit complaint first, then the cancellation, then the question (English demo inbox)', () => {
    const page = inboxOf('message-inbox-en');
    expect(page.responseNeededView).toBe(true);
    const items = triage(page, classifyAll(page));
    expect(items.map((i) => [i.kind, i.orderId])).toEqual([
      ['counterfeit', '112-5567012-3390641'],
      ['cancellation', '114-3941689-8772232'],
      ['product-question', '111-4408215-7730962'],
    ]);
    expect(items[0]).toMatchObject({ rank: 0, caseId: 'c41e7a08-5d92-4b3f-a6e1-0f8d2b7c9e54' });
  });

  it('puts the damaged item first in the Japanese demo inbox', () => {
    const page = inboxOf('message-inbox-ja');
    const items = triage(page, classifyAll(page));
    expect(items.map((i) => i.kind)).toEqual(['complaint', 'cancellation']);
  });

  it("never calls a row Amazon's official request, whatever it says", () => {
    const official = inbox([
      {
        title: 'Order cancellation request from Amazon customer Jane',
        preview: 'The buyer has requested that the order be cancelled. To cancel the order, go to Manage Orders.',
        orderId: '114-3941689-8772232',
        resolved: false,
        source: 'dom',
      },
    ]);
    const items = triage(official, classifyAll(official));
    expect(items).toHaveLength(1);
    expect(items[0]!.intent).not.toBe('cancel-request');
    expect(items[0]!.kind).toBe('cancellation');
  });

  it('leaves out resolved rows and rows without text, and classifies the first MAX_TRIAGED only', () => {
    const rows = Array.from({ length: MAX_TRIAGED + 10 }, (_, i) => ({ preview: `Where is my parcel number ${i}?`, resolved: i === 0, source: 'dom' as const }));
    const page = inbox([{ resolved: false, source: 'dom' }, ...rows]);
    const wanted = triageInputs(page);
    expect(wanted).toHaveLength(MAX_TRIAGED);
    expect(wanted[0]!.index).toBe(2);
    expect(wanted.every(({ input }) => input.sender === 'buyer')).toBe(true);
  });

  it('sends the title as the subject only when a preview follows it', () => {
    const page = inbox([
      { title: 'Inquiry from Amazon customer Jane', preview: 'Where is it?', resolved: false, source: 'dom' },
      { title: 'Jane', resolved: false, source: 'dom' },
    ]);
    expect(triageInputs(page).map((w) => w.input)).toEqual([
      { subject: 'Inquiry from Amazon customer Jane', body: 'Where is it?', sender: 'buyer', marketplace: 'US' },
      { body: 'Jane', sender: 'buyer', marketplace: 'US' },
    ]);
  });

  it('ignores classifications of rows it does not have, and marks an unsure one', () => {
    const page = inbox([{ preview: 'hmm', resolved: false, source: 'dom' }]);
    const unsure: Classification = { ...classify({ body: 'hmm' }), intent: 'other', unsure: true };
    const items = triage(page, [
      { index: 0, classification: unsure },
      { index: 7, classification: unsure },
    ]);
    expect(items).toEqual([expect.objectContaining({ index: 0, kind: 'unsure', rank: 3 })]);
  });
});

describe('an inbox row on the badge', () => {
  const NOW = DEMO_NOW.getTime();
  const complaint = classify({ body: 'This is not the original. It is clearly a fake.', sender: 'buyer' });

  it('counts an unanswered counterfeit complaint from its row, before the conversation is opened', () => {
    const watch = observeInboxCase(undefined, { orderId: '112-5567012-3390641', marketplace: 'US' }, complaint, NOW);
    expect(OrderWatch.safeParse(watch).success).toBe(true);
    expect(watch.messages).toEqual([expect.objectContaining({ key: INBOX_KEY, sender: 'buyer', intent: 'counterfeit', answered: false })]);
    expect(urgentOrders([watch], EMPTY_HANDLED, { replyDueHours: 12 }, NOW).map((o) => o.orderId)).toEqual(['112-5567012-3390641']);
  });

  it('gives way to the conversation once it is read (answered there: no longer counted)', () => {
    const fromRow = observeInboxCase(undefined, { orderId: '112-5567012-3390641' }, complaint, NOW);
    const thread = {
      kind: 'message-thread' as const,
      orderId: '112-5567012-3390641',
      messages: [
        { sender: 'buyer' as const, text: 'This is not the original. It is clearly a fake.', time: '2026-11-20T10:00:00.000Z' },
        { sender: 'seller' as const, text: 'We are sorry; a replacement is on its way.', time: '2026-11-20T12:00:00.000Z' },
      ],
      missing: [],
      sources: ['dom' as const],
    };
    const read = observeThread(fromRow, thread, [{ index: 0, classification: complaint }], NOW);
    expect(read.messages.map((m) => m.key)).toEqual(['buyer:2026-11-20T10:00:00.000Z']);
    expect(urgentOrders([read], EMPTY_HANDLED, { replyDueHours: 12 }, NOW)).toEqual([]);
    // A row seen again later does not undo what the conversation said, unless the buyer wrote again.
    const again = observeInboxCase(read, { orderId: '112-5567012-3390641' }, complaint, NOW);
    expect(again.messages.some((m) => m.key === INBOX_KEY)).toBe(true);
  });

  it('keeps a conversation that still waits for an answer as it is', () => {
    const thread = {
      kind: 'message-thread' as const,
      orderId: '112-5567012-3390641',
      messages: [{ sender: 'buyer' as const, text: 'Fake!', time: '2026-11-20T10:00:00.000Z' }],
      missing: [],
      sources: ['dom' as const],
    };
    const read = observeThread(undefined, thread, [{ index: 0, classification: complaint }], NOW);
    const row = observeInboxCase(read, { orderId: '112-5567012-3390641' }, classify({ body: 'Thanks!', sender: 'buyer' }), NOW);
    expect(row.messages).toEqual(read.messages);
  });
});

describe("the messaging app's JSON on an inbox", () => {
  const CASE = 'c41e7a08-5d92-4b3f-a6e1-0f8d2b7c9e54';
  const LISTED = '0d3f5a71-2c84-4e96-b1a7-93e6c2d0f418';

  it("takes a loaded case's latest buyer message and order over its row, and adds listed cases the page does not show", () => {
    const memory = createMessagingMemory();
    memory.take(
      `/messaging/api/global/cases/${CASE}`,
      JSON.stringify({
        partyCase: { caseId: CASE, marketplaceId: 'ATVPDKIKX0DER', caseArtifacts: [{ creator: 'BUYER', createdDate: 1_795_100_000, message: 'It is a fake, I want my money back.' }] },
      }),
    );
    memory.take(
      '/messaging/api/global/cases',
      JSON.stringify({
        cases: [
          { caseId: CASE, marketplaceId: 'ATVPDKIKX0DER' },
          { caseId: LISTED, marketplaceId: 'ATVPDKIKX0DER' },
        ],
      }),
    );
    memory.take(`/messaging/api/global/cases/${LISTED}/orderContext`, JSON.stringify({ orderContextList: [{ orderContextFields: [{ type: 'ORDER_ID', textValue: '113-7788990-1122334' }] }] }));
    const page = inboxOf('message-inbox-en');
    const merged = memory.merge(page, new URL(demo.pages.find((p) => p.id === 'message-inbox-en')!.url));
    expect(PageSnapshot.safeParse(merged).success).toBe(true);
    if (merged.kind !== 'message-inbox') throw new Error('not an inbox');
    expect(merged.sources).toEqual(['dom', 'messaging-api']);
    expect(merged.cases).toHaveLength(4);
    expect(merged.cases![1]).toMatchObject({ caseId: CASE, preview: 'It is a fake, I want my money back.', source: 'messaging-api' });
    expect(merged.cases![3]).toEqual({ caseId: LISTED, orderId: '113-7788990-1122334', resolved: false, source: 'messaging-api' });
  });

  it('leaves the inbox as read when no JSON was seen', () => {
    const page = inboxOf('message-inbox-en');
    expect(createMessagingMemory().merge(page, new URL('https://sellercentral.amazon.com/messaging/inbox-v3?fi=responseNeeded'))).toBe(page);
  });
});

describe('a row never sets the official request', () => {
  it('records a cancellation row as an inquiry, even under the subject Amazon gives official requests', () => {
    const classification = classify({ subject: 'Order cancellation request from Amazon customer Jane', body: 'The buyer has requested that the order be cancelled.', sender: 'buyer' });
    const watch = observeInboxCase(undefined, { orderId: '114-3941689-8772232' }, classification, DEMO_NOW.getTime());
    expect(watch.messages[0]!.intent).toBe('cancel-inquiry');
    expect(watch.buyerRequestedCancel).toBeUndefined();
  });
});
