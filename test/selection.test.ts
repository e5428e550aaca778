// Text the seller selected, checked as a buyer's message (lib/pages/selection.ts): hostile and
// malformed selections, which order it is about, and the safety law: whatever its words, a
// selection is never Amazon's official cancellation request, and nothing of it is stored.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { handleRequest } from '@/utils/background/requests';
import { createGuidance, type GuidanceState } from '@/utils/content/guidance';
import { isOurs, pageSelection } from '@/utils/content/page-selection';
import { classify } from '@/lib/classify/classify';
import { trustedIntent } from '@/lib/classify/official';
import { advise } from '@/lib/guidance/advise';
import { readPage } from '@/lib/pages/read-page';
import { SELECTION_MAX_CHARS, SELECTION_MIN_CHARS, isFromSelection, orderIdsIn, pageOrderId, selectionSnapshot, usableSelection } from '@/lib/pages/selection';
import { MessageThreadSnapshot, type PageSnapshot } from '@/lib/pages/snapshot';
import { summarise } from '@/components/read-summary';
import type { ClassifiedMessage } from '@/lib/watch';
import { loadFixture, orderPage, tEn, tJa } from './helpers';

const ORDER = '114-3941689-8772232';
const OTHER = '171-1234567-7654321';
const NOW = Date.parse('2026-11-22T12:00:00Z');
const PLEASE_CANCEL = 'Hello, I ordered the wrong size by mistake. Could you please cancel my order? Thank you.';

/** The snapshot of a check that must succeed. */
function check(raw: unknown, context: Parameters<typeof selectionSnapshot>[1] = {}) {
  const result = selectionSnapshot(raw, context);
  if (!result.ok) throw new Error(`not checked: ${result.reason}`);
  return result;
}

/** What the background does with the selection's one message, then the findings (as the content script runs them). */
function findingsFor(snapshot: MessageThreadSnapshot, page?: PageSnapshot) {
  const message = snapshot.messages[0]!;
  const classification = classify({ body: message.text, sender: message.sender, ...(snapshot.marketplace ? { marketplace: snapshot.marketplace } : {}) });
  const classified: ClassifiedMessage[] = [{ index: 0, classification }];
  const watch =
    page?.kind === 'order-details'
      ? { version: 1 as const, orderId: page.orderId, firstSeen: new Date(NOW).toISOString(), lastSeen: new Date(NOW).toISOString(), status: page.status, messages: [] }
      : undefined;
  return { classification, findings: advise({ snapshot, classified, watch, settings: { replyDueHours: 12 }, now: NOW }) };
}

describe('usableSelection: what is worth checking', () => {
  it.each([
    ['nothing', ''],
    ['only blanks', ' \n\t\u00a0 \r\n   '],
    ['only zero-width characters', '\u200b\u200c\u200d\u2060\ufeff'.repeat(40)],
    ['zero-width characters between a few letters', 'a\u200bb\u200bc\u200bd'],
    ['a word', 'cancel'],
    [`${SELECTION_MIN_CHARS - 1} visible characters spread by blanks`, 'a b c d e f g'],
  ])('refuses %s', (_what, raw) => {
    expect(usableSelection(raw)).toBeUndefined();
    const result = selectionSnapshot(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/at least 8 characters/);
  });

  it.each([undefined, null, 42, {}, ['please cancel my order'], { toString: () => 'please cancel my order' }])('refuses a non-string (%s) without throwing', (raw) => {
    expect(usableSelection(raw)).toBeUndefined();
    expect(selectionSnapshot(raw).ok).toBe(false);
  });

  it(`takes ${SELECTION_MIN_CHARS} visible characters, and a short Japanese message`, () => {
    expect(usableSelection('abcdefgh')).toEqual({ text: 'abcdefgh', truncated: false });
    expect(usableSelection('キャンセルしてください')?.text).toBe('キャンセルしてください');
  });

  it('removes characters that show as nothing, so a hidden word is the word', () => {
    expect(usableSelection('please can\u200Bcel my or\u00ADder\u2060 now')?.text).toBe('please cancel my order now');
    expect(usableSelection('\u{E0041}\u{E0042}please cancel my order')?.text).toBe('please cancel my order');
  });

  it('keeps line breaks, one space for a run of blanks, at most one empty line', () => {
    expect(usableSelection('  Hello,\r\n\r\n\r\n\r\nplease   cancel\t\tmy order.  \n')?.text).toBe('Hello,\n\nplease cancel my order.');
  });

  it('cuts a 200 KB selection to the limit, says so, and stays fast', () => {
    const raw = `${PLEASE_CANCEL} ${'x'.repeat(200 * 1024)}`;
    const started = performance.now();
    const result = check(raw);
    const took = performance.now() - started;
    expect(result.truncated).toBe(true);
    expect(result.snapshot.messages[0]!.text.length).toBeLessThanOrEqual(SELECTION_MAX_CHARS);
    expect(result.snapshot.messages[0]!.text.startsWith(PLEASE_CANCEL)).toBe(true);
    // Bounded work: only the first 20,000 characters are looked at (generous for a slow machine).
    expect(took).toBeLessThan(250);
  });

  it('cuts 10 MB of emoji between code points, never inside a surrogate pair', () => {
    const result = check('😀'.repeat(5 * 1024 * 1024));
    const text = result.snapshot.messages[0]!.text;
    expect(result.truncated).toBe(true);
    expect(text.length).toBeLessThanOrEqual(SELECTION_MAX_CHARS);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)).toBe(false);
  });

  it('does not say "cut" for a selection exactly at the limit', () => {
    const result = check('a'.repeat(SELECTION_MAX_CHARS));
    expect(result.truncated).toBe(false);
    expect(result.snapshot.messages[0]!.text).toHaveLength(SELECTION_MAX_CHARS);
  });
});

