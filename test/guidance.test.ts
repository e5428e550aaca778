// Rule tables for lib/guidance: each finding fires where its case says and not elsewhere, with
// fixed clocks in the marketplace's time zone (DST included) and real classifier output.
import { describe, expect, it } from 'vitest';
import { classify } from '@/lib/classify/classify';
import { MODEL_EVIDENCE, type Classification, type Intent } from '@/lib/classify/types';
import { INTENTS } from '@/lib/classify/types';
import { addressConcerns } from '@/lib/guidance/address';
import { advise, FINDING_RULES, INTENT_FINDINGS, visibleFindings, type AdviceInput } from '@/lib/guidance/advise';
import { dayKey, timeLeft } from '@/lib/time';
import { FINDING_IDS, type Finding } from '@/lib/guidance/types';
import type { AccountHealthSnapshot, MessageThreadSnapshot, NoticeSnapshot, OrderDetailsSnapshot, OrderListSnapshot } from '@/lib/pages/snapshot';
import { TEMPLATE_IDS } from '@/lib/templates/ids';
import { observeOrder, observeThread, type OrderWatch } from '@/lib/watch';
import { messages, orderPage } from './helpers';

const NOW = Date.parse('2026-11-22T12:00:00Z'); // 04:00 in Los Angeles, 21:00 in Tokyo
const SETTINGS = { replyDueHours: 12 };
const ORDER = '114-3941689-8772232';

const order = (patch: Partial<OrderDetailsSnapshot> = {}): OrderDetailsSnapshot => orderPage(patch, ORDER);

function thread(texts: readonly { sender: 'buyer' | 'seller' | 'amazon'; text: string; time?: string }[], patch: Partial<MessageThreadSnapshot> = {}): MessageThreadSnapshot {
  return {
    kind: 'message-thread',
    marketplace: 'US',
    orderId: ORDER,
    messages: texts.map((m) => ({ sender: m.sender, text: m.text, ...(m.time ? { time: m.time } : {}) })),
    missing: [],
    sources: ['dom'],
    ...patch,
  };
}

/** Advice for a thread, classified by the real classifier as the content script does. */
function adviseThread(snapshot: MessageThreadSnapshot, extra: Partial<AdviceInput> = {}): Finding[] {
  const classified = snapshot.messages.flatMap((m, index) =>
    m.sender === 'seller' ? [] : [{ index, classification: classify({ subject: snapshot.subject, body: m.text, sender: m.sender, marketplace: snapshot.marketplace }) }],
  );
  return advise({ snapshot, classified, settings: SETTINGS, now: NOW, ...extra });
}

const ids = (findings: readonly Finding[]) => findings.map((f) => f.id).sort();
const one = (findings: readonly Finding[], id: string) => {
  const found = findings.filter((f) => f.id === id);
  expect(found, id).toHaveLength(1);
  return found[0]!;
};

/** A memory of the order holding one buyer message of this intent. */
function remembered(intent: Intent, patch: Partial<OrderWatch> = {}, answered = false): OrderWatch {
  return {
    version: 1,
    orderId: ORDER,
    firstSeen: '2026-11-22T08:00:00.000Z',
    lastSeen: '2026-11-22T08:00:00.000Z',
    messages: [{ key: 'buyer:2026-11-22T08:00:00.000Z', sender: 'buyer', at: '2026-11-22T08:00:00.000Z', intent, flags: [], answered }],
    ...patch,
  };
}

describe('the rule table', () => {
  it('has a rule for every finding id, with templates that exist and a source', () => {
    expect(Object.keys(FINDING_RULES).sort()).toEqual([...FINDING_IDS].sort());
    for (const rule of Object.values(FINDING_RULES)) {
      for (const template of rule.templates) expect(TEMPLATE_IDS).toContain(template);
      expect(rule.source).toBeTruthy();
    }
  });

  it('maps every intent to the findings it can raise (exhaustive)', () => {
    expect(Object.keys(INTENT_FINDINGS).sort()).toEqual([...INTENTS].sort());
    for (const list of Object.values(INTENT_FINDINGS)) for (const id of list) expect(FINDING_IDS).toContain(id);
  });

  it.each(INTENTS.filter((i) => !['listing-removed', 'a-to-z-claim', 'delivery-failure', 'cancel-request'].includes(i)))(
    'a remembered buyer message of intent %s raises only the findings mapped to it (on an order page)',
    (intent) => {
      for (const fulfilment of ['FBA', 'MFN'] as const) {
        const findings = advise({ snapshot: order({ fulfilment }), watch: remembered(intent), settings: SETTINGS, now: NOW - 60_000 * 60 * 3 });
        const allowed = new Set([...INTENT_FINDINGS[intent]]);
        for (const id of ids(findings)) expect(allowed.has(id), `${intent} ${fulfilment} raised ${id}`).toBe(true);
      }
    },
  );

  it('every title, why and step key exists in both languages', () => {
    const scenarios: Finding[] = [
      ...adviseThread(thread([{ sender: 'buyer', text: 'Please cancel my order.' }])),
      ...adviseThread(thread([{ sender: 'buyer', text: 'This is a fake, not genuine at all! I will file an A-to-z claim.' }])),
      ...adviseThread(thread([{ sender: 'buyer', text: 'Please send it to Indonesia instead.' }])),
    ];
    for (const finding of scenarios) {
      for (const line of [finding.title, ...finding.why, ...finding.steps]) {
        expect(messages.en, line.key).toHaveProperty(line.key);
        expect(messages.ja, line.key).toHaveProperty(line.key);
      }
    }
    expect(scenarios.length).toBeGreaterThan(2);
  });
});

