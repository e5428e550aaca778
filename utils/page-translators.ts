/**
 * Both UI languages, bundled, for the extension's own pages (popup, options) when the seller
 * chose a language other than the browser's. Not for the content script: it asks the background
 * (lib/messaging) so as not to carry both files.
 */
import { translatorFor, type Translate, type UiLocale } from '@/lib/i18n';
import en from '@/public/_locales/en/messages.json';
import ja from '@/public/_locales/ja/messages.json';

export const BUNDLED_TRANSLATORS: Readonly<Record<UiLocale, Translate>> = { en: translatorFor(en), ja: translatorFor(ja) };
