// Benign variation of a message: the mess real messages come with, which must not change what a
// message is about. Used by the property test (test/classify-variation.test.ts) and by
// `npm run eval` (flip rates per kind of variation). Every text added here was written for the
// project; none is taken from anyone's message.
import { seeded } from '../lib/classify/learn';

export type Random = () => number;
export interface Message {
  readonly subject?: string;
  readonly body: string;
  readonly lang?: string;
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const LATIN_LETTER = /\p{Script=Latin}/u;

/** One or two typing slips in Latin words: two letters swapped, one dropped or one doubled. */
function typos(text: string, random: Random): string {
  const chars = [...text];
  const letters = chars.map((c, i) => (LATIN_LETTER.test(c) && LATIN_LETTER.test(chars[i + 1] ?? '') ? i : -1)).filter((i) => i >= 0);
  if (letters.length === 0) return text;
  const slips = 1 + Math.floor(random() * 2);
  for (let s = 0; s < slips; s++) {
    const i = pick(random, letters);
    const kind = random();
    if (kind < 0.4) [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
    else if (kind < 0.7) chars[i] = '';
    else chars[i] = chars[i]! + chars[i]!;
  }
  return chars.join('');
}

/** Accents lost, as on a keyboard without them: é → e, ß kept. */
const loseAccents = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');

/** ASCII letters, digits and signs in their full-width forms (ＡＢＣ１２３！). */
const fullWidth = (text: string) => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const HALF_KATAKANA: Readonly<Record<string, string>> = Object.fromEntries([...'ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ'].map((half) => [half.normalize('NFKC'), half]));
/** Katakana in half-width forms (キャンセル → ｷｬﾝｾﾙ), voiced ones as a letter and a mark. */
function halfWidth(text: string): string {
  return [...text.normalize('NFD')].map((c) => (c === '\u3099' ? 'ﾞ' : c === '\u309a' ? 'ﾟ' : (HALF_KATAKANA[c] ?? c))).join('');
}

const QUOTED: Readonly<Record<string, string>> = {
  en: '\n\nOn Tue, 3 Mar, Harbor Goods wrote:\n> Thank you for your order. It will ship within two business days.\n> Kind regards',
  de: '\n\nAm Di., 3. März schrieb Harbor Goods:\n> Vielen Dank für Ihre Bestellung. Sie wird innerhalb von zwei Werktagen versandt.',
  fr: '\n\nLe mar. 3 mars, Harbor Goods a écrit :\n> Merci pour votre commande. Elle sera expédiée sous deux jours ouvrés.',
  it: '\n\nIl mar 3 mar, Harbor Goods ha scritto:\n> Grazie per il suo ordine. Verrà spedito entro due giorni lavorativi.',
  es: '\n\nEl mar, 3 mar, Harbor Goods escribió:\n> Gracias por su pedido. Se enviará en dos días hábiles.',
  ja: '\n\n-----Original Message-----\n> ご注文ありがとうございます。2営業日以内に発送いたします。',
};

const FOOTER: Readonly<Record<string, string>> = {
  en: '\n\n------------- End message -------------\n\nYou can respond to this message from the Buyer-Seller Messages page in Seller Central.',
  de: '\n\n------------- Ende der Nachricht -------------\n\nSie können auf diese Nachricht über die Seite Käufer-Verkäufer-Nachrichten antworten.',
  fr: '\n\n------------- Fin du message -------------\n\nVous pouvez répondre à ce message depuis la page Messages acheteur-vendeur.',
  it: '\n\n------------- Fine messaggio -------------\n\nPuoi rispondere a questo messaggio dalla pagina Messaggi acquirente-venditore.',
  es: '\n\n------------- Finalizar mensaje -------------\n\nPuede responder a este mensaje desde la página Mensajes entre comprador y vendedor.',
  ja: '\n\n------------- メッセージはここまで -------------\n\nこのメッセージには購入者・出品者間メッセージのページから返信できます。',
};

const SIGNATURE: Readonly<Record<string, readonly string[]>> = {
  en: ['\n\nBest regards,\nDana Whitfield', '\n\nSent from my iPhone', '\n\nThanks,\nSam\n555-0134'],
  de: ['\n\nMit freundlichen Grüßen\nJonas Keller', '\n\nVon meinem iPhone gesendet'],
  fr: ['\n\nCordialement,\nCamille Roux', '\n\nEnvoyé de mon iPhone'],
  it: ['\n\nCordiali saluti,\nGiulia Conti', '\n\nInviato da iPhone'],
  es: ['\n\nSaludos cordiales,\nLucía Ortega', '\n\nEnviado desde mi iPhone'],
  ja: ['\n\nよろしくお願いいたします。\n山本', '\n\niPhoneから送信'],
};

/** A greeting or thanks in another language, as buyers writing to a foreign shop add. */
const MIXED: readonly string[] = ['Thank you!', 'Danke!', 'Merci beaucoup.', 'Grazie mille.', '¡Gracias!', 'ありがとうございます。'];

export const VARIATIONS = {
  typos: (m: Message, r: Random): Message => ({ ...m, body: typos(m.body, r) }),
  'lost accents': (m: Message): Message => ({ ...m, body: loseAccents(m.body) }),
  'full width': (m: Message): Message => ({ ...m, body: fullWidth(m.body) }),
  'half-width katakana': (m: Message): Message => ({ ...m, body: halfWidth(m.body) }),
  'quoted earlier message': (m: Message): Message => ({ ...m, body: m.body + (QUOTED[m.lang ?? 'en'] ?? QUOTED.en!) }),
  "Amazon's footer": (m: Message): Message => ({ ...m, body: m.body + (FOOTER[m.lang ?? 'en'] ?? FOOTER.en!) }),
  signature: (m: Message, r: Random): Message => ({ ...m, body: m.body + pick(r, SIGNATURE[m.lang ?? 'en'] ?? SIGNATURE.en!) }),
  'another language': (m: Message, r: Random): Message => ({ ...m, body: `${m.body} ${pick(r, MIXED)}` }),
  'white space and case': (m: Message, r: Random): Message => ({ ...m, body: (r() < 0.5 ? m.body.toUpperCase() : m.body.toLowerCase()).replace(/ /g, () => (r() < 0.2 ? '  ' : ' ')) }),
} as const;
export type VariationName = keyof typeof VARIATIONS;
export const VARIATION_NAMES = Object.keys(VARIATIONS) as VariationName[];

/** The message varied by the named variation, deterministically from a seed. */
export function vary(message: Message, name: VariationName, seed: number): Message {
  return VARIATIONS[name](message, seeded(seed));
}

/** How often benign variation changes the intent: per variation and overall. */
export function flipRates(messages: readonly Message[], intentOf: (m: Message) => string, seed = 1): { name: VariationName; n: number; flipped: number }[] {
  const base = messages.map(intentOf);
  return VARIATION_NAMES.map((name, v) => {
    let flipped = 0;
    messages.forEach((m, i) => {
      if (intentOf(vary(m, name, seed * 7919 + i * 31 + v)) !== base[i]) flipped++;
    });
    return { name, n: messages.length, flipped };
  });
}
