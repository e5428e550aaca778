/** The options page: the seller's shop and reply settings, the sidebar preference, privacy. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import * as z from 'zod/mini';
import type { MessageKey, Translate } from '@/lib/i18n';
import { REPLY_LANGUAGES, UI_LANGUAGES, UserSettings, type SidebarSettings } from '@/lib/settings';
import { LANGUAGE_NAME } from './labels';
import { Logo } from './Logo';

const LANGUAGE_LABEL: Readonly<Record<(typeof REPLY_LANGUAGES)[number], MessageKey>> = { auto: 'optionsReplyLanguageAuto', ...LANGUAGE_NAME };

export interface SettingsFormProps {
  readonly settings: UserSettings | undefined;
  /** Called with a valid new value only. */
  readonly onChange: (next: UserSettings) => void;
  /** What was wrong with the last input, if anything (not saved). */
  readonly problem?: string | undefined;
  readonly onProblem: (problem: string | undefined) => void;
  readonly t: Translate;
}

export function SettingsForm({ settings, onChange, problem, onProblem, t }: SettingsFormProps) {
  const change = (patch: Partial<UserSettings>) => {
    if (!settings) return;
    const parsed = UserSettings.safeParse({ ...settings, ...patch });
    if (!parsed.success) {
      onProblem(z.prettifyError(parsed.error));
      return;
    }
    onProblem(undefined);
    onChange(parsed.data);
  };
  const disabled = settings === undefined;
  return (
    <section class="sidekick-section" aria-labelledby="options-settings">
      <h2 id="options-settings" class="sidekick-section-heading">
        {t('optionsSettingsHeading')}
      </h2>
      <div class="sidekick-form">
        <label>
          {t('optionsStoreName')}
          <input type="text" maxLength={200} value={settings?.storeName ?? ''} disabled={disabled} onChange={(e) => change({ storeName: e.currentTarget.value })} />
        </label>
        <label>
          {t('optionsSellerName')}
          <input type="text" maxLength={200} value={settings?.sellerName ?? ''} disabled={disabled} onChange={(e) => change({ sellerName: e.currentTarget.value })} />
        </label>
        <label>
          {t('optionsUiLanguage')}
          <select value={settings?.uiLanguage ?? 'auto'} disabled={disabled} onChange={(e) => change({ uiLanguage: e.currentTarget.value as UserSettings['uiLanguage'] })}>
            {UI_LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(language === 'auto' ? 'optionsLanguageAuto' : LANGUAGE_LABEL[language])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('optionsReplyLanguage')}
          <select value={settings?.replyLanguage ?? 'auto'} disabled={disabled} onChange={(e) => change({ replyLanguage: e.currentTarget.value as UserSettings['replyLanguage'] })}>
            {REPLY_LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(LANGUAGE_LABEL[language])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('optionsReplyDueHours')}
          <input
            type="number"
            min={1}
            max={23}
            step={1}
            value={settings?.replyDueHours ?? 12}
            disabled={disabled}
            aria-describedby="options-reply-due-help"
            onChange={(e) => change({ replyDueHours: Number(e.currentTarget.value) })}
          />
        </label>
        <p id="options-reply-due-help" class="sidekick-quiet">
          {t('optionsReplyDueHelp')}
        </p>
        <label>
          {t('optionsUnrecordedDays')}
          <input
            type="number"
            data-testid="options-unrecorded-days"
            min={1}
            max={60}
            step={1}
            value={settings?.unrecordedSaleDays ?? 7}
            disabled={disabled}
            aria-describedby="options-unrecorded-days-help"
            onChange={(e) => change({ unrecordedSaleDays: Number(e.currentTarget.value) })}
          />
        </label>
        <p id="options-unrecorded-days-help" class="sidekick-quiet">
          {t('optionsUnrecordedDaysHint')}
        </p>
        {problem !== undefined && (
          <p class="sidekick-problem" role="alert">
            {t('optionsInvalid', [problem])}
          </p>
        )}
      </div>
    </section>
  );
}

export interface OptionsViewProps extends Partial<Omit<SettingsFormProps, 't'>> {
  /** Clears every order record (after the seller confirms); resolves with how many items went. */
  readonly onClearData?: () => Promise<number>;
  readonly confirm?: (question: string) => boolean;
  /** The template editor, shown after the settings. */
  readonly children?: ComponentChildren;
  /** Undefined while loading. */
  readonly sidebar: SidebarSettings | undefined;
  readonly onSidebarChange: (next: SidebarSettings) => void;
  readonly saved: boolean;
  readonly version: string;
  readonly t: Translate;
}

export function OptionsView({ sidebar, onSidebarChange, saved, version, t, settings, onChange, problem, onProblem, onClearData, confirm, children }: OptionsViewProps) {
  const [cleared, setCleared] = useState<number | undefined>(undefined);
  return (
    <main class="sidekick-options" data-testid="sidekick-options">
      <header class="sidekick-header">
        <Logo size={28} />
        <h1 class="sidekick-title">{t('optionsHeading')}</h1>
      </header>
      {onChange && <SettingsForm settings={settings} onChange={onChange} problem={problem} onProblem={onProblem ?? (() => {})} t={t} />}
      {children}
      <section class="sidekick-section" aria-labelledby="options-sidebar">
        <h2 id="options-sidebar" class="sidekick-section-heading">
          {t('optionsSidebarHeading')}
        </h2>
        <label class="sidekick-checkbox">
          <input type="checkbox" checked={sidebar?.collapsed ?? false} disabled={sidebar === undefined} onChange={(event) => onSidebarChange({ version: 1, collapsed: event.currentTarget.checked })} />
          {t('optionsSidebarCollapsed')}
        </label>
        <p class="sidekick-status" role="status">
          {saved ? t('optionsSaved') : ''}
        </p>
      </section>
      {onClearData && (
        <section class="sidekick-section" aria-labelledby="options-data">
          <h2 id="options-data" class="sidekick-section-heading">
            {t('optionsDataHeading')}
          </h2>
          <p>{t('optionsDataText')}</p>
          <p class="sidekick-quiet">{t('optionsClearKeeps')}</p>
          <button
            type="button"
            class="sidekick-danger"
            onClick={() => {
              if (!(confirm ?? globalThis.confirm)(t('optionsClearConfirm'))) return;
              void onClearData().then(setCleared);
            }}
          >
            {t('optionsClearData')}
          </button>
          <p class="sidekick-status" role="status" data-testid="cleared">
            {cleared !== undefined ? t('optionsCleared', [String(cleared)]) : ''}
          </p>
        </section>
      )}
      <section class="sidekick-section" aria-labelledby="options-privacy">
        <h2 id="options-privacy" class="sidekick-section-heading">
          {t('optionsPrivacyHeading')}
        </h2>
        <p>{t('optionsPrivacyText')}</p>
      </section>
      <footer class="sidekick-footer">
        <p class="sidekick-quiet">{t('optionsVersion', [version])}</p>
      </footer>
    </main>
  );
}
