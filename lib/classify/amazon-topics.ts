/**
 * Amazon's topic subjects (amazon-subjects.json, with the source of every wording): when a buyer
 * writes through "Contact seller", Amazon puts the topic they chose in the subject, in the
 * marketplace's language; its own notices have fixed subjects too. The model reads the topics a
 * subject carries as features (`topic:<id>`), a prior that the message's own words outweigh.
 */
import SUBJECTS from './amazon-subjects.json';
import { normalizeText } from './normalize';
import type { Intent } from './types';

export interface AmazonSubject {
  readonly lang: string;
  readonly topic: string;
  /** The intent the topic points to, if any (for training copies only; never a verdict). */
  readonly suggests: Intent | null;
  readonly phrases: readonly string[];
  readonly wording: string;
  readonly source: string;
  readonly grade: string;
}

export const AMAZON_SUBJECTS = SUBJECTS.subjects as readonly AmazonSubject[];

const PHRASES: readonly (readonly [string, string])[] = AMAZON_SUBJECTS.flatMap((s) => s.phrases.map((p) => [normalizeText(p), s.topic] as const));

/** The topics whose phrases a normalised subject contains (each once, in table order). */
export function topicsOf(normalizedSubject: string): string[] {
  if (normalizedSubject === '') return [];
  const found: string[] = [];
  for (const [phrase, topic] of PHRASES) if (normalizedSubject.includes(phrase) && !found.includes(topic)) found.push(topic);
  return found;
}
