/**
 * Every UI language, bundled, for the extension's own pages (popup, options) when the seller
 * chose a language other than the browser's. Not for the content script: it asks the background
 * (lib/messaging) so as not to carry every file.
 */
import { UI_LOCALES, translatorFor, type Translate, type UiLocale } from '@/lib/i18n';
import { UI_MESSAGES } from '@/utils/ui-messages';

export const BUNDLED_TRANSLATORS: Readonly<Record<UiLocale, Translate>> = Object.fromEntries(UI_LOCALES.map((locale) => [locale, translatorFor(UI_MESSAGES[locale])])) as Record<UiLocale, Translate>;
