/**
 * The words of Buyer–Seller Messaging pages (docs/seller-central-pages.md §4, §13) that the inbox
 * and case-list readers match, and the subjects a reply takes the buyer's name from. The words the
 * conversation reader uses for senders, relay markers and subjects are in ../message-words.ts.
 */
import type { Wording } from './entry';

/** The inbox's pending count: "Response needed" and its number (group 1). */
export const RESPONSE_NEEDED: Wording = {
  languages: ['en', 'ja', 'zh', 'de', 'fr', 'it', 'es'],
  pattern: /(?:Response needed|要返信|需要回复|Antwort erforderlich|Réponse requise|Risposta necessaria|Respuesta necesaria)\s*[:：(（]?\s*(\d+)/i,
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
};

/** A label with Amazon's name in it is never a person's name (the same ASSUMED rule as AMAZON_LABEL in ../message-words.ts). */
export const AMAZON_NAME: Wording = {
  languages: ['en', 'ja'],
  pattern: /amazon|アマゾン/i,
  evidence: "ASSUMED (as AMAZON_LABEL in message-words.ts: Amazon's own messages are labelled with its name)",
  matches: { en: ['Amazon Seller Support', 'Amazon.co.jp'], ja: ['アマゾン'] },
  rejects: ['Jane Miller'],
};

const ROW_LABEL = 'ASSUMED: the words of an inbox row (its markup and wording are not known, §4); "Order ID:" as in relayed messages (A, ORDER_ID_LABEL in message-words.ts)';

/** Words just before an order id in an inbox row that only label it ("Order 114-…", 「注文番号 …」): dropped with the id. */
export const INBOX_ORDER_LABEL: Wording = {
  languages: ['en', 'ja', 'de', 'fr', 'it', 'es'],
  pattern: /(?:order(?:\s*id)?|注文番号|注文|bestellung|bestellnummer|commande|ordine|pedido)\s*[:#：]?\s*$/i,
  evidence: ROW_LABEL,
  matches: { en: ['Order ID: ', 'Order #'], ja: ['注文番号：', '注文 '], de: ['Bestellnummer: '], fr: ['Commande : '], it: ['Ordine: '], es: ['Pedido: '] },
  rejects: ['Order ID: 114-3941689-8772232'],
};

/** A piece of an inbox row that is only an order's label, its id shown apart ("N° de commande :"). */
export const INBOX_ONLY_LABEL: Wording = {
  languages: ['en', 'ja', 'de', 'fr', 'it', 'es'],
  pattern: /^[\s·•|,:()\-–—]*(?:order(?:\s*id)?|注文番号|注文|bestellung|bestellnummer|(?:n°\s*de\s*)?commande|(?:numero\s*)?ordine|(?:n\.º\s*de\s*)?pedido)\s*[:#：]?\s*$/i,
  evidence: ROW_LABEL,
  matches: { en: ['Order ID:', '· Order'], ja: ['注文番号'], de: ['Bestellung:'], fr: ['N° de commande :'], it: ['Numero ordine'], es: ['N.º de pedido:'] },
  rejects: ['Order of the day', 'Where is my order?'],
};

/** A case row's status "Resolved on …". */
export const INBOX_RESOLVED: Wording = {
  languages: ['en'],
  pattern: /^\s*resolved on\b/i,
  evidence: 'C: .case-status-label with the text "Resolved on …" (§4, v3)',
  matches: { en: ['Resolved on Nov 18, 2026'] },
  rejects: ['Not resolved on time'],
};

/**
 * Amazon's subjects that name the buyer (group 1: the name), tried in order, on a reply's page
 * only (never stored). The conversation reader's own subject patterns are SUBJECT_PATTERNS in
 * ../message-words.ts.
 */
export const SUBJECT_BUYER_NAME: readonly Wording[] = [
  {
    languages: ['en'],
    pattern: /(?:inquiry|message|question|request) from (?:amazon )?customer ([^()]{1,60}?)\s*(?:\(|$)/iu,
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
  {
    languages: ['ja'],
    pattern: /^(.{1,30}?)\s*様からのお問い合わせです/u,
    evidence: 'the plain inquiry 「○○様からのお問い合わせです」 of docs/domain.md case 1 (seed 003)',
    matches: { ja: ['山田 花子様からのお問い合わせです'] },
    rejects: ['お問い合わせです'],
  },
];
