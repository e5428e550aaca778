/**
 * The findings of a page: most severe first, each with its "why" behind a button, the words that
 * triggered it highlighted, the suggested replies, and a dismiss button. With nothing to say, a
 * small quiet status. Renders props and raises callbacks only.
 */
import { useState } from 'preact/hooks';
import { timeLeft } from '@/lib/time';
import type { Finding, HighlightedText, Line } from '@/lib/guidance/types';
import type { MessageKey, Translate } from '@/lib/i18n';
import type { TemplateId } from '@/lib/templates/ids';
import { DEADLINE_LABEL, SEVERITY_LABEL, SOURCE_LABEL, TEMPLATE_LABEL } from './labels';

export interface FindingsProps {
  readonly findings: readonly Finding[];
  /** Findings the seller dismissed on this page (shown on request, to restore). */
  readonly dismissed: readonly Finding[];
  /** True while the page's messages are still being classified. */
  readonly pending: boolean;
  readonly now: number;
  readonly onDismiss: (finding: Finding) => void;
  readonly onRestore: (finding: Finding) => void;
  /** A suggested reply was chosen. */
  readonly onTemplate?: (id: TemplateId) => void;
  readonly t: Translate;
  /** What to say when nothing needs attention (an inbox says its cases are sorted below). */
  readonly noneKey?: MessageKey;
}

const ignoreTemplate = () => {};
/**
 * A long list (a 500-row order list can have hundreds of findings) shows the most serious first
 * and the rest on request: rendering hundreds of cards at every update stalls the page.
 */
export const FIRST_FINDINGS = 20;

const text = (t: Translate, line: Line) => t(line.key, line.args);

export function duration(t: Translate, ms: number): string {
  const left = timeLeft(ms, 0);
  if (left.days > 0) return t('durationDaysHours', [String(left.days), String(left.hours)]);
  if (left.hours > 0) return t('durationHoursMinutes', [String(left.hours), String(left.minutes)]);
  return t('durationMinutes', [String(left.minutes)]);
}

/** The message excerpt around the matched words, with the words in <mark> (all as text nodes). */
function Highlight({ highlight, t }: { readonly highlight: HighlightedText; readonly t: Translate }) {
  if (highlight.wholeMessage && highlight.spans.length === 0) {
    const excerpt = highlight.text.length > 200 ? `${highlight.text.slice(0, 200)}…` : highlight.text;
    return (
      <>
        <blockquote class="sidekick-evidence" data-whole-message="true">
          {excerpt}
        </blockquote>
        <p class="sidekick-quiet">{t('findingWholeMessage')}</p>
      </>
    );
  }
  const sorted = [...highlight.spans].sort((a, b) => a.start - b.start).filter((s) => s.end > s.start && s.end <= highlight.text.length);
  // Overlapping spans ("キャンセル" inside "キャンセルのリクエストを送") become one mark over both.
  const spans: { start: number; end: number; rules: string[] }[] = [];
  for (const span of sorted) {
    const last = spans.at(-1);
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      if (!last.rules.includes(span.rule)) last.rules.push(span.rule);
    } else spans.push({ start: span.start, end: span.end, rules: [span.rule] });
  }
  if (spans.length === 0) return null;
  const from = Math.max(0, spans[0]!.start - 60);
  const to = Math.min(highlight.text.length, spans[spans.length - 1]!.end + 60);
  const parts: preact.ComponentChildren[] = [];
  let at = from;
  if (from > 0) parts.push('…');
  for (const span of spans) {
    parts.push(highlight.text.slice(at, span.start));
    parts.push(
      <mark key={`${span.start}-${span.end}`} title={span.rules.join(', ')}>
        {highlight.text.slice(span.start, span.end)}
      </mark>,
    );
    at = span.end;
  }
  parts.push(highlight.text.slice(at, to));
  if (to < highlight.text.length) parts.push('…');
  return <blockquote class="sidekick-evidence">{parts}</blockquote>;
}

function Countdown({ finding, now, t }: { readonly finding: Finding; readonly now: number; readonly t: Translate }) {
  if (!finding.deadline) return null;
  const ms = Date.parse(finding.deadline.at) - now;
  const late = ms < 0;
  return (
    <p class={late ? 'sidekick-countdown sidekick-late' : 'sidekick-countdown'} data-testid="countdown">
      {t(DEADLINE_LABEL[finding.deadline.kind])}: {t(late ? 'deadlineLate' : 'deadlineLeft', [duration(t, ms)])}
    </p>
  );
}

