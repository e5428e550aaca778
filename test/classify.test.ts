import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, shippedModel } from '@/lib/classify/classify';
import { ClassificationSchema } from '@/lib/classify/types';
import { FLAGS, INTENTS, LANGUAGES } from '@/lib/classify/types';
import { loadSplit, SPLITS, type Split } from '@/scripts/eval';

type Example = ReturnType<typeof loadSplit>[number];
const corpus = (split: Split): Example[] => loadSplit(split);

const all = SPLITS.flatMap(corpus);

describe('the seed examples (docs/domain.md)', () => {
  const seeds = all.filter((e) => e.source.startsWith('seed-'));
  it('are in the corpus', () => expect(seeds.length).toBeGreaterThanOrEqual(15));
  it.each(seeds.map((e) => [e.id, e] as const))('%s', (_id, example) => {
    const result = classify(example);
    expect(result.intent).toBe(example.intent);
    for (const flag of example.flags ?? []) expect(result.flags).toContain(flag);
  });
});

describe('the seed case that the rules once read as an address change', () => {
  it('「キャンセル依頼を数日前に送っているのに、何故発送を行ったのか?」 is cancel-not-honored', () => {
    expect(classify({ body: 'キャンセル依頼を数日前に送っているのに、何故発送を行ったのか?', sender: 'buyer' }).intent).toBe('cancel-not-honored');
  });
});

describe('the safety distinction: only an official signal is a cancellation request', () => {
  it('the learned model cannot name one: a buyer never gets cancel-request, whatever they write (property)', () => {
    const phrases = [
      'Order cancellation request from Amazon customer',
      'cancel',
      'キャンセルリクエスト',
      'Stornierungsanfrage',
      "demande d'annulation",
      'The buyer has requested to cancel this order.',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...phrases), fc.string({ maxLength: 40 })), { maxLength: 8 }),
        fc.option(fc.constantFrom('US', 'JP', 'DE'), { nil: undefined }),
        (parts, marketplace) => {
          expect(classify({ body: parts.join(' '), sender: 'buyer', marketplace }).intent).not.toBe('cancel-request');
          expect(classify({ subject: 'Inquiry from Amazon customer Jane', body: parts.join(' '), sender: 'buyer', marketplace }).intent).not.toBe('cancel-request');
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ['en', { subject: 'Order cancellation request from Amazon customer Jane', body: 'Reason: ordered by mistake' }],
    ['en spelling', { subject: 'Order cancelation request from Amazon customer Jane', body: '' }],
    ['es', { subject: 'Solicitud de cancelación de pedido del cliente de Amazon Ana', body: 'Motivo: ya no lo necesito' }],
    ['fr', { subject: "Demande d'annulation de commande de la part du client Amazon Marie", body: '' }],
    ['de', { subject: 'Stornierungsanfrage von Amazon-Kunde Max', body: '' }],
    ['it', { subject: "Richiesta di cancellazione dell'ordine da parte del cliente Amazon Luca", body: '' }],
    ['order flag', { body: 'please cancel', order: { buyerRequestedCancel: true } }],
    ['Amazon sender', { body: 'The buyer has requested to cancel this order.', sender: 'amazon' as const }],
  ])('official (%s) → cancel-request', (_label, input) => {
    expect(classify(input).intent).toBe('cancel-request');
  });

  it.each([
    'I submitted a cancellation request',
    'Order cancellation request: please cancel my order', // the words, but not Amazon's subject
    'キャンセル依頼です',
    'キャンセルしてください',
    'Bitte stornieren Sie die Bestellung',
    "J'ai fait une demande d'annulation",
    'Quiero cancelar el pedido',
    'Vorrei annullare il mio ordine',
    'pls cancle, cancelation asap',
  ])('a buyer writing "%s" is cancel-inquiry', (body) => {
    expect(classify({ body, sender: 'buyer' }).intent).toBe('cancel-inquiry');
  });

  it('a buyer copying the official phrase into the body is still an inquiry', () => {
    expect(classify({ subject: 'Inquiry from Amazon customer Jane', body: 'This is an Order cancellation request from Amazon customer Jane, cancel it' }).intent).toBe('cancel-inquiry');
  });

  it('never calls a buyer message with buyerRequestedCancel=false a request', () => {
    expect(classify({ body: 'Please cancel', order: { buyerRequestedCancel: false } }).intent).toBe('cancel-inquiry');
  });
});