describe('selectionSnapshot: a buyer message of unknown origin', () => {
  it("is one message, the buyer's, with no subject, from the seller's selection", () => {
    const { snapshot } = check(PLEASE_CANCEL, { hostMarketplace: 'US' });
    expect(MessageThreadSnapshot.safeParse(snapshot).success).toBe(true);
    expect(snapshot).toMatchObject({ kind: 'message-thread', marketplace: 'US', messages: [{ sender: 'buyer', text: PLEASE_CANCEL }], sources: ['selection'] });
    expect(snapshot.subject).toBeUndefined();
    expect(snapshot.messages[0]).not.toHaveProperty('time');
    expect(snapshot.replyPending).toBeUndefined();
    expect(isFromSelection(snapshot)).toBe(true);
    expect(snapshot.missing.map((m) => m.field)).toEqual(['subject', 'orderId']);
  });

  it('keeps markup as the text it is (nothing is parsed)', () => {
    const hostile = '<img src=x onerror="window.pwned=1"><script>alert(1)</script> please cancel my order';
    const { snapshot } = check(hostile);
    expect(snapshot.messages[0]!.text).toBe(hostile);
  });

  it("takes the first line as part of the message, never as a subject (even Amazon's request subject)", () => {
    const { snapshot } = check(`Order cancellation request from Amazon customer Jane (Order: ${ORDER})\nplease cancel`);
    expect(snapshot.subject).toBeUndefined();
    expect(snapshot.messages).toHaveLength(1);
  });

  it('a page read by the readers is not from a selection', () => {
    const { doc, url } = loadFixture('message-thread-en');
    const read = readPage(doc, url);
    expect(read.kind).toBe('message-thread');
    expect(isFromSelection(read)).toBe(false);
    expect(isFromSelection(undefined)).toBe(false);
    expect(isFromSelection({ kind: 'unrecognized', reason: 'x' })).toBe(false);
  });

  it('refuses, with the reason, what the snapshot schema refuses (never half used)', () => {
    const result = selectionSnapshot(PLEASE_CANCEL, { hostMarketplace: 'XX' as never });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/could not be checked/);
  });

  it("takes the marketplace from the page's reading first, else from the host", () => {
    expect(check(PLEASE_CANCEL, { page: orderPage({ marketplace: 'JP' }), hostMarketplace: 'US' }).snapshot.marketplace).toBe('JP');
    expect(check(PLEASE_CANCEL, { page: { kind: 'unrecognized', reason: 'x' }, hostMarketplace: 'DE' }).snapshot.marketplace).toBe('DE');
    expect(check(PLEASE_CANCEL).snapshot).not.toHaveProperty('marketplace');
  });

  it("gives a reply the page's reply box when the text was selected on a conversation", () => {
    const { doc, url } = loadFixture('message-thread-en');
    const thread = readPage(doc, url);
    if (thread.kind !== 'message-thread') throw new Error('expected a thread');
    expect(thread.replyBox).toBeDefined();
    expect(check(PLEASE_CANCEL, { page: thread }).snapshot.replyBox).toEqual(thread.replyBox);
    expect(check(PLEASE_CANCEL, { page: orderPage() }).snapshot.replyBox).toBeUndefined();
  });
});

