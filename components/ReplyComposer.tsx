/**
 * The chosen reply, filled for this page, before it goes anywhere: the language (one click to
 * switch), the text with the blanks the page could not fill marked, Amazon's messaging-rule
 * problems with the rule each breaks, and one button that puts it into Seller Central's reply box
 * (or copies it where there is none). Renders props and raises callbacks only.
 */
import type { Language } from '@/lib/classify/types';
import { LANGUAGES } from '@/lib/classify/types';
import { UI_LOCALES, type MessageKey, type Translate, type UiLocale } from '@/lib/i18n';
import type { Filled } from '@/lib/templates/fill';
import type { GuardProblem, GuardRule } from '@/lib/templates/guard';

const GUARD_LABEL: Readonly<Record<GuardRule, MessageKey>> = {
  'external-link': 'guardExternalLink',
  'email-address': 'guardEmailAddress',
  'phone-number': 'guardPhoneNumber',
  emoji: 'guardEmoji',
  'review-request': 'guardReviewRequest',
  'off-amazon-contact': 'guardOffAmazonContact',
  'missing-order-id': 'guardMissingOrderId',
};

import { LANGUAGE_NAME } from './labels';
import { useEffect, useState } from 'preact/hooks';
import { checkReply } from '@/lib/templates/guard';
import { TranslationSteps, useTranslation, type TranslationSetup } from './Translation';

