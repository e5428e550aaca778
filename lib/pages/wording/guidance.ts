/**
 * Words of a buyer's message that a guidance rule matches (lib/guidance/advise.ts): the message is
 * the buyer's, not Seller Central's, but the words are kept here with the page wording so that
 * every language's words live in one place and are tested the same way.
 */
import type { Wording } from './entry';

/**
 * "Damaged in transit", for FBA orders (docs/domain.md case 4: Amazon handles it). Matched on the
 * message as written: the French, Italian and Spanish words are written without accents, so only
 * their accent-free spellings match.
 */
export const DAMAGED_IN_TRANSIT: Wording = {
  languages: ['en', 'ja', 'de', 'fr', 'it', 'es'],
  pattern:
    /in transit|during (?:shipping|delivery)|box (?:was|is) (?:crushed|damaged)|damaged (?:box|package|parcel)|配送中|輸送中|配送時|箱が(?:潰|つぶ)|transportschaden|beim versand|pendant le transport|colis (?:abime|endommage)|durante (?:il trasporto|el transporte)|pacco danneggiato|paquete danado/iu,
  evidence: 'docs/domain.md case 4 (seed 002): "damaged in transit" on an FBA order is for Amazon customer service; the words: no source recorded',
  matches: {
    en: ['The item arrived broken, the box was crushed in transit.', 'It was damaged during shipping', 'The damaged box arrived today'],
    ja: ['配送中に破損したようです', '箱が潰れて届きました'],
    de: ['Transportschaden an der Ware', 'beim Versand beschädigt'],
    fr: ['abîmé pendant le transport', 'colis endommage'],
    it: ['rotto durante il trasporto', 'pacco danneggiato'],
    es: ['roto durante el transporte', 'paquete danado'],
  },
  rejects: ['The item stopped working after a week', 'Where is my parcel?'],
};

/** The pattern alone, for the rule that tests a message's text with it. */
export const TRANSIT = DAMAGED_IN_TRANSIT.pattern;
