// Translation on this device in the sidebar, with a test double for the engine: a buyer's message
// translated into the seller's language beside the original (Japanese and English UI), the first
// use's download notice, progress and cancel, errors in the UI language, hostile text shown as
// text; and the seller's Japanese turned into a German reply, guarded and inserted. A translation
// never changes what the sidebar read in the message: intent, cited words, findings.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageReadings, type MessageReadingView } from '@/components/MessageReadings';
import { WriteReply } from '@/components/ReplyComposer';
import { Sidebar } from '@/components/Sidebar';
import { classify } from '@/lib/classify/classify';
import { advise } from '@/lib/guidance/advise';
import { recognisePage } from '@/lib/pages/page-type';
import type { MessageThreadSnapshot } from '@/lib/pages/snapshot';
import { tEn, tJa } from './helpers';
import { translationDouble, type DoubleOptions } from './translation-double';

afterEach(cleanup);

const reading = (index: number, text: string, marketplace: 'DE' | 'US' | 'JP' = 'DE'): MessageReadingView => ({
  index,
  sender: 'buyer',
  text,
  classification: classify({ body: text, sender: 'buyer', marketplace }),
});

const german = reading(0, 'Hallo, das ist eine Fälschung! Kein Original. Ich will mein Geld zurück.');
const setupOf = (options: DoubleOptions = {}, to: 'ja' | 'en' = 'en') => ({ engine: translationDouble(options), to });

function renderReadings(readings: MessageReadingView[], setup: ReturnType<typeof setupOf>, t = tEn) {
  return render(<MessageReadings readings={readings} onCorrect={() => {}} onUndo={() => {}} maxFeatures={5000} t={t} translation={setup} />);
}

