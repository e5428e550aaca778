// The seller's corrections through the background, as the sidebar and the options page use them:
// a 'correct' request learns into the stored layer (ids and numbers only), every classification
// adds it, an import or a reset written to storage counts at once, and an undo puts back the
// layer from before. With WXT's fake browser.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/utils/background/service';
import { forgetCorrections } from '@/utils/background/corrections';
import { handleRequest } from '@/utils/background/requests';
import { CorrectionLayerSchema, emptyLayer, MAX_LAYER_FEATURES, type CorrectionLayer } from '@/lib/classify/corrections';
import type { ClassifyInput, Intent } from '@/lib/classify/types';
import { ClassifyResponse, CorrectResponse, MAX_CLASSIFY_BATCH } from '@/lib/messaging';
import { BACKUP_PREFIX } from '@/lib/storage';
import { loadSplit } from '@/scripts/eval';
import { tEn } from './helpers';

// A pottery shop's words the model was never taught: "the glaze crawled" is a defect.
const corrected: ClassifyInput = { body: 'The glaze crawled on the second mug, bare patches everywhere.', sender: 'buyer', marketplace: 'US' };
const similar: ClassifyInput = { body: 'Glaze crawled on my cup as well, bare patches.', sender: 'buyer', marketplace: 'US' };
const unrelated: ClassifyInput[] = [
  { body: 'Where is my order? It has not arrived yet.', sender: 'buyer' },
  { body: 'Could you send me an invoice for my company please?', sender: 'buyer' },
  { body: '注文をキャンセルしたいです。', sender: 'buyer' },
  { body: 'Der Artikel ist eine Fälschung!', sender: 'buyer' },
];

async function intents(items: readonly ClassifyInput[]): Promise<Intent[]> {
  const out: Intent[] = [];
  for (let at = 0; at < items.length; at += MAX_CLASSIFY_BATCH) {
    const answer = ClassifyResponse.parse(await handleRequest({ type: 'classify', items: items.slice(at, at + MAX_CLASSIFY_BATCH) }));
    out.push(...answer.classifications.map((c) => c.intent));
  }
  return out;
}