describe('cancel-inquiry-not-request (docs/domain.md case 1)', () => {
  it('fires on a thread where the buyer writes "please cancel", with the words highlighted', () => {
    const findings = adviseThread(thread([{ sender: 'buyer', text: 'Hello, I picked the wrong size. Please cancel my order. Thanks' }]));
    const finding = one(findings, 'cancel-inquiry-not-request');
    expect(finding.severity).toBe('critical');
    expect(finding.control).toBe('cancel-order');
    expect(finding.templates).toEqual(['cancel-how-to-request']);
    expect(finding.source).toBe('case-1');
    const [highlight] = finding.evidence;
    expect(highlight!.spans.length).toBeGreaterThan(0);
    expect(highlight!.spans.map((s) => highlight!.text.slice(s.start, s.end).toLowerCase()).join(' ')).toContain('cancel');
  });

  it('fires in Japanese, formal and casual', () => {
    for (const text of ['お世話になっております。注文をキャンセルしてください。', 'やっぱりキャンセルで！', 'キャンセル依頼です。よろしくお願いします。']) {
      expect(ids(adviseThread(thread([{ sender: 'buyer', text }], { marketplace: 'JP' })))).toContain('cancel-inquiry-not-request');
    }
  });

  it('fires on the order page from what the thread revealed (memory), next to Cancel order', () => {
    const findings = advise({ snapshot: order(), watch: remembered('cancel-inquiry'), settings: SETTINGS, now: NOW });
    expect(one(findings, 'cancel-inquiry-not-request').control).toBe('cancel-order');
  });

  it('does not fire when the order carries the official buyer-requested cancellation', () => {
    const findings = advise({ snapshot: order({ buyerRequestedCancel: { requested: true } }), watch: remembered('cancel-inquiry'), settings: SETTINGS, now: NOW });
    expect(ids(findings)).not.toContain('cancel-inquiry-not-request');
    expect(ids(findings)).toContain('cancel-request-pending');
  });

  it('does not fire on shipped or cancelled orders, nor without a cancel message', () => {
    for (const status of ['shipped', 'canceled'] as const) {
      expect(ids(advise({ snapshot: order({ status }), watch: remembered('cancel-inquiry'), settings: SETTINGS, now: NOW }))).not.toContain('cancel-inquiry-not-request');
    }
    expect(ids(advise({ snapshot: order(), watch: remembered('product-question'), settings: SETTINGS, now: NOW }))).not.toContain('cancel-inquiry-not-request');
    expect(ids(advise({ snapshot: order(), settings: SETTINGS, now: NOW }))).toEqual([]);
  });

  it('ignores a memory of another order', () => {
    const other = { ...remembered('cancel-inquiry'), orderId: '111-1111111-1111111' };
    expect(ids(advise({ snapshot: order(), watch: other, settings: SETTINGS, now: NOW }))).not.toContain('cancel-inquiry-not-request');
  });
});

