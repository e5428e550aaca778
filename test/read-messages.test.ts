// The messaging reader reads a conversation by what the page holds (docs/seller-central-pages.md
// §4, §13): these pages are laid out unlike the demo's own markup on purpose.
import { describe, expect, it, vi } from 'vitest';
import { readPage } from '@/lib/pages/read-page';
import { relayText } from '@/lib/pages/read-messages';
import { PageSnapshot, type MessageThreadSnapshot } from '@/lib/pages/snapshot';
import { summarise } from '@/components/read-summary';
import { loadFixture, parseHtml, tEn, tJa } from './helpers';

const CASE = '2f6d9b1e-5c3a-4e8f-a0b7-9d1c4e6f8a25';
const US_CASE_URL = new URL(`https://sellercentral.amazon.com/messaging/inbox-v3?fi=responseNeeded&pn=1&cc=${CASE}`);
const US_INBOX_URL = new URL('https://sellercentral.amazon.com/messaging/inbox-v3?fi=responseNeeded');

function read(doc: Document, url = US_CASE_URL, input = {}) {
  const snapshot = readPage(doc, url, input);
  expect(PageSnapshot.safeParse(snapshot).success, JSON.stringify(snapshot).slice(0, 400)).toBe(true);
  return snapshot;
}

function thread(doc: Document, url = US_CASE_URL, input = {}): MessageThreadSnapshot {
  const snapshot = read(doc, url, input);
  if (snapshot.kind !== 'message-thread') throw new Error(`expected a thread, got ${JSON.stringify(snapshot)}`);
  return snapshot;
}

const senders = (t: MessageThreadSnapshot) => t.messages.map((m) => m.sender);

/** A conversation in plain markup: each message a row of [label, time] over its text. */
function conversationHtml(rows: ReadonlyArray<readonly [label: string, time: string, text: string]>, attrs = 'class="q1"'): string {
  return `<div ${attrs}>${rows.map(([label, time, text]) => `<div class="z"><p><b>${label}</b> <i>${time}</i></p><p>${text}</p></div>`).join('')}</div>`;
}

const reply = '<kat-textarea class="r"></kat-textarea>';

describe('the three-pane demo (case list | conversation | order)', () => {
  it('reads the open case: its order, who wrote what, and that the buyer waits for an answer', () => {
    const t = thread(loadFixture('message-thread-en-three-pane').doc);
    expect(t).toMatchObject({
      orderId: '113-5520871-0394417',
      caseId: CASE,
      subject: 'Shipping inquiry from Amazon customer Emily (Order: 113-5520871-0394417)',
      replyPending: true,
      replyBox: { kind: 'kat-textarea', path: '#mx-reply-box' },
    });
    expect(senders(t)).toEqual(['buyer', 'seller', 'buyer']);
    expect(t.messages[2]!.text).toBe('That is too late for me. Then please cancel it.');
    expect(t.messages[1]!.text).toContain('It ships from Japan');
    expect(t.missing).toEqual([]);
  });

  it('reads it the same without the #case-messages hook: the reply box shows where the conversation is', () => {
    const { doc } = loadFixture('message-thread-en-three-pane');
    doc.getElementById('case-messages')!.removeAttribute('id');
    const t = thread(doc);
    expect(senders(t)).toEqual(['buyer', 'seller', 'buyer']);
    expect(t.orderId).toBe('113-5520871-0394417');
    // The order panel's purchase date has a time too: it is not a message.
    expect(t.messages).toHaveLength(3);
  });

  it('knows the seller by the options when the page header does not name the store', () => {
    const { doc } = loadFixture('message-thread-en-three-pane');
    doc.getElementById('partner-switcher')!.remove();
    const withOptions = thread(doc, US_CASE_URL, { storeName: 'Kumo Craft Store' });
    expect(senders(withOptions)).toEqual(['buyer', 'seller', 'buyer']);
    // Without them the seller's message cannot be placed: it is left out and said so, never put under the buyer.
    const without = thread(doc, US_CASE_URL, {});
    expect(senders(without)).toEqual(['buyer', 'buyer']);
    expect(without.missing).toContainEqual(expect.objectContaining({ field: 'messages[1]', why: 'unreadable' }));
    expect(without.replyPending).toBe(true);
  });

  it('is a thread on the inbox URL too, once the conversation is open', () => {
    expect(read(loadFixture('message-thread-en-three-pane').doc, US_INBOX_URL)).toMatchObject({ kind: 'message-thread', orderId: '113-5520871-0394417' });
  });
});