export function FindingCard({
  finding,
  now,
  onDismiss,
  onTemplate,
  t,
}: {
  readonly finding: Finding;
  readonly now: number;
  readonly onDismiss: () => void;
  readonly onTemplate: (id: TemplateId) => void;
  readonly t: Translate;
}) {
  const [open, setOpen] = useState(false);
  const whyId = `sidekick-source-${finding.id}-${finding.subject}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const title = text(t, finding.title);
  return (
    <article class={`sidekick-finding sidekick-${finding.severity}`} data-finding-id={finding.id} data-severity={finding.severity} aria-label={title}>
      <div class="sidekick-finding-head">
        <span class="sidekick-severity">{t(SEVERITY_LABEL[finding.severity])}</span>
        <button type="button" class="sidekick-dismiss" aria-label={t('findingDismissLabel', [title])} title={t('findingDismissLabel', [title])} onClick={onDismiss}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <h3 class="sidekick-finding-title">{title}</h3>
      {finding.orderId !== undefined && (
        <p class="sidekick-finding-order" dir="auto">
          {t('findingOrder', [finding.orderId])}
        </p>
      )}
      <Countdown finding={finding} now={now} t={t} />
      {finding.why.map((line, i) => (
        <p key={i} class="sidekick-why">
          {text(t, line)}
        </p>
      ))}
      {finding.evidence.length > 0 && (
        <div class="sidekick-evidence-block">
          <h4>{t('findingEvidence')}</h4>
          {finding.evidence.map((highlight, i) => (
            <Highlight key={i} highlight={highlight} t={t} />
          ))}
        </div>
      )}
      {finding.steps.length > 0 && (
        <>
          <h4>{t('findingSteps')}</h4>
          <ol class="sidekick-steps">
            {finding.steps.map((line, i) => (
              <li key={i}>{text(t, line)}</li>
            ))}
          </ol>
        </>
      )}
      {finding.templates.length > 0 && (
        <>
          <h4>{t('templatesSuggested')}</h4>
          <ul class="sidekick-templates">
            {finding.templates.map((id) => (
              <li key={id}>
                <button type="button" class="sidekick-template" data-template-id={id} onClick={() => onTemplate(id)}>
                  {t(TEMPLATE_LABEL[id])}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" class="sidekick-link sidekick-source-toggle" aria-expanded={open} aria-controls={whyId} onClick={() => setOpen(!open)}>
        {t('findingWhyShow')}
      </button>
      <p id={whyId} class="sidekick-source" hidden={!open}>
        {t('findingSourceLabel')} {t(SOURCE_LABEL[finding.source])}
      </p>
    </article>
  );
}

export function Findings({ findings, dismissed, pending, now, onDismiss, onRestore, onTemplate = ignoreTemplate, t, noneKey = 'findingsNone' }: FindingsProps) {
  const [showDismissed, setShowDismissed] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const shown = showAll || findings.length <= FIRST_FINDINGS ? findings : findings.slice(0, FIRST_FINDINGS);
  return (
    <section class="sidekick-section sidekick-findings" aria-labelledby="sidekick-findings-heading" aria-live="polite">
      <h2 id="sidekick-findings-heading" class="sidekick-section-heading">
        {t('findingsHeading')}
      </h2>
      {findings.length === 0 && (
        <p class="sidekick-quiet" data-testid="findings-status">
          {pending ? t('findingsChecking') : t(noneKey)}
        </p>
      )}
      {shown.map((finding) => (
        <FindingCard key={`${finding.id}:${finding.subject}`} finding={finding} now={now} onDismiss={() => onDismiss(finding)} onTemplate={onTemplate} t={t} />
      ))}
      {shown.length < findings.length && (
        <button type="button" class="sidekick-link" data-testid="findings-show-all" onClick={() => setShowAll(true)}>
          {t('findingsShowAll', [String(findings.length)])}
        </button>
      )}
      {dismissed.length > 0 && (
        <div class="sidekick-dismissed">
          <button type="button" class="sidekick-link" aria-expanded={showDismissed} onClick={() => setShowDismissed(!showDismissed)}>
            {t('findingsDismissed', [String(dismissed.length)])}
          </button>
          {showDismissed && (
            <ul>
              {dismissed.map((finding) => (
                <li key={`${finding.id}:${finding.subject}`} data-dismissed-id={finding.id}>
                  {text(t, finding.title)}{' '}
                  <button type="button" class="sidekick-link" onClick={() => onRestore(finding)}>
                    {t('findingRestore')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
