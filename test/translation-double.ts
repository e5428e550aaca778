// A translation engine for tests: answers what it is told, counts what it was asked, and can
// throw, hang, report download progress or refuse, as a real engine might.
import type { Language } from '@/lib/classify/types';
import type { Availability, Detected, TranslateOptions, TranslationEngine } from '@/lib/translate/engine';

export interface DoubleOptions {
  readonly kind?: 'browser' | 'none';
  readonly availability?: Availability | ((from: Language, to: Language) => Availability);
  readonly detected?: readonly Detected[];
  /** The translation of a text; by default "[to] text". */
  readonly answer?: (text: string, from: Language, to: Language) => unknown;
  /** Progress steps reported before answering (a download). */
  readonly progress?: readonly number[];
  readonly fail?: unknown;
  /** Never answers (until aborted). */
  readonly hang?: boolean;
}

export interface Double extends TranslationEngine {
  readonly calls: { text: string; from: Language; to: Language }[];
  readonly availabilityAsked: { from: Language; to: Language }[];
}

export function translationDouble(options: DoubleOptions = {}): Double {
  const calls: Double['calls'] = [];
  const availabilityAsked: Double['availabilityAsked'] = [];
  return {
    kind: options.kind ?? 'browser',
    calls,
    availabilityAsked,
    detect: () => Promise.resolve(options.detected ?? []),
    canTranslate(from, to) {
      availabilityAsked.push({ from, to });
      const a = options.availability ?? 'available';
      return Promise.resolve(typeof a === 'function' ? a(from, to) : a);
    },
    translate(text, from, to, run: TranslateOptions = {}) {
      calls.push({ text, from, to });
      return new Promise((resolve, reject) => {
        run.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
        if (options.hang) return;
        void (async () => {
          for (const step of options.progress ?? []) {
            await new Promise((r) => setTimeout(r, 1));
            run.onProgress?.(step);
          }
          if (options.fail !== undefined) return reject(options.fail);
          resolve((options.answer ?? ((t: string, _f: Language, l: Language) => `[${l}] ${t}`))(text, from, to) as string);
        })();
      });
    },
  };
}