describe('senders by their labels', () => {
  it.each([
    ['ja', '購入者', 'あなた', '2026/11/05 21:04', 'co.jp'],
    ['en', 'Buyer', 'You', 'Nov 5, 2026, 9:04 PM', 'com'],
    ['de', 'Käufer', 'Sie', '05.11.2026, 21:04', 'de'],
    ['fr', 'Acheteur', 'Vous', '5 nov. 2026, 21:04', 'fr'],
    ['it', 'Acquirente', 'Venditore', '5 nov 2026, 21:04', 'it'],
    ['es', 'Comprador', 'Vendedor', '5 de noviembre de 2026 a las 21:04', 'es'],
  ])('%s: buyer, seller and Amazon', (_lang, buyer, seller, time, tld) => {
    const doc = parseHtml(
      conversationHtml([
        [buyer, time, 'first question'],
        [seller, time, 'an answer'],
        ['Amazon', time, 'a notice from Amazon'],
        [buyer, time, 'the buyer again'],
      ]) + reply,
    );
    const t = thread(doc, new URL(`https://sellercentral.amazon.${tld}/messaging/inbox?cc=${CASE}`));
    expect(senders(t)).toEqual(['buyer', 'seller', 'amazon', 'buyer']);
    expect(t.messages.map((m) => m.text)).toEqual(['first question', 'an answer', 'a notice from Amazon', 'the buyer again']);
    expect(t.messages.every((m) => m.time !== undefined)).toBe(true);
  });

  it('never takes "Amazon Customer Service" for the customer', () => {
    const doc = parseHtml(
      conversationHtml([
        ['Amazon customer', 'Nov 5, 2026, 9:04 PM', 'please cancel'],
        ['Amazon Customer Service', 'Nov 5, 2026, 9:30 PM', 'we closed this case'],
      ]) + reply,
    );
    expect(senders(thread(doc))).toEqual(['buyer', 'amazon']);
  });

  it('leaves out a message whose label it does not know, and says so', () => {
    const doc = parseHtml(
      conversationHtml([
        ['Buyer', 'Nov 5, 2026, 9:04 PM', 'hello'],
        ['Tanaka Shop staff', 'Nov 5, 2026, 9:30 PM', 'hello back'],
      ]) + reply,
    );
    const t = thread(doc);
    expect(senders(t)).toEqual(['buyer']);
    expect(t.missing).toContainEqual(expect.objectContaining({ field: 'messages[1]' }));
    // The unknown message came last: whether a reply is pending cannot be told.
    expect(t.replyPending).toBeUndefined();
    expect(t.missing).toContainEqual(expect.objectContaining({ field: 'replyPending' }));
  });

  it('knows the buyer by the name the subject gives, also by first name', () => {
    const doc = parseHtml(
      '<h3>Inquiry from Amazon customer Jane Miller (Order: 114-3941689-8772232)</h3>' +
        conversationHtml([
          ['Jane', 'Nov 5, 2026, 9:04 PM', 'where is it?'],
          ['Kumo Craft Store', 'Nov 5, 2026, 9:30 PM', 'on its way'],
        ]) +
        reply,
    );
    const t = thread(doc, US_CASE_URL, { storeName: 'Kumo Craft Store' });
    expect(senders(t)).toEqual(['buyer', 'seller']);
    expect(t.replyPending).toBe(false);
    expect(t.orderId).toBe('114-3941689-8772232');
  });

  it('reads a list that shows the newest message first in time order', () => {
    const doc = parseHtml(
      conversationHtml([
        ['Buyer', 'Nov 6, 2026, 8:00 AM', 'newest'],
        ['You', 'Nov 5, 2026, 9:30 PM', 'middle'],
        ['Buyer', 'Nov 5, 2026, 9:04 PM', 'oldest'],
      ]) + reply,
    );
    const t = thread(doc);
    expect(t.messages.map((m) => m.text)).toEqual(['oldest', 'middle', 'newest']);
    expect(t.replyPending).toBe(true);
  });
});

