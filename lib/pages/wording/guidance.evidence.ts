/** The evidence and examples of the buyer's words a guidance rule matches (guidance.ts), by entry id: see evidence.ts. */
import type { EvidenceOf } from './evidence';
import type * as guidance from './guidance';

export const GUIDANCE_EVIDENCE = {
  DAMAGED_IN_TRANSIT: {
    languages: ['en', 'ja', 'de', 'fr', 'it', 'es'],
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
  },
} satisfies EvidenceOf<typeof guidance>;