const correct = async (input: ClassifyInput, intent: string) => CorrectResponse.parse(await handleRequest({ type: 'correct', input, intent }));
const storedLayer = async () => (await fakeBrowser.storage.local.get('corrections')).corrections as CorrectionLayer | undefined;
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('corrections through the background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    forgetCorrections();
    // The badge's tooltip, when the background starts.
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key, subs) => tEn(key as never, subs === undefined ? undefined : [subs].flat().map(String)));
  });

  it('a correction changes the message, and the next similar one, at once; unrelated ones stay as they were', async () => {
    const before = await intents([corrected, similar, ...unrelated]);
    expect(before[0]).not.toBe('defective');
    expect(before[1]).not.toBe('defective');

    const answer = await correct(corrected, 'defective');
    expect(answer).toMatchObject({ ok: true, corrections: 1 });

    const after = await intents([corrected, similar, ...unrelated]);
    expect(after.slice(0, 2)).toEqual(['defective', 'defective']);
    expect(after.slice(2)).toEqual(before.slice(2));
  });

  it('leaves the held-out corpus alone (at most 2 % changes intent), through the same requests', async () => {
    const others: ClassifyInput[] = loadSplit('heldout').map((m) => ({ body: m.body, ...(m.subject ? { subject: m.subject } : {}), ...(m.sender ? { sender: m.sender } : {}) }));
    const before = await intents(others);
    expect((await correct(corrected, 'defective')).ok).toBe(true);
    const after = await intents(others);
    const changed = after.filter((intent, i) => intent !== before[i]).length;
    expect(changed / others.length).toBeLessThanOrEqual(0.02);
  });

  it('stores only the layer: feature ids and numbers, no word of the message', async () => {
    await correct(corrected, 'defective');
    const everything = JSON.stringify(await fakeBrowser.storage.local.get(null)).toLowerCase();
    for (const word of ['glaze', 'crawled', 'mug', 'patches', 'bare', 'second']) expect(everything).not.toContain(word);
    expect(CorrectionLayerSchema.safeParse(await storedLayer()).success).toBe(true);
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual(['corrections']);
  });

  it('never teaches an official cancellation request: refused, nothing stored', async () => {
    expect(await correct({ body: 'please cancel my order', sender: 'buyer' }, 'cancel-request')).toEqual({ ok: false, reason: 'official-request' });
    expect(await storedLayer()).toBeUndefined();
    expect(await intents([{ body: 'please cancel my order', sender: 'buyer' }])).toEqual(['cancel-inquiry']);
  });

  it('refuses malformed requests with a message and stores nothing', async () => {
    for (const request of [
      { type: 'correct', input: corrected, intent: 'bogus' },
      { type: 'correct', input: { body: 42 }, intent: 'defective' },
      { type: 'correct', intent: 'defective' },
      { type: 'undo-correction', previous: { version: 1, corrections: 0, weights: { '12': { 'cancel-request': 2 } } }, after: 1 },
      { type: 'undo-correction', previous: { version: 2, corrections: 0, weights: {} }, after: 1 },
      { type: 'undo-correction', previous: emptyLayer(), after: -1 },
    ]) {
      expect((await handleRequest(request)) as { error?: string }).toMatchObject({ error: expect.stringMatching(/^Not a request Seller Sidekick understands/) });
    }
    expect(await storedLayer()).toBeUndefined();
  });

  it('undo puts back the layer from before; an undo after another change is refused', async () => {
    const first = await correct(corrected, 'defective');
    if (!first.ok) throw new Error('not corrected');
    expect(first.previous).toEqual(emptyLayer());
    const undone = CorrectResponse.parse(await handleRequest({ type: 'undo-correction', previous: first.previous, after: first.corrections }));
    expect(undone).toMatchObject({ ok: true, corrections: 0 });
    expect(await storedLayer()).toEqual(emptyLayer());
    expect((await intents([similar]))[0]).not.toBe('defective');

    const again = await correct(corrected, 'defective');
    const other = await correct({ body: 'The teapot lid wobbles and rattles.', sender: 'buyer' }, 'condition-mismatch');
    if (!again.ok || !other.ok) throw new Error('not corrected');
    // The first of the two can no longer be undone: the second came after it.
    expect(CorrectResponse.parse(await handleRequest({ type: 'undo-correction', previous: again.previous, after: again.corrections }))).toEqual({ ok: false, reason: 'changed-since' });
    expect((await storedLayer())?.corrections).toBe(2);
  });

  it('a layer written to storage (import, reset on the options page) counts for the next classification', async () => {
    startBackground();
    await settle();
    expect((await intents([similar]))[0]).not.toBe('defective');
    // An import: a layer learned elsewhere.
    await correct(corrected, 'defective');
    const learned = (await storedLayer())!;
    await fakeBrowser.storage.local.set({ corrections: emptyLayer() });
    await settle();
    expect((await intents([similar]))[0]).not.toBe('defective');
    await fakeBrowser.storage.local.set({ corrections: learned });
    await settle();
    expect((await intents([similar]))[0]).toBe('defective');
    // A reset.
    await fakeBrowser.storage.local.remove('corrections');
    await settle();
    expect((await intents([similar]))[0]).not.toBe('defective');
  });

  it('a malformed stored layer is backed up, not dropped, and the empty layer is used', async () => {
    const bad = { version: 1, corrections: 3, weights: { '7': { 'cancel-request': 2 } } };
    await fakeBrowser.storage.local.set({ corrections: bad });
    expect((await intents([{ body: 'please cancel', sender: 'buyer' }]))[0]).toBe('cancel-inquiry');
    const all = await fakeBrowser.storage.local.get(null);
    const backups = Object.entries(all).filter(([key]) => key.startsWith(`${BACKUP_PREFIX}corrections:`));
    expect(backups).toHaveLength(1);
    expect(backups[0]![1]).toMatchObject({ key: 'corrections', value: bad });
    expect(all.corrections).toEqual(emptyLayer());
  });

  it('a full layer refuses the correction, says so, and keeps what it had', async () => {
    const full: CorrectionLayer = { ...emptyLayer(), corrections: 9, weights: Object.fromEntries(Array.from({ length: MAX_LAYER_FEATURES }, (_, i) => [String(i), { other: 0.1 }])) };
    await fakeBrowser.storage.local.set({ corrections: full });
    expect(await correct(corrected, 'defective')).toEqual({ ok: false, reason: 'layer-full' });
    expect(await storedLayer()).toEqual(full);
  });
});
