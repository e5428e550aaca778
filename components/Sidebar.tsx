/**
 * The sidebar docked at the right edge of Seller Central. Renders props, raises callbacks; all
 * state (collapsed, the recognised page) belongs to the content script.
 */
import { MARKETPLACE_LABEL, PAGE_TYPE_LABEL, type Translate } from '@/lib/i18n';
import type { TriageItem } from '@/lib/guidance/triage';
import { Triage } from './Triage';
import type { RecognisedPage } from '@/lib/pages/page-type';
import type { PageMessageCounts } from '@/lib/pages/observed-source';
import type { PageSnapshot } from '@/lib/pages/snapshot';
import type { Finding } from '@/lib/guidance/types';
import type { TemplateId } from '@/lib/templates/ids';
import { Findings } from './Findings';
import { ReplyComposer, ReplyPicker, TypingGuard, WriteReply, type PickerOption, type ReplyComposerProps, type WriteReplyProps } from './ReplyComposer';
import type { GuardProblem } from '@/lib/templates/guard';
import { Logo } from './Logo';
import { MessageReadings, type MessageReadingsProps } from './MessageReadings';
import { ReadSection } from './ReadSection';
import type { Summary } from './read-summary';
import { SelectionCheck, type SelectionCheckProps } from './SelectionCheck';
import { isFromSelection } from '@/lib/pages/selection';

export interface SidebarProps {
  readonly page: RecognisedPage;
  /**
   * What the page reader found; undefined before the first read and on pages we do not read. While
   * the seller checks selected text, the snapshot made from the selection (lib/pages/selection.ts).
   */
  readonly snapshot?: PageSnapshot | undefined;
  /** "What I read" of the snapshot in the UI language (made in the background); undefined while on its way. */
  readonly summary?: Summary | undefined;
  readonly collapsed: boolean;
  readonly onToggle: () => void;
  readonly locale: string;
  readonly t: Translate;
  /** What needs the seller's attention here (not dismissed), most severe first. */
  readonly findings?: readonly Finding[];
  readonly dismissed?: readonly Finding[];
  /** The page's messages are still being classified. */
  readonly pending?: boolean;
  /** Epoch ms, for countdowns; the content script ticks it. */
  readonly now?: number;
  readonly onDismiss?: (finding: Finding) => void;
  readonly onRestore?: (finding: Finding) => void;
  readonly onTemplate?: (id: TemplateId) => void;
  /** The reply being prepared, if the seller chose one. */
  readonly composer?: ReplyComposerProps | undefined;
  /** Every reply the seller can pick (thread pages); none hides the picker. */
  readonly pickerOptions?: readonly PickerOption[];
  readonly onPick?: (value: string) => void;
  /** Problems in what the seller is typing in the page's reply box. */
  readonly typingProblems?: readonly GuardProblem[];
  /** What the content script did not take from the page reader's side (shown under "What I read"). */
  readonly pageMessages?: PageMessageCounts | undefined;
  /** Saves the page's skeleton for a report of a misread page (What I read). */
  readonly onSaveOutline?: (() => Promise<string>) | undefined;
  /** On an inbox: what each listed case is about, most urgent first. */
  readonly triage?: readonly TriageItem[] | undefined;
  /** "Check the selected text": offered while the page has a selection, and the state of a check. */
  readonly selection?: SelectionCheckProps | undefined;
  /** What each message of a thread is about, with the control to correct it (thread pages). */
  readonly readings?: MessageReadingsProps | undefined;
  /** The seller's own reply, translated on this device into the buyer's language (thread pages). */
  readonly write?: WriteReplyProps | undefined;
  /** A long order list being read a slice at a time: how many orders, shown until the first reading. */
  readonly readingOrders?: number | undefined;
}

const NO_OPTIONS: readonly PickerOption[] = [];
const NO_PROBLEMS: readonly GuardProblem[] = [];

const NOTHING: readonly Finding[] = [];
const ignore = () => {};

