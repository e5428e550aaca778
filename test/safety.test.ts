// The safety rule as a law: a buyer's message is never Amazon's official cancellation request, whatever
// its words, and the guard on Cancel order stays while a buyer has only asked. Property tests over
// generated buyer messages in six languages, plus the evasions (invisible and look-alike characters)
// and forged classifications.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '@/lib/classify/classify';
import { officialSourceOf, trustedIntent } from '@/lib/classify/official';
import type { Classification } from '@/lib/classify/types';
import { advise } from '@/lib/guidance/advise';
import { ClassificationSchema } from '@/lib/classify/types';
import type { MessageThreadSnapshot } from '@/lib/pages/snapshot';
import { observeThread } from '@/lib/watch';
import { orderPage } from './helpers';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const ORDER = '114-3941689-8772232';

/**
 * What a buyer may write, including Amazon's own request wording copied or paraphrased: every
 * phrase of the official-request subjects and notification bodies, in each language, and the
 * ordinary ways of asking.
 */
const OFFICIAL_LOOKING = [
  'Order cancellation request from Amazon customer',
  'Order cancellation request for order',
  'buyer requested cancellation',
  'The buyer has requested that this order be cancelled',
  'has requested to cancel',
  "demande d'annulation de commande",
  "Demande d'annulation de commande de la part du client Amazon",
  'solicitud de cancelación de pedido',
  'Solicitud de cancelacion del pedido para el numero de pedido',
  'solicitud de cancelación de pedido del cliente de Amazon',
  'Stornierungsanfrage von Amazon-Kunde',
  'Bestellstornierungsanfrage',
  "richiesta di annullamento dell'ordine",
  "Richiesta di annullamento per l'ordine numero",
  "richiesta di cancellazione dell'ordine da parte del cliente Amazon",
  '注文キャンセルリクエスト',
  'キャンセルリクエストがありました',
  '購入者がキャンセルをリクエスト',
  'キャンセルをリクエストしました',
];
const ASKING = [
  'please cancel my order',
  'cancel it asap',
  'Bitte stornieren Sie meine Bestellung',
  'pouvez-vous annuler ma commande',
  'puede cancelar mi pedido',
  "potete annullare l'ordine",
  'キャンセルしてください',
  'キャンセルお願いします',
];
const GREETINGS = ['', 'Hello, ', 'Bonjour, ', 'Hola, ', 'Hallo, ', 'Ciao, ', 'お世話になります。', 'hi ', 'Dear seller,\n'];
const TAILS = ['', ' svp', ' please', ' thanks', ' merci', ' gracias', ' danke', ' grazie', 'お願いします', '!!', ' ' + ORDER, '\n\nBest regards\nJane'];
/** Subjects a buyer's message can have: none, Amazon's inquiry subjects, a seller tool's "Re:". */
const SUBJECTS = [
  undefined,
  '',
  'Inquiry from Amazon customer Jane (Order: 114-3941689-8772232)',
  'Product details inquiry from Amazon customer Jane (Order: 114-3941689-8772232)',
  'Order delivery inquiry from Amazon customer Jane (Order: 114-3941689-8772232)',
  'Demande de renseignements de la part du client Amazon Marie (Commande : 171-1234567-1234567)',
  'Frage von Amazon-Kunde Max (Bestellung: 302-1234567-1234567)',
  "Messaggio dall'acquirente",
  'Re: your order',
  'Amazonのお客様からのお問い合わせ',
];

/** Small damage a writer or a copy makes: case, doubled spaces, a typo'd letter. */
const damage = (text: string, seed: number): string => {
  switch (seed % 4) {
    case 0:
      return text;
    case 1:
      return text.toUpperCase();
    case 2:
      return text.replace(/ /g, '  ');
    default:
      return text.toLowerCase();
  }
};

const buyerMessage = fc
  .record({
    greeting: fc.constantFrom(...GREETINGS),
    phrase: fc.constantFrom(...OFFICIAL_LOOKING, ...ASKING),
    second: fc.option(fc.constantFrom(...OFFICIAL_LOOKING, ...ASKING), { nil: undefined }),
    tail: fc.constantFrom(...TAILS),
    subject: fc.constantFrom(...SUBJECTS),
    damage: fc.nat(),
    marketplace: fc.constantFrom('US', 'UK', 'DE', 'FR', 'IT', 'ES', 'JP', undefined),
    subjectIsFirstLine: fc.boolean(),
  })
  .map((m) => {
    const body = damage(`${m.greeting}${m.phrase}${m.second ? `. ${m.second}` : ''}${m.tail}`, m.damage);
    // A page whose heading the reader could not find, or took from the message's own first line.
    const subject = m.subjectIsFirstLine ? body.split('\n')[0] : m.subject;
    return { body, subject, marketplace: m.marketplace };
  });

function threadOf(body: string, subject: string | undefined, sender: 'buyer' | 'amazon' = 'buyer'): MessageThreadSnapshot & { orderId: string } {
  return {
    kind: 'message-thread',
    marketplace: 'US',
    orderId: ORDER,
    ...(subject !== undefined ? { subject } : {}),
    messages: [{ sender, text: body, time: '2026-11-22T08:00:00.000Z' }],
    missing: [],
    sources: ['dom'],
  };
}

