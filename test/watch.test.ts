// Order memory (lib/watch), its storage (one key per order, corrupt values backed up), dismissals,
// and the background's answers to the content script (hostile requests included).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRequest } from '@/utils/background/requests';
import { classify } from '@/lib/classify/classify';
import { ClassifyResponse, TemplateResponse, UiMessagesResponse } from '@/lib/messaging';
import type { MessageThreadSnapshot, OrderDetailsSnapshot } from '@/lib/pages/snapshot';
import { Dismissed, EMPTY_DISMISSED, MAX_DISMISSED_SUBJECTS, dismissedIds, withDismissal } from '@/lib/settings';
import { BACKUP_PREFIX, watchStore } from '@/lib/storage';
import { CLOSED_TTL_MS, OrderWatch, WATCH_TTL_MS, isExpired, migrateWatch, observeNotice, observeOrder, observeThread, unanswered } from '@/lib/watch';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const ORDER = '114-3941689-8772232';

const details: OrderDetailsSnapshot = {
  kind: 'order-details',
  orderId: ORDER,
  marketplace: 'US',
  shipBy: { earliest: '2026-11-22T08:00:00.000Z', latest: '2026-11-24T07:59:59.999Z' },
  fulfilment: 'MFN',
  status: 'unshipped',
  buyerRequestedCancel: { requested: false },
  items: [],
  buyer: { name: 'Jane Doe', addressLines: ['Jane Doe', '1 Main St', 'Seattle'] },
  controls: [],
  missing: [],
  sources: ['dom'],
};

const thread = (messages: MessageThreadSnapshot['messages']): MessageThreadSnapshot & { orderId: string } => ({
  kind: 'message-thread',
  orderId: ORDER,
  marketplace: 'US',
  messages,
  missing: [],
  sources: ['dom'],
});

const classified = (t: MessageThreadSnapshot) => t.messages.flatMap((m, index) => (m.sender === 'seller' ? [] : [{ index, classification: classify({ body: m.text, sender: m.sender }) }]));

/** A v1 record as written by this version; later versions must keep reading it (migration test). */
const RECORDED_V1 = {
  version: 1,
  orderId: ORDER,
  marketplace: 'US',
  firstSeen: '2026-11-20T10:00:00.000Z',
  lastSeen: '2026-11-21T10:00:00.000Z',
  shipBy: '2026-11-24T07:59:59.999Z',
  fulfilment: 'MFN',
  status: 'unshipped',
  buyerRequestedCancel: false,
  messages: [{ key: 'buyer:2026-11-21T09:00:00.000Z', sender: 'buyer', at: '2026-11-21T09:00:00.000Z', intent: 'cancel-inquiry', flags: [], answered: false }],
};

