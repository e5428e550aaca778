/**
 * "Check the selected text": offered while the seller has text selected on the page; while the
 * sidebar shows the check of a selection, says so, which order it was taken to be about, and
 * offers the way back to the page's own reading. Renders props, raises callbacks.
 */
import type { Translate } from '@/lib/i18n';
import { SELECTION_MAX_CHARS } from '@/lib/pages/selection';

export interface SelectionCheckProps {
  /** A selection worth checking is on the page: the button is offered. */
  readonly available: boolean;
  /** The sidebar shows the check of a selection, not the page's own reading. */
  readonly checking?: { readonly orderId?: string | undefined; readonly truncated: boolean } | undefined;
  /** The last attempt could not be checked (the selection was gone or unusable). */
  readonly failed?: boolean;
  readonly onCheck: () => void;
  readonly onBack: () => void;
}

export function SelectionCheck({ available, checking, failed = false, onCheck, onBack, t, locale }: SelectionCheckProps & { readonly t: Translate; readonly locale: string }) {
  if (!available && !checking && !failed) return null;
  return (
    <section
      class="sidekick-section sidekick-selection"
      data-testid="selection-check"
      data-checking={checking ? 'true' : 'false'}
      aria-labelledby={checking ? 'sidekick-selection-heading' : undefined}
    >
      {checking && (
        <>
          <h2 id="sidekick-selection-heading" class="sidekick-section-heading">
            {t('selectionChecking')}
          </h2>
          <p class="sidekick-selection-note">{t('selectionCheckingNote')}</p>
          <p class="sidekick-quiet" data-testid="selection-order" dir="auto">
            {checking.orderId ? t('selectionOrder', [checking.orderId]) : t('selectionNoOrder')}
          </p>
          {checking.truncated && (
            <p class="sidekick-quiet" data-testid="selection-truncated">
              {t('selectionTruncated', [new Intl.NumberFormat(locale).format(SELECTION_MAX_CHARS)])}
            </p>
          )}
        </>
      )}
      {failed && (
        <p class="sidekick-quiet" role="status" data-testid="selection-failed">
          {t('selectionFailed')}
        </p>
      )}
      <div class="sidekick-selection-actions">
        {available && (
          <button
            type="button"
            class="sidekick-template"
            data-testid="check-selection"
            title={t('selectionCheckHint')}
            // Keeps the page's selection: a press on the button must not clear it before the click.
            onMouseDown={(event) => event.preventDefault()}
            onClick={onCheck}
          >
            {t('selectionCheck')}
          </button>
        )}
        {checking && (
          <button type="button" class="sidekick-link" data-testid="selection-back" onClick={onBack}>
            {t('selectionBack')}
          </button>
        )}
      </div>
    </section>
  );
}
