// The messaging app's own JSON (lib/pages/messaging-api.ts). The bodies below are built from the
// fields the evidence names (docs/seller-central-pages.md §4, §13); every value is invented.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeMessageThread, parseMessagingApi, textOf, withOrderContext, type CaseData } from '@/lib/pages/messaging-api';
import { readPage } from '@/lib/pages/read-page';
import { MessageThreadSnapshot, PageSnapshot, type MessageThreadSnapshot as Thread } from '@/lib/pages/snapshot';
import { summarise } from '@/components/read-summary';
import { loadFixture, parseHtml, tEn, tJa } from './helpers';

const CASE = '2f6d9b1e-5c3a-4e8f-a0b7-9d1c4e6f8a25';
const OTHER = '71c0e5a2-9b3d-4f16-8e2a-c4d7b9015e63';
const casePath = (id = CASE) => `/messaging/api/global/cases/${id}`;

function artifact(fields: Record<string, unknown>) {
  return { artifactType: 'MESSAGE', caseArtifactId: 'a1', topicId: 'T1', attachments: [], draftAttachments: [], formattedDate: 'Nov 21', ...fields };
}

function caseBody(artifacts: unknown[], extra: Record<string, unknown> = {}) {
  return {
    partyCase: {
      caseId: CASE,
      marketplaceId: 'ATVPDKIKX0DER',
      buyerName: 'Emily',
      buyerLop: 'en_US',
      isOverSla: false,
      actionNeeded: true,
      asinIds: ['B00OK1O542'],
      caseArtifacts: artifacts,
      somethingNew: { nested: [1, 2, 3] },
      ...extra,
    },
    anotherTopLevelField: 'kept out',
  };
}

function caseOf(body: unknown): CaseData {
  const result = parseMessagingApi(casePath(), body);
  if (!result?.ok || result.payload.kind !== 'case') throw new Error(`not a case: ${JSON.stringify(result)}`);
  return result.payload.case;
}

const conversation = [
  artifact({ creator: 'BUYER', isRequestedPartySender: false, createdDate: 1_795_100_000_000, message: 'When will it ship?' }),
  artifact({ creator: 'SELLER', isRequestedPartySender: true, createdDate: 1_795_110_000_000, message: 'Tomorrow.<br/>Best regards' }),
  artifact({ creator: 'BUYER', isRequestedPartySender: false, createdDate: 1_795_120_000_000, message: 'Then please cancel it.' }),
];

describe('reading the case JSON', () => {
  it('reads the evidenced fields and accepts fields it does not know', () => {
    const data = caseOf(caseBody(conversation));
    expect(data).toMatchObject({ caseId: CASE, marketplace: 'US', buyerLop: 'en_US', isOverSla: false, missing: [] });
    expect(data.messages).toEqual([
      { sender: 'buyer', time: '2026-11-19T14:53:20.000Z', text: 'When will it ship?' },
      { sender: 'seller', time: '2026-11-19T17:40:00.000Z', text: 'Tomorrow.\nBest regards' },
      { sender: 'buyer', time: '2026-11-19T20:26:40.000Z', text: 'Then please cancel it.' },
    ]);
  });

  it('never makes the buyer from isRequestedPartySender alone (false may be Amazon), and says so', () => {
    const data = caseOf(caseBody([artifact({ isRequestedPartySender: false, createdDate: 1_795_100_000_000, message: 'Who wrote me?' })]));
    expect(data.messages).toEqual([{ time: '2026-11-19T14:53:20.000Z', text: 'Who wrote me?' }]);
    expect(data.missing).toContainEqual(expect.objectContaining({ field: 'messages[0]', why: 'unreadable' }));
  });

  it('takes isRequestedPartySender: true for the seller, and refuses a creator that contradicts it', () => {
    const data = caseOf(
      caseBody([
        artifact({ isRequestedPartySender: true, createdDate: 1_795_100_000_000, message: 'sent by us' }),
        artifact({ creator: 'BUYER', isRequestedPartySender: true, createdDate: 1_795_110_000_000, message: 'contradiction' }),
        artifact({ creator: 'Amazon', createdDate: 1_795_120_000_000, message: 'a notice' }),
      ]),
    );
    expect(data.messages.map((m) => m.sender)).toEqual(['seller', undefined, 'amazon']);
    expect(data.missing).toContainEqual(expect.objectContaining({ field: 'messages[1]', reason: expect.stringContaining('disagree') }));
  });

  it('reads createdDate in epoch milliseconds, epoch seconds or ISO 8601, and nothing else', () => {
    const data = caseOf(
      caseBody([
        artifact({ creator: 'BUYER', createdDate: 1_795_100_000, message: 'a' }),
        artifact({ creator: 'BUYER', createdDate: '2026-11-19T16:00:00+01:00', message: 'b' }),
        artifact({ creator: 'BUYER', createdDate: 'yesterday', message: 'c' }),
      ]),
    );
    expect(data.messages.map((m) => m.time)).toEqual(['2026-11-19T14:53:20.000Z', '2026-11-19T15:00:00.000Z', undefined]);
    expect(data.missing).toContainEqual(expect.objectContaining({ field: 'messages[2].time' }));
  });

  it('puts the messages in time order, whatever the order of the array', () => {
    const data = caseOf(caseBody([...conversation].reverse()));
    expect(data.messages.map((m) => m.text)).toEqual(['When will it ship?', 'Tomorrow.\nBest regards', 'Then please cancel it.']);
  });

  it('keeps a message as text: layout markup becomes line breaks, anything else stays as written', () => {
    expect(textOf('Hello,<br>please <b>cancel</b> &amp; refund<p>Thanks</p>')).toBe('Hello,\nplease <b>cancel</b> & refund\nThanks');
    expect(textOf('<img src=x onerror="alert(1)"> 2 < 3')).toBe('<img src=x onerror="alert(1)"> 2 < 3');
  });

  it('cuts a 200 KB message at 20,000 characters and says so', () => {
    const data = caseOf(caseBody([artifact({ creator: 'BUYER', createdDate: 1_795_100_000_000, message: 'x'.repeat(200_000) })]));
    expect(data.messages[0]!.text).toHaveLength(20_000);
    expect(data.missing).toContainEqual(expect.objectContaining({ field: 'messages[0].text' }));
  });

  it('skips artifacts that are not messages, and names the ones of an unknown shape', () => {
    const data = caseOf(caseBody([artifact({ artifactType: 'STATUS_CHANGE', message: null }), 'not an object', artifact({ creator: 7, message: 'x' })]));
    expect(data.messages).toEqual([]);
    expect(data.missing.map((m) => m.field)).toEqual(['messages[1]', 'messages[2]']);
  });

  it('says what is missing: no marketplace, no artifacts', () => {
    const data = caseOf({ partyCase: { caseId: CASE } });
    expect(data.missing.map((m) => m.field)).toEqual(['marketplace', 'messages']);
  });
});

