/**
 * UI text. The words live in `public/_locales/{en,ja}/messages.json` (the browser picks the
 * language); code only names keys, so a missing key is a compile error.
 *
 * Components receive a `Translate` function as a prop: entrypoints pass the browser's
 * `i18n.getMessage`, tests pass `translatorFor(messages)` built from the same JSON files.
 */
import type { MarketplaceId } from './hosts';
import type { PageType } from './pages/page-type';

/**
 * The UI languages: each has a `public/_locales/<code>/messages.json`, complete (test/i18n.test.ts).
 * Everything else (the options' choice, the background's bundled texts) derives from this list.
 */
export const UI_LOCALES = ['en', 'ja'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** The UI language of a language tag ("ja-JP" → ja); English for a language the UI does not have. */
export function uiLocaleOfTag(tag: string): UiLocale {
  const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  return (UI_LOCALES as readonly string[]).includes(base) ? (base as UiLocale) : 'en';
}

export type Messages = typeof import('../public/_locales/en/messages.json');
export type MessageKey = keyof Messages;
export type Translate = (key: MessageKey, substitutions?: readonly string[]) => string;

export interface MessageEntry {
  readonly message: string;
  readonly description?: string;
  readonly placeholders?: Readonly<Record<string, { readonly content: string; readonly example?: string }>>;
}

/**
 * A translator over a parsed messages.json, following the browser's own rules: `$NAME$` is
 * replaced by its placeholder's content, `$1`…`$9` by the substitutions, `$$` by `$`.
 * An unknown key gives the empty string, as `browser.i18n.getMessage` does.
 */
export function translatorFor(messages: Readonly<Record<string, MessageEntry>>): Translate {
  return (key, substitutions = []) => {
    const entry = messages[key];
    if (!entry) return '';
    const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? placeholder.content : whole;
    });
    return named.replace(/\$(\$|[1-9])/g, (_whole, what: string) => (what === '$' ? '$' : (substitutions[Number(what) - 1] ?? '')));
  };
}

export const PAGE_TYPE_LABEL: Readonly<Record<PageType, MessageKey>> = {
  'order-list': 'pageTypeOrderList',
  'order-details': 'pageTypeOrderDetails',
  'message-inbox': 'pageTypeMessageInbox',
  'message-thread': 'pageTypeMessageThread',
  notices: 'pageTypeNotices',
  'account-health': 'pageTypeAccountHealth',
  transactions: 'pageTypeTransactions',
  other: 'pageTypeOther',
};

export const MARKETPLACE_LABEL: Readonly<Record<MarketplaceId, MessageKey>> = {
  US: 'marketplaceUS',
  CA: 'marketplaceCA',
  MX: 'marketplaceMX',
  UK: 'marketplaceUK',
  DE: 'marketplaceDE',
  FR: 'marketplaceFR',
  IT: 'marketplaceIT',
  ES: 'marketplaceES',
  JP: 'marketplaceJP',
};
