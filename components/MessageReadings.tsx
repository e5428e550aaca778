/**
 * "What the messages are about": each message of the thread (not the seller's) with what the
 * classifier read in it — the intent, or plainly that it is not sure, with what it did read (the
 * words that weighed, what it leaned to) — and a small control to say what it really is about.
 * Renders props and raises callbacks only; the page's text is shown as text, never as markup.
 */
import { useState } from 'preact/hooks';
import type { Classification, Intent } from '@/lib/classify/types';
import type { Translate } from '@/lib/i18n';
import { INTENT_LABEL } from './labels';
import { MessageTranslation, type TranslationSetup } from './Translation';

export interface MessageReadingView {
  /** The message's index among the page's messages. */
  readonly index: number;
  readonly sender: 'buyer' | 'amazon';
  readonly text: string;
  readonly subject?: string | undefined;
  readonly classification: Classification;
}

/** What became of the last correction on this page. */
export type CorrectionStatus =
  | { readonly index: number; readonly kind: 'working' }
  | { readonly index: number; readonly kind: 'corrected'; readonly intent: Intent; readonly canUndo: boolean }
  | { readonly index: number; readonly kind: 'undone' }
  | { readonly index: number; readonly kind: 'refused'; readonly reason: 'official-request' | 'layer-full' | 'unknown-intent' | 'changed-since' | 'not-stored'; readonly detail?: string | undefined };

export interface MessageReadingsProps {
  readonly readings: readonly MessageReadingView[];
  readonly onCorrect: (index: number, intent: Intent) => void;
  readonly onUndo: () => void;
  readonly status?: CorrectionStatus | undefined;
  /** The most layer features (for the "full" refusal). */
  readonly maxFeatures: number;
  readonly t: Translate;
  /** On-device translation of buyers' messages into the UI language (none: not offered). */
  readonly translation?: TranslationSetup | undefined;
}

/** The newest messages shown (a long thread's oldest ones matter least now). */
export const MAX_READINGS = 6;
/** Amazon's notices: a buyer never sends one, so a buyer's message cannot be corrected to one. */
const NOTICES: ReadonlySet<Intent> = new Set(['delivery-failure', 'listing-removed', 'a-to-z-claim']);
/** Every intent a correction may teach: never an official cancellation request (that is Amazon's). */
const CORRECTABLE: readonly Intent[] = (Object.keys(INTENT_LABEL) as Intent[]).filter((intent) => intent !== 'cancel-request');

const percent = (p: number) => String(Math.round(p * 100));

/** The distinct words of the message that the classification cites (as given in the text). */
function citedWords(reading: MessageReadingView): string[] {
  const words: string[] = [];
  for (const e of reading.classification.evidence) {
    const from = e.field === 'body' ? reading.text : e.field === 'subject' ? (reading.subject ?? '') : '';
    if (e.end <= e.start || e.end > from.length) continue;
    const word = from.slice(e.start, e.end).trim();
    if (word !== '' && !words.includes(word) && words.length < 6) words.push(word.length > 40 ? `${word.slice(0, 40)}…` : word);
  }
  return words;
}

/** What an unsure classification leaned to most (not `other`), if anything stood out. */
function leaning(c: Classification): { intent: Intent; p: number } | undefined {
  let best: { intent: Intent; p: number } | undefined;
  for (const [intent, p] of Object.entries(c.scores) as [Intent, number | undefined][]) {
    if (intent === 'other' || intent === 'cancel-request' || p === undefined || p < 0.1) continue;
    if (!best || p > best.p) best = { intent, p };
  }
  return best;
}

function Status({ status, maxFeatures, onUndo, t }: { readonly status: CorrectionStatus; readonly maxFeatures: number; readonly onUndo: () => void; readonly t: Translate }) {
  switch (status.kind) {
    case 'working':
      return <p class="sidekick-quiet">{t('readingsWorking')}</p>;
    case 'corrected':
      return (
        <p class="sidekick-status" data-testid="correction-status" data-state="corrected">
          {t('readingsCorrected', [t(INTENT_LABEL[status.intent])])}{' '}
          {status.canUndo && (
            <button type="button" class="sidekick-link" data-testid="correction-undo" onClick={onUndo}>
              {t('readingsUndo')}
            </button>
          )}
        </p>
      );
    case 'undone':
      return (
        <p class="sidekick-status" data-testid="correction-status" data-state="undone">
          {t('readingsUndone')}
        </p>
      );
    case 'refused': {
      const text =
        status.reason === 'official-request'
          ? t('readingsRefusedOfficial')
          : status.reason === 'layer-full'
            ? t('readingsRefusedFull', [String(maxFeatures)])
            : status.reason === 'changed-since'
              ? t('readingsRefusedChanged')
              : t('readingsFailed', [status.detail ?? status.reason]);
      return (
        <p class="sidekick-problem" role="alert" data-testid="correction-status" data-state="refused">
          {text}
        </p>
      );
    }
  }
}

