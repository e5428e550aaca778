// One engine decides what needs action: the badge (lib/urgency) counts an order when the findings
// the rules give for it (lib/guidance/advise) carry a badge count; the sidebar shows the same
// findings. Here: what counts and how, on a page and from memory alike, and the schema that carries
// the count from the background to the page.
import { describe, expect, it } from 'vitest';
import { INTENTS, type Intent } from '@/lib/classify/types';
import { advise, adviseOrder, FINDING_RULES } from '@/lib/guidance/advise';
import { COMPLAINTS, HIGH_RISK_INTENTS } from '@/lib/guidance/policy';
import { BADGE_KINDS, FINDING_IDS, FindingSchema, type Finding } from '@/lib/guidance/types';
import type { NoticeSnapshot } from '@/lib/pages/snapshot';
import { EMPTY_HANDLED, urgentOrders } from '@/lib/urgency';
import type { OrderWatch } from '@/lib/watch';
import { orderPage, rememberedOrder } from './helpers';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const HOUR = 3_600_000;
const SETTINGS = { replyDueHours: 12 };
const ORDER = '114-3941689-8772232';

const memory = (patch: Partial<OrderWatch> = {}): OrderWatch => rememberedOrder(ORDER, patch);

const waiting = (intent: Intent, hoursAgo: number, sender: 'buyer' | 'amazon' = 'buyer') => ({
  key: `${sender}:${new Date(NOW - hoursAgo * HOUR).toISOString()}`,
  sender,
  at: new Date(NOW - hoursAgo * HOUR).toISOString(),
  intent,
  flags: [],
  answered: false,
});

const counting = (findings: readonly Finding[]) => findings.filter((f) => f.badge).map((f) => `${f.id}:${f.badge!.kind}`);