describe('the other responses, and bodies of unknown shapes', () => {
  it('reads the order from the order context', () => {
    const body = {
      orderContextList: [
        {
          isMFNOrder: true,
          orderContextFields: [
            { type: 'ASIN', textValue: 'B00OK1O542' },
            { type: 'ORDER_ID', textValue: '113-5520871-0394417' },
          ],
          productContextFields: [],
        },
      ],
    };
    expect(parseMessagingApi(`${casePath()}/orderContext`, body)).toEqual({ ok: true, payload: { kind: 'order-context', caseId: CASE, orderId: '113-5520871-0394417', missing: [] } });
    const none = parseMessagingApi(`${casePath()}/orderContext`, { orderContextList: [] });
    expect(none).toMatchObject({ ok: true, payload: { missing: [{ field: 'orderId', why: 'not-found' }] } });
    const two = {
      orderContextList: [
        {
          orderContextFields: [
            { type: 'ORDER_ID', textValue: '113-5520871-0394417' },
            { type: 'ORDER_ID', textValue: '114-3941689-8772232' },
          ],
        },
      ],
    };
    expect(parseMessagingApi(`${casePath()}/orderContext`, two)).toMatchObject({ ok: true, payload: { missing: [{ field: 'orderId', why: 'unreadable' }] } });
  });

  it('reads a list of 500 cases and counts the entries it could not read', () => {
    const cases = Array.from({ length: 500 }, (_, i) =>
      i % 50 === 0 ? { caseId: 'nope' } : { caseId: `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`, marketplaceId: 'A1VC38T7YXB528', asinIds: ['B00OK1O542', 'bad'] },
    );
    const result = parseMessagingApi('/messaging/api/global/cases', { cases, displayLanguage: 'ja_JP' });
    expect(result).toMatchObject({ ok: true, payload: { kind: 'cases', skipped: 10 } });
    if (result?.ok && result.payload.kind === 'cases') expect(result.payload.cases[0]).toEqual({ caseId: '00000001-0000-4000-8000-000000000000', marketplace: 'JP', asins: ['B00OK1O542'] });
  });

  it('gives a reason for a body of an unknown shape, and ignores paths it does not read', () => {
    for (const body of [null, 'text', [], { partyCase: 'no' }, { partyCase: { caseId: 42 } }]) {
      const result = parseMessagingApi(casePath(), body);
      expect(result?.ok, JSON.stringify(body)).toBe(false);
      if (result && !result.ok) expect(result.reason.length).toBeGreaterThan(10);
    }
    expect(parseMessagingApi(casePath(), { partyCase: { caseId: OTHER } })).toMatchObject({ ok: false, reason: expect.stringContaining('another case') });
    expect(parseMessagingApi('/messaging/api/global/cases', { cases: 'all' })).toMatchObject({ ok: false });
    expect(parseMessagingApi(`${casePath()}/responsetemplates`, {})).toBeUndefined();
    expect(parseMessagingApi('/orders-api/order/113-5520871-0394417', {})).toBeUndefined();
  });

  it('never throws, whatever the body', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(casePath(), `${casePath()}/orderContext`, '/messaging/api/global/cases'), (body, path) => {
        expect(() => parseMessagingApi(path, body)).not.toThrow();
        expect(() => parseMessagingApi(path, { partyCase: { caseId: CASE, caseArtifacts: [body, artifact({ message: body })] } })).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('JSON wins over the DOM', () => {
  const threePane = () => readPage(loadFixture('message-thread-en-three-pane').doc, new URL(`https://sellercentral.amazon.com/messaging/inbox-v3?fi=responseNeeded&pn=1&cc=${CASE}`)) as Thread;
  const withOrder = (data: CaseData, orderId = '113-5520871-0394417') => withOrderContext(data, { caseId: CASE, orderId, missing: [] });

  it('takes the order, the marketplace and the messages from the JSON and keeps the subject and the reply box from the page', () => {
    const dom = threePane();
    const merged = mergeMessageThread(dom, withOrder(caseOf(caseBody(conversation)), '113-0000000-0000001'));
    expect(MessageThreadSnapshot.safeParse(merged).success).toBe(true);
    expect(merged).toMatchObject({
      kind: 'message-thread',
      orderId: '113-0000000-0000001',
      caseId: CASE,
      subject: dom.subject,
      replyBox: dom.replyBox,
      replyPending: true,
      sources: ['dom', 'messaging-api'],
    });
    expect((merged as Thread).messages.map((m) => m.text)).toEqual(['When will it ship?', 'Tomorrow.\nBest regards', 'Then please cancel it.']);
    expect(summarise(merged, 'en', tEn).note).toBe("Read from the page and from the messaging app's own data.");
  });

  it('leaves the page alone for another case', () => {
    const dom = threePane();
    const other = { ...caseOf(caseBody(conversation)), caseId: OTHER };
    expect(mergeMessageThread(dom, other)).toBe(dom);
  });

  it('matches a page with no case in its URL by the order', () => {
    const dom = readPage(loadFixture('message-thread-en-three-pane').doc, new URL('https://sellercentral.amazon.com/messaging/inbox-v3')) as Thread;
    expect(dom.caseId).toBeUndefined();
    expect(mergeMessageThread(dom, withOrder(caseOf(caseBody(conversation))))).toMatchObject({ sources: ['dom', 'messaging-api'] });
    expect(mergeMessageThread(dom, caseOf(caseBody(conversation)))).toBe(dom); // no order in the JSON yet: cannot tell
  });

  it('takes a sender the JSON does not give from the same words on the page, and keeps the page when still unknown', () => {
    const dom = threePane();
    const unnamed = caseOf(
      caseBody([
        artifact({ createdDate: 1_795_100_000_000, message: 'Hi, when will my sandals ship? I need them before my trip on the 30th.' }),
        artifact({ createdDate: 1_795_120_000_000, message: 'That is too late for me. Then please cancel it.' }),
      ]),
    );
    const merged = mergeMessageThread(dom, withOrder(unnamed)) as Thread;
    expect(merged.messages.map((m) => m.sender)).toEqual(['buyer', 'buyer']);
    const unknown = caseOf(caseBody([artifact({ createdDate: 1_795_100_000_000, message: 'words the page does not show' })]));
    const kept = mergeMessageThread(dom, withOrder(unknown)) as Thread;
    expect(kept.messages).toEqual(dom.messages);
    expect(kept.missing).toContainEqual(expect.objectContaining({ field: 'messages', why: 'unreadable' }));
  });

  it('reads a conversation from the JSON alone when the page (of an unknown shape) could not be read', () => {
    const url = new URL(`https://sellercentral.amazon.com/messaging/inbox-v3?cc=${CASE}`);
    const dom = readPage(parseHtml('<div class="app-root"><div>Loading…</div></div>'), url);
    expect(dom.kind).toBe('unrecognized');
    const merged = mergeMessageThread(dom as never, withOrder(caseOf(caseBody(conversation))), url);
    expect(PageSnapshot.safeParse(merged).success).toBe(true);
    expect(merged).toMatchObject({ kind: 'message-thread', orderId: '113-5520871-0394417', replyPending: true, sources: ['messaging-api'] });
    expect(summarise(merged, 'ja', tJa).note).toBe('メッセージ画面自身のデータから読み取りました（ページ自体は読み取れませんでした）。');
    // Not for a case the URL does not open.
    expect(mergeMessageThread(dom as never, withOrder(caseOf(caseBody(conversation))), new URL('https://sellercentral.amazon.com/messaging/inbox-v3'))).toBe(dom);
  });
});
