/**
 * Which buyer intents weigh most, in one place: the rules (advise.ts), the badge (through the
 * findings) and the inbox's chips (triage.ts) all read them from here. Small on purpose: the
 * content script carries it, not the rules.
 */
import type { Intent } from '../classify/types';

/** A buyer saying the item is not what it should be. */
export const COMPLAINTS: ReadonlySet<Intent> = new Set(['defective', 'counterfeit', 'condition-mismatch', 'wrong-item']);

/**
 * A waiting buyer message of these intents needs an answer now, whatever its age: the complaints,
 * a cancellation not honoured, an address change, a claim. Their findings count toward the badge at
 * once; the inbox ranks their cases first.
 */
export const HIGH_RISK_INTENTS: ReadonlySet<Intent> = new Set([...COMPLAINTS, 'cancel-not-honored', 'address-change', 'a-to-z-claim']);
