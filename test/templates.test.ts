// The template catalogue, variable filling, the reply language, the reply guard and insertion
// into each kind of reply box (with a framework-like listener that must see the input).
import { describe, expect, it, vi } from 'vitest';
import { SAMPLE_VALUES } from '@/components/TemplateEditor';
import { LANGUAGES } from '@/lib/classify/types';
import { FINDING_RULES } from '@/lib/guidance/advise';
import { editableOf, findInDocument, insertText } from '@/lib/reply-box';
import { CATALOGUE, VARIABLES, builtInTemplate } from '@/lib/templates/catalogue';
import { fill, formatShipBy, replyLanguage, variablesOf } from '@/lib/templates/fill';
import { checkReply } from '@/lib/templates/guard';
import { TEMPLATE_IDS, TEMPLATE_SOURCES } from '@/lib/templates/ids';

// The editor's sample values: every variable filled.
const ALL_VALUES = SAMPLE_VALUES;

describe('the catalogue', () => {
  const suggested = new Set(Object.values(FINDING_RULES).flatMap((rule) => rule.templates));

  it('has every template id, each with a source, in all six languages', () => {
    expect(CATALOGUE.map((t) => t.id).sort()).toEqual([...TEMPLATE_IDS].sort());
    for (const template of CATALOGUE) {
      expect(TEMPLATE_SOURCES[template.id]).toMatch(/docs\/domain\.md case \d|Amazon seller help/);
      expect(Object.keys(template.body).sort()).toEqual([...LANGUAGES].sort());
    }
  });

  it('has every template a finding suggests', () => {
    for (const id of suggested) expect(builtInTemplate(id), id).toBeDefined();
    // Templates suggested by findings' variants too (e.g. the shipped branch of a cancellation request).
    expect(builtInTemplate('cancel-shipped-refuse-delivery')).toBeDefined();
  });

  it.each(CATALOGUE.flatMap((t) => LANGUAGES.map((l) => [`${t.id} (${l})`, t.body[l]] as const)))('%s uses only known variables and keeps to the messaging rules', (_name, body) => {
    expect(body.trim().length).toBeGreaterThan(40);
    for (const name of variablesOf(body)) expect(VARIABLES).toContain(name);
    expect(checkReply(fill(body, ALL_VALUES, 'en').text)).toEqual([]);
    expect(body.replace(/\{[A-Za-z]+\}/g, '')).not.toMatch(/[{}]/);
  });

  it('counts 18 templates × 6 languages', () => {
    expect(CATALOGUE.length * LANGUAGES.length).toBe(108);
  });
});