describe('cancel-request-pending', () => {
  it('fires for Amazon\'s official request subject, with the "buyer cancelled" advice', () => {
    const findings = adviseThread(
      thread([{ sender: 'amazon', text: 'The buyer has requested to cancel this order. Reason: no longer needed.' }], {
        subject: 'Order cancellation request from Amazon customer Jane Doe (Order: 114-3941689-8772232)',
      }),
    );
    const finding = one(findings, 'cancel-request-pending');
    expect(finding.variant).toBe('unshipped');
    expect(finding.templates).toEqual(['cancel-confirmed']);
    expect(ids(findings)).not.toContain('cancel-inquiry-not-request');
  });

  it('fires on the order page from the buyer-requested flag, and gives the shipped branch once shipped', () => {
    expect(one(advise({ snapshot: order({ buyerRequestedCancel: { requested: true } }), settings: SETTINGS, now: NOW }), 'cancel-request-pending').variant).toBe('unshipped');
    const shipped = one(advise({ snapshot: order({ status: 'shipped', buyerRequestedCancel: { requested: true } }), settings: SETTINGS, now: NOW }), 'cancel-request-pending');
    expect(shipped.variant).toBe('shipped');
    expect(shipped.templates).toEqual(['cancel-shipped-refuse-delivery']);
    expect(shipped.control).toBe('refund-order');
  });

  it('fires per row on the order list, and not for cancelled orders or without the flag', () => {
    const list: OrderListSnapshot = {
      kind: 'order-list',
      marketplace: 'US',
      orders: [
        { orderId: '111-0000000-0000001', buyerRequestedCancel: { requested: true }, status: 'unshipped', items: [], controls: [], missing: [] },
        { orderId: '111-0000000-0000002', buyerRequestedCancel: { requested: false }, status: 'unshipped', items: [], controls: [], missing: [] },
        { orderId: '111-0000000-0000003', buyerRequestedCancel: { requested: true }, status: 'canceled', items: [], controls: [], missing: [] },
      ],
      missing: [],
      sources: ['dom'],
    };
    const findings = advise({ snapshot: list, settings: SETTINGS, now: NOW });
    expect(findings.map((f) => `${f.id} ${f.orderId}`)).toEqual(['cancel-request-pending 111-0000000-0000001']);
  });
});

describe('cancel-not-honored (case 2)', () => {
  it('fires when the buyer says they asked and it shipped anyway', () => {
    const finding = one(adviseThread(thread([{ sender: 'buyer', text: 'I sent a cancellation request yesterday, why did you ship it anyway?' }])), 'cancel-not-honored');
    expect(finding.severity).toBe('critical');
    expect(finding.templates).toEqual(['cancel-request-not-received']);
    const ja = adviseThread(thread([{ sender: 'buyer', text: 'キャンセル申請したのに発送されました。どういうことですか。' }], { marketplace: 'JP' }));
    expect(ids(ja)).toContain('cancel-not-honored');
    expect(ids(ja)).not.toContain('cancel-inquiry-not-request');
  });
});

describe("ship-by-due, in the marketplace's time zone", () => {
  const due = (shipByLatest: string, now: number, patch: Partial<OrderDetailsSnapshot> = {}) =>
    advise({ snapshot: order({ shipBy: { earliest: shipByLatest, latest: shipByLatest }, ...patch }), settings: SETTINGS, now }).filter((f) => f.id === 'ship-by-due');

  it('fires on the day of the deadline in Los Angeles, not the day before', () => {
    const endOfDayLA = '2026-11-23T07:59:59.999Z'; // Nov 22, 23:59:59 PST
    const [today] = due(endOfDayLA, Date.parse('2026-11-22T09:00:00Z')); // Nov 22, 01:00 PST
    expect(today?.variant).toBe('today');
    expect(today?.severity).toBe('warning');
    expect(today?.deadline).toEqual({ at: endOfDayLA, kind: 'ship-by' });
    expect(due(endOfDayLA, Date.parse('2026-11-22T07:00:00Z'))).toEqual([]); // Nov 21, 23:00 PST
  });

  it('turns critical once overdue', () => {
    const [late] = due('2026-11-21T07:59:59.999Z', NOW);
    expect(late?.variant).toBe('overdue');
    expect(late?.severity).toBe('critical');
  });

  it('follows Tokyo for amazon.co.jp', () => {
    const endOfDayTokyo = '2026-11-22T14:59:59.999Z';
    expect(due(endOfDayTokyo, Date.parse('2026-11-21T15:30:00Z'), { marketplace: 'JP' })).toHaveLength(1); // 00:30 JST on the 22nd
    expect(due(endOfDayTokyo, Date.parse('2026-11-21T14:30:00Z'), { marketplace: 'JP' })).toEqual([]); // 23:30 JST on the 21st
  });

  it('knows "today" across the European DST change (Berlin, 25 Oct 2026)', () => {
    const endOfDay = '2026-10-25T22:59:59.999Z'; // 23:59:59 CET on the 25th (after the change)
    expect(due(endOfDay, Date.parse('2026-10-24T22:30:00Z'), { marketplace: 'DE' })).toHaveLength(1); // 00:30 CEST on the 25th
    expect(due(endOfDay, Date.parse('2026-10-24T21:30:00Z'), { marketplace: 'DE' })).toEqual([]); // 23:30 CEST on the 24th
  });

  it('knows "today" across the US DST change (Los Angeles, 8 Mar 2026)', () => {
    const endOfDay = '2026-03-09T06:59:59.999Z'; // 23:59:59 PDT on the 8th
    expect(due(endOfDay, Date.parse('2026-03-08T08:30:00Z'))).toHaveLength(1); // 00:30 PST on the 8th
    expect(due(endOfDay, Date.parse('2026-03-08T07:30:00Z'))).toEqual([]); // 23:30 PST on the 7th
  });

  it('is silent for FBA, shipped, pending or undated orders', () => {
    const endOfDayLA = '2026-11-23T07:59:59.999Z';
    expect(due(endOfDayLA, NOW, { fulfilment: 'FBA' })).toEqual([]);
    expect(due(endOfDayLA, NOW, { status: 'shipped' })).toEqual([]);
    expect(due(endOfDayLA, NOW, { status: 'pending' })).toEqual([]);
    expect(advise({ snapshot: order(), settings: SETTINGS, now: NOW }).filter((f) => f.id === 'ship-by-due')).toEqual([]);
  });

  it('fires per row on the order list, most overdue first', () => {
    const rows = ['2026-11-23T07:59:59.999Z', '2026-11-21T07:59:59.999Z', '2026-11-26T07:59:59.999Z'].map((latest, i) => ({
      orderId: `111-0000000-000000${i}`,
      shipBy: { earliest: latest, latest },
      status: 'unshipped' as const,
      fulfilment: 'MFN' as const,
      items: [],
      controls: [],
      missing: [],
    }));
    const findings = advise({ snapshot: { kind: 'order-list', marketplace: 'US', orders: rows, missing: [], sources: ['dom'] }, settings: SETTINGS, now: NOW });
    expect(findings.map((f) => `${f.orderId} ${f.variant}`)).toEqual(['111-0000000-0000001 overdue', '111-0000000-0000000 today']);
  });
});