export function Sidebar({
  page,
  snapshot,
  summary,
  collapsed,
  onToggle,
  locale,
  t,
  findings = NOTHING,
  dismissed = NOTHING,
  pending = false,
  now = 0,
  onDismiss = ignore,
  onRestore = ignore,
  onTemplate = ignore,
  composer,
  pickerOptions = NO_OPTIONS,
  onPick = ignore,
  typingProblems = NO_PROBLEMS,
  pageMessages,
  onSaveOutline,
  triage,
  selection,
  readings,
  write,
  readingOrders,
}: SidebarProps) {
  // A selection is checked on any Seller Central page, also one the readers do not read.
  const showReading = snapshot !== undefined && (page.type !== 'other' || isFromSelection(snapshot));
  const critical = findings.filter((f) => f.severity === 'critical').length;
  if (collapsed) {
    return (
      <button
        type="button"
        class="sidekick-tab"
        data-testid="sidekick-sidebar"
        data-state="collapsed"
        data-page-type={page.type}
        data-findings={findings.length}
        aria-expanded="false"
        aria-label={t('sidebarExpand')}
        title={t('sidebarExpand')}
        onClick={onToggle}
      >
        <Logo size={20} />
        {findings.length > 0 && (
          <span class={critical > 0 ? 'sidekick-tab-count sidekick-critical' : 'sidekick-tab-count'} aria-hidden="true">
            {findings.length}
          </span>
        )}
      </button>
    );
  }
  return (
    <aside
      class="sidekick-panel"
      data-testid="sidekick-sidebar"
      data-state="expanded"
      data-page-type={page.type}
      data-findings={findings.length}
      data-pending={pending ? 'true' : 'false'}
      aria-label={t('sidebarLabel')}
    >
      <header class="sidekick-header">
        <Logo size={22} />
        <h1 class="sidekick-title">{t('extName')}</h1>
        <button type="button" class="sidekick-collapse" aria-expanded="true" aria-label={t('sidebarCollapse')} title={t('sidebarCollapse')} onClick={onToggle}>
          <span aria-hidden="true">»</span>
        </button>
      </header>
      {selection && <SelectionCheck {...selection} t={t} locale={locale} />}
      <TypingGuard problems={typingProblems} t={t} />
      {composer && <ReplyComposer {...composer} />}
      {!showReading && readingOrders !== undefined && page.type === 'order-list' && (
        <p class="sidekick-quiet" data-testid="reading-orders" aria-live="polite">
          {t('sidebarReadingOrders', [String(readingOrders)])}
        </p>
      )}
      {showReading && (
        <Findings
          findings={findings}
          dismissed={dismissed}
          pending={pending}
          now={now}
          onDismiss={onDismiss}
          onRestore={onRestore}
          onTemplate={onTemplate}
          t={t}
          {...(triage && triage.length > 0 ? { noneKey: 'findingsNoneSeeCases' as const } : {})}
        />
      )}
      {triage && <Triage items={triage} t={t} />}
      {readings && snapshot && page.type !== 'other' && <MessageReadings {...readings} />}
      {pickerOptions.length > 0 && <ReplyPicker options={pickerOptions} onPick={onPick} t={t} />}
      {write && snapshot?.kind === 'message-thread' && <WriteReply key={`${snapshot.orderId ?? ''} ${write.buyerLanguage}`} {...write} />}
      <section class="sidekick-section" aria-labelledby="sidekick-page-heading">
        <h2 id="sidekick-page-heading" class="sidekick-section-heading">
          {t('sidebarPageHeading')}
        </h2>
        <p class="sidekick-page-type" data-testid="page-type">
          {t(PAGE_TYPE_LABEL[page.type])}
        </p>
        <dl class="sidekick-facts">
          <dt>{t('sidebarMarketplace')}</dt>
          <dd data-testid="marketplace">{page.marketplace ? t(MARKETPLACE_LABEL[page.marketplace]) : t('sidebarMarketplaceRegion')}</dd>
          {page.orderId !== undefined && (
            <>
              <dt>{t('sidebarOrder')}</dt>
              <dd data-testid="order-id" dir="ltr">
                {page.orderId}
              </dd>
            </>
          )}
        </dl>
        <p class="sidekick-quiet">{page.type === 'other' ? t('sidebarOtherHint') : t('sidebarRecognisedFrom')}</p>
      </section>
      {showReading && (
        <section class="sidekick-section">
          <ReadSection snapshot={snapshot} summary={summary} locale={locale} t={t} pageMessages={pageMessages} onSaveOutline={onSaveOutline} />
        </section>
      )}
    </aside>
  );
}
