/**
 * The one content script for every Seller Central host: recognises the page from its URL, follows
 * in-page navigation, reads the page, turns it into findings and mounts the sidebar in a shadow
 * root. No business rules here: those are in lib/.
 */
import './style.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ConfirmCancelDialog } from '@/components/CancelGuard';
import { Sidebar } from '@/components/Sidebar';
import { SELLER_CENTRAL_MATCHES } from '@/lib/hosts';
import { uiLocaleOfTag, type Translate } from '@/lib/i18n';
import { askWithRetries, requestSummary, requestTemplate, requestTemplateChoices, requestUiMessages, requestWarm, type ResolvedTemplate, type TemplateChoice } from '@/lib/messaging';
import { followSnapshot, recognisePage, type RecognisedPage } from '@/lib/pages/page-type';
import type { PageMessageCounts } from '@/lib/pages/observed-source';
import type { ReadInput } from '@/lib/pages/read-messages';
import type { MessageThreadSnapshot, PageSnapshot } from '@/lib/pages/snapshot';
import { selectionSnapshot, type UsableSelection } from '@/lib/pages/selection';
import type { Language } from '@/lib/classify/types';
import { DEFAULT_SIDEBAR_SETTINGS, DEFAULT_USER_SETTINGS, type SidebarSettings, type UserSettings } from '@/lib/settings';
import { TEMPLATE_LABEL } from '@/components/labels';
import { checkReply, type GuardProblem } from '@/lib/templates/guard';
import { TEMPLATE_IDS, type TemplateId } from '@/lib/templates/ids';
import { TEMPLATES_KEY, sidebarSettingsItem, userSettingsItem } from '@/lib/storage';
import { translate, translatorForSetting, uiLocale } from '@/utils/translate';
import { browserTranslationEngine } from '@/utils/browser-translator';
import { createCancelGuard } from '@/utils/content/cancel-guard';
import { createShadowHost } from '@/utils/content/shadow-host';
import { createCorrections } from '@/utils/content/corrections';
import { createGuidance, type GuidanceState } from '@/utils/content/guidance';
import { compose } from '@/lib/templates/compose';
import type { Summary } from '@/components/read-summary';
import { deliver } from '@/utils/content/replies';
import { PANEL_WIDTH_PX, TAB_WIDTH_PX, releaseRightEdge, reserveRightEdge } from '@/utils/content/layout';
import { buildSchemasAhead, watchPageContent, yieldToPage } from '@/utils/content/page-reading';
import { pageSelection } from '@/utils/content/page-selection';
import { saveOutline } from '@/utils/content/save-outline';

const SELECTION_DEBOUNCE_MS = 250;