describe('what counts toward the badge', () => {
  it('a waiting buyer message of every high-risk intent counts at once, and no other intent does before the threshold', () => {
    for (const intent of INTENTS) {
      if (intent === 'cancel-request') continue; // only Amazon's signals make a request (lib/classify/official)
      const findings = adviseOrder(memory({ messages: [waiting(intent, 0.5)] }), SETTINGS, NOW);
      const reply = findings.find((f) => f.badge?.kind === 'reply');
      if (HIGH_RISK_INTENTS.has(intent)) expect(reply?.badge, intent).toMatchObject({ kind: 'reply', highRisk: true, intent, overdue: false });
      else expect(reply, intent).toBeUndefined();
    }
  });

  it('every high-risk intent has a finding of its own that says so (not the threshold)', () => {
    for (const intent of HIGH_RISK_INTENTS) {
      const ids = adviseOrder(memory({ messages: [waiting(intent, 0.5)] }), SETTINGS, NOW)
        .filter((f) => f.badge?.kind === 'reply')
        .map((f) => f.id);
      expect(ids.length, intent).toBeGreaterThan(0);
      expect(ids, intent).not.toContain('reply-due');
    }
    for (const intent of COMPLAINTS) expect(HIGH_RISK_INTENTS.has(intent)).toBe(true);
  });

  it('a buyer who writes of an A-to-z claim gets the complaint finding, critical, on the page too', () => {
    const [complaint] = adviseOrder(memory({ messages: [waiting('a-to-z-claim', 1)] }), SETTINGS, NOW).filter((f) => f.id === 'complaint-reply-now');
    expect(complaint).toMatchObject({ severity: 'critical', variant: 'a-to-z-claim', badge: { kind: 'reply', highRisk: true } });
  });

  it('an answered message, a shipped order, an FBA order, a cancelled request do not count', () => {
    expect(counting(adviseOrder(memory({ messages: [{ ...waiting('counterfeit', 30), answered: true }] }), SETTINGS, NOW))).toEqual([]);
    expect(counting(adviseOrder(memory({ shipBy: new Date(NOW - HOUR).toISOString(), status: 'shipped' }), SETTINGS, NOW))).toEqual([]);
    expect(counting(adviseOrder(memory({ shipBy: new Date(NOW - HOUR).toISOString(), fulfilment: 'FBA' }), SETTINGS, NOW))).toEqual([]);
    expect(counting(adviseOrder(memory({ buyerRequestedCancel: true, status: 'canceled' }), SETTINGS, NOW))).toEqual([]);
    // Shipped with a request: the sidebar still says what to do, and the badge leaves it.
    const shipped = adviseOrder(memory({ buyerRequestedCancel: true, status: 'shipped' }), SETTINGS, NOW);
    expect(shipped.map((f) => `${f.id}:${f.variant}`)).toContain('cancel-request-pending:shipped');
    expect(counting(shipped)).toEqual([]);
  });

  it('a cancellation not honoured counts only while the buyer waits', () => {
    expect(counting(adviseOrder(memory({ messages: [waiting('cancel-not-honored', 1)] }), SETTINGS, NOW))).toEqual(['cancel-not-honored:reply']);
    const answered = adviseOrder(memory({ messages: [{ ...waiting('cancel-not-honored', 1), answered: true }] }), SETTINGS, NOW);
    expect(answered.map((f) => f.id)).toContain('cancel-not-honored');
    expect(counting(answered)).toEqual([]);
  });

  it('all reply counts of an order are one reason on the badge', () => {
    const watch = memory({ messages: [waiting('product-question', 30), waiting('address-change', 2), waiting('counterfeit', 1)] });
    const counts = adviseOrder(watch, SETTINGS, NOW).flatMap((f) => (f.badge?.kind === 'reply' ? [f.badge] : []));
    expect(counts.length).toBeGreaterThanOrEqual(3); // address change, complaint, reply due
    expect(new Set(counts.map((c) => JSON.stringify(c))).size).toBe(1);
    const [order] = urgentOrders([watch], EMPTY_HANDLED, SETTINGS, NOW);
    expect(order?.reasons).toEqual([counts[0]]);
    expect(counts[0]).toMatchObject({ intent: 'address-change', highRisk: true, overdue: true, since: waiting('product-question', 30).at });
  });

  it('a notice remembered for the order counts, and the order page then says so too', () => {
    const seen = new Date(NOW - 73 * HOUR).toISOString();
    const watch = memory({ notice: { kind: 'a-to-z-claim', seen } });
    expect(counting(adviseOrder(watch, SETTINGS, NOW))).toEqual(['a-to-z-claim:notice']);
    const page = advise({ snapshot: orderPage({ status: 'shipped' }, ORDER), watch, settings: SETTINGS, now: NOW });
    expect(page.find((f) => f.id === 'a-to-z-claim')?.badge).toEqual({ kind: 'notice', key: 'notice:a-to-z-claim', notice: 'a-to-z-claim', overdue: true, at: new Date(NOW - HOUR).toISOString() });
  });

  it('a notice page counts the order it names, not the page', () => {
    const notice: NoticeSnapshot = { kind: 'notice', noticeKind: 'undeliverable-message', marketplace: 'US', orderId: ORDER, relistingMentioned: false, missing: [], sources: ['dom'] };
    const [bounced] = advise({ snapshot: notice, settings: SETTINGS, now: NOW }).filter((f) => f.id === 'message-bounced');
    expect(bounced).toMatchObject({ orderId: ORDER, badge: { kind: 'notice', notice: 'undeliverable-message' } });
    const { orderId: _named, ...unnamed } = notice;
    const anonymous = advise({ snapshot: unnamed, settings: SETTINGS, now: NOW }).find((f) => f.id === 'message-bounced');
    expect(anonymous?.badge).toBeUndefined();
  });

  it('every kind of count comes from some rule (no kind the popup knows is left without a finding)', () => {
    const watch = memory({
      shipBy: new Date(NOW - 30 * HOUR).toISOString(),
      buyerRequestedCancel: true,
      notice: { kind: 'a-to-z-claim', seen: new Date(NOW).toISOString() },
      messages: [waiting('counterfeit', 1)],
    });
    const kinds = new Set(adviseOrder(watch, SETTINGS, NOW).flatMap((f) => (f.badge ? [f.badge.kind] : [])));
    expect([...kinds].sort()).toEqual([...BADGE_KINDS].sort());
    expect(Object.keys(FINDING_RULES).sort()).toEqual([...FINDING_IDS].sort());
  });
});

describe('the findings with their counts cross to the page', () => {
  it('every finding the rules give, badge and all, passes the schema the page checks (the count itself stays in the background)', () => {
    const watch = memory({
      shipBy: new Date(NOW - 30 * HOUR).toISOString(),
      buyerRequestedCancel: true,
      notice: { kind: 'a-to-z-claim', seen: new Date(NOW).toISOString() },
      messages: [waiting('counterfeit', 1), waiting('delivery-failure', 2, 'amazon')],
    });
    for (const f of adviseOrder(watch, SETTINGS, NOW)) {
      const parsed = FindingSchema.safeParse(f);
      expect(parsed.success, f.id).toBe(true);
      expect(parsed.data, f.id).not.toHaveProperty('badge');
    }
  });
});
