/**
 * Fills a template's {variables} from what the page readers read and the seller's settings, in
 * the reply's language. A variable that cannot be filled never goes out as raw `{name}`: it
 * becomes a bracketed blank in the reply's language ("[tracking number]") and is listed in
 * `missing`, so the preview can show it before anything is inserted. Pure.
 */
import type { Language } from '../classify/types';
import { MARKETPLACES, type MarketplaceId } from '../hosts';
import { VARIABLES, type Variable } from './catalogue';

export type Values = Partial<Record<Variable, string>>;

export interface Filled {
  readonly text: string;
  /** Variables that had no value, in order of appearance. */
  readonly missing: readonly Variable[];
  /** The text in pieces, for a preview that marks the blanks. */
  readonly parts: readonly ({ readonly text: string } | { readonly blank: Variable; readonly text: string })[];
}

const BLANK: Readonly<Record<Language, Readonly<Record<Variable, string>>>> = {
  ja: {
    buyerName: '［お客様のお名前］',
    orderId: '［注文番号］',
    productTitle: '［商品名］',
    asin: '［ASIN］',
    storeName: '［ストア名］',
    sellerName: '［担当者名］',
    trackingNumber: '［追跡番号］',
    carrier: '［配送業者］',
    shipBy: '［出荷予定日］',
  },
  en: {
    buyerName: '[buyer name]',
    orderId: '[order ID]',
    productTitle: '[product]',
    asin: '[ASIN]',
    storeName: '[store name]',
    sellerName: '[your name]',
    trackingNumber: '[tracking number]',
    carrier: '[carrier]',
    shipBy: '[ship-by date]',
  },
  de: {
    buyerName: '[Name des Käufers]',
    orderId: '[Bestellnummer]',
    productTitle: '[Artikel]',
    asin: '[ASIN]',
    storeName: '[Shopname]',
    sellerName: '[Ihr Name]',
    trackingNumber: '[Sendungsnummer]',
    carrier: '[Versanddienst]',
    shipBy: '[Versanddatum]',
  },
  fr: {
    buyerName: "[nom de l'acheteur]",
    orderId: '[numéro de commande]',
    productTitle: '[article]',
    asin: '[ASIN]',
    storeName: '[nom de la boutique]',
    sellerName: '[votre nom]',
    trackingNumber: '[numéro de suivi]',
    carrier: '[transporteur]',
    shipBy: "[date d'expédition]",
  },
  it: {
    buyerName: "[nome dell'acquirente]",
    orderId: "[numero d'ordine]",
    productTitle: '[articolo]',
    asin: '[ASIN]',
    storeName: '[nome del negozio]',
    sellerName: '[il Suo nome]',
    trackingNumber: '[numero di tracciamento]',
    carrier: '[corriere]',
    shipBy: '[data di spedizione]',
  },
  es: {
    buyerName: '[nombre del comprador]',
    orderId: '[número de pedido]',
    productTitle: '[artículo]',
    asin: '[ASIN]',
    storeName: '[nombre de la tienda]',
    sellerName: '[su nombre]',
    trackingNumber: '[número de seguimiento]',
    carrier: '[transportista]',
    shipBy: '[fecha de envío]',
  },
};

const KNOWN: ReadonlySet<string> = new Set(VARIABLES);
const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** The variables a template uses (unknown names included, for the catalogue test and the editor). */
export function variablesOf(body: string): string[] {
  return [...body.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

export function fill(body: string, values: Values, language: Language): Filled {
  const parts: Filled['parts'][number][] = [];
  const missing: Variable[] = [];
  let at = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (!KNOWN.has(name)) continue; // braces that are not a variable stay text
    const variable = name as Variable;
    if (match.index > at) parts.push({ text: body.slice(at, match.index) });
    const value = values[variable]?.trim();
    if (value) parts.push({ text: value });
    else {
      parts.push({ blank: variable, text: BLANK[language][variable] });
      if (!missing.includes(variable)) missing.push(variable);
    }
    at = match.index + match[0].length;
  }
  if (at < body.length) parts.push({ text: body.slice(at) });
  return { text: parts.map((p) => p.text).join(''), missing, parts };
}

const LOCALE: Readonly<Record<Language, string>> = { ja: 'ja-JP', en: 'en-US', de: 'de-DE', fr: 'fr-FR', it: 'it-IT', es: 'es-ES' };

/** A ship-by date as the reply's language writes it, in the marketplace's zone. */
export function formatShipBy(instant: string, language: Language, marketplace: MarketplaceId | undefined): string | undefined {
  const time = Date.parse(instant);
  if (!Number.isFinite(time)) return undefined;
  return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'long', timeZone: MARKETPLACES[marketplace ?? 'US'].timeZone }).format(time);
}

/**
 * The reply's language: the buyer's message's, else the marketplace's, else the seller's default.
 * (Amazon's notices are answered in the seller's default language, else the marketplace's.)
 */
export function replyLanguage(options: {
  readonly messageLanguage?: Language | undefined;
  readonly marketplace?: MarketplaceId | undefined;
  readonly setting: Language | 'auto';
  readonly audience: 'buyer' | 'amazon';
}): Language {
  if (options.audience === 'amazon') return options.setting !== 'auto' ? options.setting : options.marketplace ? MARKETPLACES[options.marketplace].language : 'en';
  if (options.messageLanguage) return options.messageLanguage;
  if (options.marketplace) return MARKETPLACES[options.marketplace].language;
  return options.setting === 'auto' ? 'en' : options.setting;
}