describe('observing orders and threads', () => {
  it('keeps the facts of an order and nothing of the buyer', () => {
    const watch = observeOrder(undefined, details, NOW);
    expect(watch).toEqual({
      version: 1,
      orderId: ORDER,
      firstSeen: '2026-11-22T12:00:00.000Z',
      lastSeen: '2026-11-22T12:00:00.000Z',
      marketplace: 'US',
      shipBy: '2026-11-24T07:59:59.999Z',
      fulfilment: 'MFN',
      status: 'unshipped',
      buyerRequestedCancel: false,
      buyerRequestedCancelAt: '2026-11-22T12:00:00.000Z',
      messages: [],
    });
    expect(JSON.stringify(watch)).not.toMatch(/Jane|Main St|Seattle/);
  });

  it('keeps what a reply on the thread page needs: the product and the parcel, bounded', () => {
    const watch = observeOrder(
      undefined,
      {
        ...details,
        items: [{ title: `<b>Sandals</b> ${'x'.repeat(500)}`, asin: 'B00OK1O542' }, { title: 'second item' }],
        tracking: { id: '4401-2233-5566', carrier: 'Yamato' },
      },
      NOW,
    );
    expect(watch.product?.asin).toBe('B00OK1O542');
    expect(watch.product?.title).toHaveLength(200);
    expect(watch.product?.title?.startsWith('<b>Sandals</b>')).toBe(true); // kept as text, shown as text
    expect(watch.tracking).toEqual({ id: '4401-2233-5566', carrier: 'Yamato' });
    expect(OrderWatch.safeParse(watch).success).toBe(true);
    // A tracking "number" too long to be one is not kept; the record stays valid.
    const odd = observeOrder(undefined, { ...details, tracking: { id: 'y'.repeat(500) } }, NOW);
    expect(odd.tracking).toBeUndefined();
    expect(OrderWatch.safeParse(odd).success).toBe(true);
    expect(JSON.stringify(odd)).not.toMatch(/Jane|Main St|Seattle/);
  });

  it('keeps the intents of a thread, not its words, and knows what was answered', () => {
    const t = thread([
      { sender: 'buyer', time: '2026-11-22T01:00:00.000Z', text: 'Where is my order? Jane, 1 Main St' },
      { sender: 'seller', time: '2026-11-22T02:00:00.000Z', text: 'It is on its way.' },
      { sender: 'buyer', time: '2026-11-22T03:00:00.000Z', text: 'Please cancel my order.' },
    ]);
    const watch = observeThread(undefined, t, classified(t), NOW);
    expect(watch.messages.map((m) => [m.intent, m.answered])).toEqual([
      ['where-is-order', true],
      ['cancel-inquiry', false],
    ]);
    expect(unanswered(watch).map((m) => m.at)).toEqual(['2026-11-22T03:00:00.000Z']);
    expect(JSON.stringify(watch)).not.toMatch(/Jane|Main St|cancel my|Where is/);
    // Seen again: merged by message, not duplicated.
    const again = observeThread(watch, t, classified(t), NOW + 60_000);
    expect(again.messages).toHaveLength(2);
    expect(again.firstSeen).toBe(watch.firstSeen);
  });

  it('marks an official request from Amazon', () => {
    const t = { ...thread([{ sender: 'amazon' as const, text: 'The buyer requested cancellation.' }]), subject: 'Order cancellation request from Amazon customer Jane' };
    const c = [{ index: 0, classification: classify({ subject: t.subject, body: t.messages[0]!.text, sender: 'amazon' }) }];
    expect(observeThread(undefined, t, c, NOW).buyerRequestedCancel).toBe(true);
  });

  it('remembers a pending notice once, from when it was first seen', () => {
    const notice = { kind: 'notice' as const, noticeKind: 'a-to-z-claim' as const, orderId: ORDER, relistingMentioned: false, missing: [], sources: ['dom' as const] };
    const first = observeNotice(undefined, notice, NOW);
    expect(observeNotice(first, notice, NOW + 3_600_000).notice).toEqual({ kind: 'a-to-z-claim', seen: '2026-11-22T12:00:00.000Z' });
  });

  it('expires 30 days after last seen, or when closed with nothing pending', () => {
    const watch = observeOrder(undefined, details, NOW);
    expect(isExpired(watch, NOW + WATCH_TTL_MS - 1)).toBe(false);
    expect(isExpired(watch, NOW + WATCH_TTL_MS + 1)).toBe(true);
    const shipped = { ...watch, status: 'shipped' as const };
    expect(isExpired(shipped, NOW)).toBe(false); // kept a while: its buyer may still write
    expect(isExpired(shipped, NOW + CLOSED_TTL_MS + 1)).toBe(true);
    expect(isExpired({ ...shipped, messages: RECORDED_V1.messages as OrderWatch['messages'] }, NOW + CLOSED_TTL_MS + 1)).toBe(false);
  });

  it('reads a recorded version-1 value, and refuses others with a reason', () => {
    expect(migrateWatch(RECORDED_V1)).toEqual({ ok: true, watch: RECORDED_V1 });
    for (const bad of [null, '<script>', { ...RECORDED_V1, version: 2 }, { ...RECORDED_V1, orderId: '1' }, { ...RECORDED_V1, messages: [{ key: 'x', text: 'hi' }] }]) {
      const read = migrateWatch(bad);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.reason.length).toBeGreaterThan(0);
    }
  });
});

describe('watch storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores one key per order and reads it back', async () => {
    const store = watchStore({ now: () => NOW });
    await store.update([{ next: observeOrder(undefined, details, NOW) }]);
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual([`watch:${ORDER}`]);
    expect((await store.get(ORDER))?.status).toBe('unshipped');
    expect(await store.get('111-1111111-1111111')).toBeUndefined();
  });

  it('backs up a corrupt record instead of dropping it, and goes on', async () => {
    await fakeBrowser.storage.local.set({ [`watch:${ORDER}`]: { version: 1, orderId: ORDER, messages: 'garbage' } });
    const reasons: string[] = [];
    const store = watchStore({ now: () => NOW, onCorrupt: (_k, _b, reason) => reasons.push(reason) });
    expect(await store.get(ORDER)).toBeUndefined();
    const all = await fakeBrowser.storage.local.get(null);
    expect(all[`${BACKUP_PREFIX}watch:${ORDER}:${NOW}`]).toMatchObject({ key: `watch:${ORDER}`, value: { messages: 'garbage' } });
    expect(all[`watch:${ORDER}`]).toBeUndefined();
    expect(reasons).toHaveLength(1);
  });

  it('lists live records, removing expired ones (when pruning) and backing up corrupt ones', async () => {
    const store = watchStore({ now: () => NOW, onCorrupt: () => {} });
    await store.update([{ next: observeOrder(undefined, details, NOW) }, { next: observeOrder(undefined, { ...details, orderId: '111-1111111-1111111' }, NOW - WATCH_TTL_MS - 1) }]);
    await fakeBrowser.storage.local.set({ 'watch:222-2222222-2222222': 'nonsense', settings: { unrelated: true } });
    expect((await store.all()).map((w) => w.orderId)).toEqual([ORDER]);
    // Reading alone (the popup) leaves expired records to the background.
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toContain('watch:111-1111111-1111111');
    expect((await store.all(NOW, { prune: true })).map((w) => w.orderId)).toEqual([ORDER]);
    const keys = Object.keys(await fakeBrowser.storage.local.get(null)).sort();
    expect(keys).toEqual([`backup:watch:222-2222222-2222222:${NOW}`, 'settings', `watch:${ORDER}`]);
  });

  it('refuses to write an invalid record', async () => {
    await expect(watchStore().update([{ next: { ...observeOrder(undefined, details, NOW), orderId: 'nope' } }])).rejects.toThrow(/invalid order watch/);
  });
});

