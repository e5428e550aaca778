/** The evidence and examples of the messaging pages' words (messages.ts), by entry id: see evidence.ts. */
import type { EvidenceOf } from './evidence';
import type * as messages from './messages';

const ROW_LABEL = 'ASSUMED: the words of an inbox row (its markup and wording are not known, §4); "Order ID:" as in relayed messages (A, ORDER_ID_LABEL in message-words.ts)';

export const MESSAGES_EVIDENCE = {
  RESPONSE_NEEDED: {
    languages: ['en', 'ja', 'zh', 'de', 'fr', 'it', 'es'],
    evidence:
      'en: A, the "Response Needed" header (help 200389080, §4); zh 需要回复 with its count: B (§4, idx:70970533322); ja 要返信: ASSUMED (demo/pages/ja/message-inbox.html); the count\'s form "Response needed: 3": ASSUMED (demo/pages/en/message-inbox.html); de, fr, it, es: no source recorded',
    matches: {
      en: ['Response needed: 3', 'Response needed (12)'],
      ja: ['要返信：2', '要返信 (2)'],
      zh: ['需要回复 0'],
      de: ['Antwort erforderlich: 1'],
      fr: ['Réponse requise : 4'],
      it: ['Risposta necessaria (5)'],
      es: ['Respuesta necesaria: 6'],
    },
    rejects: ['Response needed', 'No response needed'],
  },

  AMAZON_NAME: {
    languages: ['en', 'ja'],
    evidence: "ASSUMED (as AMAZON_LABEL in message-words.ts: Amazon's own messages are labelled with its name)",
    matches: { en: ['Amazon Seller Support', 'Amazon.co.jp'], ja: ['アマゾン'] },
    rejects: ['Jane Miller'],
  },

  INBOX_ORDER_LABEL: {
    languages: ['en', 'ja', 'de', 'fr', 'it', 'es'],
    evidence: ROW_LABEL,
    matches: { en: ['Order ID: ', 'Order #'], ja: ['注文番号：', '注文 '], de: ['Bestellnummer: '], fr: ['Commande : '], it: ['Ordine: '], es: ['Pedido: '] },
    rejects: ['Order ID: 114-3941689-8772232'],
  },

  INBOX_ONLY_LABEL: {
    languages: ['en', 'ja', 'de', 'fr', 'it', 'es'],
    evidence: ROW_LABEL,
    matches: { en: ['Order ID:', '· Order'], ja: ['注文番号'], de: ['Bestellung:'], fr: ['N° de commande :'], it: ['Numero ordine'], es: ['N.º de pedido:'] },
    rejects: ['Order of the day', 'Where is my order?'],
  },

  INBOX_RESOLVED: {
    languages: ['en'],
    evidence: 'C: .case-status-label with the text "Resolved on …" (§4, v3)',
    matches: { en: ['Resolved on Nov 18, 2026'] },
    rejects: ['Not resolved on time'],
  },

  SUBJECT_BUYER_NAME: {
    en: {
      languages: ['en'],
      evidence:
        '"Inquiry from Amazon customer <Name>": A (help G201722390, docs/amazon-subjects.md); "… inquiry from Amazon customer <Name> (Order: …)", "Order cancellation request from Amazon customer …": B; "Message from Amazon customer …": C (docs/amazon-subjects.md)',
      matches: {
        en: [
          'Inquiry from Amazon customer Jane',
          'Order cancellation request from Amazon customer Tom Baker (Order: 114-6230981-5520617)',
          'Product details inquiry from Amazon customer Jane Miller (Order: 114-3941689-8772232)',
        ],
      },
      rejects: ['Thank you!', 'Inquiry from Amazon'],
    },
    ja: {
      languages: ['ja'],
      evidence: 'the plain inquiry 「○○様からのお問い合わせです」 of docs/domain.md case 1 (seed 003)',
      matches: { ja: ['山田 花子様からのお問い合わせです'] },
      rejects: ['お問い合わせです'],
    },
  },
} satisfies EvidenceOf<typeof messages>;
