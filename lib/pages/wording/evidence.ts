/**
 * The evidence of the page wording (lib/pages/wording/), kept apart from the words themselves:
 * for each entry of each table, by the entry's id (the table's name, and the entry's key in it),
 * the languages its words are in, where they were seen, and texts it must and must not match.
 * The tables are bundled into the content script with the readers; this module and its
 * `*.evidence.ts` siblings are imported by tests only (as lib/amazon-figures-sources.ts beside
 * lib/amazon-figures.ts), so the script does not carry them. test/wording.test.ts joins the two by
 * id, checks every example against its entry, and checks that no other module imports them
 * (docs/architecture.md, "Page wording").
 */
import { ACCOUNT_HEALTH_EVIDENCE } from './account-health.evidence';
import { DATES_EVIDENCE, DATES_MATCHING } from './dates.evidence';
import { GUIDANCE_EVIDENCE } from './guidance.evidence';
import { MESSAGES_EVIDENCE } from './messages.evidence';
import { NOTICES_EVIDENCE } from './notices.evidence';
import { ORDERS_EVIDENCE, ORDERS_MATCHING } from './orders.evidence';
import { TRANSACTIONS_EVIDENCE } from './transactions.evidence';
import type * as tables from './index';

/** The languages of the marketplaces' Seller Central, and Chinese (a UI language some sellers use). */
export type WordingLanguage = 'en' | 'ja' | 'de' | 'fr' | 'it' | 'es' | 'zh';

/** What is known of an entry of a table. */
export interface Evidence {
  /** The languages whose words the entry holds. */
  readonly languages: readonly WordingLanguage[];
  /**
   * Where the words were seen, with the grades of docs/seller-central-pages.md (A–D); ASSUMED
   * where nobody has seen them; "no source recorded" where the code never named one.
   */
  readonly evidence: string;
  /** Texts the entry must match, for each of its languages. */
  readonly matches: Readonly<Partial<Record<WordingLanguage, readonly string[]>>>;
  /** Texts it must not match. */
  readonly rejects?: readonly string[];
}

/** How a table's entries are matched where the entry is not a pattern (words the reader builds its own pattern from), and on what text. */
export interface Matching<Entry> {
  /** The pattern of an entry, as the reader builds it from the entry's words. */
  readonly pattern?: (entry: Entry) => RegExp;
  /** What the reader does to a text before matching it; the examples go through it too. */
  readonly input?: (text: string) => string;
}

/** A table is one entry (a pattern) or a record of entries by key. */
type IsEntry<T> = T extends RegExp | readonly unknown[] ? true : false;

/** The evidence of a module's tables: one per single entry, one per key of a record (the compiler holds both sides to the same ids). */
export type EvidenceOf<Tables> = {
  readonly [Name in keyof Tables as Tables[Name] extends (...args: never[]) => unknown ? never : Name]: IsEntry<Tables[Name]> extends true
    ? Evidence
    : { readonly [Key in keyof Tables[Name]]: Evidence };
};

/** The matching of a module's tables whose entries are words. */
export type MatchingOf<Tables> = {
  readonly [Name in keyof Tables]?: IsEntry<Tables[Name]> extends true ? Matching<Tables[Name]> : Matching<Tables[Name][keyof Tables[Name]]>;
};

/** Every table's evidence, by the table's name. */
export const EVIDENCE = {
  ...ORDERS_EVIDENCE,
  ...TRANSACTIONS_EVIDENCE,
  ...ACCOUNT_HEALTH_EVIDENCE,
  ...NOTICES_EVIDENCE,
  ...MESSAGES_EVIDENCE,
  ...DATES_EVIDENCE,
  ...GUIDANCE_EVIDENCE,
} satisfies EvidenceOf<typeof tables>;

/** How the tables of words are matched, by the table's name. */
export const MATCHING: MatchingOf<typeof tables> = { ...ORDERS_MATCHING, ...DATES_MATCHING };
