/** The toolbar popup: how many orders need action now. The list itself comes with the urgency rules. */
import type { Translate } from '@/lib/i18n';
import type { UrgentSummary } from '@/lib/settings';
import { Logo } from './Logo';

export interface PopupViewProps {
  /** Undefined while loading. */
  readonly summary: UrgentSummary | undefined;
  readonly onOpenOptions: () => void;
  readonly t: Translate;
}

export function PopupView({ summary, onOpenOptions, t }: PopupViewProps) {
  return (
    <main class="sidekick-popup" data-testid="sidekick-popup">
      <header class="sidekick-header">
        <Logo size={22} />
        <h1 class="sidekick-title">{t('popupHeading')}</h1>
      </header>
      {summary !== undefined && (
        <section class="sidekick-section" aria-live="polite">
          {summary.count === 0 ? (
            <p class="sidekick-all-well" data-testid="all-well">
              {t('popupAllWell')}
            </p>
          ) : (
            <>
              <p class="sidekick-count" data-testid="urgent-count">
                {t('popupUrgentCount', [String(summary.count)])}
              </p>
              {summary.overdue && <p class="sidekick-overdue">{t('popupOverdue')}</p>}
            </>
          )}
        </section>
      )}
      <footer class="sidekick-footer">
        <p class="sidekick-quiet">{t('popupHowCounted')}</p>
        <button type="button" class="sidekick-link" onClick={onOpenOptions}>
          {t('popupOpenOptions')}
        </button>
      </footer>
    </main>
  );
}