function Reading({
  reading,
  status,
  maxFeatures,
  onCorrect,
  onUndo,
  t,
  translation,
}: {
  readonly translation?: TranslationSetup | undefined;
  readonly reading: MessageReadingView;
  readonly status?: CorrectionStatus | undefined;
  readonly maxFeatures: number;
  readonly onCorrect: (index: number, intent: Intent) => void;
  readonly onUndo: () => void;
  readonly t: Translate;
}) {
  const [choice, setChoice] = useState<Intent | ''>('');
  const c = reading.classification;
  const unsure = c.unsure === true;
  const words = citedWords(reading);
  const leaned = unsure ? leaning(c) : undefined;
  const options = CORRECTABLE.filter((intent) => (reading.sender === 'buyer' ? !NOTICES.has(intent) : true));
  const excerpt = reading.text.length > 200 ? `${reading.text.slice(0, 200)}…` : reading.text;
  const selectId = `sidekick-correct-${reading.index}`;
  return (
    <li class="sidekick-reading" data-testid="message-reading" data-index={reading.index} data-intent={c.intent} data-unsure={unsure ? 'true' : 'false'}>
      <p class="sidekick-reading-head">
        <strong>{t(reading.sender === 'buyer' ? 'senderBuyer' : 'senderAmazon')}</strong>{' '}
        {unsure ? <span data-testid="reading-unsure">{t('readingsUnsure')}</span> : <span data-testid="reading-intent">{t('readingsAbout', [t(INTENT_LABEL[c.intent]), percent(c.confidence)])}</span>}
      </p>
      {!unsure && (
        <p class="sidekick-quiet sidekick-reading-excerpt" dir="auto">
          {reading.text.length > 120 ? `${reading.text.slice(0, 120)}…` : reading.text}
        </p>
      )}
      {unsure && (
        <>
          <blockquote class="sidekick-evidence" dir="auto">
            {excerpt}
          </blockquote>
          {leaned && <p class="sidekick-quiet">{t('readingsLeaned', [t(INTENT_LABEL[leaned.intent]), percent(leaned.p)])}</p>}
        </>
      )}
      {words.length > 0 && (
        <p class="sidekick-quiet sidekick-reading-words">
          {t('readingsWords')}{' '}
          {words.map((word, i) => (
            <mark key={i} dir="auto">
              {word}
            </mark>
          ))}
        </p>
      )}
      {unsure && <p class="sidekick-quiet">{t('readingsUnsureNoFinding')}</p>}
      {translation && translation.engine.kind !== 'none' && reading.sender === 'buyer' && c.language !== translation.to && (
        <MessageTranslation text={reading.text} from={c.language} setup={translation} t={t} />
      )}
      <form
        class="sidekick-correct"
        onSubmit={(event) => {
          event.preventDefault();
          if (choice !== '') onCorrect(reading.index, choice);
        }}
      >
        <label for={selectId}>{t('readingsCorrectLabel')}</label>{' '}
        <select id={selectId} data-testid="correct-intent" value={choice} onChange={(event) => setChoice(event.currentTarget.value as Intent | '')}>
          <option value="">{t('readingsCorrectChoose')}</option>
          {options.map((intent) => (
            <option key={intent} value={intent} disabled={intent === c.intent && !unsure}>
              {t(INTENT_LABEL[intent])}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="sidekick-link" data-testid="correct-submit" disabled={choice === '' || status?.kind === 'working'}>
          {t('readingsCorrectButton')}
        </button>
      </form>
      {status?.index === reading.index && <Status status={status} maxFeatures={maxFeatures} onUndo={onUndo} t={t} />}
    </li>
  );
}

export function MessageReadings({ readings, onCorrect, onUndo, status, maxFeatures, t, translation }: MessageReadingsProps) {
  if (readings.length === 0) return null;
  const shown = readings.slice(-MAX_READINGS);
  return (
    <section class="sidekick-section sidekick-readings" aria-labelledby="sidekick-readings-heading" data-testid="message-readings">
      <h2 id="sidekick-readings-heading" class="sidekick-section-heading">
        {t('readingsHeading')}
      </h2>
      <ul class="sidekick-reading-list">
        {shown.map((reading) => (
          <Reading key={reading.index} reading={reading} status={status} maxFeatures={maxFeatures} onCorrect={onCorrect} onUndo={onUndo} t={t} translation={translation} />
        ))}
      </ul>
      {translation?.engine.kind === 'none' && shown.some((r) => r.sender === 'buyer' && r.classification.language !== translation.to) && (
        <p class="sidekick-quiet" data-testid="translation-unavailable">
          {t('translateNoEngine')}
        </p>
      )}
      <p class="sidekick-quiet">{t('readingsCorrectHelp')}</p>
    </section>
  );
}
