// The interface between the sidebar and the translation engine: every answer checked, the text
// capped, a clear outcome (never a throw) for a missing engine, a pair it lacks, a refused or
// failed download, an engine that throws or hangs, a cancel, and a language we do not detect.
// And the adapter to the browser's Translator API in its absent, downloadable, downloading and
// ready states.
import { describe, expect, it } from 'vitest';
import { MAX_TRANSLATE_CHARS, capText, ourLanguage, parseAvailability, parseDetected, runTranslation, sourceLanguage } from '@/lib/translate/engine';
import { browserTranslationEngine } from '@/utils/browser-translator';
import { translationDouble } from './translation-double';

const de = { text: 'Ist das eine Fälschung?', from: 'de' as const, to: 'ja' as const };

describe('runTranslation', () => {
  it('translates with the engine and says what it did', async () => {
    const engine = translationDouble();
    expect(await runTranslation(engine, de)).toEqual({ ok: true, text: '[ja] Ist das eine Fälschung?', from: 'de', to: 'ja', truncated: false, downloaded: false });
    expect(engine.calls).toEqual([{ text: de.text, from: 'de', to: 'ja' }]);
  });

  it('offers nothing where the browser has no engine, and asks it nothing', async () => {
    const engine = translationDouble({ kind: 'none' });
    expect(await runTranslation(engine, de)).toEqual({ ok: false, reason: 'no-engine' });
    expect(engine.calls).toEqual([]);
    expect(engine.availabilityAsked).toEqual([]);
  });

  it('caps a 200 KB message before it reaches the engine, and says so', async () => {
    const engine = translationDouble();
    const long = 'Bitte stornieren Sie meine Bestellung. '.repeat(200_000 / 39);
    expect(long.length).toBeGreaterThan(190_000);
    const outcome = await runTranslation(engine, { ...de, text: long });
    expect(outcome).toMatchObject({ ok: true, truncated: true });
    expect(engine.calls[0]!.text.length).toBeLessThanOrEqual(MAX_TRANSLATE_CHARS);
    expect(engine.calls[0]!.text.endsWith('.')).toBe(true); // cut at a sentence end
  });

  it('sends HTML in a message as the text it is, and gives back what the engine said as text', async () => {
    const engine = translationDouble({ answer: (t) => t });
    const html = '<script>alert(1)</script><img src=x onerror=alert(2)> Wo ist mein Paket?';
    const outcome = await runTranslation(engine, { ...de, text: html });
    expect(outcome).toMatchObject({ ok: true, text: html });
  });

  it('says the pair is not supported, and translates nothing', async () => {
    const engine = translationDouble({ availability: 'unavailable' });
    expect(await runTranslation(engine, de)).toEqual({ ok: false, reason: 'unsupported' });
    expect(engine.calls).toEqual([]);
  });

  it('reports download progress, clamped to 0…1, and that a model was downloaded', async () => {
    const seen: number[] = [];
    const engine = translationDouble({ availability: 'downloadable', progress: [0, 0.5, 1.7, Number.NaN, -1] });
    const outcome = await runTranslation(engine, de, { onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([0, 0.5, 1, 0]);
    expect(outcome).toMatchObject({ ok: true, downloaded: true });
  });

  it.each([
    ['an engine that throws', new Error('model crashed'), { reason: 'failed', detail: 'model crashed' }],
    ['a refused download (no click)', new DOMException('needs a gesture', 'NotAllowedError'), { reason: 'download-refused' }],
    ['a failed download', new DOMException('offline', 'NetworkError'), { reason: 'download-failed' }],
    ['a pair it turns out to lack', new DOMException('nope', 'NotSupportedError'), { reason: 'unsupported' }],
    ['a thrown string', 'boom', { reason: 'failed', detail: 'boom' }],
  ])('turns %s into a clear outcome, never a throw', async (_what, fail, expected) => {
    await expect(runTranslation(translationDouble({ fail }), de)).resolves.toMatchObject({ ok: false, ...expected });
  });

  it.each([
    ['a number', 42],
    ['an empty string', ''],
    ['only spaces', '   '],
    ['an object', { text: 'hi' }],
    ['a text absurdly longer than the input', 'x'.repeat(200_000)],
  ])('refuses %s as a translation', async (_what, answer) => {
    await expect(runTranslation(translationDouble({ answer: () => answer }), de)).resolves.toMatchObject({ ok: false, reason: 'failed' });
  });

  it('stops when the seller cancels mid-way, and the engine sees the cancel', async () => {
    const engine = translationDouble({ hang: true });
    const stop = new AbortController();
    const outcome = runTranslation(engine, de, { signal: stop.signal });
    await new Promise((r) => setTimeout(r, 5));
    expect(engine.calls).toHaveLength(1);
    stop.abort();
    await expect(outcome).resolves.toMatchObject({ ok: false, reason: 'cancelled' });
  });

  it('does not start when already cancelled', async () => {
    const engine = translationDouble();
    const stop = new AbortController();
    stop.abort();
    await expect(runTranslation(engine, de, { signal: stop.signal })).resolves.toEqual({ ok: false, reason: 'cancelled' });
    expect(engine.calls).toEqual([]);
  });

  it('stops waiting for an engine that hangs, even one that ignores the cancel', async () => {
    const deaf = { ...translationDouble(), translate: () => new Promise<string>(() => {}) };
    await expect(runTranslation(deaf, de, { idleMs: 30 })).resolves.toEqual({ ok: false, reason: 'timeout' });
    const slowCheck = { ...translationDouble(), canTranslate: () => new Promise<never>(() => {}) };
    await expect(runTranslation(slowCheck, de, { idleMs: 30 })).resolves.toEqual({ ok: false, reason: 'timeout' });
  });

  it('keeps waiting while the download makes progress', async () => {
    const engine = translationDouble({ progress: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8], availability: 'downloadable' });
    const slow = { ...engine, translate: (...args: Parameters<typeof engine.translate>) => new Promise<string>((r) => setTimeout(() => r(engine.translate(...args)), 20)) };
    await expect(runTranslation(slow, de, { idleMs: 25 })).resolves.toMatchObject({ ok: true });
  });

  it('refuses a message the detector confidently puts outside our six languages', async () => {
    for (const language of ['tlh', 'und', 'pt-BR']) {
      const engine = translationDouble({ detected: [{ language, confidence: 0.95 }] });
      await expect(runTranslation(engine, { ...de, detect: true })).resolves.toEqual({ ok: false, reason: 'unknown-language' });
      expect(engine.calls).toEqual([]);
    }
  });

  it("follows a confident detector, else our own reading; and says when it is already in the seller's language", async () => {
    const engine = translationDouble({ detected: [{ language: 'fr-FR', confidence: 0.9 }] });
    await expect(runTranslation(engine, { ...de, detect: true })).resolves.toMatchObject({ ok: true, from: 'fr' });
    const unsure = translationDouble({ detected: [{ language: 'it', confidence: 0.3 }] });
    await expect(runTranslation(unsure, { ...de, detect: true })).resolves.toMatchObject({ ok: true, from: 'de' });
    const japanese = translationDouble({ detected: [{ language: 'ja', confidence: 0.99 }] });
    await expect(runTranslation(japanese, { ...de, detect: true })).resolves.toEqual({ ok: false, reason: 'same-language' });
    await expect(runTranslation(translationDouble(), { ...de, text: ' \n ' })).resolves.toEqual({ ok: false, reason: 'empty' });
    // A detector that throws or answers nonsense is no answer: our own reading stands.
    const throwing = { ...translationDouble(), detect: () => Promise.reject(new Error('detector crashed')) };
    await expect(runTranslation(throwing, { ...de, detect: true })).resolves.toMatchObject({ ok: true, from: 'de' });
    const nonsense = { ...translationDouble(), detect: () => Promise.resolve([{ language: 42, confidence: 'high' }] as never) };
    await expect(runTranslation(nonsense, { ...de, detect: true })).resolves.toMatchObject({ ok: true, from: 'de' });
  });
});

describe('checking what the browser says', () => {
  it('takes only the four availability words, "downloading" as a download', () => {
    expect(['available', 'downloadable', 'downloading', 'unavailable'].map(parseAvailability)).toEqual(['available', 'downloadable', 'downloadable', 'unavailable']);
    for (const bad of ['readily', 'yes', undefined, null, 1, {}, ['available']]) expect(parseAvailability(bad)).toBe('unavailable');
  });

  it('takes detection results only when well formed, and follows the most confident', () => {
    const detected = parseDetected([
      { detectedLanguage: 'de', confidence: 0.2 },
      { detectedLanguage: 'en', confidence: 0.7 },
    ]);
    expect(detected).toEqual([
      { language: 'de', confidence: 0.2 },
      { language: 'en', confidence: 0.7 },
    ]);
    expect(sourceLanguage(detected, 'it')).toBe('en');
    for (const bad of [null, 'de', [{ detectedLanguage: 'de' }], [{ detectedLanguage: 'de', confidence: 2 }], [{ detectedLanguage: 'x'.repeat(99), confidence: 0.5 }]])
      expect(parseDetected(bad)).toEqual([]);
  });

  it('maps language tags onto our six, and cuts texts', () => {
    expect(['de-AT', 'JA', 'es-419', 'pt', 'und', ''].map(ourLanguage)).toEqual(['de', 'ja', 'es', undefined, undefined, undefined]);
    expect(sourceLanguage([], 'it')).toBe('it');
    expect(capText('short')).toEqual({ text: 'short', truncated: false });
    expect(capText('x'.repeat(5000))).toEqual({ text: 'x'.repeat(MAX_TRANSLATE_CHARS), truncated: true });
  });
});

/** A stand-in for the browser's global scope with Translator and LanguageDetector as Chrome has them. */
function chromeScope(state: { pair: string; detector?: string; created?: unknown[]; failCreate?: unknown; hangCreate?: boolean }) {
  const created = (state.created ??= []);
  return {
    Translator: Object.assign(function Translator() {}, {
      availability: (o: { sourceLanguage: string; targetLanguage: string }) => Promise.resolve(o.sourceLanguage === 'tlh' ? 'unavailable' : state.pair),
      create: (o: { sourceLanguage: string; targetLanguage: string; signal?: AbortSignal; monitor?: (m: { addEventListener: (t: string, l: (e: { loaded: unknown }) => void) => void }) => void }) => {
        created.push(o);
        return new Promise((resolve, reject) => {
          o.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          if (state.hangCreate) return;
          if (state.failCreate) return reject(state.failCreate);
          const listeners: ((e: { loaded: unknown }) => void)[] = [];
          o.monitor?.({ addEventListener: (_t, l) => listeners.push(l) });
          for (const loaded of state.pair === 'available' ? [0, 1] : [0, 0.5, 'bad', 1]) for (const l of listeners) l({ loaded });
          state.pair = 'available';
          resolve({ translate: (text: string) => Promise.resolve(`<${o.targetLanguage}> ${text}`) });
        });
      },
    }),
    LanguageDetector: Object.assign(function LanguageDetector() {}, {
      availability: () => Promise.resolve(state.detector ?? 'unavailable'),
      create: () =>
        Promise.resolve({
          detect: () =>
            Promise.resolve([
              { detectedLanguage: 'de', confidence: 0.9 },
              { detectedLanguage: 'und', confidence: 0.1 },
            ]),
        }),
    }),
  };
}

describe('the adapter to the browser (Chrome built-in Translator)', () => {
  it('is "none" where the browser has no Translator (Firefox), or a malformed one', async () => {
    for (const scope of [{}, { Translator: {} }, { Translator: () => {} }, { Translator: Object.assign(() => {}, { availability: 1, create: () => {} }) }]) {
      const engine = browserTranslationEngine(scope);
      expect(engine.kind).toBe('none');
      expect(await engine.canTranslate('de', 'ja')).toBe('unavailable');
      await expect(runTranslation(engine, de)).resolves.toEqual({ ok: false, reason: 'no-engine' });
    }
  });

  it('downloadable: creates the translator on the call, with progress, then keeps it for the pair', async () => {
    const state = { pair: 'downloadable' };
    const scope = chromeScope(state);
    const engine = browserTranslationEngine(scope);
    expect(engine.kind).toBe('browser');
    expect(await engine.canTranslate('de', 'ja')).toBe('downloadable');
    const seen: number[] = [];
    await expect(runTranslation(engine, de, { onProgress: (p) => seen.push(p) })).resolves.toMatchObject({ ok: true, text: '<ja> Ist das eine Fälschung?', downloaded: true });
    expect(seen).toEqual([0, 0.5, 1]); // the malformed event is dropped
    expect(await engine.canTranslate('de', 'ja')).toBe('available');
    await expect(runTranslation(engine, de)).resolves.toMatchObject({ ok: true, downloaded: false });
    expect((state as { created?: unknown[] }).created).toHaveLength(1);
  });

  it('downloading: waits like a download; unavailable pairs are not created', async () => {
    const engine = browserTranslationEngine(chromeScope({ pair: 'downloading' }));
    expect(await engine.canTranslate('de', 'ja')).toBe('downloadable');
    expect(await engine.canTranslate('tlh' as 'de', 'ja')).toBe('unavailable');
  });

  it('ready: translates at once', async () => {
    const state = { pair: 'available' };
    await expect(runTranslation(browserTranslationEngine(chromeScope(state)), de)).resolves.toMatchObject({ ok: true, downloaded: false });
  });

  it('a refused creation is not kept: the next click tries again', async () => {
    const state = { pair: 'downloadable', failCreate: new DOMException('Requires a user gesture', 'NotAllowedError') as unknown };
    const engine = browserTranslationEngine(chromeScope(state));
    await expect(runTranslation(engine, de)).resolves.toMatchObject({ ok: false, reason: 'download-refused' });
    state.failCreate = undefined;
    await expect(runTranslation(engine, de)).resolves.toMatchObject({ ok: true });
  });

  it('cancelling during the download stops the creation, and a later call creates again', async () => {
    const state = { pair: 'downloadable', hangCreate: true, created: [] as { signal?: AbortSignal }[] };
    const engine = browserTranslationEngine(chromeScope(state));
    const stop = new AbortController();
    const outcome = runTranslation(engine, de, { signal: stop.signal });
    await new Promise((r) => setTimeout(r, 5));
    stop.abort();
    await expect(outcome).resolves.toMatchObject({ ok: false, reason: 'cancelled' });
    expect(state.created[0]!.signal?.aborted).toBe(true);
    state.hangCreate = false;
    await expect(runTranslation(engine, de)).resolves.toMatchObject({ ok: true });
    expect(state.created).toHaveLength(2);
  });

  it('detects only with a detector the browser already has (no download for detection)', async () => {
    expect(await browserTranslationEngine(chromeScope({ pair: 'available', detector: 'downloadable' })).detect('Hallo')).toEqual([]);
    expect(await browserTranslationEngine(chromeScope({ pair: 'available', detector: 'available' })).detect('Hallo')).toEqual([
      { language: 'de', confidence: 0.9 },
      { language: 'und', confidence: 0.1 },
    ]);
  });
});
