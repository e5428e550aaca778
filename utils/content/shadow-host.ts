/**
 * Our elements on Seller Central's page (the sidebar, the warning next to Cancel order): each an
 * element of ours with an open shadow root that holds the content script's own CSS (loaded once
 * from the extension, where WXT puts it for `cssInjectionMode: 'ui'`) and an empty container for
 * Preact. The page's styles stay out (`:host { all: initial }`), ours stay in. A few lines instead
 * of WXT's general shadow-root UI (positioning modes, event isolation, custom-element name checks),
 * which we do not use and which cost the content script about 3 KB gzipped.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

const CSS_PATH = '/content-scripts/seller-central.css';
let css: Promise<string> | undefined;

/** The content script's CSS, with `:root` rules applied to the shadow host; none (and a warning) if it cannot be read. */
function ownCss(): Promise<string> {
  css ??= (async () => {
    const url = (browser.runtime.getURL as (path: string) => string)(CSS_PATH);
    try {
      return (await (await fetch(url)).text()).replaceAll(':root', ':host');
    } catch (error) {
      console.warn(`Seller Sidekick: could not load the styles from ${url}.`, error);
      return '';
    }
  })();
  return css;
}

export interface ShadowHost {
  /** The element the page sees (`<seller-sidekick>`…). */
  readonly host: HTMLElement;
  /** Where Preact renders, inside the shadow root. */
  readonly container: HTMLElement;
  /** Takes it off the page (also done when the content script is invalidated). */
  remove(): void;
}

/** An element of ours, styled and empty, not yet on the page: place `host` where it belongs. */
export async function createShadowHost(ctx: ContentScriptContext, name: string, onRemove?: (container: HTMLElement) => void): Promise<ShadowHost> {
  const styles = await ownCss();
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important;}\n${styles}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    onRemove?.(container);
    host.remove();
    container.replaceChildren();
  };
  ctx.onInvalidated(remove);
  return { host, container, remove };
}
