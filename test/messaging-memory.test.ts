// What the messaging app's JSON said while the page is open (lib/pages/messaging-memory.ts): every
// body below is built from the fields the evidence names (docs/seller-central-pages.md §4, §13),
// with invented values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMessagingMemory, MAX_KEPT_CASES, MAX_LISTED_CASES } from '@/lib/pages/messaging-memory';
import { PageSnapshot, type MessageThreadSnapshot } from '@/lib/pages/snapshot';

const CASE = '2f6d9b1e-5c3a-4e8f-a0b7-9d1c4e6f8a25';
const OTHER = '71c0e5a2-9b3d-4f16-8e2a-c4d7b9015e63';
const ORDER = '114-3941689-8772232';
const caseUrl = (id = CASE) => new URL(`https://sellercentral.amazon.com/messaging/inbox-v3?fi=responseNeeded&pn=1&cc=${id}`);
const INBOX = new URL('https://sellercentral.amazon.com/messaging/inbox-v3?fi=responseNeeded');

const caseBody = (id: string, artifacts: unknown[]) => JSON.stringify({ partyCase: { caseId: id, marketplaceId: 'ATVPDKIKX0DER', caseArtifacts: artifacts, unknownField: { a: 1 } } });
const contextBody = (orderId: string) =>
  JSON.stringify({
    orderContextList: [
      {
        orderContextFields: [
          { type: 'ORDER_ID', textValue: orderId },
          { type: 'OTHER', textValue: 'x' },
        ],
      },
    ],
  });
const msg = (creator: string, createdDate: number, message: string) => ({ artifactType: 'MESSAGE', creator, createdDate, message });
const conversation = [msg('BUYER', 1_795_100_000_000, 'When will it ship?'), msg('SELLER', 1_795_110_000_000, 'Tomorrow.'), msg('BUYER', 1_795_120_000_000, 'Then please cancel it.')];
const unreadablePage = { kind: 'unrecognized', reason: 'no conversation found on the page', problem: 'messages-no-conversation' } as const;

function domThread(fields: Partial<MessageThreadSnapshot> = {}): MessageThreadSnapshot {
  return {
    kind: 'message-thread',
    marketplace: 'US',
    subject: 'Question about your order',
    messages: [{ sender: 'buyer', text: 'When will it ship?' }],
    replyPending: true,
    replyBox: { kind: 'textarea', path: 'textarea', nested: false },
    missing: [],
    sources: ['dom'],
    ...fields,
  } as MessageThreadSnapshot;
}

