/**
 * Guards Seller Central's Cancel order button while `cancel-inquiry-not-request` applies: a
 * warning is mounted right after the button (in a shadow root of its own), and a click on the
 * button is held (capture phase, before the page's own handlers) for our confirm step. When the
 * seller chooses to continue, the click is handed back to the button, so Amazon's flow runs as
 * it always does. When the finding no longer applies, everything is removed.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { InlineCancelWarning } from '@/components/CancelGuard';
import { createShadowHost, type ShadowHost } from './shadow-host';
import type { Finding } from '@/lib/guidance/types';
import type { Translate } from '@/lib/i18n';
import type { PageSnapshot } from '@/lib/pages/snapshot';

export const GUARDED_FINDING = 'cancel-inquiry-not-request';

/** Finds the page's Cancel order control from the path the reader recorded. */
function locateCancel(snapshot: PageSnapshot | undefined): Element | undefined {
  if (snapshot?.kind !== 'order-details') return undefined;
  const control = snapshot.controls.find((c) => c.kind === 'cancel-order');
  if (!control) return undefined;
  try {
    return document.querySelector(control.path) ?? undefined;
  } catch {
    return undefined; // a path the page no longer accepts as a selector
  }
}

export function createCancelGuard(ctx: ContentScriptContext, askToConfirm: (proceed: () => void) => void) {
  let guarded: Element | undefined;
  let inline: (ShadowHost & { readonly root: HTMLElement }) | undefined;
  let inlineFor: Element | undefined;
  let mounting = 0;
  let passThrough = false;

  ctx.addEventListener(
    window,
    'click',
    (event: MouseEvent) => {
      if (!guarded || passThrough || !event.composedPath().includes(guarded)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const control = guarded;
      askToConfirm(() => {
        passThrough = true;
        try {
          (control as HTMLElement).click();
        } finally {
          passThrough = false;
        }
      });
    },
    { capture: true },
  );

  const removeInline = () => {
    mounting++;
    inline?.remove();
    inline = undefined;
    inlineFor = undefined;
  };
  ctx.onInvalidated(removeInline);

  return {
    async update(findings: readonly Finding[], snapshot: PageSnapshot | undefined, t: Translate) {
      const applies = findings.some((f) => f.id === GUARDED_FINDING);
      const control = applies ? locateCancel(snapshot) : undefined;
      guarded = control;
      if (!control) {
        removeInline();
        return;
      }
      if (inline && inlineFor === control && inline.host.isConnected) {
        // Already in place: only the language may have changed.
        render(<InlineCancelWarning t={t} />, inline.root);
        return;
      }
      removeInline();
      const mine = mounting;
      // In a row of buttons (flex or grid), a warning among them would stretch them: it goes right
      // under the row instead. Otherwise right after the button.
      const row = control.parentElement;
      const display = row ? getComputedStyle(row).display : '';
      const anchor = row && /flex|grid/.test(display) && row !== document.body ? row : control;
      const ui = await createShadowHost(ctx, 'seller-sidekick-inline', (container) => {
        const root = container.firstElementChild;
        if (root) render(null, root);
      });
      if (mine !== mounting) {
        ui.remove(); // superseded while the styles loaded
        return;
      }
      anchor.after(ui.host);
      const root = document.createElement('div');
      ui.container.append(root);
      render(<InlineCancelWarning t={t} />, root);
      inline = { ...ui, root };
      inlineFor = control;
    },
  };
}
