/**
 * The Seller Central hosts the extension runs on, and what each host says about the marketplace.
 *
 * Source: DESIGN.md "Page types the parsers must know" (marketplace list) and
 * SELLER-CENTRAL-PAGES.md §1 (hosts seen in working code, marketplace ids).
 * The unified hosts (sellercentral-europe / sellercentral-japan) serve several marketplaces, so for
 * them the marketplace is only a hint; the page itself (issue: page readers) decides.
 */

import type { Language } from './classify/types';

/** Every marketplace the extension knows: the one list the types and schemas derive from. */
export const MARKETPLACE_IDS = ['US', 'CA', 'MX', 'UK', 'DE', 'FR', 'IT', 'ES', 'JP'] as const;
export type MarketplaceId = (typeof MARKETPLACE_IDS)[number];

export interface MarketplaceInfo {
  readonly id: MarketplaceId;
  /** Amazon's public marketplace id (SELLER-CENTRAL-PAGES.md §1). */
  readonly amazonId: string;
  /** Shop domain shown to buyers. */
  readonly domain: string;
  /** IANA time zone in which Amazon states deadlines for this marketplace. */
  readonly timeZone: string;
  /** Language buyers of this marketplace write in most often (reply-language fallback). */
  readonly language: Language;
}

export const MARKETPLACES: Readonly<Record<MarketplaceId, MarketplaceInfo>> = {
  US: { id: 'US', amazonId: 'ATVPDKIKX0DER', domain: 'amazon.com', timeZone: 'America/Los_Angeles', language: 'en' },
  CA: { id: 'CA', amazonId: 'A2EUQ1WTGCTBG2', domain: 'amazon.ca', timeZone: 'America/Los_Angeles', language: 'en' },
  MX: { id: 'MX', amazonId: 'A1AM78C64UM0Y8', domain: 'amazon.com.mx', timeZone: 'America/Mexico_City', language: 'es' },
  UK: { id: 'UK', amazonId: 'A1F83G8C2ARO7P', domain: 'amazon.co.uk', timeZone: 'Europe/London', language: 'en' },
  DE: { id: 'DE', amazonId: 'A1PA6795UKMFR9', domain: 'amazon.de', timeZone: 'Europe/Berlin', language: 'de' },
  FR: { id: 'FR', amazonId: 'A13V1IB3VIYZZH', domain: 'amazon.fr', timeZone: 'Europe/Paris', language: 'fr' },
  IT: { id: 'IT', amazonId: 'APJ6JRA9NG5V4', domain: 'amazon.it', timeZone: 'Europe/Rome', language: 'it' },
  ES: { id: 'ES', amazonId: 'A1RKKUPIHCS9HS', domain: 'amazon.es', timeZone: 'Europe/Madrid', language: 'es' },
  JP: { id: 'JP', amazonId: 'A1VC38T7YXB528', domain: 'amazon.co.jp', timeZone: 'Asia/Tokyo', language: 'ja' },
};

export interface SellerCentralHost {
  readonly hostname: string;
  /** The marketplace the host stands for, or undefined when the host serves a whole region. */
  readonly marketplace: MarketplaceId | undefined;
  readonly region: 'NA' | 'EU' | 'FE';
}

/** Every host in DESIGN.md. Order matters only for readability. */
export const SELLER_CENTRAL_HOSTS: readonly SellerCentralHost[] = [
  { hostname: 'sellercentral.amazon.com', marketplace: 'US', region: 'NA' },
  { hostname: 'sellercentral.amazon.ca', marketplace: 'CA', region: 'NA' },
  { hostname: 'sellercentral.amazon.com.mx', marketplace: 'MX', region: 'NA' },
  { hostname: 'sellercentral.amazon.co.uk', marketplace: 'UK', region: 'EU' },
  { hostname: 'sellercentral.amazon.de', marketplace: 'DE', region: 'EU' },
  { hostname: 'sellercentral.amazon.fr', marketplace: 'FR', region: 'EU' },
  { hostname: 'sellercentral.amazon.it', marketplace: 'IT', region: 'EU' },
  { hostname: 'sellercentral.amazon.es', marketplace: 'ES', region: 'EU' },
  { hostname: 'sellercentral-europe.amazon.com', marketplace: undefined, region: 'EU' },
  { hostname: 'sellercentral.amazon.co.jp', marketplace: 'JP', region: 'FE' },
  { hostname: 'sellercentral-japan.amazon.com', marketplace: 'JP', region: 'FE' },
];

/** Match patterns for the manifest: https only, one per host, nothing wider. */
export const SELLER_CENTRAL_MATCHES: readonly string[] = SELLER_CENTRAL_HOSTS.map((host) => `https://${host.hostname}/*`);

/** The Seller Central host of a URL, or undefined for any other site (including http:). */
export function sellerCentralHost(url: URL): SellerCentralHost | undefined {
  if (url.protocol !== 'https:') return undefined;
  const hostname = url.hostname.toLowerCase();
  return SELLER_CENTRAL_HOSTS.find((host) => host.hostname === hostname);
}