describe('filling', () => {
  it('fills every variable it has a value for', () => {
    const filled = fill(builtInTemplate('tracking-info')!.body.en, ALL_VALUES, 'en');
    expect(filled.missing).toEqual([]);
    expect(filled.text).toContain('Order 114-3941689-8772232 has been shipped with UPS; the tracking number is 1Z999AA10123456784.');
    expect(filled.text).not.toMatch(/[{}]/);
  });

  it("never inserts a raw {variable}: blanks in the reply's language, listed as missing", () => {
    const ja = fill(builtInTemplate('tracking-info')!.body.ja, { orderId: '503-1724766-9264601' }, 'ja');
    expect(ja.missing).toEqual(['buyerName', 'storeName', 'carrier', 'trackingNumber', 'sellerName']);
    expect(ja.text).toContain('［追跡番号］');
    expect(ja.text).not.toMatch(/\{[A-Za-z]+\}/);
    expect(ja.parts.filter((p) => 'blank' in p).map((p) => ('blank' in p ? p.blank : ''))).toContain('trackingNumber');
    const de = fill('{trackingNumber}', {}, 'de');
    expect(de.text).toBe('[Sendungsnummer]');
  });

  it('treats blank values as missing, keeps unknown braces as text, and survives hostile values', () => {
    expect(fill('Hi {buyerName}', { buyerName: '   ' }, 'en').missing).toEqual(['buyerName']);
    expect(fill('{notAVariable} {orderId}', { orderId: '1' }, 'en').text).toBe('{notAVariable} 1');
    const html = '<img src=x onerror=alert(1)>';
    expect(fill('{buyerName}', { buyerName: html }, 'en').text).toBe(html);
    expect(fill('{buyerName}'.repeat(10_000), { buyerName: 'x' }, 'en').text).toHaveLength(10_000);
  });

  it("writes the ship-by date in the reply's language, in the marketplace zone", () => {
    const latest = '2026-11-24T07:59:59.999Z'; // end of Nov 23 in Los Angeles
    expect(formatShipBy(latest, 'en', 'US')).toBe('November 23, 2026');
    expect(formatShipBy(latest, 'ja', 'US')).toBe('2026年11月23日');
    expect(formatShipBy(latest, 'de', 'US')).toBe('23. November 2026');
    expect(formatShipBy('not a date', 'en', 'US')).toBeUndefined();
  });

  it("answers in the buyer's language, else the marketplace's, else the setting", () => {
    expect(replyLanguage({ messageLanguage: 'fr', marketplace: 'DE', setting: 'ja', audience: 'buyer' })).toBe('fr');
    expect(replyLanguage({ marketplace: 'DE', setting: 'ja', audience: 'buyer' })).toBe('de');
    expect(replyLanguage({ setting: 'it', audience: 'buyer' })).toBe('it');
    expect(replyLanguage({ setting: 'auto', audience: 'buyer' })).toBe('en');
    expect(replyLanguage({ messageLanguage: 'fr', marketplace: 'JP', setting: 'auto', audience: 'amazon' })).toBe('ja');
  });
});

describe('the reply guard', () => {
  const rules = (text: string, proactive = false) => checkReply(text, { proactive }).map((p) => `${p.rule}:${p.text}`);

  it.each([
    ['See http://my-shop.example/deals', ['external-link:http://my-shop.example/deals']],
    ['Visit www.my-shop.example today', ['external-link:www.my-shop.example']],
    ['Write to shop@example.com', ['email-address:shop@example.com']],
    ['Call 03-1234-5678 please', ['phone-number:03-1234-5678']],
    ['Thanks 😊', ['emoji:😊']],
    ['Please leave us a 5-star review', ['review-request:leave us a 5-star review']],
    ['レビューをお願いします', ['review-request:レビュー']],
    ['Bitte hinterlassen Sie eine Bewertung', ['review-request:Bewertung']],
    ['Message me on WhatsApp', ['off-amazon-contact:WhatsApp']],
    ['お電話でご連絡ください', ['off-amazon-contact:電話で']],
    ['電話してください', ['off-amazon-contact:電話して']],
  ])('%s', (text, expected) => {
    expect(rules(text)).toEqual(expected);
  });

  it('allows order-related https links on Amazon', () => {
    expect(rules('Your order: https://www.amazon.com/gp/your-account/order-details?orderID=114-3941689-8772232')).toEqual([]);
    expect(rules('http://www.amazon.com/gp/help')).toEqual(['external-link:http://www.amazon.com/gp/help']);
  });

  it('asks for the order id in a proactive message', () => {
    expect(rules('Hello, a question about your order.', true)).toEqual(['missing-order-id:']);
    expect(rules('Hello, about order 114-3941689-8772232.', true)).toEqual([]);
  });

  it('is quiet on every built-in template and fast on hostile input', () => {
    expect(checkReply('a'.repeat(1_000_000) + '@')).toEqual([]);
    expect(checkReply('1-'.repeat(100_000)).length).toBeGreaterThanOrEqual(0);
    expect(checkReply('<script>alert(1)</script>')).toEqual([]);
  });
});

/** Test fixtures as parsed nodes (the project allows no HTML from strings, tests included). */
function setBody(doc: Document, html: string) {
  doc.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
}