describe('message-bounced (case 3)', () => {
  const notice = (noticeKind: NoticeSnapshot['noticeKind']): NoticeSnapshot => ({ kind: 'notice', noticeKind, relistingMentioned: false, missing: [], sources: ['dom'] });

  it('fires on an undeliverable-message notice with both branches as steps', () => {
    const finding = one(advise({ snapshot: notice('undeliverable-message'), settings: SETTINGS, now: NOW }), 'message-bounced');
    expect(finding.steps.map((s) => s.key)).toEqual(['findingBouncedStepCannotShip', 'findingBouncedStepCanShip']);
    expect(finding.templates).toEqual(['bounce-enclosed-letter', 'seller-support-contact-buyer']);
  });

  it("fires on Amazon's bounce in a thread, with the ship-by deadline from memory", () => {
    const findings = adviseThread(
      thread([
        { sender: 'seller', text: 'Could you confirm your house number?' },
        { sender: 'amazon', text: 'We were unable to deliver your message to the buyer. Your message could not be delivered.' },
      ]),
      { watch: { ...remembered('other'), messages: [], shipBy: '2026-11-23T07:59:59.999Z', status: 'unshipped' } },
    );
    expect(one(findings, 'message-bounced').deadline).toEqual({ at: '2026-11-23T07:59:59.999Z', kind: 'ship-by' });
  });

  it('is silent for other notices', () => {
    expect(ids(advise({ snapshot: notice('other'), settings: SETTINGS, now: NOW }))).toEqual([]);
  });
});

