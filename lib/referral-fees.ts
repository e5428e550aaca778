/**
 * Amazon's published referral fee rates (the "Selling on Amazon fee schedule"), per marketplace,
 * for naming which fee categories a rate seen on the Transaction view belongs to
 * (docs/guidance.md "Referral fee watch"; sources and grades in docs/seller-central-pages.md §14).
 *
 * Only flat rates and whole-price tiers are listed: a rate seen on one order can be matched to
 * them. Categories whose rate changes for the *portion* of the price above a threshold (US
 * jewellery, furniture, electronics accessories…) give a blended rate that matches nothing; they are
 * left out, so a rate is never named wrongly. Used in the background only.
 */
import type { MarketplaceId } from './hosts';
import type { UiLocale } from './i18n';

/** A category's name in English and in the other UI languages it has been written in (English stands in for the rest). */
export interface FeeCategory extends Partial<Record<UiLocale, string>> {
  readonly en: string;
  /** Rates as fractions; several when the whole-price tier decides (e.g. ≤ ¥1,500: 8 %, above: 10 %). */
  readonly rates: readonly number[];
}

export interface FeeSchedule {
  readonly categories: readonly FeeCategory[];
  /** The smallest referral fee per item, in the marketplace's currency (a fee at or below it says nothing about the rate). */
  readonly minimumFee: number;
  /**
   * Consumption tax Amazon adds to its fees (Japan: published rates are before the 10 % tax; whether
   * the Transaction view shows fees with the tax is not evidenced, so both are accepted).
   */
  readonly feeTax: number;
  readonly source: string;
}

/**
 * Amazon.co.jp: sell.amazon.co.jp/pricing.html (Amazon's own page, grade A) for the flat rates;
 * the beauty / health tiers from Amazon's seller-forum post of 2025 (fee categories merged into
 * ビューティー・ヘルス・パーソナルケア: ≤ ¥750 5 %, ≤ ¥1,500 8 %, above 10 %, minimum ¥30; A).
 */
const JP: FeeSchedule = {
  categories: [
    { en: 'Books', ja: '本', rates: [0.15] },
    { en: 'Music (CD, records)', ja: 'CD・レコード', rates: [0.15] },
    { en: 'DVD', ja: 'DVD', rates: [0.15] },
    { en: 'Video', ja: 'ビデオ', rates: [0.15] },
    { en: 'Video games', ja: 'TVゲーム', rates: [0.15] },
    { en: 'Electronics (AV, phones)', ja: 'エレクトロニクス（AV機器&携帯電話）', rates: [0.08] },
    { en: 'Camera', ja: 'カメラ', rates: [0.08] },
    { en: 'Computers', ja: 'パソコン・周辺機器', rates: [0.08] },
    { en: 'Electronics accessories', ja: '（エレクトロニクス、カメラ、パソコン）付属品', rates: [0.1] },
    { en: 'Amazon device accessories', ja: 'Amazonデバイス用アクセサリ', rates: [0.45] },
    { en: 'Musical instruments', ja: '楽器', rates: [0.08] },
    { en: 'Beauty, health and personal care', ja: 'ビューティー・ヘルス・パーソナルケア', rates: [0.05, 0.08, 0.1] },
    { en: 'Sports & outdoors', ja: 'スポーツ&アウトドア', rates: [0.1] },
    { en: 'Car & motorbike', ja: 'カー&バイク用品', rates: [0.1] },
    { en: 'Toys & hobbies', ja: 'おもちゃ&ホビー', rates: [0.1] },
  ],
  minimumFee: 30,
  feeTax: 0.1,
  source: 'sell.amazon.co.jp/pricing.html; Amazon seller forum (JP, 2025) on ビューティー・ヘルス・パーソナルケア',
};

/**
 * Amazon.com: help 200336920 "Selling on Amazon fee schedule" (A for the page; its table as
 * reproduced by sellercloud's help and a 2021 JSON copy of it, B). Flat rates and whole-price tiers only.
 */
const US: FeeSchedule = {
  categories: [
    { en: 'Amazon device accessories', ja: 'Amazonデバイス用アクセサリ', rates: [0.45] },
    { en: 'Automotive and powersports', ja: 'カー&パワースポーツ', rates: [0.12] },
    { en: 'Baby products', ja: 'ベビー用品', rates: [0.08, 0.15] },
    { en: 'Backpacks, handbags and luggage', ja: 'バックパック・ハンドバッグ・旅行用品', rates: [0.15] },
    { en: 'Beauty, health and personal care', ja: 'ビューティー・ヘルス・パーソナルケア', rates: [0.08, 0.15] },
    { en: 'Books', ja: '本', rates: [0.15] },
    { en: 'Business, industrial and scientific supplies', ja: '産業・研究開発用品', rates: [0.12] },
    { en: 'Clothing and accessories', ja: '服&ファッション小物', rates: [0.17] },
    { en: 'Computers', ja: 'パソコン', rates: [0.08] },
    { en: 'Consumer electronics', ja: '家電', rates: [0.08] },
    { en: 'Camera and photo', ja: 'カメラ', rates: [0.08] },
  ],
  minimumFee: 0.3,
  feeTax: 0,
  source: 'Amazon seller help 200336920 (US fee schedule)',
};

export const FEE_SCHEDULES: Readonly<Partial<Record<MarketplaceId, FeeSchedule>>> = { JP, US };

/** A published rate is "the same" as a seen one within this many percentage points. */
export const SAME_RATE_POINTS = 1;

/**
 * The fee categories whose published rate (with or without the marketplace's fee tax) is within one
 * percentage point of `rate`. Empty when the marketplace has no schedule here or nothing matches.
 */
export function categoriesAt(marketplace: MarketplaceId | undefined, rate: number, language: UiLocale): string[] {
  const schedule = marketplace ? FEE_SCHEDULES[marketplace] : undefined;
  if (!schedule || !Number.isFinite(rate)) return [];
  const near = (published: number) => Math.abs(published - rate) * 100 <= SAME_RATE_POINTS || (schedule.feeTax > 0 && Math.abs(published * (1 + schedule.feeTax) - rate) * 100 <= SAME_RATE_POINTS);
  return schedule.categories.filter((c) => c.rates.some(near)).map((c) => c[language] ?? c.en);
}
