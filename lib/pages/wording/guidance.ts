/**
 * Words of a buyer's message that a guidance rule matches (lib/guidance/advise.ts): the message is
 * the buyer's, not Seller Central's, but the words are kept here with the page wording so that
 * every language's words live in one place and are tested the same way (guidance.evidence.ts).
 */

/**
 * "Damaged in transit", for FBA orders (docs/domain.md case 4: Amazon handles it). Matched on the
 * message as written: the French, Italian and Spanish words are written without accents, so only
 * their accent-free spellings match.
 */
export const DAMAGED_IN_TRANSIT =
  /in transit|during (?:shipping|delivery)|box (?:was|is) (?:crushed|damaged)|damaged (?:box|package|parcel)|配送中|輸送中|配送時|箱が(?:潰|つぶ)|transportschaden|beim versand|pendant le transport|colis (?:abime|endommage)|durante (?:il trasporto|el transporte)|pacco danneggiato|paquete danado/iu;