describe('address-suspicious', () => {
  const jp = (name: string, lines: string[]) => order({ marketplace: 'JP', buyer: { name, addressLines: [name, ...lines] } });

  it('flags a Japanese address without a house or lot number', () => {
    expect(addressConcerns({ name: '山田 花子', addressLines: ['山田 花子', '〒150-0001', '東京都渋谷区神宮前 メゾン青山', '日本'] }, 'JP')).toEqual([{ kind: 'no-house-number' }]);
    const finding = one(advise({ snapshot: jp('山田 花子', ['〒150-0001', '東京都渋谷区神宮前', '日本']), settings: SETTINGS, now: NOW }), 'address-suspicious');
    expect(finding.why.map((l) => l.key)).toEqual(['findingAddressNoNumber']);
  });

  it('accepts numbers written in any common way', () => {
    for (const street of ['東京都渋谷区神宮前1-2-3', '東京都渋谷区神宮前１－２－３', '東京都渋谷区神宮前一丁目2番3号', '北海道札幌市中央区北一条西二丁目']) {
      expect(addressConcerns({ addressLines: ['名前', '〒150-0001', street] }, 'JP'), street).toEqual([]);
    }
  });

  it('flags a delivery-time wish in the name line', () => {
    const [concern] = addressConcerns({ name: '山田 花子 午前中希望', addressLines: ['山田 花子 午前中希望', '東京都渋谷区神宮前1-2-3'] }, 'JP');
    expect(concern).toEqual({ kind: 'time-in-name', text: '山田 花子 午前中希望' });
    expect(addressConcerns({ name: 'Jane Doe after 6pm', addressLines: ['Jane Doe after 6pm', '1 Main St', 'Seattle, WA 98101', 'United States'] }, 'US')[0]?.kind).toBe('time-in-name');
    expect(addressConcerns({ name: 'Jane Morningstar', addressLines: ['Jane Morningstar', '1 Main St'] }, 'US')).toEqual([]);
  });

  it('flags a destination that does not fit the marketplace (critical), not one that does', () => {
    expect(addressConcerns({ addressLines: ['Budi', 'Jl. Sudirman 5', 'Jakarta 10220', 'Indonesia'] }, 'DE')).toEqual([{ kind: 'foreign-destination', country: 'ID' }]);
    expect(addressConcerns({ addressLines: ['Marie', '5 rue de Rivoli', '75001 Paris', 'France'] }, 'DE')).toEqual([]);
    expect(addressConcerns({ addressLines: ['Jane', '1 Main St', 'Seattle', 'United States'] }, 'US')).toEqual([]);
    const finding = one(advise({ snapshot: order({ buyer: { addressLines: ['Budi', 'Jl. Sudirman 5', 'Indonesia'] } }), settings: SETTINGS, now: NOW }), 'address-suspicious');
    expect(finding.severity).toBe('critical');
    expect(finding.source).toBe('amazon-ship-to-address');
  });

  it('is silent on a good address, a shipped order, and an empty one', () => {
    expect(ids(advise({ snapshot: jp('名前', ['〒150-0001', '東京都渋谷区神宮前1-2-3 メゾン青山201', '日本']), settings: SETTINGS, now: NOW }))).toEqual([]);
    expect(ids(advise({ snapshot: { ...jp('名前', ['東京都渋谷区神宮前']), status: 'shipped' }, settings: SETTINGS, now: NOW }))).toEqual([]);
    expect(addressConcerns({ addressLines: [] }, 'JP')).toEqual([]);
  });

  it('survives hostile address text', () => {
    const long = '東京都'.repeat(50_000);
    expect(() => addressConcerns({ name: '<img src=x onerror=alert(1)>', addressLines: [long, '\u0000', '🙂'.repeat(1000)] }, 'JP')).not.toThrow();
  });
});

describe('fba-redirect (case 4)', () => {
  const fba = (intent: Intent) => advise({ snapshot: order({ fulfilment: 'FBA' }), watch: remembered(intent), settings: SETTINGS, now: NOW });

  it('fires for where-is-my-order and return messages on FBA orders', () => {
    expect(one(fba('where-is-order'), 'fba-redirect').templates).toEqual(['fba-contact-amazon']);
    expect(ids(fba('return-refund'))).toContain('fba-redirect');
  });

  it('fires for damage in transit on a thread of a known FBA order', () => {
    const watch = { ...remembered('other'), messages: [], fulfilment: 'FBA' as const };
    const findings = adviseThread(thread([{ sender: 'buyer', text: 'The item arrived broken, the box was crushed in transit.' }]), { watch });
    expect(ids(findings)).toContain('fba-redirect');
  });

  it('is silent for seller-fulfilled orders, where tracking is suggested instead', () => {
    const findings = advise({ snapshot: order(), watch: remembered('where-is-order'), settings: SETTINGS, now: NOW });
    expect(ids(findings)).not.toContain('fba-redirect');
    expect(one(findings, 'reply-suggested').templates).toEqual(['tracking-info']);
  });
});

