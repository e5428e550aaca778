import { describe, expect, it } from 'vitest';
import { releaseRightEdge, reserveRightEdge } from '@/utils/content/layout';

describe('page layout reservation', () => {
  it('keeps one style element and updates it', () => {
    const doc = document.implementation.createHTMLDocument('t');
    reserveRightEdge(doc, 320);
    reserveRightEdge(doc, 28);
    const styles = doc.querySelectorAll('#seller-sidekick-layout');
    expect(styles).toHaveLength(1);
    expect(styles[0]?.textContent).toBe('html { margin-right: 28px !important; }');
  });

  it('never writes anything but a whole, non-negative number of pixels', () => {
    const doc = document.implementation.createHTMLDocument('t');
    reserveRightEdge(doc, -5);
    expect(doc.getElementById('seller-sidekick-layout')?.textContent).toBe('html { margin-right: 0px !important; }');
    reserveRightEdge(doc, 12.6);
    expect(doc.getElementById('seller-sidekick-layout')?.textContent).toBe('html { margin-right: 13px !important; }');
  });

  it('gives the page its full width back', () => {
    const doc = document.implementation.createHTMLDocument('t');
    reserveRightEdge(doc, 320);
    releaseRightEdge(doc);
    expect(doc.getElementById('seller-sidekick-layout')).toBeNull();
  });
});