describe('dismissals', () => {
  it('adds and removes per subject, and forgets the oldest past the cap', () => {
    let d = withDismissal(EMPTY_DISMISSED, ORDER, 'ship-by-due', true, '2026-11-22T00:00:00.000Z');
    d = withDismissal(d, ORDER, 'reply-due', true, '2026-11-22T00:01:00.000Z');
    expect(dismissedIds(d)).toEqual({ [ORDER]: ['ship-by-due', 'reply-due'] });
    d = withDismissal(d, ORDER, 'ship-by-due', false, '2026-11-22T00:02:00.000Z');
    expect(dismissedIds(d)).toEqual({ [ORDER]: ['reply-due'] });
    expect(dismissedIds(withDismissal(d, ORDER, 'reply-due', false, '2026-11-22T00:03:00.000Z'))).toEqual({});
    let many = EMPTY_DISMISSED;
    for (let i = 0; i <= MAX_DISMISSED_SUBJECTS; i++) many = withDismissal(many, `s${i}`, 'x', true, new Date(NOW + i * 1000).toISOString());
    expect(Object.keys(many.subjects)).toHaveLength(MAX_DISMISSED_SUBJECTS);
    expect(many.subjects.s0).toBeUndefined();
    expect(Dismissed.safeParse(many).success).toBe(true);
  });
});

describe('background requests', () => {
  it("classifies a batch, in order, in the contract's shape", async () => {
    const answer = await handleRequest({
      type: 'classify',
      items: [
        { body: 'Please cancel my order', sender: 'buyer' },
        { body: '偽物ではないですか？', sender: 'buyer' },
      ],
    });
    const parsed = ClassifyResponse.parse(answer);
    expect(parsed.classifications.map((c) => c.intent)).toEqual(['cancel-inquiry', 'counterfeit']);
  });

  it('gives the UI text of a language without its descriptions', () => {
    const parsed = UiMessagesResponse.parse(handleRequest({ type: 'ui-messages', language: 'ja' }));
    expect(parsed.messages.findingsNone).toEqual({ message: 'このページで対応が必要なことはありません。' });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'classify'],
    ['an unknown type', { type: 'eval', code: 'alert(1)' }],
    ['a body that is not text', { type: 'classify', items: [{ body: { html: '<b>' } }] }],
    ['too many items', { type: 'classify', items: Array.from({ length: 51 }, () => ({ body: 'x' })) }],
    ['an unknown language', { type: 'ui-messages', language: 'xx' }],
  ])('answers %s with an error, never a throw', (_name, request) => {
    const answer = handleRequest(request) as { error?: string };
    expect(answer.error).toMatch(/^Not a request Seller Sidekick understands/);
  });

  it("gives a template with the seller's edits from storage, or null for an unknown id", async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({
      templates: {
        version: 1,
        templates: [{ id: 'edit-tracking-info', name: 'x', replaces: 'tracking-info', audience: 'buyer', body: { en: 'Parcel {trackingNumber}' }, updatedAt: '2026-11-22T00:00:00.000Z' }],
      },
    });
    const parsed = TemplateResponse.parse(await handleRequest({ type: 'template', id: 'tracking-info' }));
    expect(parsed.template?.body.en).toBe('Parcel {trackingNumber}');
    expect(parsed.template?.body.ja).toContain('追跡番号');
    expect(TemplateResponse.parse(await handleRequest({ type: 'template', id: '<script>' })).template).toBeNull();
  });

  it('classifies hostile text without trouble', async () => {
    const body = '<script>alert(1)</script>'.repeat(2_000) + 'a'.repeat(100_000);
    const parsed = ClassifyResponse.parse(await handleRequest({ type: 'classify', items: [{ body }] }));
    expect(parsed.classifications).toHaveLength(1);
  });
});