describe('complaint-reply-now (case 4)', () => {
  it.each([
    ['defective', 'It does not work at all, it is broken.'],
    ['counterfeit', 'This is a fake, not genuine.'],
    ['condition-mismatch', 'I bought it new but it is used and dirty.'],
    ['wrong-item', 'You sent me the wrong item, a different model.'],
  ])('fires for %s', (_intent, text) => {
    const finding = one(adviseThread(thread([{ sender: 'buyer', text }])), 'complaint-reply-now');
    expect(finding.templates).toEqual(['complaint-acknowledge', 'replacement-offer', 'refund-offer']);
    expect(finding.evidence.length).toBeGreaterThan(0);
  });

  it('is critical for counterfeit or a threatened claim', () => {
    expect(one(adviseThread(thread([{ sender: 'buyer', text: 'This is a fake, not genuine.' }])), 'complaint-reply-now').severity).toBe('critical');
    expect(one(adviseThread(thread([{ sender: 'buyer', text: 'Das Gerät ist defekt und funktioniert nicht.' }], { marketplace: 'DE' })), 'complaint-reply-now').severity).toBe('warning');
  });

  it('offers the FBA replacement step on FBA orders', () => {
    const finding = one(advise({ snapshot: order({ fulfilment: 'FBA' }), watch: remembered('counterfeit'), settings: SETTINGS, now: NOW }), 'complaint-reply-now');
    expect(finding.steps.map((s) => s.key)).toContain('findingComplaintStep2Fba');
  });

  it('is silent once the complaint was answered and for thanks', () => {
    expect(ids(advise({ snapshot: order(), watch: remembered('defective', {}, true), settings: SETTINGS, now: NOW }))).not.toContain('complaint-reply-now');
    expect(ids(adviseThread(thread([{ sender: 'buyer', text: 'Thank you, it arrived and works great!' }])))).toEqual([]);
  });
});

describe('address-change-refuse (case 5)', () => {
  it('is critical with the foreign branch for Indonesia, in several languages', () => {
    for (const [text, marketplace] of [
      ['Hello, I run a shop. Could you ship it to Indonesia instead, Jakarta?', 'UK'],
      ['Bitte schicken Sie das Paket an meine neue Adresse in Indonesien.', 'DE'],
      ['住所をインドネシアに変更してください。', 'JP'],
    ] as const) {
      const finding = one(adviseThread(thread([{ sender: 'buyer', text }], { marketplace })), 'address-change-refuse');
      expect(finding.variant, text).toBe('foreign');
      expect(finding.severity).toBe('critical');
      expect(finding.templates).toEqual(['address-change-refused', 'address-change-escalation']);
    }
  });

  it('is a warning for a change within the country', () => {
    const finding = one(adviseThread(thread([{ sender: 'buyer', text: 'Can you change the shipping address to my office, 5 Oak Street?' }])), 'address-change-refuse');
    expect(finding.variant).toBe('domestic');
  });
});

describe('listing-removed (case 6)', () => {
  const removed = (relistingMentioned: boolean, listingProblem?: NoticeSnapshot['listingProblem']): NoticeSnapshot => ({
    kind: 'notice',
    noticeKind: 'listing-removed',
    relistingMentioned,
    asin: 'B00OK1O542',
    ...(listingProblem ? { listingProblem } : {}),
    missing: [],
    sources: ['dom'],
  });

  it('gives pattern 1 (apology, stop selling) without a relisting mention', () => {
    const finding = one(advise({ snapshot: removed(false, 'condition'), settings: SETTINGS, now: NOW }), 'listing-removed');
    expect(finding.variant).toBe('pattern-1');
    expect(finding.templates).toEqual(['listing-removed-apology']);
    expect(finding.why[0]).toEqual({ key: 'findingListingAsin', args: ['B00OK1O542'] });
    expect(finding.why.map((l) => l.key)).toContain('findingListingProblemCondition');
  });

  it('gives pattern 2 with its checklist, authenticity asking for suppliers', () => {
    const finding = one(advise({ snapshot: removed(true, 'authenticity'), settings: SETTINGS, now: NOW }), 'listing-removed');
    expect(finding.variant).toBe('pattern-2');
    expect(finding.steps.map((s) => s.key)).toContain('findingListingPattern2Step2Authenticity');
    expect(finding.templates).toEqual(['listing-removed-plan-of-action']);
  });

  it('is dismissed per ASIN', () => {
    const finding = one(advise({ snapshot: removed(false), settings: SETTINGS, now: NOW }), 'listing-removed');
    expect(finding.subject).toBe('notice:B00OK1O542');
    expect(visibleFindings([finding], { 'notice:B00OK1O542': ['listing-removed'] })).toEqual([]);
    expect(visibleFindings([finding], { 'notice:B000000000': ['listing-removed'] })).toEqual([finding]);
  });
});

