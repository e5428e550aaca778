/**
 * What the seller sees at Seller Central's own Cancel order button while a buyer has only *asked*
 * to cancel (finding `cancel-inquiry-not-request`, docs/domain.md case 1): a warning next to the
 * button, and a confirm step of ours before Amazon's cancel flow opens. Choosing to continue hands
 * the click back to Amazon's button; nothing of Amazon's flow is changed.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Translate } from '@/lib/i18n';

export function InlineCancelWarning({ t }: { readonly t: Translate }) {
  return (
    <p class="sidekick-inline-warning" role="note" data-finding-id="cancel-inquiry-not-request" data-testid="inline-cancel-warning">
      <span class="sidekick-inline-icon" aria-hidden="true">
        !
      </span>
      {t('inlineWarningCancel')}
    </p>
  );
}

export interface ConfirmCancelProps {
  readonly onBack: () => void;
  readonly onProceed: () => void;
  readonly t: Translate;
}

/** A modal dialog (the browser's own <dialog>: focus kept inside, Escape closes = back). */
export function ConfirmCancelDialog({ onBack, onProceed, t }: ConfirmCancelProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="sidekick-dialog"
      data-testid="confirm-cancel"
      aria-labelledby="sidekick-confirm-title"
      aria-describedby="sidekick-confirm-body"
      onCancel={(event) => {
        event.preventDefault();
        onBack();
      }}
    >
      <h2 id="sidekick-confirm-title">{t('confirmCancelTitle')}</h2>
      <p id="sidekick-confirm-body">{t('confirmCancelBody')}</p>
      <div class="sidekick-dialog-actions">
        <button type="button" class="sidekick-primary" data-testid="confirm-cancel-back" onClick={onBack} autoFocus>
          {t('confirmCancelBack')}
        </button>
        <button type="button" class="sidekick-secondary" data-testid="confirm-cancel-proceed" onClick={onProceed}>
          {t('confirmCancelProceed')}
        </button>
      </div>
    </dialog>
  );
}