describe("a buyer's message, translated on this device", () => {
  it('shows the translation beside the original, labelled as a machine translation made on this device (English UI)', async () => {
    expect(german.classification.language).toBe('de');
    renderReadings([german], setupOf({ answer: () => 'Hello, this is a fake! Not an original. I want my money back.' }));
    fireEvent.click(screen.getByRole('button', { name: 'Translate into English' }));
    const text = await screen.findByTestId('translation-text');
    expect(text.textContent).toBe('Hello, this is a fake! Not an original. I want my money back.');
    expect(text.getAttribute('lang')).toBe('en');
    expect(screen.getByTestId('translation-original').textContent).toBe(german.text);
    expect(screen.getByTestId('translation-label').textContent).toBe('Machine translation into English, made on this device. It may be wrong; the sidebar reads the original.');
    expect(screen.getByText('Original (German)')).toBeTruthy();
    fireEvent.click(screen.getByTestId('translation-hide'));
    expect(screen.queryByTestId('translation-text')).toBeNull();
  });

  it('in Japanese: the control, the label and the translation', async () => {
    renderReadings([german], setupOf({ answer: () => 'こんにちは、これは偽物です！' }, 'ja'), tJa);
    fireEvent.click(screen.getByRole('button', { name: '日本語に翻訳' }));
    expect((await screen.findByTestId('translation-text')).textContent).toBe('こんにちは、これは偽物です！');
    expect(screen.getByTestId('translation-label').textContent).toMatch(/^日本語への機械翻訳（この端末内で作成）/);
    expect(screen.getByText('原文（ドイツ語）')).toBeTruthy();
  });

  it("offers nothing for a message already in the seller's language", () => {
    renderReadings([reading(0, 'Where is my order? It has not arrived yet.', 'US')], setupOf());
    expect(screen.queryByTestId('translate')).toBeNull();
  });

  it('says plainly where the browser has no on-device translation, and offers no control', () => {
    const setup = setupOf({ kind: 'none' });
    renderReadings([german], setup);
    expect(screen.queryByTestId('translate')).toBeNull();
    expect(screen.getByTestId('translation-unavailable').textContent).toMatch(/^This browser offers no on-device translation/);
    cleanup();
    renderReadings([german], setup, tJa);
    expect(screen.getByTestId('translation-unavailable').textContent).toMatch(/^このブラウザーには端末内で翻訳する機能がありません/);
  });

  it('shows HTML and script in the message and in the translation as text', async () => {
    const hostile = reading(0, 'Hallo <img src=x onerror="window.pwned=1"><script>window.pwned=2</script> wo ist mein Paket?');
    const { container } = renderReadings([hostile], setupOf({ answer: (t) => `${t} <b>bold</b>` }));
    fireEvent.click(screen.getByTestId('translate'));
    expect((await screen.findByTestId('translation-text')).textContent).toContain('<img src=x onerror="window.pwned=1"><script>');
    expect(container.querySelector('img, script, b')).toBeNull();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('says the first time that the browser will download a language model, shows progress, and translates after the click', async () => {
    const setup = setupOf({ availability: 'downloadable', progress: [0, 0.42, 1] });
    renderReadings([german], setup);
    fireEvent.click(screen.getByTestId('translate'));
    const confirm = await screen.findByTestId('translation-confirm');
    expect(confirm.textContent).toMatch(/your browser will download a language model/);
    expect(setup.engine.calls).toEqual([]); // nothing before the seller agrees
    fireEvent.click(within(confirm).getByRole('button', { name: 'Download and translate' }));
    await screen.findByTestId('translation-text');
    expect(setup.engine.calls).toHaveLength(1);
  });

  it('"Not now" downloads nothing and leaves the original as it is', async () => {
    const setup = setupOf({ availability: 'downloadable' });
    renderReadings([german], setup);
    fireEvent.click(screen.getByTestId('translate'));
    fireEvent.click(await screen.findByTestId('translation-not-now'));
    expect(setup.engine.calls).toEqual([]);
    expect(screen.getByTestId('translate')).toBeTruthy();
  });

  it('shows the download progress, and cancels mid-way with a clear line; the original stays', async () => {
    const setup = setupOf({ hang: true });
    const { container } = renderReadings([german], setup);
    fireEvent.click(screen.getByTestId('translate'));
    const working = await screen.findByTestId('translation-working');
    expect(working.textContent).toMatch(/^Translating on this device…/);
    fireEvent.click(within(working).getByRole('button', { name: 'Cancel' }));
    const error = await screen.findByTestId('translation-error');
    expect(error.getAttribute('data-reason')).toBe('cancelled');
    expect(error.textContent).toMatch(/^Translation stopped\. The original is unchanged\./);
    expect(container.textContent).toContain(german.text.slice(0, 60));
  });

  it('turns an engine that throws into a line in Japanese, with a retry that can succeed', async () => {
    let fail: unknown = new Error('モデルが壊れています');
    const engine = translationDouble();
    const flaky = { ...engine, translate: (...a: Parameters<typeof engine.translate>) => (fail ? Promise.reject(fail) : engine.translate(...a)) };
    render(<MessageReadings readings={[german]} onCorrect={() => {}} onUndo={() => {}} maxFeatures={5000} t={tJa} translation={{ engine: flaky, to: 'ja' }} />);
    fireEvent.click(screen.getByTestId('translate'));
    const error = await screen.findByTestId('translation-error');
    expect(error.textContent).toMatch(/^翻訳できませんでした: モデルが壊れています/);
    fail = undefined;
    fireEvent.click(within(error).getByRole('button', { name: 'もう一度' }));
    expect((await screen.findByTestId('translation-text')).textContent).toMatch(/^\[ja\] Hallo/);
  });

  it('says which pair the browser lacks, and when a message is in a language we do not translate', async () => {
    renderReadings([german], setupOf({ availability: 'unavailable' }), tEn);
    fireEvent.click(screen.getByTestId('translate'));
    expect((await screen.findByTestId('translation-error')).textContent).toMatch(/^This browser cannot translate German into English on this device\./);
    cleanup();
    renderReadings([german], setupOf({ detected: [{ language: 'pt', confidence: 0.97 }] }), tJa);
    fireEvent.click(screen.getByTestId('translate'));
    const error = await screen.findByTestId('translation-error');
    expect(error.getAttribute('data-reason')).toBe('unknown-language');
    expect(error.textContent).toMatch(/いずれにも見えないため、翻訳しませんでした/);
  });

  it('caps a 200 KB message and says how much was translated', async () => {
    const setup = setupOf();
    renderReadings([reading(0, `Hallo, ${'das Paket ist nicht angekommen und ich bin sehr enttäuscht. '.repeat(3300)}`)], setup);
    fireEvent.click(screen.getByTestId('translate'));
    await screen.findByTestId('translation-text');
    expect(setup.engine.calls[0]!.text.length).toBeLessThanOrEqual(4000);
    expect(screen.getByText('Only the first 4000 characters were translated.')).toBeTruthy();
  });
});

describe('a translation never changes what the sidebar read', () => {
  it('keeps the intent, the cited words and the findings of the original, whatever the translation says', async () => {
    const page = recognisePage(new URL('https://sellercentral.amazon.de/messaging/thread?threadId=1'))!;
    const text = 'Hallo, könnten Sie bitte meine Bestellung 302-1234567-1234567 stornieren? Danke';
    const snapshot: MessageThreadSnapshot = { kind: 'message-thread', marketplace: 'DE', orderId: '302-1234567-1234567', messages: [{ sender: 'buyer', text }], missing: [], sources: ['dom'] };
    const classification = classify({ body: text, sender: 'buyer', marketplace: 'DE' });
    const findings = advise({ snapshot, classified: [{ index: 0, classification }], settings: { replyDueHours: 12 }, now: Date.parse('2026-11-22T12:00:00Z') });
    const onCorrect = vi.fn();
    // The engine "translates" into words that would read as a counterfeit complaint and a review request.
    const setup = setupOf({ answer: () => 'This is a FAKE counterfeit! Official cancellation request. Leave a 5-star review at www.example.com' });
    const view = { index: 0, sender: 'buyer' as const, text, classification };
    const { container } = render(
      <Sidebar
        page={{ ...page, type: 'message-thread' }}
        snapshot={snapshot}
        findings={findings}
        collapsed={false}
        onToggle={() => {}}
        locale="en"
        t={tEn}
        readings={{ readings: [view], onCorrect, onUndo: () => {}, maxFeatures: 5000, t: tEn, translation: setup }}
      />,
    );
    const before = {
      findings: [...container.querySelectorAll('[data-finding-id]')].map((e) => e.getAttribute('data-finding-id')),
      intent: screen.getByTestId('message-reading').getAttribute('data-intent'),
      words: [...container.querySelectorAll('.sidekick-reading-words mark')].map((m) => m.textContent),
      guard: container.querySelectorAll('[data-guard-rule]').length,
    };
    expect(before.findings).toContain('cancel-inquiry-not-request');
    fireEvent.click(screen.getByTestId('translate'));
    await screen.findByTestId('translation-text');
    expect({
      findings: [...container.querySelectorAll('[data-finding-id]')].map((e) => e.getAttribute('data-finding-id')),
      intent: screen.getByTestId('message-reading').getAttribute('data-intent'),
      words: [...container.querySelectorAll('.sidekick-reading-words mark')].map((m) => m.textContent),
      guard: container.querySelectorAll('[data-guard-rule]').length,
    }).toEqual(before);
    // A correction made after translating still names the original message.
    fireEvent.change(screen.getByTestId('correct-intent'), { target: { value: 'counterfeit' } });
    fireEvent.submit(screen.getByTestId('correct-submit').closest('form')!);
    expect(onCorrect).toHaveBeenCalledWith(0, 'counterfeit');
  });
});

describe("the seller's own words in the buyer's language", () => {
  const dictionary: Record<string, string> = {
    'ご迷惑をおかけして申し訳ありません。本日、交換品を発送します。': 'Es tut uns leid für die Unannehmlichkeiten. Wir senden Ihnen heute einen Ersatz.',
    '詳しくはメールで連絡します。': 'Mehr per E-Mail: shop@example.com oder https://example.com/hilfe, Tel. +49 30 1234 5678. Bitte hinterlassen Sie eine Bewertung!',
  };
  const engine = () => translationDouble({ answer: (text, from, to) => (from === 'ja' && to === 'de' ? (dictionary[text] ?? `?${text}`) : `[${to}] ${text}`) });

  it('turns Japanese into an editable German reply, checks the German against the rules, and inserts what the seller edited', async () => {
    const onInsert = vi.fn();
    const setup = { engine: engine(), to: 'ja' as const };
    render(<WriteReply setup={setup} buyerLanguage="de" hasReplyBox onInsert={onInsert} t={tJa} />);
    fireEvent.input(screen.getByTestId('write-source'), { target: { value: 'ご迷惑をおかけして申し訳ありません。本日、交換品を発送します。' } });
    fireEvent.click(screen.getByRole('button', { name: 'ドイツ語に翻訳' }));
    const preview = (await screen.findByTestId('write-preview')) as HTMLTextAreaElement;
    expect(preview.value).toBe('Es tut uns leid für die Unannehmlichkeiten. Wir senden Ihnen heute einen Ersatz.');
    expect(preview.getAttribute('lang')).toBe('de');
    expect(screen.getByText(/^ドイツ語の返信：この端末内で作った機械翻訳です/)).toBeTruthy();
    expect(document.querySelectorAll('[data-guard-rule]')).toHaveLength(0);
    expect(setup.engine.calls).toEqual([{ text: 'ご迷惑をおかけして申し訳ありません。本日、交換品を発送します。', from: 'ja', to: 'de' }]);
    fireEvent.input(preview, { target: { value: `${preview.value}\nMit freundlichen Grüßen` } });
    expect(screen.getByTestId('write-insert').textContent).toBe(tJa('composerInsert'));
    fireEvent.click(screen.getByTestId('write-insert'));
    expect(onInsert).toHaveBeenCalledWith('Es tut uns leid für die Unannehmlichkeiten. Wir senden Ihnen heute einen Ersatz.\nMit freundlichen Grüßen');
  });

  it('runs the reply guard on the translated text: a link, an e-mail address, a phone number and a review request', async () => {
    render(<WriteReply setup={{ engine: engine(), to: 'en' }} buyerLanguage="de" hasReplyBox={false} onInsert={() => {}} t={tEn} />);
    fireEvent.click(within(screen.getByRole('group', { name: 'You write in' })).getByRole('button', { name: 'Japanese' }));
    fireEvent.input(screen.getByTestId('write-source'), { target: { value: '詳しくはメールで連絡します。' } });
    fireEvent.click(screen.getByRole('button', { name: 'Translate into German' }));
    await screen.findByTestId('write-preview');
    const rules = [...document.querySelectorAll('[data-guard-rule]')].map((e) => e.getAttribute('data-guard-rule'));
    expect(rules).toEqual(expect.arrayContaining(['email-address', 'external-link', 'phone-number', 'review-request']));
    // The source said none of it: the guard reads the German.
    expect(screen.getByTestId('write-insert').textContent).toBe('Copy the reply');
    // Editing the problems away clears the guard.
    fireEvent.input(screen.getByTestId('write-preview'), { target: { value: 'Wir melden uns über die Amazon-Nachrichten.' } });
    expect(document.querySelectorAll('[data-guard-rule]')).toHaveLength(0);
  });

  it("uses the seller's words as written when they are already in the buyer's language, and says so where nothing translates", () => {
    const onInsert = vi.fn();
    render(<WriteReply setup={{ engine: translationDouble({ kind: 'none' }), to: 'en' }} buyerLanguage="en" hasReplyBox onInsert={onInsert} t={tEn} />);
    expect(screen.getByTestId('translation-unavailable').textContent).toMatch(/^This browser offers no on-device translation/);
    fireEvent.input(screen.getByTestId('write-source'), { target: { value: 'Thank you, we ship today.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use as written' }));
    fireEvent.click(screen.getByTestId('write-insert'));
    expect(onInsert).toHaveBeenCalledWith('Thank you, we ship today.');
    // Into German with no engine: no translate button at all.
    fireEvent.click(within(screen.getByRole('group', { name: 'The buyer reads' })).getByRole('button', { name: 'German' }));
    expect(screen.queryByTestId('write-translate')).toBeNull();
  });

  it('asks before the first download, and cancels mid-way', async () => {
    const setup = { engine: translationDouble({ availability: 'downloadable', hang: true }), to: 'ja' as const };
    render(<WriteReply setup={setup} buyerLanguage="fr" hasReplyBox onInsert={() => {}} t={tJa} />);
    fireEvent.input(screen.getByTestId('write-source'), { target: { value: 'ありがとうございます。' } });
    fireEvent.click(screen.getByTestId('write-translate'));
    fireEvent.click(await screen.findByTestId('translation-download'));
    fireEvent.click(within(await screen.findByTestId('translation-working')).getByRole('button', { name: 'キャンセル' }));
    expect((await screen.findByTestId('translation-error')).textContent).toMatch(/^翻訳を中止しました/);
    expect(screen.queryByTestId('write-preview')).toBeNull();
    await waitFor(() => expect(setup.engine.calls).toHaveLength(1));
  });
});
