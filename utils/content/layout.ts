/**
 * Keeps the docked sidebar from covering Seller Central: the page's root is narrowed by the width
 * the sidebar takes, with one style element of our own (no page text involved).
 */
export const PANEL_WIDTH_PX = 320;
export const TAB_WIDTH_PX = 28;

const STYLE_ID = 'seller-sidekick-layout';

export function reserveRightEdge(doc: Document, widthPx: number): void {
  let style = doc.getElementById(STYLE_ID);
  if (!style) {
    style = doc.createElement('style');
    style.id = STYLE_ID;
    (doc.head ?? doc.documentElement).append(style);
  }
  const rule = `html { margin-right: ${Math.max(0, Math.round(widthPx))}px !important; }`;
  // Written only when it changes: every write restyles the whole page (on a 500-row list, tens of ms).
  if (style.textContent !== rule) style.textContent = rule;
}

export function releaseRightEdge(doc: Document): void {
  doc.getElementById(STYLE_ID)?.remove();
}
