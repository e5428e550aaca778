import en from '@/public/_locales/en/messages.json';
import ja from '@/public/_locales/ja/messages.json';
import { translatorFor } from '@/lib/i18n';

export const messages = { en, ja } as const;
export const tEn = translatorFor(en);
export const tJa = translatorFor(ja);
