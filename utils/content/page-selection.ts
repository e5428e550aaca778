/**
 * The page's selection, as "Check the selected text" takes it: DOM access only; what is worth
 * checking is decided in lib/pages/selection.ts.
 */
import { usableSelection, type UsableSelection } from '@/lib/pages/selection';

/** Our own elements on the page: the sidebar and the warning by Cancel order. */
const OUR_HOSTS = 'seller-sidekick, seller-sidekick-inline';

/** A node of ours: inside the sidebar or the inline warning, through any shadow roots. */
export function isOurs(node: Node | null): boolean {
  let current: Node | null = node;
  while (current) {
    const element = current instanceof Element ? current : current.parentElement;
    if (element?.closest(OUR_HOSTS)) return true;
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return false;
}

/** The document's selection, unless it is empty, too short, or inside our own sidebar or warning. */
export function pageSelection(doc: Document): UsableSelection | undefined {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  if (isOurs(selection.anchorNode) || isOurs(selection.focusNode)) return undefined;
  return usableSelection(selection.toString());
}