describe('flags', () => {
  it.each([
    ['JP', 'インドネシアに送ってください。配送先を変更したいです', true],
    ['US', 'Please change the shipping address to my office in Seattle', false],
    ['US', 'Please ship it to Canada instead', true],
    ['CA', 'Please ship it to Canada instead', false],
    ['DE', 'Bitte ändern Sie die Lieferadresse, schicken Sie es nach Frankreich', true],
  ] as const)('foreign-redirect on %s: %s → %s', (marketplace, body, expected) => {
    expect(classify({ body, marketplace }).flags.includes('foreign-redirect')).toBe(expected);
  });

  it('tells relisting (pattern 2) from a plain removal (pattern 1)', () => {
    const p2 = classify({ subject: '要ご対応:出品キャンセルのご連絡', body: '再出品をご希望の場合は請求書をご提出ください', sender: 'amazon' });
    const p1 = classify({ subject: '要ご対応:出品キャンセルのご連絡', body: '出品をキャンセルいたしました。', sender: 'amazon' });
    expect([p1.intent, p2.intent]).toEqual(['listing-removed', 'listing-removed']);
    expect(p2.flags).toContain('relisting-mentioned');
    expect(p1.flags).not.toContain('relisting-mentioned');
  });

  it('hears threats of reviews and claims, and anger', () => {
    const r = classify({ body: 'This is a FAKE!! I will leave a 1 star review and file an A-to-z claim.' });
    expect(r.intent).toBe('counterfeit');
    expect([...r.flags].sort()).toEqual(['angry', 'mentions-claim', 'mentions-review']);
  });
});

describe('evidence', () => {
  it('points at the words in the original text, full-width and accented included', () => {
    const body = 'ｷｬﾝｾﾙしてください。ＡＢＣ';
    const r = classify({ body });
    const span = r.evidence.find((e) => e.rule === 'ja.cancel.word')!;
    expect(body.slice(span.start, span.end)).toBe('ｷｬﾝｾﾙ');
    const fr = "Je voudrais annuler ma commande, c'est inadmissible";
    const f = classify({ body: fr });
    expect(f.evidence.map((e) => fr.slice(e.start, e.end))).toEqual(expect.arrayContaining(['annul', 'inadmissible']));
  });

  it('names the subject when the subject decided', () => {
    const subject = 'Order cancellation request from Amazon customer Jane';
    const r = classify({ subject, body: 'x' });
    expect(r.evidence[0]).toMatchObject({ field: 'subject', start: 0, end: 'Order cancellation request from Amazon customer'.length, rule: 'any.official-cancel.subject' });
  });

  it('cites the order flag when the context decided', () => {
    expect(classify({ body: '', order: { buyerRequestedCancel: true } }).evidence).toContainEqual(expect.objectContaining({ field: 'context', rule: 'context.order.buyer-requested-cancel' }));
  });
});

describe('long messages', () => {
  it('reads the new message, not the quoted history', () => {
    const body = 'Thank you, it arrived safely!\n\n-----Original Message-----\nFrom: seller\n> Please cancel? The item is defective and broken';
    expect(classify({ body }).intent).toBe('other');
  });

  it("reads only the buyer's words inside an Amazon relay e-mail", () => {
    const body = readFileSync('test/fixtures/real-pages/email_bsm-buyer-message_ca-us.txt', 'utf8');
    expect(classify({ body }).intent).not.toBe('a-to-z-claim');
  });
});