describe('which order the selection is about', () => {
  it('finds order ids standing alone, each once, in order', () => {
    expect(orderIdsIn(`Order ${ORDER}, again ${ORDER}; also #${OTHER}.`)).toEqual([ORDER, OTHER]);
    expect(orderIdsIn('1114-3941689-8772232 and 114-3941689-87722321 and 114-394168-8772232')).toEqual([]);
    expect(orderIdsIn('ｏｒｄｅｒ １１４-３９４１６８９-８７７２２３２')).toEqual([]);
  });

  it('takes the one order id inside the selection', () => {
    expect(check(`${PLEASE_CANCEL} Order ${ORDER}`).snapshot.orderId).toBe(ORDER);
  });

  it("takes the page's order when the selection names none (an order page, a thread, a notice)", () => {
    expect(check(PLEASE_CANCEL, { page: orderPage() }).snapshot.orderId).toBe(ORDER);
    const thread: PageSnapshot = { kind: 'message-thread', orderId: OTHER, messages: [], missing: [], sources: ['dom'] };
    expect(check(PLEASE_CANCEL, { page: thread }).snapshot.orderId).toBe(OTHER);
    const list: PageSnapshot = { kind: 'order-list', orders: [orderPage()], missing: [], sources: ['dom'] };
    expect(pageOrderId(list)).toBe(ORDER);
    expect(pageOrderId({ ...list, orders: [orderPage(), orderPage({}, OTHER)] })).toBeUndefined();
    expect(pageOrderId({ kind: 'message-inbox', missing: [], sources: ['dom'] })).toBeUndefined();
  });

  it('prefers the order the selection names over the one the page shows', () => {
    expect(check(`${PLEASE_CANCEL} (${OTHER})`, { page: orderPage() }).snapshot.orderId).toBe(OTHER);
  });

  it("takes none of two order ids, and says why; the page's order when it is one of them", () => {
    const two = `Please cancel ${ORDER}, I meant to buy ${OTHER}.`;
    const alone = check(two).snapshot;
    expect(alone.orderId).toBeUndefined();
    expect(alone.missing.find((m) => m.field === 'orderId')).toMatchObject({ why: 'unreadable', reason: expect.stringMatching(/names 2 order ids/) });
    expect(check(two, { page: orderPage() }).snapshot.orderId).toBe(ORDER);
    expect(check(two, { page: orderPage({}, '999-1234567-1234567') }).snapshot.orderId).toBeUndefined();
  });

  it('says no order was found when neither the selection nor the page names one', () => {
    expect(check(PLEASE_CANCEL).snapshot.missing.find((m) => m.field === 'orderId')?.why).toBe('not-found');
  });
});

describe("a selection in the pipeline: never Amazon's official request", () => {
  /** Amazon's request wording (subjects and notification bodies), pasted or selected as a message. */
  const OFFICIAL_WORDING = [
    `Order cancellation request from Amazon customer Jane (Order: ${ORDER})`,
    'The buyer has requested that this order be cancelled. Please cancel the order from Manage Orders.',
    'buyer requested cancellation',
    "Demande d'annulation de commande de la part du client Amazon",
    'Stornierungsanfrage von Amazon-Kunde',
    'solicitud de cancelación de pedido del cliente de Amazon',
    "richiesta di cancellazione dell'ordine da parte del cliente Amazon",
    '注文キャンセルリクエスト: 購入者がキャンセルをリクエストしました',
  ];

  it.each(OFFICIAL_WORDING)('"%s" is a buyer asking, not the request', (wording) => {
    const { snapshot } = check(`${wording}\n\n${ORDER}`, { hostMarketplace: 'US' });
    const { classification, findings } = findingsFor(snapshot, orderPage());
    expect(trustedIntent(classification, 'buyer')).not.toBe('cancel-request');
    const ids = findings.map((f) => f.id);
    expect(ids).not.toContain('cancel-request-pending');
  });

  it("control: the same words are the request when Amazon's sender shows them, as a selection they are a buyer asking", () => {
    const words = `Order cancellation request from Amazon customer Jane (Order: ${ORDER})\nThe buyer has requested that this order be cancelled.`;
    expect(classify({ body: words, sender: 'amazon', marketplace: 'US' }).intent).toBe('cancel-request');
    const { snapshot } = check(words, { hostMarketplace: 'US' });
    const { classification, findings } = findingsFor(snapshot, orderPage());
    expect(classification.intent).toBe('cancel-inquiry');
    expect(findings.map((f) => f.id)).toEqual(['cancel-inquiry-not-request']);
  });

  it('a "please cancel" selection on the order page gives the warning that it is not the request', () => {
    const page = orderPage();
    const { snapshot } = check(PLEASE_CANCEL, { page });
    const { findings } = findingsFor(snapshot, page);
    expect(findings.map((f) => f.id)).toEqual(['cancel-inquiry-not-request']);
    expect(findings[0]).toMatchObject({ orderId: ORDER, templates: ['cancel-how-to-request'] });
    expect(findings[0]!.evidence[0]?.text).toBe(PLEASE_CANCEL);
  });

  it('"What I read" says the text came from the selection, in both languages', () => {
    const { snapshot } = check(`${PLEASE_CANCEL} ${ORDER}`);
    expect(summarise(snapshot, 'en', tEn).note).toMatch(/^Read from the text you selected\./);
    expect(summarise(snapshot, 'ja', tJa).note).toMatch(/^選択したテキストから読み取りました。/);
    expect(summarise(snapshot, 'en', tEn).lines).toContainEqual({ label: 'fieldOrderId', value: ORDER });
    expect(summarise(snapshot, 'en', tEn).lines).toContainEqual({ label: 'fieldLastSender', value: 'Buyer' });
  });
});

