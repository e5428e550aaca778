/**
 * The words of Buyer–Seller Messaging pages (docs/seller-central-pages.md §4, §13) that the inbox
 * and case-list readers match, and the subjects a reply takes the buyer's name from. The words the
 * conversation reader uses for senders, relay markers and subjects are in ../message-words.ts.
 * Each entry's languages, evidence and examples: messages.evidence.ts.
 */

/** The inbox's pending count: "Response needed" and its number (group 1). */
export const RESPONSE_NEEDED = /(?:Response needed|要返信|需要回复|Antwort erforderlich|Réponse requise|Risposta necessaria|Respuesta necesaria)\s*[:：(（]?\s*(\d+)/i;

/** A label with Amazon's name in it is never a person's name (the same ASSUMED rule as AMAZON_LABEL in ../message-words.ts). */
export const AMAZON_NAME = /amazon|アマゾン/i;

/** Words just before an order id in an inbox row that only label it ("Order 114-…", 「注文番号 …」): dropped with the id. */
export const INBOX_ORDER_LABEL = /(?:order(?:\s*id)?|注文番号|注文|bestellung|bestellnummer|commande|ordine|pedido)\s*[:#：]?\s*$/i;

/** A piece of an inbox row that is only an order's label, its id shown apart ("N° de commande :"). */
export const INBOX_ONLY_LABEL = /^[\s·•|,:()\-–—]*(?:order(?:\s*id)?|注文番号|注文|bestellung|bestellnummer|(?:n°\s*de\s*)?commande|(?:numero\s*)?ordine|(?:n\.º\s*de\s*)?pedido)\s*[:#：]?\s*$/i;

/** A case row's status "Resolved on …". */
export const INBOX_RESOLVED = /^\s*resolved on\b/i;

/**
 * Amazon's subjects that name the buyer (group 1: the name), tried in order, on a reply's page
 * only (never stored). The conversation reader's own subject patterns are SUBJECT_PATTERNS in
 * ../message-words.ts.
 */
export const SUBJECT_BUYER_NAME = {
  en: /(?:inquiry|message|question|request) from (?:amazon )?customer ([^()]{1,60}?)\s*(?:\(|$)/iu,
  ja: /^(.{1,30}?)\s*様からのお問い合わせです/u,
} as const;
