// Reading a messaging page in steps (the content script gives the page its main thread back
// between them on a long thread or inbox) reads what reading it at once reads, on generated
// layouts of both kinds, pausing along the way; a reader that fails mid-way is reported, not thrown.
import { describe, expect, it } from 'vitest';
import { readPageUnchecked, readPageUncheckedInSteps } from '@/lib/pages/read-page';
import { generateLayout } from './fixtures/messaging-layouts';
import { generateInbox } from './fixtures/inbox-layouts';
import { drainSteps } from './helpers';

describe('a messaging page read in steps', () => {
  it('reads a generated thread as reading it at once does, pausing between its passes', () => {
    let threads = 0;
    for (let seed = 1; seed <= 80; seed++) {
      const layout = generateLayout(seed);
      const doc = document.implementation.createHTMLDocument('');
      layout.build(doc);
      const { value, pauses } = drainSteps(readPageUncheckedInSteps(doc, layout.url, layout.input));
      expect(value, `seed ${seed}`).toEqual(readPageUnchecked(doc, layout.url, layout.input));
      if (value.snapshot.kind === 'message-thread' && value.snapshot.messages.length > 0) {
        threads++;
        expect(pauses, `seed ${seed}`).toBeGreaterThanOrEqual(4);
      }
    }
    expect(threads).toBeGreaterThan(40);
  });

  it('reads a generated inbox as reading it at once does', () => {
    let inboxes = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const inbox = generateInbox(seed);
      const doc = document.implementation.createHTMLDocument('');
      inbox.build(doc);
      const { value, pauses } = drainSteps(readPageUncheckedInSteps(doc, inbox.url));
      expect(value, `seed ${seed}`).toEqual(readPageUnchecked(doc, inbox.url));
      if (value.snapshot.kind === 'message-inbox') {
        inboxes++;
        expect(pauses).toBeGreaterThanOrEqual(2);
      }
    }
    expect(inboxes).toBeGreaterThan(20);
  });

  it('reports a reader that fails part-way as unrecognised, with why', () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.body.append(doc.createElement('kat-textarea'));
    const steps = readPageUncheckedInSteps(doc, new URL('https://sellercentral.amazon.com/messaging/inbox'));
    expect(steps.next().done).toBe(false);
    // The page changes under the reader between two steps into something it cannot walk.
    Object.defineProperty(doc, 'documentElement', {
      get: () => {
        throw new Error('gone');
      },
    });
    Object.defineProperty(doc, 'body', {
      get: () => {
        throw new Error('gone');
      },
    });
    let step = steps.next();
    while (!step.done) step = steps.next();
    expect(step.value.checked).toBe(true);
    expect(step.value.snapshot.kind).toBe('unrecognized');
  });

  it('reads other pages in one step', () => {
    const doc = document.implementation.createHTMLDocument('');
    const { pauses } = drainSteps(readPageUncheckedInSteps(doc, new URL('https://sellercentral.amazon.com/orders-v3/order/111-1234567-1234567')));
    expect(pauses).toBe(0);
  });
});