describe('the messaging JSON of the open page', () => {
  it('reads a conversation from the JSON alone when the page could not be read, with the order from its context', () => {
    const memory = createMessagingMemory();
    expect(memory.take(`/messaging/api/global/cases/${CASE}`, caseBody(CASE, conversation))).toEqual({ taken: 'case' });
    expect(memory.take(`/messaging/api/global/cases/${CASE}/orderContext`, contextBody(ORDER))).toEqual({ taken: 'order-context' });
    const merged = memory.merge(unreadablePage, caseUrl());
    expect(PageSnapshot.safeParse(merged).success).toBe(true);
    expect(merged).toMatchObject({ kind: 'message-thread', caseId: CASE, orderId: ORDER, marketplace: 'US', replyPending: true, sources: ['messaging-api'] });
    expect(merged.kind === 'message-thread' && merged.messages.map((m) => m.sender)).toEqual(['buyer', 'seller', 'buyer']);
  });

  it('takes the order context whichever comes first', () => {
    const memory = createMessagingMemory();
    memory.take(`/messaging/api/global/cases/${CASE}/orderContext`, contextBody(ORDER));
    memory.take(`/messaging/api/global/cases/${CASE}`, caseBody(CASE, conversation));
    expect(memory.caseData(CASE)?.orderId).toBe(ORDER);
  });

  it('leaves the page alone for another case, on the inbox, and off the messaging app', () => {
    const memory = createMessagingMemory();
    memory.take(`/messaging/api/global/cases/${CASE}`, caseBody(CASE, conversation));
    expect(memory.merge(unreadablePage, caseUrl(OTHER))).toBe(unreadablePage);
    expect(memory.merge(unreadablePage, INBOX)).toBe(unreadablePage);
    const thread = domThread({ caseId: OTHER });
    expect(memory.merge(thread, caseUrl(OTHER))).toBe(thread);
    expect(memory.merge(domThread(), new URL('https://sellercentral.amazon.com/orders-v3/order/' + ORDER))).toMatchObject({ sources: ['dom'] });
  });

  it('finds the case of a page with no case id by its order, only when one case names it', () => {
    const memory = createMessagingMemory();
    memory.take(`/messaging/api/global/cases/${CASE}`, caseBody(CASE, conversation));
    memory.take(`/messaging/api/global/cases/${CASE}/orderContext`, contextBody(ORDER));
    const page = new URL(`https://sellercentral.amazon.com/messaging/contact?orderID=${ORDER}`);
    expect(memory.merge(domThread({ orderId: ORDER }), page)).toMatchObject({ caseId: CASE, sources: ['dom', 'messaging-api'], subject: 'Question about your order' });
    // A second case for the same order: which one the page shows is not known, so neither is used.
    memory.take(`/messaging/api/global/cases/${OTHER}`, caseBody(OTHER, conversation));
    memory.take(`/messaging/api/global/cases/${OTHER}/orderContext`, contextBody(ORDER));
    expect(memory.merge(domThread({ orderId: ORDER }), page)).toMatchObject({ sources: ['dom'] });
  });

  it('names an unreadable response of the open case on its reading, and counts it as unreadable', () => {
    const memory = createMessagingMemory();
    expect(memory.take(`/messaging/api/global/cases/${CASE}`, '{"partyCase": "a string"}')).toMatchObject({ taken: 'unreadable', caseId: CASE });
    expect(memory.take(`/messaging/api/global/cases/${CASE}`, '<html>not json</html>')).toMatchObject({ taken: 'unreadable', reason: 'the response is not JSON' });
    const merged = memory.merge(domThread({ caseId: CASE }), caseUrl());
    expect(merged).toMatchObject({ sources: ['dom'], missing: [{ field: 'messagingData', why: 'unreadable', reason: 'the response is not JSON' }] });
    // Read again once a good response comes.
    memory.take(`/messaging/api/global/cases/${CASE}`, caseBody(CASE, conversation));
    expect(memory.merge(domThread({ caseId: CASE }), caseUrl())).toMatchObject({ sources: ['dom', 'messaging-api'], missing: [] });
  });

  it('ignores responses that are not the messaging app’s', () => {
    const memory = createMessagingMemory();
    expect(memory.take('/orders-api/search', '{}')).toEqual({ taken: 'not-messaging' });
    expect(memory.take('/messaging/api/global/rights', '{}')).toEqual({ taken: 'not-messaging' });
    expect(memory.size).toBe(0);
  });

  it('never puts a message the JSON does not attribute under a sender', () => {
    const memory = createMessagingMemory();
    memory.take(`/messaging/api/global/cases/${CASE}`, caseBody(CASE, [msg('SOMEONE', 1_795_100_000_000, 'Who wrote me?'), ...conversation]));
    const merged = memory.merge(domThread({ caseId: CASE }), caseUrl());
    // The page's reading is kept (its one buyer message), and the gap is named.
    expect(merged).toMatchObject({ messages: [{ sender: 'buyer', text: 'When will it ship?' }] });
    expect(merged.kind === 'message-thread' && merged.missing.some((m) => m.field === 'messages')).toBe(true);
  });

  it('keeps a case list of 500 cases and cuts a longer one, saying how many it left out', () => {
    const memory = createMessagingMemory();
    const id = (i: number) => `${String(i).padStart(8, '0')}-5c3a-4e8f-a0b7-9d1c4e6f8a25`;
    const cases = Array.from({ length: MAX_LISTED_CASES + 20 }, (_, i) => ({ caseId: id(i), marketplaceId: 'A1VC38T7YXB528', asinIds: ['B00OK1O542'] }));
    expect(memory.take('/messaging/api/global/cases', JSON.stringify({ cases: [...cases, { caseId: 'not-a-uuid' }, 42] }))).toEqual({ taken: 'cases' });
    expect(memory.caseList()?.cases).toHaveLength(MAX_LISTED_CASES);
    expect(memory.caseList()?.skipped).toBe(22);
    expect(memory.caseList()?.cases[0]).toMatchObject({ marketplace: 'JP' });
  });

  it('keeps at most MAX_KEPT_CASES cases, the most recently seen', () => {
    const memory = createMessagingMemory();
    const id = (i: number) => `${String(i).padStart(8, '0')}-5c3a-4e8f-a0b7-9d1c4e6f8a25`;
    for (let i = 0; i < MAX_KEPT_CASES + 5; i++) memory.take(`/messaging/api/global/cases/${id(i)}`, caseBody(id(i), conversation));
    expect(memory.caseData(id(0))).toBeUndefined();
    expect(memory.caseData(id(MAX_KEPT_CASES + 4))).toBeDefined();
  });

  it('keeps HTML in a message as text and a 200 KB message cut with a note', () => {
    const memory = createMessagingMemory();
    const long = 'x'.repeat(200_000);
    memory.take(`/messaging/api/global/cases/${CASE}`, caseBody(CASE, [msg('BUYER', 1_795_100_000_000, '<img src=x onerror=alert(1)> is this <b>real</b>?'), msg('BUYER', 1_795_200_000_000, long)]));
    const merged = memory.merge(unreadablePage, caseUrl());
    expect(merged.kind === 'message-thread' && merged.messages[0]!.text).toBe('<img src=x onerror=alert(1)> is this <b>real</b>?');
    expect(merged.kind === 'message-thread' && merged.messages[1]!.text.length).toBeLessThanOrEqual(20_000);
    expect(PageSnapshot.safeParse(merged).success).toBe(true);
  });

  it('never throws and always gives a snapshot that fits its schema, whatever the bodies', () => {
    const paths = fc.constantFrom('/messaging/api/global/cases', `/messaging/api/global/cases/${CASE}`, `/messaging/api/global/cases/${CASE}/orderContext`, '/messaging/api/global/topics');
    const bodies = fc.oneof(
      fc.string(),
      fc.json(),
      fc.anything().map((v) => JSON.stringify(v) ?? 'null'),
      fc.constant(caseBody(CASE, conversation)),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(paths, bodies), { maxLength: 8 }), (responses) => {
        const memory = createMessagingMemory();
        for (const [path, body] of responses) memory.take(path, body);
        for (const page of [unreadablePage, domThread({ caseId: CASE })]) {
          const merged = memory.merge(page, caseUrl());
          expect(PageSnapshot.safeParse(merged).success).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