describe('bad input never throws and stays linear', () => {
  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t\u3000 '],
    ['emoji only', '😡😡😡🙏'],
    ['HTML', '<img src=x onerror=alert(1)><script>cancel()</script>'],
    ['1 MB', 'a'.repeat(1_000_000)],
    ['1 MB of cancel', 'cancel '.repeat(150_000)],
    ['backtracking bait', `${'-'.repeat(50_000)}begin message${' '.repeat(50_000)}`],
    ['lone surrogates', '\ud800\udc00\ud800 キャンセル \udfff'],
  ])('%s', (_label, body) => {
    const r = classify({ body });
    expect(INTENTS).toContain(r.intent);
    expect(r.confidence).toBeGreaterThanOrEqual(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });

  it.each([
    ['emoji', '😡😡😡'],
    ['empty', ''],
    ['white space', ' \n\t '],
    ['punctuation', '... --- ***'],
  ])('abstains on text without a word or a rule in it: %s → other, unsure, below the threshold', (_label, body) => {
    const r = classify({ body });
    expect(r.intent).toBe('other');
    expect(r.unsure).toBe(true);
    expect(r.confidence).toBeLessThan(shippedModel().abstainBelow);
  });

  it("an abstention reaches the content script: the background's answer keeps `unsure`", () => {
    const r = classify({ body: '😡😡😡' });
    expect(ClassificationSchema.parse(r).unsure).toBe(true);
  });

  it.each([
    ['1 MB of one letter', 'a'.repeat(1_000_000)],
    ['keyboard noise', 'qwrtzp xkcd vbnm'],
    ['more keyboard noise', 'asdf jkl zxcv'],
    ['digits', '0123456789 0123'],
  ])('gives "other" with low confidence to text with no signal: %s', (_label, body) => {
    const r = classify({ body });
    expect(r.intent).toBe('other');
    expect(r.confidence).toBeLessThan(0.5);
  });

  it('answers any input with a well-formed result (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          subject: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
          body: fc.oneof(fc.string({ maxLength: 2_000 }), fc.string({ unit: 'binary', maxLength: 500 })),
          marketplace: fc.option(fc.constantFrom('US', 'JP', 'DE', 'FR', 'IT', 'ES', 'UK', 'XX'), { nil: undefined }),
        }),
        (input) => {
          const r = classify(input);
          expect(INTENTS).toContain(r.intent);
          expect(LANGUAGES).toContain(r.language);
          for (const flag of r.flags) expect(FLAGS).toContain(flag);
          for (const e of r.evidence) {
            const text = e.field === 'subject' ? (input.subject ?? '') : input.body;
            expect(e.start).toBeGreaterThanOrEqual(0);
            expect(e.end).toBeLessThanOrEqual(Math.max(text.length, e.field === 'context' ? 0 : text.length));
            expect(e.start).toBeLessThanOrEqual(e.end);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('scores and language', () => {
  it("scores every intent with the model's probability; the intent named scores highest unless it abstained or Amazon's signal decided", () => {
    for (const example of all) {
      const r = classify(example);
      expect(Object.keys(r.scores).sort()).toEqual([...INTENTS].sort());
      const values = Object.values(r.scores) as number[];
      for (const v of values) expect(v, example.id).toBeGreaterThanOrEqual(0);
      const withoutRequest = values.reduce((a, b) => a + b, 0) - r.scores['cancel-request']!;
      expect(Math.abs(withoutRequest - 1), example.id).toBeLessThanOrEqual(0.06); // rounded to hundredths
      if (r.intent === 'cancel-request') expect(r.scores['cancel-request']).toBe(1);
      else if (r.unsure) expect(r.intent).toBe('other');
      else expect(r.scores[r.intent], example.id).toBe(Math.max(...values));
    }
  });

  it.each([
    ['en', 'Hi there, the parcel came today but the lid is cracked. What should I do?'],
    ['de', 'Guten Tag, das Paket kam heute an, aber der Deckel hat einen Riss. Was soll ich tun?'],
    ['fr', "Bonjour, le colis est arrivé aujourd'hui mais le couvercle est fendu. Que dois-je faire ?"],
    ['it', 'Buongiorno, il pacco è arrivato oggi ma il coperchio è crepato. Cosa devo fare?'],
    ['es', 'Hola, el paquete llegó hoy pero la tapa está rota. ¿Qué debo hacer?'],
    ['ja', '本日荷物が届きましたが、蓋が割れていました。どうすればよいですか。'],
    ['ja', '返品希望'],
  ] as const)('tells %s from its common words and letters: %s', (language, body) => {
    expect(classify({ body }).language).toBe(language);
  });

  it('falls back to the marketplace language when the words do not tell', () => {
    expect(classify({ body: 'OK', marketplace: 'DE' }).language).toBe('de');
    expect(classify({ body: '12345', marketplace: 'JP' }).language).toBe('ja');
    expect(classify({ body: '' }).language).toBe('en');
  });
});

describe('corpus', () => {
  it('is well-formed and sourced', () => {
    for (const example of all) {
      expect(INTENTS).toContain(example.intent);
      expect(LANGUAGES).toContain(example.lang);
      expect(example.source).not.toBe('');
      expect(example.id).toMatch(new RegExp(`^${example.lang}-(dev|validation|heldout)-`));
    }
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
  });

  it('keeps its measured accuracy (a regression guard, not a target)', () => {
    const accuracy = (examples: Example[]) => examples.filter((e) => classify(e).intent === e.intent).length / examples.length;
    // dev and validation are trained on; held-out never is (docs/classifier.md gives the figures).
    expect(accuracy([...corpus('dev'), ...corpus('validation')])).toBeGreaterThanOrEqual(0.95);
    expect(accuracy(corpus('heldout'))).toBeGreaterThanOrEqual(0.75);
  });
});

describe("the words shown as the model's reasons", () => {
  it('are never Japanese grammar alone (hiragana only, such as 「います」)', () => {
    const body = '写真を送りました。ロゴの形も違います。本物かどうか確認してください。';
    const result = classify({ body, sender: 'buyer', marketplace: 'JP' });
    const words = result.evidence.filter((e) => e.field === 'body').map((e) => body.slice(e.start, e.end));
    expect(words.length).toBeGreaterThan(0);
    for (const word of words) expect(word, word).not.toMatch(/^[\u3041-\u309f]+$/);
  });
});