describe('the buyer by elimination, as the seller would read it', () => {
  const both = { storeName: 'Kumo Craft Store', sellerName: 'Ken Sato' };
  const rows = (rows: ReadonlyArray<readonly [string, string]>) => parseHtml(conversationHtml(rows.map(([label, text], i) => [label, `Nov 5, 2026, ${i + 1}:00 PM`, text] as const)) + reply);

  it("takes a person's name for the buyer once both of the seller's names are known", () => {
    const t = thread(
      rows([
        ['Camille Martin', 'where is it?'],
        ['Kumo Craft Store', 'on its way'],
      ]),
      US_CASE_URL,
      both,
    );
    expect(senders(t)).toEqual(['buyer', 'seller']);
  });

  it('does not when the seller has not given their own name', () => {
    const t = thread(rows([['Camille Martin', 'where is it?']]), US_CASE_URL, { storeName: 'Kumo Craft Store' });
    expect(senders(t)).toEqual([]);
    expect(t.replyPending).toBeUndefined();
  });

  it("takes the other name for the buyer's once the seller's own label is seen in the conversation", () => {
    const t = thread(
      rows([
        ['Camille Martin', 'where is it?'],
        ['Kumo Craft Store', 'on its way'],
        ['Camille Martin', 'thanks'],
      ]),
      US_CASE_URL,
      {
        storeName: 'Kumo Craft Store',
      },
    );
    expect(senders(t)).toEqual(['buyer', 'seller', 'buyer']);
  });

  it("never takes a cut or turned-round seller's name, a team, a sentence or a field for the buyer", () => {
    for (const label of ['Kumo', 'Sato Ken', 'Seller Support', 'Messaging Team', 'Thank you so much', 'Dieser Fall wurde geschlossen.', 'キャンセルしてください', 'Purchase date:']) {
      const t = thread(
        rows([
          [label, 'some text'],
          ['Kumo Craft Store', 'on its way'],
        ]),
        US_CASE_URL,
        both,
      );
      expect(
        t.messages.filter((m) => m.sender === 'buyer'),
        label,
      ).toEqual([]);
    }
  });

  it('takes neither of two different names, and no name when the buyer signs with another label', () => {
    expect(
      senders(
        thread(
          rows([
            ['Camille Martin', 'a'],
            ['Louis Bernard', 'b'],
          ]),
          US_CASE_URL,
          both,
        ),
      ),
    ).toEqual([]);
    expect(
      senders(
        thread(
          rows([
            ['Buyer', 'a'],
            ['Louis Bernard', 'b'],
          ]),
          US_CASE_URL,
          both,
        ),
      ),
    ).toEqual(['buyer']);
  });

  it('does not read an order field with a date and time as a message', () => {
    const doc = parseHtml(`<div><p>Purchase date: Nov 4, 2026, 9:00 AM</p><p>Order ID: 114-3941689-8772232</p></div>${conversationHtml([['Buyer', 'Nov 5, 2026, 9:04 PM', 'hello']])}${reply}`);
    const t = thread(doc);
    expect(t.messages).toEqual([{ sender: 'buyer', time: expect.any(String), text: 'hello' }]);
    expect(t.orderId).toBe('114-3941689-8772232');
  });
});

describe('the open case among other cases', () => {
  const caseRow = (i: number) =>
    `<a href="/messaging/inbox-v3?cc=${String(i).padStart(8, '0')}-0000-4000-8000-000000000000"><span>Buyer ${i}</span><span>Nov ${1 + (i % 28)}, 2026, 10:${String(i % 60).padStart(2, '0')} AM</span><span>Order ${String(100 + (i % 900)).padStart(3, '0')}-${String(i).padStart(7, '0')}-0000001</span><span>question ${i}</span></a>`;

  it('reads the conversation next to a list of 500 cases, and takes its order from the conversation, not the list', () => {
    const doc = parseHtml(
      `<div class="a">${Array.from({ length: 500 }, (_, i) => caseRow(i)).join('')}</div>` +
        `<div class="b"><div>Order ID: 114-3941689-8772232</div>${conversationHtml([['Buyer', 'Nov 5, 2026, 9:04 PM', 'please cancel']])}${reply}</div>`,
    );
    const t = thread(doc);
    expect(t.orderId).toBe('114-3941689-8772232');
    expect(t.messages).toEqual([{ sender: 'buyer', time: expect.any(String), text: 'please cancel' }]);
  });

  it('is the inbox when 500 cases are listed and none is open', () => {
    const doc = parseHtml(`<div>Response needed (500)</div><div class="a">${Array.from({ length: 500 }, (_, i) => caseRow(i)).join('')}</div>`);
    expect(read(doc, US_INBOX_URL)).toMatchObject({ kind: 'message-inbox', responseNeeded: 500 });
  });

  it('names no order when only the case list names one', () => {
    const doc = parseHtml(`<div class="a">${caseRow(1)}${caseRow(2)}</div><div class="b">${conversationHtml([['Buyer', 'Nov 5, 2026, 9:04 PM', 'hello']])}${reply}</div>`);
    const t = thread(doc);
    expect(t.orderId).toBeUndefined();
    expect(t.missing).toContainEqual(expect.objectContaining({ field: 'orderId' }));
  });
});

