/*
 * Demo stand-in for Amazon's Katal web components (kat-*). ASSUMED: Katal's code is not public.
 * What is evidenced (docs/seller-central-pages.md §4, §8) and imitated here: the components are
 * custom elements with OPEN shadow roots; kat-textarea keeps its real <textarea> inside its shadow
 * root and reports typing with `input` events that are composed; kat-button renders a real
 * <button> with its `label` attribute; kat-alert shows its `header` and `description`.
 * The page "framework" below stands in for Seller Central's own app: it only trusts text it saw
 * through input events, which is how a reply box filled without them would stay empty on submit.
 */
(() => {
  const css = ':host{display:block}textarea{width:100%;min-height:110px;box-sizing:border-box;font:inherit;padding:8px;border:1px solid #888c8c;border-radius:6px}label{display:block;font-weight:700;margin-bottom:4px}';

  class KatTextarea extends HTMLElement {
    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = css;
      const label = document.createElement('label');
      const textarea = document.createElement('textarea');
      label.htmlFor = 'kat-textarea-inner';
      textarea.id = 'kat-textarea-inner';
      root.append(style, label, textarea);
      textarea.addEventListener('input', () => {
        this.dispatchEvent(new CustomEvent('change', { bubbles: true, composed: true, detail: { value: textarea.value } }));
      });
    }
    // Attributes are not readable yet in a constructor run by the parser: apply them on connect.
    connectedCallback() {
      this.shadowRoot.querySelector('label').textContent = this.getAttribute('label') || '';
      this.shadowRoot.querySelector('textarea').setAttribute('placeholder', this.getAttribute('placeholder') || '');
    }
    get value() { return this.shadowRoot.querySelector('textarea').value; }
    set value(next) { this.shadowRoot.querySelector('textarea').value = String(next); }
  }

  class KatButton extends HTMLElement {
    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = ':host{display:inline-block}button{font:inherit;padding:6px 14px;border-radius:8px;border:1px solid #888c8c;background:#fff;cursor:pointer}:host([variant=primary]) button{background:#ffd814;border-color:#fcd200}';
      const button = document.createElement('button');
      button.type = 'button';
      root.append(style, button);
    }
    connectedCallback() {
      this.shadowRoot.querySelector('button').textContent = this.getAttribute('label') || '';
    }
  }

  class KatBox extends HTMLElement {
    constructor() {
      super();
      this.attachShadow({ mode: 'open' }).append(document.createElement('slot'));
    }
  }

  // kat-alert: its header and description attributes rendered in an OPEN shadow root (how Katal
  // renders them is ASSUMED; the attribute names are Katal's public ones).
  class KatAlert extends HTMLElement {
    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = ':host{display:block;margin:8px 0}div{border:1px solid #0f7ba8;border-left-width:6px;border-radius:6px;padding:8px 12px;background:#f3fbfe}strong{display:block}';
      const box = document.createElement('div');
      box.setAttribute('part', 'box');
      box.append(document.createElement('strong'), document.createElement('span'), document.createElement('slot'));
      root.append(style, box);
    }
    connectedCallback() {
      const [header, description] = this.shadowRoot.querySelector('div').children;
      header.textContent = this.getAttribute('header') || '';
      description.textContent = this.getAttribute('description') || '';
    }
  }

  customElements.define('kat-textarea', KatTextarea);
  customElements.define('kat-alert', KatAlert);
  customElements.define('kat-button', KatButton);
  customElements.define('kat-box', KatBox);

  // The page's own state of the reply, fed only by composed input events (see header).
  window.demoReplyState = { text: '', inputEvents: 0 };
  document.addEventListener('change', (event) => {
    if (event.target && event.target.tagName === 'KAT-TEXTAREA') {
      window.demoReplyState.text = event.detail.value;
      window.demoReplyState.inputEvents += 1;
    }
  }, true);
})();
