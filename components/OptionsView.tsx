/** The options page frame: sidebar preference and the privacy statement. */
import type { Translate } from '@/lib/i18n';
import type { SidebarSettings } from '@/lib/settings';
import { Logo } from './Logo';

export interface OptionsViewProps {
  /** Undefined while loading. */
  readonly sidebar: SidebarSettings | undefined;
  readonly onSidebarChange: (next: SidebarSettings) => void;
  readonly saved: boolean;
  readonly version: string;
  readonly t: Translate;
}

export function OptionsView({ sidebar, onSidebarChange, saved, version, t }: OptionsViewProps) {
  return (
    <main class="sidekick-options" data-testid="sidekick-options">
      <header class="sidekick-header">
        <Logo size={28} />
        <h1 class="sidekick-title">{t('optionsHeading')}</h1>
      </header>
      <section class="sidekick-section" aria-labelledby="options-sidebar">
        <h2 id="options-sidebar" class="sidekick-section-heading">
          {t('optionsSidebarHeading')}
        </h2>
        <label class="sidekick-checkbox">
          <input
            type="checkbox"
            checked={sidebar?.collapsed ?? false}
            disabled={sidebar === undefined}
            onChange={(event) => onSidebarChange({ version: 1, collapsed: event.currentTarget.checked })}
          />
          {t('optionsSidebarCollapsed')}
        </label>
        <p class="sidekick-status" role="status">
          {saved ? t('optionsSaved') : ''}
        </p>
      </section>
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
