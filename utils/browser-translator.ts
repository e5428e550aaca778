/**
 * The adapter to the browser's own on-device translation: Chrome's Translator and Language
 * Detector APIs (Chrome 138+, desktop), read from the global scope at each call. Where the
 * browser has no `Translator` (Firefox, older Chrome) the engine is 'none' and nothing is offered.
 * Thin on purpose: lib/translate/engine.ts checks every answer. A translator is created on the
 * seller's click (creating one may start the browser's model download, which needs that click)
 * and kept for the page's life, so the next translation of the pair is quick.
 */
import type { Language } from '@/lib/classify/types';
import type { Detected, TranslateOptions, TranslationEngine } from '@/lib/translate/engine';
import { parseAvailability, parseDetected } from '@/lib/translate/engine';

interface Monitor {
  addEventListener(type: 'downloadprogress', listener: (event: { loaded?: unknown }) => void): void;
}
interface BrowserTranslator {
  translate(text: string, options?: { signal?: AbortSignal | undefined }): Promise<unknown>;
  destroy?(): void;
}
interface TranslatorStatic {
  availability(options: { sourceLanguage: string; targetLanguage: string }): Promise<unknown>;
  create(options: { sourceLanguage: string; targetLanguage: string; signal?: AbortSignal; monitor?: (m: Monitor) => void }): Promise<BrowserTranslator>;
}
interface DetectorStatic {
  availability(): Promise<unknown>;
  create(options?: { signal?: AbortSignal | undefined }): Promise<{ detect(text: string, options?: { signal?: AbortSignal | undefined }): Promise<unknown> }>;
}

const apiOf = (scope: object, name: string): unknown => (scope as Record<string, unknown>)[name];
const usable = (api: unknown): boolean =>
  typeof api === 'function' && typeof (api as { availability?: unknown }).availability === 'function' && typeof (api as { create?: unknown }).create === 'function';

export function browserTranslationEngine(scope: object = globalThis): TranslationEngine {
  const translatorApi = () => apiOf(scope, 'Translator') as TranslatorStatic;
  if (!usable(apiOf(scope, 'Translator'))) {
    return {
      kind: 'none',
      detect: async () => [],
      canTranslate: async () => 'unavailable',
      translate: async () => {
        throw new Error('none');
      },
    };
  }
  const made = new Map<string, Promise<BrowserTranslator>>();
  return {
    kind: 'browser',
    async detect(text, options = {}): Promise<readonly Detected[]> {
      const api = apiOf(scope, 'LanguageDetector') as DetectorStatic | undefined;
      // Only a detector the browser already has: detecting is no reason to download a model.
      if (!usable(api) || parseAvailability(await api!.availability()) !== 'available') return [];
      const detector = await api!.create(options);
      return parseDetected(await detector.detect(text, options));
    },
    async canTranslate(from: Language, to: Language) {
      return parseAvailability(await translatorApi().availability({ sourceLanguage: from, targetLanguage: to }));
    },
    async translate(text, from, to, options: TranslateOptions = {}) {
      const key = `${from}>${to}`;
      let translator = made.get(key);
      if (!translator) {
        // Cancelling stops the creation, never a translator made already (its signal would destroy it).
        const creating = new AbortController();
        const cancel = () => creating.abort();
        options.signal?.addEventListener('abort', cancel, { once: true });
        translator = translatorApi().create({
          sourceLanguage: from,
          targetLanguage: to,
          signal: creating.signal,
          monitor(m) {
            m.addEventListener('downloadprogress', (event) => {
              if (typeof event.loaded === 'number') options.onProgress?.(event.loaded);
            });
          },
        });
        void translator.finally(() => options.signal?.removeEventListener('abort', cancel)).catch(() => {});
        made.set(key, translator);
        // A failed or cancelled creation is not kept: the next click tries again.
        translator.catch(() => made.delete(key));
      }
      const ready = await translator;
      return ready.translate(text, { signal: options.signal }) as Promise<string>;
    },
  };
}
