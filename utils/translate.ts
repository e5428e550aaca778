/** The browser's own i18n as a `Translate` for components (entrypoints only; lib/ stays pure). */
import { browser } from 'wxt/browser';
import type { Translate } from '@/lib/i18n';

export const translate: Translate = (key, substitutions) =>
  browser.i18n.getMessage(key, substitutions ? [...substitutions] : undefined);
