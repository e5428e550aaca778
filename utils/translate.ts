/**
 * UI text for the extension's pages and content script (entrypoints only; lib/ stays pure).
 * The browser's own i18n by default; the seller may pick Japanese or English in options, in which
 * case that language's messages are used instead (the browser's i18n cannot switch language).
 */
import { browser } from 'wxt/browser';
import { translatorFor, type Translate, type UiLocale } from '@/lib/i18n';
import type { UserSettings } from '@/lib/settings';

/**
 * The browser's messages never change while the extension runs, and a sidebar of many findings
 * asks for the same ones at every render (each a call into the browser): a message without
 * substitutions is asked once, then answered from memory. With substitutions (they may carry
 * page text) it is always asked, never kept.
 */
const MESSAGES = new Map<string, string>();

export const translate: Translate = (key, substitutions) => {
  if (substitutions && substitutions.length > 0) return browser.i18n.getMessage(key, [...substitutions]);
  let message = MESSAGES.get(key);
  if (message === undefined) {
    message = browser.i18n.getMessage(key);
    MESSAGES.set(key, message);
  }
  return message;
};

/** The language the UI is shown in, for date and number formatting. */
export function uiLocale(setting: UserSettings['uiLanguage']): string {
  return setting === 'auto' ? browser.i18n.getUILanguage() : setting;
}

/** A translator for the seller's choice, given a way to obtain a language's messages. */
export async function translatorForSetting(setting: UserSettings['uiLanguage'], load: (language: UiLocale) => Promise<Record<string, { message: string }>>): Promise<Translate> {
  if (setting === 'auto') return translate;
  try {
    return translatorFor(await load(setting));
  } catch (error) {
    console.warn(`Seller Sidekick: could not load the ${setting} UI text; using the browser's language.`, error);
    return translate;
  }
}
