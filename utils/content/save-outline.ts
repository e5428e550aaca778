/**
 * "Save the page's outline" (What I read): the page's skeleton (lib/pages/skeleton.ts, no text of
 * the page) downloaded as a JSON file, for a report of a misread page. The page's tree is walked
 * here and shaped in the background (lib/messaging.ts), then saved through a link with
 * `download`: no permission, no request, nothing leaves the computer unless the seller sends it.
 */
import { requestOutline } from '@/lib/messaging';
import { collectPageTree } from '@/lib/pages/page-tree';

/** Seller Sidekick's own elements on the page (the sidebar, the note by Cancel order, its layout style). */
function isOurs(element: Element): boolean {
  return element.localName.startsWith('seller-sidekick') || element.id.startsWith('seller-sidekick');
}

function stamp(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}`;
}

/**
 * Builds the skeleton of `doc` and starts its download; gives the file's name. The link is put in
 * `linkParent` (the sidebar's shadow root), so the page never sees it.
 */
export async function saveOutline(doc: Document, href: string, pageType: string, linkParent: Node, now = new Date()): Promise<string> {
  const outline = await requestOutline(collectPageTree(doc, { skip: isOurs }), href);
  const name = `seller-sidekick-outline-${pageType}-${stamp(now)}.json`;
  const blobUrl = URL.createObjectURL(new Blob([outline], { type: 'application/json' }));
  const link = doc.createElement('a');
  link.href = blobUrl;
  link.download = name;
  link.hidden = true;
  linkParent.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has its own copy by then; give a slow disk a minute before letting go of it.
    setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
  }
  return name;
}