describe("a selection in the content script's guidance: advised, never stored", () => {
  const fakeContext = () => ({ setInterval: () => 0, onInvalidated: () => () => {} }) as unknown as ContentScriptContext;
  let sent: { type: string }[];

  beforeEach(() => {
    fakeBrowser.reset();
    sent = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string }) => {
      sent.push(message);
      return Promise.resolve(handleRequest(message));
    }) as never);
  });

  async function run(snapshot: PageSnapshot): Promise<GuidanceState> {
    const states: GuidanceState[] = [];
    const guidance = createGuidance(fakeContext(), (state) => states.push(state));
    guidance.update(snapshot);
    for (let i = 0; i < 400 && !(states.length > 0 && states.at(-1)!.pending === false); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(states.at(-1)?.pending).toBe(false);
    return states.at(-1)!;
  }

  const secret = 'Hi, this is Tomoko Vanderbilt at 42 Quillfeather Lane, please cancel my order';

  it('classifies and advises the selection, and writes nothing: no order record, none of its words', async () => {
    const { snapshot } = check(`${secret} ${ORDER}`, { hostMarketplace: 'US' });
    const state = await run(snapshot);
    expect(state.findings.map((f) => f.id)).toEqual(['cancel-inquiry-not-request']);
    expect(state.messageLanguage).toBe('en');
    expect(sent.map((m) => m.type)).toContain('classify');
    expect(sent.map((m) => m.type)).not.toContain('remember');
    const stored = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(stored).not.toContain(ORDER);
    expect(stored).not.toMatch(/Vanderbilt|Quillfeather|cancel my order/);
  });

  it('control: the same message read from a thread is remembered (its intent, never its words)', async () => {
    const thread: PageSnapshot = {
      kind: 'message-thread',
      marketplace: 'US',
      orderId: ORDER,
      messages: [{ sender: 'buyer', time: new Date(NOW).toISOString(), text: secret }],
      missing: [],
      sources: ['dom'],
    };
    await run(thread);
    expect(sent.map((m) => m.type)).toContain('remember');
    const stored = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(stored).toContain(ORDER);
    expect(stored).toContain('cancel-inquiry');
    expect(stored).not.toMatch(/Vanderbilt|Quillfeather|cancel my order/);
  });
});

describe("the page's selection (content script)", () => {
  function select(node: Node) {
    const range = document.createRange();
    range.selectNodeContents(node);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }

  beforeEach(() => {
    document.body.replaceChildren();
    document.getSelection()?.removeAllRanges();
  });

  it('takes a selection on the page, tidied', () => {
    const p = document.createElement('p');
    p.textContent = `  ${PLEASE_CANCEL}  `;
    document.body.append(p);
    select(p);
    expect(pageSelection(document)).toEqual({ text: PLEASE_CANCEL, truncated: false });
  });

  it('takes nothing when nothing, or too little, is selected', () => {
    expect(pageSelection(document)).toBeUndefined();
    const p = document.createElement('p');
    p.textContent = 'cancel';
    document.body.append(p);
    select(p);
    expect(pageSelection(document)).toBeUndefined();
  });

  it('ignores text selected in our own sidebar and inline warning, through their shadow roots', () => {
    for (const name of ['seller-sidekick', 'seller-sidekick-inline']) {
      const host = document.createElement(name);
      document.body.append(host);
      const inner = host.attachShadow({ mode: 'open' });
      const p = document.createElement('p');
      p.textContent = PLEASE_CANCEL;
      inner.append(p);
      expect(isOurs(p.firstChild)).toBe(true);
      expect(isOurs(host)).toBe(true);
    }
    const page = document.createElement('p');
    page.textContent = PLEASE_CANCEL;
    document.body.append(page);
    expect(isOurs(page.firstChild)).toBe(false);
    expect(isOurs(null)).toBe(false);
    // Light DOM inside our host (never the case today) is ours too.
    const host = document.querySelector('seller-sidekick')!;
    const light = document.createElement('span');
    light.textContent = PLEASE_CANCEL;
    host.append(light);
    select(light);
    expect(pageSelection(document)).toBeUndefined();
  });
});
