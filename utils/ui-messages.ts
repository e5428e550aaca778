/**
 * Every UI language's messages, bundled, keyed by UI_LOCALES (lib/i18n.ts): for the extension's own
 * pages when the seller chose a language other than the browser's, and for the background's view
 * text. Each locale folder is picked up by Vite's glob import, so adding a UI language is its
 * folder under public/_locales and its entry in UI_LOCALES (test/i18n.test.ts holds that nothing
 * else names a UI language). Not for the content script: it asks the background.
 */
import { UI_LOCALES, type Messages, type UiLocale } from '@/lib/i18n';

const FILES = import.meta.glob<Messages>('/public/_locales/*/messages.json', { eager: true, import: 'default' });

function messagesOf(locale: UiLocale): Messages {
  const messages = FILES[`/public/_locales/${locale}/messages.json`];
  if (!messages) throw new Error(`No messages.json for the UI language ${locale}.`);
  return messages;
}

export const UI_MESSAGES: Readonly<Record<UiLocale, Messages>> = Object.fromEntries(UI_LOCALES.map((locale) => [locale, messagesOf(locale)])) as Record<UiLocale, Messages>;