/** Calls back when the seller's templates change in storage (edited in the options page, synced from another browser). */
function watchTemplates(changed: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && TEMPLATES_KEY in changes) changed();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export default defineContentScript({
  matches: [...SELLER_CENTRAL_MATCHES],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    let page: RecognisedPage | undefined = recognisePage(new URL(location.href));
    if (!page) return;
    // The page is narrowed for the sidebar now, before Seller Central renders its lists: narrowing
    // a rendered 500-row list later lays it all out again (hundreds of ms). Folded, it narrows less
    // once the settings are read.
    reserveRightEdge(document, PANEL_WIDTH_PX);
    ctx.onInvalidated(() => releaseRightEdge(document));
    // The background may be asleep: woken now, it prepares its classifier while this page is read.
    void requestWarm().catch(() => {});
    // Evaluating this script is one long task already: the rest of the start is a task of its own.
    await yieldToPage();
    // Meanwhile, between the page's tasks, the schemas the checks will use are built.
    void buildSchemasAhead();
    const settingsItem = sidebarSettingsItem();
    const userItem = userSettingsItem();
    let settings: SidebarSettings = DEFAULT_SIDEBAR_SETTINGS;
    let language: UserSettings['uiLanguage'] = 'auto';
    let t: Translate = translate;
    let root: HTMLElement | undefined;
    let snapshot: PageSnapshot | undefined;
    let guidance: GuidanceState = { settings: DEFAULT_USER_SETTINGS, findings: [], dismissed: [], pending: false, now: Date.now() };
    let composing: { templateId: string; template?: ResolvedTemplate | null; language?: Language; status?: string } | undefined;
    let typingProblems: GuardProblem[] = [];
    /** The seller's own templates for the picker: names and ids only, from the background (their schemas stay there). */
    let ownTemplates: TemplateChoice[] = [];
    const loadOwnTemplates = () =>
      requestTemplateChoices().then(
        (choices) => {
          ownTemplates = choices;
        },
        (error: unknown) => console.warn('Seller Sidekick: could not list your own templates.', error),
      );
    let confirming: (() => void) | undefined;
    let pageMessages: PageMessageCounts = { ignored: 0, unreadable: 0 };
    /** The seller's store and own name from the options: the thread reader tells the seller's messages by them. */
    let readInput: ReadInput = {};
    const namesOf = (user: UserSettings): ReadInput => ({
      ...(user.storeName.trim() ? { storeName: user.storeName.trim() } : {}),
      ...(user.sellerName.trim() ? { sellerName: user.sellerName.trim() } : {}),
    });
    /** Text the seller has selected on the page, when worth checking (in memory only, never stored). */
    let selected: UsableSelection | undefined;
    /** The check of a selection, shown instead of the page's own reading until the seller goes back. */
    let checking: { snapshot: MessageThreadSnapshot; truncated: boolean; text: string } | undefined;
    let selectionFailed = false;
    // On-device translation: only the adapter object here; the browser's API is first called on a click.
    const translationEngine = browserTranslationEngine();
    let writeStatus: string | undefined;
    /** A long order list being read a slice at a time: its rows, until the reading arrives. */
    let readingOrders: number | undefined;

    const toggle = () => {
      settings = { ...settings, collapsed: !settings.collapsed };
      update();
      void settingsItem.setValue(settings);
    };

    // "This is really X" under the thread's messages (./corrections.ts).
    const corrections = createCorrections(
      (index) => advice.inputOf(index),
      () => update(),
    );

    const guard = createCancelGuard(ctx, (proceed) => {
      confirming = proceed;
      update();
    });

    /** Opens a reply: its texts come from the background (the catalogue and the seller's edits live there). */
    const openTemplate = (templateId: string) => {
      composing = { templateId };
      update();
      void askWithRetries(() => requestTemplate(templateId), null, 'load the reply template', 250).then((template) => {
        if (composing?.templateId !== templateId) return;
        composing = { ...composing, template };
        update();
      });
    };

    /**
     * The findings that may guard the page's Cancel order: the page's own, or a selection's when it
     * is about the order this page shows (never another order's button).
     */
    const guardFindings = () => {
      if (!page) return [];
      if (!checking) return guidance.findings;
      return snapshot?.kind === 'order-details' && snapshot.orderId === checking.snapshot.orderId ? guidance.findings : [];
    };

    /**
     * "What I read" of what the sidebar shows, made in the background (its view text lives there):
     * asked for once per reading and UI language, the latest answer wins; undefined while on its way.
     */
    let summaryOf: { of: readonly unknown[]; summary?: Summary } | undefined;
    const summaryFor = (shown: PageSnapshot | undefined): Summary | undefined => {
      if (!shown) return undefined;
      const of = [checking?.snapshot ?? snapshot, guidance.fees, language];
      if (summaryOf && summaryOf.of.length === of.length && summaryOf.of.every((v, i) => v === of[i])) return summaryOf.summary;
      const mine: { of: readonly unknown[]; summary?: Summary } = { of };
      summaryOf = mine;
      void requestSummary(shown, uiLocale(language), language).then(
        (summary) => {
          if (summaryOf !== mine) return;
          mine.summary = summary;
          update();
        },
        (error: unknown) => console.warn('Seller Sidekick: could not describe what was read on this page.', error),
      );
      return undefined;
    };

    /**
     * Renders the sidebar now. (Rendering in a task of its own, once for all changes asked for
     * meanwhile, was tried: Firefox's end-to-end suite then found no sidebar within 15 s on a page
     * or two in 3 runs of 4, the cause not found; rendering at once, clean. docs/performance.md.)
     */
    const update = () => {
      void guard.update(guardFindings(), snapshot, t);
      if (!root) return;
      if (!page) {
        render(null, root);
        releaseRightEdge(document);
        return;
      }
      reserveRightEdge(document, settings.collapsed ? TAB_WIDTH_PX : PANEL_WIDTH_PX);
      const proceed = confirming;
      const chosen = composing;
      // What the sidebar advises on: the page's reading, or the selection being checked.
      const shown: PageSnapshot | undefined = checking?.snapshot ?? (snapshot?.kind === 'transactions' && guidance.fees ? { ...snapshot, ...guidance.fees } : snapshot);
      const summary = summaryFor(shown);
      const composition = chosen?.template ? compose(chosen.templateId, chosen.template, chosen.language, shown, guidance.settings, guidance.messageLanguage, guidance.watch) : undefined;
      const composer =
        chosen && composition
          ? {
              ...composition,
              title: composition.ownName ?? t(TEMPLATE_LABEL[composition.templateId as TemplateId]),
              status: chosen.status,
              t,
              onLanguage: (language: Language) => {
                composing = { ...chosen, language, status: undefined };
                update();
              },
              onClose: () => {
                composing = undefined;
                update();
              },
              onInsert: () => {
                // Into the page's own reply box (the page's reading knows where it is).
                void deliver(composition.filled.text, snapshot).then(({ key, detail }) => {
                  if (composing?.templateId !== chosen.templateId) return;
                  composing = { ...composing, status: t(key, detail ? [detail] : []) };
                  update();
                });
              },
            }
          : undefined;
      const readings = corrections.props(guidance, t);
      const setup = { engine: translationEngine, to: uiLocaleOfTag(uiLocale(language)) };
      render(
        <>
          <Sidebar
            page={page}
            snapshot={shown}
            summary={summary}
            collapsed={settings.collapsed}
            onToggle={toggle}
            locale={uiLocale(language)}
            t={t}
            findings={guidance.findings}
            triage={snapshot?.kind === 'message-inbox' ? guidance.triage : undefined}
            dismissed={guidance.dismissed}
            pending={guidance.pending}
            now={guidance.now}
            onDismiss={(finding) => void advice.dismiss(finding, true)}
            onRestore={(finding) => void advice.dismiss(finding, false)}
            onTemplate={openTemplate}
            composer={composer}
            pickerOptions={
              shown?.kind === 'message-thread' ? [...TEMPLATE_IDS.map((id) => ({ value: id, label: t(TEMPLATE_LABEL[id]) })), ...ownTemplates.map((own) => ({ value: own.id, label: own.name }))] : []
            }
            onPick={openTemplate}
            typingProblems={typingProblems}
            pageMessages={pageMessages}
            onSaveOutline={() => saveOutline(document, location.href, page!.type, root!)}
            selection={{
              available: selected !== undefined && selected.text !== checking?.text,
              checking: checking && { orderId: checking.snapshot.orderId, truncated: checking.truncated },
              failed: selectionFailed,
              onCheck: checkSelection,
              onBack: backToPage,
            }}
            readings={readings && { ...readings, translation: setup }}
            write={
              shown?.kind === 'message-thread'
                ? {
                    setup,
                    buyerLanguage: guidance.messageLanguage ?? 'en',
                    hasReplyBox: snapshot?.kind === 'message-thread' && snapshot.replyBox !== undefined,
                    status: writeStatus,
                    t,
                    onInsert: (text: string) =>
                      void deliver(text, snapshot).then(({ key, detail }) => {
                        writeStatus = t(key, detail ? [detail] : []);
                        update();
                      }),
                  }
                : undefined
            }
            readingOrders={readingOrders}
          />
          {proceed && (
            <ConfirmCancelDialog
              t={t}
              onBack={() => {
                confirming = undefined;
                update();
              }}
              onProceed={() => {
                confirming = undefined;
                update();
                proceed();
              }}
            />
          )}
        </>,
        root,
      );
    };

    const advice = createGuidance(ctx, (next) => {
      guidance = next;
      update();
    });

    /** Checks the selected text as a buyer's message: classification, findings and replies as for a thread read from the page. */
    function checkSelection() {
      // The selection as it is now; the one last seen if the press on our button cleared it.
      const chosen = pageSelection(document) ?? selected;
      const result = chosen ? selectionSnapshot(chosen.text, { page: snapshot, hostMarketplace: page?.marketplace }) : undefined;
      if (!chosen || !result?.ok) {
        if (result && !result.ok) console.warn('Seller Sidekick: could not check the selection.', result.reason);
        selectionFailed = true;
        update();
        return;
      }
      selectionFailed = false;
      checking = { snapshot: result.snapshot, truncated: chosen.truncated || result.truncated, text: chosen.text };
      composing = undefined;
      guidance = { ...guidance, findings: [], dismissed: [], pending: true };
      advice.update(checking.snapshot);
      update();
    }

    function backToPage() {
      checking = undefined;
      composing = undefined;
      selectionFailed = false;
      guidance = { ...guidance, findings: [], dismissed: [], pending: snapshot !== undefined };
      advice.update(snapshot);
      update();
    }

    const ui = await createShadowHost(ctx, 'seller-sidekick', () => {
      if (root) render(null, root);
      releaseRightEdge(document);
      root = undefined;
    });

    const applyLanguage = async (next: UserSettings['uiLanguage']) => {
      language = next;
      t = await translatorForSetting(next, requestUiMessages);
      update();
    };
    const [sidebar, user] = await Promise.all([settingsItem.getValue(), userItem.getValue(), loadOwnTemplates()]);
    settings = sidebar;
    readInput = namesOf(user);
    if (user.uiLanguage !== 'auto') await applyLanguage(user.uiLanguage);
    // At the end of the page's body; Preact renders into a div of its own inside the shadow root.
    document.body.append(ui.host);
    root = document.createElement('div');
    ui.container.append(root);
    update();
    // The page's first reading is a task of its own, not added to mounting the sidebar.
    await yieldToPage();

    const reading = watchPageContent(
      ctx,
      (next) => {
        snapshot = next;
        readingOrders = undefined;
        // On the messaging app the page's content decides between inbox and conversation.
        const fromUrl = recognisePage(new URL(location.href));
        page = fromUrl && followSnapshot(fromUrl, next);
        if (checking) {
          // The check of a selection stays until the seller goes back; the page's reading waits.
          update();
          return;
        }
        guidance = { ...guidance, pending: next !== undefined };
        advice.update(next);
        update();
      },
      (counts) => {
        pageMessages = counts;
        update();
      },
      () => readInput,
      (rows) => {
        // The sidebar's first paint says what it is doing while a long list is read.
        if (snapshot !== undefined) return;
        readingOrders = rows;
        update();
      },
    );

    // The Navigation API, which WXT follows, reports a download (a link with `download`: the
    // page's own, or the page outline saved from the sidebar) as a navigation, yet the page stays.
    // Noted here, before WXT's own listener, to be ignored below.
    const downloads = new Set<string>();
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (navigation) {
      ctx.addEventListener(navigation, 'navigate', (event: Event) => {
        const { downloadRequest, destination } = event as Event & { downloadRequest?: string | null; destination?: { url: string } };
        if (typeof downloadRequest === 'string' && destination) downloads.add(destination.url);
      });
    }
    // Seller Central is a single-page app: follow its navigation without polling of our own.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      if (downloads.delete(newUrl.href)) return;
      page = recognisePage(newUrl);
      snapshot = undefined;
      checking = undefined;
      selected = undefined;
      selectionFailed = false;
      confirming = undefined;
      composing = undefined;
      typingProblems = [];
      corrections.reset();
      writeStatus = undefined;
      advice.update(undefined);
      update();
      reading.refresh();
    });
    // Alt+Shift+R: to the suggested replies (the sidebar opens if folded).
    ctx.addEventListener(window, 'keydown', (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.code !== 'KeyR' || !root) return;
      event.preventDefault();
      if (settings.collapsed) toggle();
      requestAnimationFrame(() => {
        const target = root?.querySelector('[data-testid="reply-picker"]') ?? root?.querySelector('button[data-template-id]');
        (target as HTMLElement | null | undefined)?.focus();
      });
    });
    // The reply guard while the seller types in Seller Central's reply box (debounced).
    let typingTimer: number | undefined;
    ctx.addEventListener(document, 'input', (event: Event) => {
      if (snapshot?.kind !== 'message-thread' || !snapshot.replyBox) return;
      const box = event.composedPath()[0];
      if (!(box instanceof HTMLTextAreaElement || (box instanceof HTMLElement && box.isContentEditable))) return;
      if (root?.contains(box)) return;
      if (typingTimer !== undefined) clearTimeout(typingTimer);
      typingTimer = ctx.setTimeout(() => {
        const text = box instanceof HTMLTextAreaElement ? box.value : (box.textContent ?? '');
        const next = checkReply(text);
        if (JSON.stringify(next) === JSON.stringify(typingProblems)) return;
        typingProblems = next;
        update();
      }, 400);
    });
    // "Check the selected text": offered while the page has a selection worth checking (debounced:
    // a drag fires this event at every step; the text is read once it settles).
    let selectionTimer: number | undefined;
    ctx.addEventListener(document, 'selectionchange', () => {
      if (selectionTimer !== undefined) clearTimeout(selectionTimer);
      selectionTimer = ctx.setTimeout(() => {
        selectionTimer = undefined;
        const next = pageSelection(document);
        if (next?.text === selected?.text && next?.truncated === selected?.truncated) return;
        selected = next;
        if (next) selectionFailed = false;
        update();
      }, SELECTION_DEBOUNCE_MS);
    });
    const unwatch = [
      settingsItem.watch((next) => {
        settings = next;
        update();
      }),
      watchTemplates(() => {
        void loadOwnTemplates().then(() => {
          if (composing)
            openTemplate(composing.templateId); // the seller edited templates meanwhile
          else update();
        });
      }),
      userItem.watch((next) => {
        if (next.uiLanguage !== language) void applyLanguage(next.uiLanguage);
        const names = namesOf(next);
        if (JSON.stringify(names) !== JSON.stringify(readInput)) {
          readInput = names;
          reading.refresh();
        }
      }),
    ];
    ctx.onInvalidated(() => unwatch.forEach((stop) => stop()));
  },
});
