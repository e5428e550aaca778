/**
 * Translation on this device, in the sidebar: the steps one translation goes through (check the
 * pair, say that the browser will download a model the first time, progress and cancel, the
 * result or a clear line why not) and the control under a buyer's message. The engine is a prop
 * (lib/translate/engine.ts); nothing here decides what a message is about: the sidebar's reading
 * stays on the original text. Text is shown as text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Language } from '@/lib/classify/types';
import type { MessageKey, Translate, UiLocale } from '@/lib/i18n';
import { MAX_TRANSLATE_CHARS, runTranslation, type TranslationEngine, type TranslationFailure, type TranslationRequest } from '@/lib/translate/engine';
import { LANGUAGE_NAME } from './labels';

/** What the sidebar hands to the translation controls. */
export interface TranslationSetup {
  readonly engine: TranslationEngine;
  /** The seller's UI language: buyers' messages are translated into it. */
  readonly to: UiLocale;
}

const FAILURE: Readonly<Record<TranslationFailure, MessageKey>> = {
  'no-engine': 'translateNoEngine',
  empty: 'translateEmpty',
  'same-language': 'translateSame',
  'unknown-language': 'translateUnknown',
  unsupported: 'translateUnsupported',
  cancelled: 'translateCancelled',
  timeout: 'translateTimeout',
  'download-refused': 'translateRefused',
  'download-failed': 'translateDownloadFailed',
  failed: 'translateFailed',
};

export type TranslationPhase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'confirm' }
  | { readonly kind: 'working'; readonly progress?: number | undefined }
  | { readonly kind: 'done'; readonly text: string; readonly from: Language; readonly truncated: boolean }
  | { readonly kind: 'failed'; readonly reason: TranslationFailure; readonly detail?: string | undefined };

/** One translation's steps. `start` on the seller's click: a model download needs that click. */
export function useTranslation(engine: TranslationEngine) {
  const [phase, setPhase] = useState<TranslationPhase>({ kind: 'idle' });
  const running = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => running.current?.abort(), []);
  const run = (request: TranslationRequest) => {
    running.current?.abort();
    const stop = new AbortController();
    running.current = stop;
    setPhase({ kind: 'working' });
    void runTranslation(engine, request, { signal: stop.signal, onProgress: (progress) => stop.signal.aborted || setPhase({ kind: 'working', progress }) }).then((outcome) => {
      if (running.current !== stop) return;
      running.current = undefined;
      setPhase(outcome.ok ? { kind: 'done', text: outcome.text, from: outcome.from, truncated: outcome.truncated } : { kind: 'failed', reason: outcome.reason, detail: outcome.detail });
    });
  };
  return {
    phase,
    /** Checks the pair first: a pair the browser must download asks the seller before. */
    start(request: TranslationRequest) {
      setPhase({ kind: 'working' });
      engine.canTranslate(request.from, request.to).then(
        (availability) => (availability === 'downloadable' ? setPhase({ kind: 'confirm' }) : run(request)),
        () => run(request),
      );
    },
    run,
    cancel() {
      running.current?.abort();
    },
    reset() {
      running.current?.abort();
      running.current = undefined;
      setPhase({ kind: 'idle' });
    },
  };
}

/** The steps' lines and buttons (all but the result, which each place shows its own way). */
export function TranslationSteps({
  phase,
  from,
  to,
  onDownload,
  onCancel,
  onRetry,
  onReset,
  t,
}: {
  readonly phase: TranslationPhase;
  readonly from: Language;
  readonly to: Language;
  readonly onDownload: () => void;
  readonly onCancel: () => void;
  readonly onRetry: () => void;
  readonly onReset: () => void;
  readonly t: Translate;
}) {
  const name = (l: Language) => t(LANGUAGE_NAME[l]);
  switch (phase.kind) {
    case 'confirm':
      return (
        <div class="sidekick-translate-step" data-testid="translation-confirm">
          <p class="sidekick-quiet">{t('translateDownloadNote')}</p>
          <button type="button" class="sidekick-primary" data-testid="translation-download" onClick={onDownload}>
            {t('translateDownload')}
          </button>{' '}
          <button type="button" class="sidekick-secondary" data-testid="translation-not-now" onClick={onReset}>
            {t('translateNotNow')}
          </button>
        </div>
      );
    case 'working':
      return (
        <p class="sidekick-quiet" role="status" data-testid="translation-working">
          {phase.progress === undefined ? t('translateWorking') : t('translateDownloading', [String(Math.round(phase.progress * 100))])}{' '}
          <button type="button" class="sidekick-link" data-testid="translation-cancel" onClick={onCancel}>
            {t('translateCancel')}
          </button>
        </p>
      );
    case 'failed':
      return (
        <p class="sidekick-problem" role="alert" data-testid="translation-error" data-reason={phase.reason}>
          {t(FAILURE[phase.reason], phase.reason === 'unsupported' ? [name(from), name(to)] : phase.reason === 'same-language' ? [name(to)] : [phase.detail ?? ''])}{' '}
          <button type="button" class="sidekick-link" data-testid="translation-retry" onClick={onRetry}>
            {t('translateAgain')}
          </button>
        </p>
      );
    default:
      return null;
  }
}

/** "Translate into Japanese" under a buyer's message, and the translation beside the original. */
export function MessageTranslation({ text, from, setup, t }: { readonly text: string; readonly from: Language; readonly setup: TranslationSetup; readonly t: Translate }) {
  const { phase, start, run, cancel, reset } = useTranslation(setup.engine);
  const request: TranslationRequest = { text, from, to: setup.to, detect: true };
  // Another message in this place (the page moved on): its translation is not this one's.
  useEffect(reset, [text, from, setup.to, setup.engine]);
  const name = (l: Language) => t(LANGUAGE_NAME[l]);
  return (
    <div class="sidekick-translation">
      {phase.kind === 'idle' && (
        <button type="button" class="sidekick-link" data-testid="translate" onClick={() => start(request)}>
          {t('translateInto', [name(setup.to)])}
        </button>
      )}
      <TranslationSteps phase={phase} from={from} to={setup.to} onDownload={() => run(request)} onCancel={cancel} onRetry={() => start(request)} onReset={reset} t={t} />
      {phase.kind === 'done' && (
        <>
          <div class="sidekick-translation-pair">
            <figure>
              <figcaption>{t('translateOriginal', [name(phase.from)])}</figcaption>
              <blockquote lang={phase.from} dir="auto" data-testid="translation-original">
                {text.slice(0, MAX_TRANSLATE_CHARS)}
              </blockquote>
            </figure>
            <figure>
              <figcaption data-testid="translation-label">{t('translateLabel', [name(setup.to)])}</figcaption>
              <blockquote lang={setup.to} dir="auto" data-testid="translation-text">
                {phase.text}
              </blockquote>
            </figure>
          </div>
          {phase.truncated && <p class="sidekick-quiet">{t('translateTruncated', [String(MAX_TRANSLATE_CHARS)])}</p>}
          <button type="button" class="sidekick-link" data-testid="translation-hide" onClick={reset}>
            {t('translateHide')}
          </button>
        </>
      )}
    </div>
  );
}