describe('a-to-z-claim', () => {
  it("fires on the claim notice and on Amazon's claim message, with a deadline when dated", () => {
    const notice: NoticeSnapshot = { kind: 'notice', noticeKind: 'a-to-z-claim', relistingMentioned: false, missing: [], sources: ['dom'] };
    expect(one(advise({ snapshot: notice, settings: SETTINGS, now: NOW }), 'a-to-z-claim').why[0]).toEqual({ key: 'findingAtozWhy', args: ['72'] });
    const findings = adviseThread(
      thread([{ sender: 'amazon', time: '2026-11-21T12:00:00.000Z', text: 'An A-to-z Guarantee claim has been filed for order 114-3941689-8772232. Please respond to this claim.' }], {
        subject: 'Action required: Claim received on order 114-3941689-8772232',
      }),
    );
    expect(one(findings, 'a-to-z-claim').deadline).toEqual({ at: '2026-11-24T12:00:00.000Z', kind: 'claim' });
  });
});

describe('reply-due', () => {
  const at = (hoursAgo: number) => new Date(NOW - hoursAgo * 3_600_000).toISOString();

  it('fires after the threshold with the time left of the 24 hours', () => {
    const finding = one(adviseThread(thread([{ sender: 'buyer', text: 'Does it come with batteries?', time: at(13) }])), 'reply-due');
    expect(finding.variant).toBe('due');
    expect(finding.deadline).toEqual({ at: new Date(NOW + 11 * 3_600_000).toISOString(), kind: 'reply' });
    expect(timeLeft(Date.parse(finding.deadline!.at), NOW)).toEqual({ overdue: false, days: 0, hours: 11, minutes: 0 });
  });

  it("turns critical after 24 hours and follows the seller's threshold", () => {
    expect(one(adviseThread(thread([{ sender: 'buyer', text: 'Hello?', time: at(30) }])), 'reply-due').severity).toBe('critical');
    expect(adviseThread(thread([{ sender: 'buyer', text: 'Hello?', time: at(5) }])).filter((f) => f.id === 'reply-due')).toEqual([]);
    expect(ids(adviseThread(thread([{ sender: 'buyer', text: 'Hello?', time: at(5) }]), { settings: { replyDueHours: 4 } }))).toContain('reply-due');
  });

  it('is silent once the seller replied, and without a time', () => {
    expect(
      ids(
        adviseThread(
          thread([
            { sender: 'buyer', text: 'Hello?', time: at(20) },
            { sender: 'seller', text: 'Hi!', time: at(1) },
          ]),
        ),
      ),
    ).toEqual([]);
    expect(ids(adviseThread(thread([{ sender: 'buyer', text: 'Hello?' }])))).not.toContain('reply-due');
  });

  it('fires on the order page from memory', () => {
    const watch = remembered('product-question', { messages: [{ key: 'k', sender: 'buyer', at: at(14), intent: 'product-question', flags: [], answered: false }] });
    expect(ids(advise({ snapshot: order(), watch, settings: SETTINGS, now: NOW }))).toContain('reply-due');
  });
});

describe('cancellation-rate-impact', () => {
  const health = (percent: number, numerator?: number, denominator?: number): AccountHealthSnapshot => ({
    kind: 'account-health',
    marketplace: 'US',
    cancellationRate: { percent, ...(numerator !== undefined ? { numerator } : {}), ...(denominator !== undefined ? { denominator } : {}) },
    missing: [],
    sources: ['dom'],
  });

  it('shows the rate now and after one more cancellation against 2.5 %', () => {
    const finding = one(advise({ snapshot: health(1.96, 2, 102), settings: SETTINGS, now: NOW }), 'cancellation-rate-impact');
    expect(finding.why).toEqual([
      { key: 'findingRateNow', args: ['1.96%', '2.50%', '7'] },
      { key: 'findingRateAfter', args: ['2.94%', '3', '102'] },
      { key: 'findingRateOtdr', args: ['90.00%', '2024-09-25'] },
    ]);
    expect(finding.severity).toBe('warning');
    expect(one(advise({ snapshot: health(0.5, 1, 200), settings: SETTINGS, now: NOW }), 'cancellation-rate-impact').severity).toBe('info');
    expect(one(advise({ snapshot: health(3, 3, 100), settings: SETTINGS, now: NOW }), 'cancellation-rate-impact').severity).toBe('critical');
  });

  it('says so when the order count is not known', () => {
    expect(one(advise({ snapshot: health(1), settings: SETTINGS, now: NOW }), 'cancellation-rate-impact').why[1]).toEqual({ key: 'findingRateAfterUnknown' });
  });

  it('joins the cancel warning on the order page when a reading exists, and only then', () => {
    const accountHealth = { cancellationRate: { percent: 1.96, numerator: 2, denominator: 102 }, readAt: '2026-11-21T00:00:00.000Z' };
    expect(ids(advise({ snapshot: order(), watch: remembered('cancel-inquiry'), accountHealth, settings: SETTINGS, now: NOW }))).toEqual(['cancel-inquiry-not-request', 'cancellation-rate-impact']);
    expect(ids(advise({ snapshot: order(), accountHealth, settings: SETTINGS, now: NOW }))).toEqual([]);
    expect(ids(advise({ snapshot: health(1, 1, 100), settings: SETTINGS, now: NOW }))).toEqual(['cancellation-rate-impact']);
  });
});