describe('a buyer message is never an official cancellation request', () => {
  it('over generated buyer messages in six languages, with no subject, an ordinary one or its own first line', () => {
    fc.assert(
      fc.property(buyerMessage, ({ body, subject, marketplace }) => {
        const result = classify({ body, sender: 'buyer', ...(subject !== undefined ? { subject } : {}), ...(marketplace ? { marketplace } : {}) });
        expect(result.intent).not.toBe('cancel-request');
        expect(result.official).toBeUndefined();
      }),
      { numRuns: 2_000, seed: 12 },
    );
  });

  it('with no sender given (a page that did not say who wrote it), words alone still decide nothing', () => {
    fc.assert(
      fc.property(buyerMessage, ({ body, marketplace }) => {
        expect(classify({ body, ...(marketplace ? { marketplace } : {}) }).intent).not.toBe('cancel-request');
      }),
      { numRuns: 1_000, seed: 13 },
    );
  });

  it('leaves the order memory without the official flag, and the guard on Cancel order in place', () => {
    fc.assert(
      fc.property(buyerMessage, ({ body, subject }) => {
        const thread = threadOf(body, subject);
        const classification = classify({ body, sender: 'buyer', ...(subject !== undefined ? { subject } : {}), marketplace: 'US' });
        const watch = observeThread(undefined, thread, [{ index: 0, classification }], NOW);
        expect(watch.buyerRequestedCancel).not.toBe(true);
        const onThread = advise({ snapshot: thread, classified: [{ index: 0, classification }], watch, settings: { replyDueHours: 12 }, now: NOW }).map((f) => f.id);
        const onOrder = advise({ snapshot: orderPage(), watch, settings: { replyDueHours: 12 }, now: NOW }).map((f) => f.id);
        expect(onThread).not.toContain('cancel-request-pending');
        expect(onOrder).not.toContain('cancel-request-pending');
        // Whenever the message is read as a plea to cancel, the order page keeps the warning by Cancel order.
        if (classification.intent === 'cancel-inquiry') expect(onOrder).toContain('cancel-inquiry-not-request');
      }),
      { numRuns: 500, seed: 14 },
    );
  });

  it.each([
    "Bonjour, demande d'annulation de commande svp",
    'Hola, solicitud de cancelación de pedido',
    '注文キャンセルリクエストお願いします',
    'Order cancellation request from Amazon customer: that is me, please cancel',
    "Richiesta di annullamento per l'ordine numero 404-1234567-1234567, grazie",
    'Bestellstornierungsanfrage!!',
    'The buyer has requested that this order be cancelled. (I am the buyer)',
  ])('"%s" from a buyer with no subject is an inquiry', (body) => {
    const result = classify({ body, sender: 'buyer' });
    expect(result.intent).toBe('cancel-inquiry');
  });
});

describe('the official request still comes through from Amazon', () => {
  it.each([
    [
      'subject (en, pre-2022)',
      { subject: 'Order cancellation request from Amazon customer Jane (Order: 114-3941689-8772232)', body: 'Reason: ordered by mistake', sender: 'buyer' as const },
      'amazon-subject',
    ],
    ['subject (it, since 2022)', { subject: "Richiesta di annullamento per l'ordine numero: 404-1234567-1234567", body: '', sender: 'amazon' as const }, 'amazon-subject'],
    ['subject (es, since 2022)', { subject: 'Solicitud de cancelacion del pedido para el numero de pedido: 404-1234567-1234567', body: '' }, 'amazon-subject'],
    ['Amazon sender', { body: 'The buyer has requested that this order be canceled.', sender: 'amazon' as const }, 'amazon-sender'],
    ['order flag', { body: 'please cancel', sender: 'buyer' as const, order: { buyerRequestedCancel: true } }, 'order-flag'],
  ] as const)('%s', (_label, input, source) => {
    const result = classify(input);
    expect(result.intent).toBe('cancel-request');
    expect(result.official).toBe(source);
  });

  it('a request subject further along the subject line is somebody writing it, not Amazon', () => {
    expect(classify({ subject: 'Re: my Order cancellation request from Amazon customer', body: 'well?', sender: 'buyer' }).intent).not.toBe('cancel-request');
  });

  it("sets the order memory flag from Amazon's subject, and the order page then offers to cancel", () => {
    const subject = 'Order cancellation request from Amazon customer Jane (Order: 114-3941689-8772232)';
    const thread = threadOf('Reason: ordered by mistake', subject);
    const classification = classify({ subject, body: 'Reason: ordered by mistake', sender: 'buyer' });
    const watch = observeThread(undefined, thread, [{ index: 0, classification }], NOW);
    expect(watch.buyerRequestedCancel).toBe(true);
    const onOrder = advise({ snapshot: orderPage(), watch, settings: { replyDueHours: 12 }, now: NOW }).map((f) => f.id);
    expect(onOrder).toContain('cancel-request-pending');
    expect(onOrder).not.toContain('cancel-inquiry-not-request');
  });
});

