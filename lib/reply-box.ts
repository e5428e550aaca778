/**
 * Puts text into a page's reply box the way a person typing would, so the page's own framework
 * sees it: a <textarea>/<input>, a contenteditable element, or Seller Central's <kat-textarea>
 * (its real textarea is in an open shadow root), also inside same-origin frames. It inserts at
 * the cursor or replaces the selection, and never submits anything. The element comes in as an
 * argument (no global document): the content script finds it from the reader's path.
 */

export type InsertResult = { readonly ok: true; readonly into: 'textarea' | 'contenteditable' } | { readonly ok: false; readonly reason: string };

type TextField = HTMLTextAreaElement | HTMLInputElement;

function isTextField(element: Element): element is TextField {
  return element.localName === 'textarea' || (element.localName === 'input' && /^(?:text|search|)$/u.test((element as HTMLInputElement).type));
}

/** The element that really takes the text: a kat-textarea's inner textarea, else the element. */
export function editableOf(element: Element): TextField | HTMLElement | undefined {
  if (isTextField(element)) return element;
  const inner = element.shadowRoot?.querySelector('textarea, input');
  if (inner && isTextField(inner)) return inner;
  if ((element as HTMLElement).isContentEditable || element.getAttribute('contenteditable') === 'true' || element.getAttribute('contenteditable') === '') {
    return element as HTMLElement;
  }
  return undefined;
}

/** Finds an element by a CSS path in a document, then in its same-origin frames. */
export function findInDocument(doc: Document, path: string): Element | undefined {
  let found: Element | null;
  try {
    found = doc.querySelector(path);
  } catch {
    return undefined;
  }
  if (found) return found;
  for (const frame of doc.querySelectorAll('iframe, frame')) {
    let inner: Document | null;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument; // null or throws for other origins
    } catch {
      inner = null;
    }
    const hit = inner ? findInDocument(inner, path) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

function setNativeValue(field: TextField, value: string): void {
  // The prototype's setter, from the field's own window (frames have their own), so frameworks
  // that track the value (React) see a real change.
  const view = field.ownerDocument.defaultView;
  const proto = field.localName === 'textarea' ? view?.HTMLTextAreaElement.prototype : view?.HTMLInputElement.prototype;
  const setter = proto ? Object.getOwnPropertyDescriptor(proto, 'value')?.set : undefined;
  if (setter) setter.call(field, value);
  else field.value = value;
}

function fire(target: Element, type: string, data: string): void {
  const view = target.ownerDocument.defaultView;
  const InputEventCtor = view?.InputEvent ?? InputEvent;
  target.dispatchEvent(new InputEventCtor(type, { bubbles: true, composed: true, cancelable: type === 'beforeinput', inputType: 'insertText', data }));
}

export function insertText(element: Element, text: string): InsertResult {
  const target = editableOf(element);
  if (!target) return { ok: false, reason: 'not a text box' };
  if (isTextField(target)) {
    if (target.disabled || target.readOnly) return { ok: false, reason: 'the reply box is read-only' };
    const value = target.value;
    const start = target.selectionStart ?? value.length;
    const end = target.selectionEnd ?? start;
    fire(target, 'beforeinput', text);
    setNativeValue(target, value.slice(0, start) + text + value.slice(end));
    const caret = start + text.length;
    target.setSelectionRange?.(caret, caret);
    fire(target, 'input', text);
    // A kat-textarea re-emits from its host by itself; nothing is dispatched on its behalf.
    target.dispatchEvent(new (target.ownerDocument.defaultView?.Event ?? Event)('change', { bubbles: true }));
    return { ok: true, into: 'textarea' };
  }
  // contenteditable: insert as plain text at the selection (or at the end), line breaks as <br>.
  const doc = target.ownerDocument;
  const selection = doc.getSelection();
  let range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
  if (!range || !target.contains(range.commonAncestorContainer)) {
    range = doc.createRange();
    range.selectNodeContents(target);
    range.collapse(false);
  }
  fire(target, 'beforeinput', text);
  range.deleteContents();
  const fragment = doc.createDocumentFragment();
  text.split('\n').forEach((line, i) => {
    if (i > 0) fragment.append(doc.createElement('br'));
    fragment.append(doc.createTextNode(line));
  });
  const last = fragment.lastChild;
  range.insertNode(fragment);
  if (last && selection) {
    const after = doc.createRange();
    after.setStartAfter(last);
    after.collapse(true);
    selection.removeAllRanges();
    selection.addRange(after);
  }
  fire(target, 'input', text);
  return { ok: true, into: 'contenteditable' };
}