describe('advise on hostile and empty input', () => {
  it('is quiet on unrecognised pages, inboxes and empty threads', () => {
    expect(advise({ snapshot: { kind: 'unrecognized', reason: 'x' }, settings: SETTINGS, now: NOW })).toEqual([]);
    expect(advise({ snapshot: { kind: 'message-inbox', missing: [], sources: ['dom'] }, settings: SETTINGS, now: NOW })).toEqual([]);
    expect(adviseThread(thread([]))).toEqual([]);
  });

  it('keeps HTML in a message as text in the evidence', () => {
    const text = '<img src=x onerror=alert(1)> Please cancel my order <script>alert(2)</script>';
    const finding = one(adviseThread(thread([{ sender: 'buyer', text }])), 'cancel-inquiry-not-request');
    expect(finding.evidence[0]!.text).toBe(text);
  });

  it('sorts critical before warning before info', () => {
    const findings = adviseThread(thread([{ sender: 'buyer', text: 'Please cancel. Also does it include a charger?', time: new Date(NOW - 13 * 3_600_000).toISOString() }]));
    const ranks = findings.map((f) => ['critical', 'warning', 'info'].indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('dayKey and timeLeft agree with the calendar', () => {
    expect(dayKey(Date.parse('2026-11-22T07:59:00Z'), 'America/Los_Angeles')).toBe('2026-11-21');
    expect(dayKey(Date.parse('2026-11-22T08:00:00Z'), 'America/Los_Angeles')).toBe('2026-11-22');
    expect(timeLeft(NOW - 90 * 60_000, NOW)).toEqual({ overdue: true, days: 0, hours: 1, minutes: 30 });
    expect(timeLeft(NOW + 50 * 3_600_000, NOW)).toEqual({ overdue: false, days: 2, hours: 2, minutes: 0 });
  });
});

describe('memory feeds guidance', () => {
  it('a thread observed then the order page: the warning appears next to Cancel order', () => {
    const t = thread([{ sender: 'buyer', text: 'Please cancel my order', time: '2026-11-22T10:00:00.000Z' }]) as MessageThreadSnapshot & { orderId: string };
    const classified = [{ index: 0, classification: classify({ body: t.messages[0]!.text, sender: 'buyer' }) }];
    const watch = observeOrder(observeThread(undefined, t, classified, NOW), order(), NOW);
    expect(watch.messages).toEqual([{ key: 'buyer:2026-11-22T10:00:00.000Z', sender: 'buyer', at: '2026-11-22T10:00:00.000Z', intent: 'cancel-inquiry', flags: [], answered: false }]);
    expect(JSON.stringify(watch)).not.toContain('Please cancel');
    expect(ids(advise({ snapshot: order(), watch, settings: SETTINGS, now: NOW }))).toEqual(['cancel-inquiry-not-request']);
  });
});

describe('evidence when no phrase decided', () => {
  it('quotes the whole message, marked as such, when the model named the intent on the message as a whole', () => {
    const body = 'Arrived with a crack in the glass.';
    // As classify() answers when no rule or word stood out for the intent.
    const classification: Classification = {
      intent: 'defective',
      confidence: 0.8,
      language: 'en',
      flags: [],
      evidence: [{ field: 'context', start: 0, end: 0, rule: MODEL_EVIDENCE, target: 'defective' }],
      scores: { defective: 0.8 },
    };
    const snapshot = thread([{ sender: 'buyer', text: body }]);
    const findings = advise({ snapshot, classified: [{ index: 0, classification }], settings: SETTINGS, now: NOW });
    const complaint = findings.find((f) => f.evidence.length > 0)!;
    expect(complaint.evidence[0]).toEqual({ text: body, spans: [], wholeMessage: true });
  });

  it('marks the words when a rule decided, and never claims the whole message', () => {
    const findings = adviseThread(thread([{ sender: 'buyer', text: 'This is a fake, not genuine!' }]));
    const complaint = findings.find((f) => f.evidence.length > 0)!;
    expect(complaint.evidence[0]!.spans.length).toBeGreaterThan(0);
    expect(complaint.evidence[0]!.wholeMessage).toBeUndefined();
  });
});