describe('bad input', () => {
  it('keeps HTML in a message as text', () => {
    const doc = parseHtml(conversationHtml([['Buyer', 'Nov 5, 2026, 9:04 PM', '&lt;img src=x onerror="alert(1)"&gt;&lt;b&gt;cancel&lt;/b&gt;']]) + reply);
    expect(thread(doc).messages[0]!.text).toBe('<img src=x onerror="alert(1)"><b>cancel</b>');
  });

  it('reads markup inside a message as its text only', () => {
    const doc = parseHtml(conversationHtml([['Buyer', 'Nov 5, 2026, 9:04 PM', 'please <b>cancel</b> <script>alert(1)</script><img src=x>now']]) + reply);
    expect(thread(doc).messages[0]!.text).toBe('please cancel now');
  });

  it('cuts a 200 KB message at 20,000 characters and says so', () => {
    const doc = parseHtml(conversationHtml([['Buyer', 'Nov 5, 2026, 9:04 PM', 'x'.repeat(200_000)]]) + reply);
    const t = thread(doc);
    expect(t.messages[0]!.text).toHaveLength(20_000);
    expect(t.missing).toContainEqual(expect.objectContaining({ field: 'messages[0].text', why: 'unreadable' }));
  });

  it('reads neither of two open conversations (#case-messages twice), and says why in the UI language', () => {
    const one = conversationHtml([['Buyer', 'Nov 5, 2026, 9:04 PM', 'first case']], 'id="case-messages"');
    const two = conversationHtml([['Buyer', 'Nov 5, 2026, 9:04 PM', 'second case']], 'id="case-messages"');
    const snapshot = read(parseHtml(one + reply + two + reply));
    expect(snapshot).toMatchObject({ kind: 'unrecognized', problem: 'messages-two-conversations' });
    expect(summarise(snapshot, 'ja', tJa).note).toContain('会話が2つ同時に開いています');
    expect(summarise(snapshot, 'en', tEn).note).toContain('Two conversations are open at once');
  });

  it('reads neither of two conversations side by side, each with its own reply box', () => {
    const doc = parseHtml(
      `<div class="p">${conversationHtml([['Buyer', 'Nov 5, 2026, 9:04 PM', 'first case']])}${reply}</div>` +
        `<div class="p">${conversationHtml([['Buyer', 'Nov 5, 2026, 9:10 PM', 'second case']])}${reply}</div>`,
    );
    expect(read(doc)).toMatchObject({ kind: 'unrecognized', problem: 'messages-two-conversations' });
  });

  it('says a frame from another site could not be read when the open case is nowhere else', () => {
    const doc = parseHtml('<div>Messages</div><iframe id="f"></iframe>');
    Object.defineProperty(doc.getElementById('f'), 'contentDocument', { value: null });
    const snapshot = read(doc);
    expect(snapshot).toMatchObject({ kind: 'unrecognized', problem: 'messages-frame-blocked' });
    expect(summarise(snapshot, 'ja', tJa).note).toContain('別のサイトのフレーム');
  });

  it('still reads the inbox next to a frame it cannot read', () => {
    const doc = parseHtml('<div>Response needed (2)</div><iframe id="f"></iframe>');
    Object.defineProperty(doc.getElementById('f'), 'contentDocument', {
      get: () => {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    expect(read(doc, US_INBOX_URL)).toMatchObject({ kind: 'message-inbox', responseNeeded: 2 });
  });

  it('reads a conversation in a same-origin frame and in open shadow roots', () => {
    const doc = parseHtml('<div id="top">Messages</div><iframe id="f"></iframe>');
    const frameDoc = parseHtml('<div id="host"><span slot="meta">Order ID: 114-3941689-8772232</span></div>');
    Object.defineProperty(doc.getElementById('f'), 'contentDocument', { value: frameDoc });
    const host = frameDoc.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    const inside = parseHtml(`<header><slot name="meta"></slot></header>${conversationHtml([['Buyer', '2026/11/05 21:04', 'キャンセルしてください']])}<kat-textarea></kat-textarea>`);
    shadow.append(...[...inside.body.childNodes].map((n) => frameDoc.importNode(n, true)));
    const t = thread(doc, new URL(`https://sellercentral.amazon.co.jp/messaging/inbox?cc=${CASE}`));
    expect(t).toMatchObject({ orderId: '114-3941689-8772232', replyPending: true, replyBox: { kind: 'kat-textarea', nested: true } });
    expect(t.messages[0]).toMatchObject({ sender: 'buyer', text: 'キャンセルしてください', time: '2026-11-05T12:04:00.000Z' });
  });

  it('never throws, whatever the page holds', () => {
    const hostile = [
      '',
      '<div>'.repeat(2_000) + 'Buyer Nov 5, 2026, 9:04 PM' + '</div>'.repeat(2_000),
      `<textarea></textarea>${'<p>Buyer · Nov 5, 2026, 9:04 PM</p>'.repeat(3_000)}`,
      '<div id="case-messages"><span>99:99</span><span>Buyer 31/31/2026 25:61</span></div>',
      `<kat-textarea></kat-textarea><div>${'\u0000\uFFFF\uD800'.repeat(1000)} 1/1/26 1:00</div>`,
    ];
    for (const html of hostile) {
      const doc = parseHtml(html);
      expect(() => read(doc)).not.toThrow();
      expect(() => read(doc, US_INBOX_URL)).not.toThrow();
    }
  });

  it('does not read our own sidebar as part of the page', () => {
    const doc = parseHtml(`${conversationHtml([['Buyer', 'Nov 5, 2026, 9:04 PM', 'hello']])}${reply}<seller-sidekick><textarea></textarea><p>Buyer Nov 6, 2026, 9:04 PM</p></seller-sidekick>`);
    expect(thread(doc).messages).toHaveLength(1);
  });
});

describe("Amazon's relay form", () => {
  it("keeps the buyer's own words between the markers, without the boilerplate", () => {
    const text = [
      'Order ID: 114-3941689-8772232:',
      '------------- Begin message -------------',
      'Ordered wrong size. Please send 2t.',
      '------------- End message -------------',
      'For Your Information: To help arbitrate disputes and preserve trust and safety, we retain all messages.',
    ].join('\n');
    expect(relayText(text)).toBe('Ordered wrong size. Please send 2t.');
    expect(relayText('------------- メッセージはここから -------------\nキャンセルしてください\n------------- メッセージはここまで -------------')).toBe('キャンセルしてください');
    expect(relayText('plain words')).toBe('plain words');
  });

  it('reads the order id from a relayed message when nothing else names it', () => {
    const body = 'Order ID: 114-3941689-8772232<br>------------- Begin message -------------<br>where is it?<br>------------- End message -------------';
    const t = thread(parseHtml(conversationHtml([['Buyer', 'Nov 5, 2026, 9:04 PM', body]]) + reply));
    expect(t.orderId).toBe('114-3941689-8772232');
    expect(t.messages[0]!.text).toBe('where is it?');
  });
});

describe('Contact Buyer', () => {
  it('is a conversation with no messages yet, for the order its URL names', () => {
    const doc = parseHtml('<div class="ayb-contact-buyer-header"><h2>Send message to Jane</h2></div><div class="contact-buyer-text-area"><kat-textarea></kat-textarea></div>');
    const t = thread(doc, new URL('https://sellercentral.amazon.com/messaging/contact?orderID=114-3941689-8772232&marketplaceID=ATVPDKIKX0DER'));
    expect(t).toMatchObject({ orderId: '114-3941689-8772232', messages: [], replyBox: { kind: 'kat-textarea' } });
    expect(t.replyPending).toBeUndefined();
  });
});

vi.setConfig({ testTimeout: 30_000 });