describe('inserting into a reply box', () => {
  function frameworkListener(target: EventTarget) {
    const seen: string[] = [];
    target.addEventListener('input', (event) => seen.push(`input:${(event as InputEvent).data}`));
    target.addEventListener('change', () => seen.push('change'));
    return seen;
  }

  it('a textarea: at the cursor, through the native setter, with input and change events', () => {
    setBody(document, '<form id="f"><textarea id="box"></textarea></form>');
    const box = document.getElementById('box') as HTMLTextAreaElement;
    box.value = 'Hello  world';
    box.setSelectionRange(6, 6);
    const seen = frameworkListener(document.getElementById('f')!);
    const submit = vi.fn();
    document.getElementById('f')!.addEventListener('submit', submit);
    // A framework that tracks the value through the prototype setter (as React does).
    const setter = vi.spyOn(Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!, 'set');
    expect(insertText(box, 'dear')).toEqual({ ok: true, into: 'textarea' });
    expect(box.value).toBe('Hello dear world');
    expect(box.selectionStart).toBe(10);
    expect(seen).toEqual(['input:dear', 'change']);
    expect(submit).not.toHaveBeenCalled();
    setter.mockRestore();
  });

  it('replaces the selection', () => {
    setBody(document, '<textarea id="box"></textarea>');
    const box = document.getElementById('box') as HTMLTextAreaElement;
    box.value = 'one two three';
    box.setSelectionRange(4, 7);
    insertText(box, '2');
    expect(box.value).toBe('one 2 three');
  });

  it('a kat-textarea: into the textarea of its shadow root, events reaching the page', () => {
    setBody(document, '<kat-textarea id="reply"></kat-textarea>');
    const host = document.getElementById('reply')!;
    const inner = document.createElement('textarea');
    host.attachShadow({ mode: 'open' }).append(inner);
    const seen = frameworkListener(document.body);
    expect(editableOf(host)).toBe(inner);
    expect(insertText(host, 'Dear Jane,\nthanks')).toEqual({ ok: true, into: 'textarea' });
    expect(inner.value).toBe('Dear Jane,\nthanks');
    expect(seen).toContain('input:Dear Jane,\nthanks');
  });

  it('a contenteditable: plain text (HTML stays text), lines as <br>', () => {
    setBody(document, '<div id="ed" contenteditable="true">Hi </div>');
    const editor = document.getElementById('ed')!;
    const seen = frameworkListener(editor);
    expect(insertText(editor, '<b>x</b>\nline 2')).toEqual({ ok: true, into: 'contenteditable' });
    expect(editor.querySelector('b')).toBeNull();
    expect(editor.textContent).toBe('Hi <b>x</b>line 2');
    expect(editor.querySelectorAll('br')).toHaveLength(1);
    expect(seen).toEqual(['input:<b>x</b>\nline 2']);
  });

  it('refuses what is not a text box, or is read-only', () => {
    setBody(document, '<div id="d"></div><textarea id="ro" readonly></textarea><input id="cb" type="checkbox">');
    expect(insertText(document.getElementById('d')!, 'x')).toEqual({ ok: false, reason: 'not a text box' });
    expect(insertText(document.getElementById('ro')!, 'x')).toEqual({ ok: false, reason: 'the reply box is read-only' });
    expect(insertText(document.getElementById('cb')!, 'x')).toEqual({ ok: false, reason: 'not a text box' });
  });

  it('finds the box by its path, also in a same-origin frame, skipping frames of other origins', () => {
    setBody(document, '<textarea id="top"></textarea><iframe id="other"></iframe><iframe id="same"></iframe>');
    // happy-dom loads no frames: give each the document a browser would (or the error it throws).
    Object.defineProperty(document.getElementById('other'), 'contentDocument', {
      get() {
        throw new DOMException('Blocked a frame with origin', 'SecurityError');
      },
    });
    const frameDoc = new DOMParser().parseFromString('<textarea id="in-frame"></textarea>', 'text/html');
    Object.defineProperty(document.getElementById('same'), 'contentDocument', { value: frameDoc });
    expect(findInDocument(document, '#in-frame')).toBe(frameDoc.getElementById('in-frame'));
    expect(findInDocument(document, '#top')?.id).toBe('top');
    expect(findInDocument(document, '##bad((')).toBeUndefined();
    expect(findInDocument(document, '#nowhere')).toBeUndefined();
  });
});