/** Messaging-rule problems, each with the rule it breaks and the words that broke it. */
export function GuardList({ heading, problems, t }: { readonly heading: string; readonly problems: readonly GuardProblem[]; readonly t: Translate }) {
  return (
    <div class="sidekick-guard" role="alert">
      <h3>{heading}</h3>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.rule}-${problem.start}`} data-guard-rule={problem.rule}>
            {t(GUARD_LABEL[problem.rule])}
            {problem.text && <q>{problem.text}</q>}
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface ReplyComposerProps {
  /** A built-in template id, or the id of one of the seller's own. */
  readonly templateId: string;
  /** The template's name, in the UI language. */
  readonly title: string;
  readonly language: Language;
  readonly filled: Filled;
  readonly problems: readonly GuardProblem[];
  /** Whether the page has a reply box to insert into (else the reply is copied). */
  readonly hasReplyBox: boolean;
  /** What happened on the last insert/copy, already in the UI language. */
  readonly status?: string | undefined;
  readonly onLanguage: (language: Language) => void;
  readonly onInsert: () => void;
  readonly onClose: () => void;
  readonly t: Translate;
}

export function ReplyComposer({ templateId, title, language, filled, problems, hasReplyBox, status, onLanguage, onInsert, onClose, t }: ReplyComposerProps) {
  return (
    <section class="sidekick-section sidekick-composer" data-testid="reply-composer" data-template-id={templateId} data-language={language} aria-labelledby="sidekick-composer-heading">
      <h2 id="sidekick-composer-heading" class="sidekick-section-heading">
        {t('composerHeading', [title])}
      </h2>
      <div class="sidekick-languages" role="group" aria-label={t('composerLanguage')}>
        {LANGUAGES.map((code) => (
          <button key={code} type="button" class="sidekick-chip" aria-pressed={code === language} lang={code} onClick={() => onLanguage(code)}>
            {t(LANGUAGE_NAME[code])}
          </button>
        ))}
      </div>
      <div class="sidekick-reply-preview" lang={language} data-testid="reply-preview">
        {filled.parts.map((part, i) =>
          'blank' in part ? (
            <mark key={i} class="sidekick-blank" data-blank={part.blank}>
              {part.text}
            </mark>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </div>
      {filled.missing.length > 0 && <p class="sidekick-quiet">{t('composerBlanks', [String(filled.missing.length)])}</p>}
      {problems.length > 0 && <GuardList heading={t('composerGuardHeading')} problems={problems} t={t} />}
      <div class="sidekick-dialog-actions">
        <button type="button" class="sidekick-secondary" onClick={onClose}>
          {t('composerClose')}
        </button>
        <button type="button" class="sidekick-primary" data-testid="insert-reply" onClick={onInsert}>
          {t(hasReplyBox ? 'composerInsert' : 'composerCopy')}
        </button>
      </div>
      {status && (
        <p class="sidekick-quiet" role="status" data-testid="composer-status">
          {status}
        </p>
      )}
    </section>
  );
}

/** Problems in what the seller is typing in Seller Central's reply box (checked as they type). */
export function TypingGuard({ problems, t }: { readonly problems: readonly GuardProblem[]; readonly t: Translate }) {
  if (problems.length === 0) return null;
  return (
    <section class="sidekick-section" data-testid="typing-guard">
      <GuardList heading={t('guardTypingHeading')} problems={problems} t={t} />
    </section>
  );
}

export interface PickerOption {
  readonly value: string;
  readonly label: string;
}

/** Every reply, built-in and the seller's own, to choose one that no finding suggested. */
export function ReplyPicker({ options, onPick, t }: { readonly options: readonly PickerOption[]; readonly onPick: (value: string) => void; readonly t: Translate }) {
  return (
    <section class="sidekick-section sidekick-picker">
      <label class="sidekick-picker-label">
        {t('pickerLabel')}
        <select
          data-testid="reply-picker"
          value=""
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (value) onPick(value);
            event.currentTarget.value = '';
          }}
        >
          <option value="">{t('pickerPlaceholder')}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <p class="sidekick-quiet">
        <kbd>{t('templatesShortcut')}</kbd>
      </p>
    </section>
  );
}

export interface WriteReplyProps {
  readonly setup: TranslationSetup;
  /** The buyer's language (their last message's), the translation's default target. */
  readonly buyerLanguage: Language;
  readonly hasReplyBox: boolean;
  /** What happened on the last insert/copy, already in the UI language. */
  readonly status?: string | undefined;
  /** Puts the reply into the page's reply box (or copies it); never sends. */
  readonly onInsert: (text: string) => void;
  readonly t: Translate;
}

/**
 * The seller's own words in the buyer's language: written in Japanese or English, translated on
 * this device into an editable preview, checked against Amazon's messaging rules as it stands
 * (the translation, with the seller's edits), and put into the reply box with one click.
 */
export function WriteReply({ setup, buyerLanguage, hasReplyBox, status, onInsert, t }: WriteReplyProps) {
  const [source, setSource] = useState('');
  const [from, setFrom] = useState<UiLocale>(setup.to);
  const [to, setTo] = useState<Language>(buyerLanguage);
  const [preview, setPreview] = useState<string | undefined>(undefined);
  const translation = useTranslation(setup.engine);
  const { phase } = translation;
  useEffect(() => {
    if (phase.kind === 'done') setPreview(phase.text);
  }, [phase]);
  const none = setup.engine.kind === 'none';
  const request = { text: source, from, to };
  const translate = () => {
    setPreview(undefined);
    if (from === to) setPreview(source);
    else translation.start(request);
  };
  const problems = preview === undefined ? [] : checkReply(preview);
  const chips = (group: MessageKey, codes: readonly Language[], value: Language, set: (l: Language) => void) => (
    <fieldset class="sidekick-languages">
      <legend class="sidekick-quiet">{t(group)}</legend>
      {codes.map((code) => (
        <button key={code} type="button" class="sidekick-chip" aria-pressed={code === value} lang={code} onClick={() => set(code)}>
          {t(LANGUAGE_NAME[code])}
        </button>
      ))}
    </fieldset>
  );
  return (
    <details class="sidekick-section sidekick-write" data-testid="write-reply">
      <summary class="sidekick-section-heading">{t('writeHeading')}</summary>
      {none && (
        <p class="sidekick-quiet" data-testid="translation-unavailable">
          {t('translateNoEngine')}
        </p>
      )}
      {chips('writeSourceLanguage', UI_LOCALES, from, (l) => setFrom(l as UiLocale))}
      <label class="sidekick-write-label">
        {t('writeSourceLabel')}
        <textarea data-testid="write-source" lang={from} rows={4} value={source} onInput={(event) => setSource(event.currentTarget.value)} />
      </label>
      {chips('writeTargetLanguage', LANGUAGES, to, setTo)}
      {(from === to || !none) && phase.kind !== 'working' && phase.kind !== 'confirm' && (
        <button type="button" class="sidekick-secondary" data-testid="write-translate" disabled={source.trim() === ''} onClick={translate}>
          {from === to ? t('writeUseAsIs') : t('translateInto', [t(LANGUAGE_NAME[to])])}
        </button>
      )}
      <TranslationSteps phase={phase} from={from} to={to} onDownload={() => translation.run(request)} onCancel={translation.cancel} onRetry={translate} onReset={translation.reset} t={t} />
      {preview !== undefined && (
        <>
          <label class="sidekick-write-label">
            {t('writePreviewLabel', [t(LANGUAGE_NAME[to])])}
            <textarea data-testid="write-preview" lang={to} rows={6} value={preview} onInput={(event) => setPreview(event.currentTarget.value)} />
          </label>
          {problems.length > 0 && <GuardList heading={t('composerGuardHeading')} problems={problems} t={t} />}
          <button type="button" class="sidekick-primary" data-testid="write-insert" disabled={preview.trim() === ''} onClick={() => onInsert(preview)}>
            {t(hasReplyBox ? 'composerInsert' : 'composerCopy')}
          </button>
        </>
      )}
      {status && (
        <p class="sidekick-quiet" role="status" data-testid="write-status">
          {status}
        </p>
      )}
    </details>
  );
}