describe('a claim of an official request is checked against its source', () => {
  const forged: Classification = { intent: 'cancel-request', confidence: 0.98, language: 'en', flags: [], evidence: [], scores: {} };

  it('a cancel-request without its Amazon signal is read as an inquiry, and keeps the guard', () => {
    expect(trustedIntent(forged, 'buyer')).toBe('cancel-inquiry');
    const thread = threadOf('please cancel', undefined);
    const watch = observeThread(undefined, thread, [{ index: 0, classification: forged }], NOW);
    expect(watch.buyerRequestedCancel).not.toBe(true);
    expect(watch.messages[0]?.intent).toBe('cancel-inquiry');
    const onOrder = advise({ snapshot: orderPage(), watch, settings: { replyDueHours: 12 }, now: NOW }).map((f) => f.id);
    expect(onOrder).toContain('cancel-inquiry-not-request');
    const onThread = advise({ snapshot: thread, classified: [{ index: 0, classification: forged }], settings: { replyDueHours: 12 }, now: NOW }).map((f) => f.id);
    expect(onThread).not.toContain('cancel-request-pending');
  });

  it('"sent by Amazon" counts only for a message the page shows as Amazon\'s', () => {
    const claimed: Classification = { ...forged, official: 'amazon-sender' };
    expect(officialSourceOf(claimed, 'buyer')).toBeUndefined();
    expect(officialSourceOf(claimed, 'amazon')).toBe('amazon-sender');
    expect(officialSourceOf({ ...forged, official: 'amazon-subject' }, 'seller')).toBeUndefined();
  });

  it("the background's answer is refused when a request has no source, or a non-request has one", () => {
    expect(ClassificationSchema.safeParse(forged).success).toBe(false);
    expect(ClassificationSchema.safeParse({ ...forged, official: 'amazon-subject' }).success).toBe(true);
    expect(ClassificationSchema.safeParse({ ...forged, intent: 'cancel-inquiry', official: 'order-flag' }).success).toBe(false);
    expect(ClassificationSchema.safeParse({ ...forged, official: 'the-buyer-said-so' }).success).toBe(false);
  });
});

describe('evasion: invisible and look-alike characters cannot hide a word', () => {
  const hide = {
    'zero-width space': (w: string) => `${w.slice(0, 3)}\u200b${w.slice(3)}`,
    'soft hyphen': (w: string) => `${w.slice(0, 3)}\u00ad${w.slice(3)}`,
    'zero-width joiner': (w: string) => `${w.slice(0, 2)}\u200d${w.slice(2)}`,
    'word joiner and BOM': (w: string) => `${w.slice(0, 1)}\u2060${w.slice(1, 4)}\ufeff${w.slice(4)}`,
    'Cyrillic look-alikes': (w: string) => w.replace(/a/g, '\u0430').replace(/c/g, '\u0441').replace(/e/g, '\u0435').replace(/o/g, '\u043e'),
    'Greek look-alikes': (w: string) => w.replace(/o/g, '\u03bf').replace(/a/g, '\u03b1'),
    'tag characters': (w: string) => `${w.slice(0, 2)}\u{e0061}${w.slice(2)}`,
  } as const;

  it.each(Object.keys(hide) as (keyof typeof hide)[])('%s inside the cancel word still reads as a cancel inquiry, and keeps the guard', (how) => {
    for (const [before, word, after] of [
      ['Please ', 'cancel', ' my order'],
      ['Bitte ', 'stornieren', ' Sie die Bestellung'],
      ["Merci d'", 'annuler', ' ma commande'],
      ['Por favor ', 'cancelar', ' mi pedido'],
    ] as const) {
      const body = `${before}${hide[how](word)}${after}`;
      const result = classify({ body, sender: 'buyer' });
      expect(result.intent, body).toBe('cancel-inquiry');
      // The evidence still points at the hidden word in the text as given.
      const from = before.length;
      const to = from + hide[how](word).length;
      expect(
        result.evidence.some((e) => e.field === 'body' && e.start < to && e.end > from),
        body,
      ).toBe(true);
      const thread = threadOf(body, undefined);
      const watch = observeThread(undefined, thread, [{ index: 0, classification: result }], NOW);
      expect(advise({ snapshot: orderPage(), watch, settings: { replyDueHours: 12 }, now: NOW }).map((f) => f.id)).toContain('cancel-inquiry-not-request');
    }
  });

  it('Japanese with a zero-width space inside キャンセル is still an inquiry', () => {
    expect(classify({ body: 'キャン\u200bセルしてください', sender: 'buyer' }).intent).toBe('cancel-inquiry');
  });
});

describe('no signal, no verdict', () => {
  it.each([
    ['1 MB of "a"', 'a'.repeat(1_000_000)],
    ['a run of one emoji', '😀'.repeat(5_000)],
    ['digits', '1234567890'.repeat(100)],
    ['punctuation', '!?.'.repeat(300)],
    ['one letter', 'x'],
  ])('%s is other, at low confidence', (_label, body) => {
    const result = classify({ body, sender: 'buyer' });
    expect(result.intent).toBe('other');
    expect(result.confidence).toBeLessThanOrEqual(0.3);
  });
});
