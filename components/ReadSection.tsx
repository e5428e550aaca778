/** "What I read": what the page readers found on this page, and what they could not read and why. */
import { useState } from 'preact/hooks';
import { uiLocaleOfTag, type MessageKey, type Translate } from '@/lib/i18n';
import type { PageMessageCounts } from '@/lib/pages/observed-source';
import type { MissingWhy, PageSnapshot } from '@/lib/pages/snapshot';
import type { Summary } from '@/components/read-summary';

export interface ReadSectionProps {
  readonly snapshot: PageSnapshot;
  /**
   * The reading as labelled lines in the UI language (components/read-summary.ts). The content
   * script has it made in the background; undefined while it is on its way.
   */
  readonly summary: Summary | undefined;
  readonly locale: string;
  readonly t: Translate;
  /** Page messages that claimed to be our page reader's (ignored), and its responses we could not read. */
  readonly pageMessages?: PageMessageCounts | undefined;
  /** Saves the page's skeleton for a report of a misread page; gives the file's name, rejects if it could not. */
  readonly onSaveOutline?: (() => Promise<string>) | undefined;
}

/** Field names in `missing` that have a label of their own. */
const FIELD_LABEL: Readonly<Record<string, MessageKey>> = {
  orderId: 'fieldOrderId',
  purchaseDate: 'fieldPurchaseDate',
  shipBy: 'fieldShipBy',
  deliverBy: 'fieldDeliverBy',
  fulfilment: 'fieldFulfilment',
  status: 'fieldStatus',
  items: 'fieldItems',
  buyerRequestedCancel: 'fieldBuyerCancel',
  cancellationDate: 'fieldAutoCancel',
  subject: 'fieldSubject',
  messages: 'fieldMessages',
  messagingData: 'fieldMessagingData',
  replyBox: 'fieldReplyBox',
  responseNeeded: 'fieldResponseNeeded',
  asin: 'fieldAsin',
  totalOrders: 'fieldOrders',
  cancellationRate: 'fieldCancellationRate',
  lateShipmentRate: 'fieldLateShipmentRate',
  orderDefectRate: 'fieldOrderDefectRate',
  validTrackingRate: 'fieldValidTrackingRate',
};

/** What kind of gap, in the UI language (the readers' detail is in English). */
const WHY_LABEL: Readonly<Record<MissingWhy, MessageKey>> = {
  'not-found': 'readMissingNotFound',
  unreadable: 'readMissingUnreadable',
  elsewhere: 'readMissingElsewhere',
};

export function ReadSection({ snapshot, summary: given, locale, t, pageMessages, onSaveOutline }: ReadSectionProps) {
  // What became of the last save, for as long as this reading of the page is shown.
  const [saved, setSaved] = useState<{ of: PageSnapshot; note: string } | undefined>();
  const summary: Summary = given ?? { lines: [], missing: [], note: t('readPending') };
  // The readers explain in English: shown as is where the UI is English, on hover in the other languages.
  const english = uiLocaleOfTag(locale) === 'en';
  return (
    <details class="sidekick-read" data-testid="what-i-read" data-read-kind={snapshot.kind} data-read-ready={given ? 'true' : 'false'}>
      <summary class="sidekick-read-summary">{t('readHeading')}</summary>
      {summary.lines.length > 0 && (
        <dl class="sidekick-facts">
          {summary.lines.map((line) => (
            <>
              <dt>{t(line.label)}</dt>
              <dd data-field={line.label}>{line.value}</dd>
            </>
          ))}
        </dl>
      )}
      {summary.detail !== undefined && !english ? (
        <p class="sidekick-quiet" data-testid="read-note">
          {t('readNotReadShort')}{' '}
          <small>
            {t('readDetailEnglish')} <span lang="en">{summary.detail}</span>
          </small>
        </p>
      ) : (
        <p class="sidekick-quiet" data-testid="read-note">
          {summary.note}
        </p>
      )}
      {summary.missing.length > 0 && (
        <>
          <h3 class="sidekick-section-heading">{t('readMissingHeading')}</h3>
          <ul class="sidekick-missing">
            {summary.missing.map((m) => {
              const key = FIELD_LABEL[m.field];
              return (
                <li key={m.field} data-missing-field={m.field}>
                  <span>{key ? t(key) : m.field}</span> {/* English: the reader's own detail. Other languages: the kind of gap, the detail on hover. */}
                  {english ? <small lang="en">{m.reason}</small> : <small title={m.reason}>{t(WHY_LABEL[m.why ?? 'not-found'])}</small>}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {/* Nothing is taken from these; saying so shows that someone on the page tried. */}
      {pageMessages && pageMessages.ignored > 0 && (
        <p class="sidekick-quiet" data-testid="ignored-page-messages" data-count={pageMessages.ignored}>
          {t('readIgnoredPageMessages', [String(pageMessages.ignored)])}
        </p>
      )}
      {pageMessages && pageMessages.unreadable > 0 && (
        <p class="sidekick-quiet" data-testid="unreadable-order-data" data-count={pageMessages.unreadable}>
          {t('readUnreadableOrderData', [String(pageMessages.unreadable)])}
        </p>
      )}
      {onSaveOutline && (
        <div class="sidekick-report" data-testid="save-outline">
          <button
            type="button"
            class="sidekick-link"
            onClick={() => {
              onSaveOutline().then(
                (file) => setSaved({ of: snapshot, note: t('readReportSaved', [file]) }),
                (error: unknown) => {
                  console.warn('Seller Sidekick: could not save the page outline.', error);
                  setSaved({ of: snapshot, note: t('readReportFailed') });
                },
              );
            }}
          >
            {t('readReportButton')}
          </button>
          <p class="sidekick-quiet">{saved?.of === snapshot ? saved.note : t('readReportHint')}</p>
        </div>
      )}
    </details>
  );
}
