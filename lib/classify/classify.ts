/**
 * classify({ subject?, body, sender?, marketplace?, order? }) -> { intent, confidence, language,
 * flags, evidence, scores } (DESIGN.md contract). Explainable: every point of every score comes
 * from a rule in rules.ts, and the evidence lists the spans that fired.
 *
 * How: the text is normalised once and scanned once with a single alternation of every keyword
 * (longest first), which keeps the cost within a small multiple of one normalise-and-lowercase
 * pass. Matches become weighted votes; a few combinations decide what words alone cannot:
 * - cancel-request needs an official signal (Amazon's subject, an Amazon sender, or the order's
 *   buyer-requested-cancel flag); a buyer's own words about cancelling are cancel-inquiry
 *   (DOMAIN case 1), or cancel-not-honored when they say they asked and it shipped (case 2);
 * - foreign-redirect is an address change naming a country other than the marketplace's (case 5).
 */
import { detectLanguage } from './language';
import { predict, type NaiveBayesModel } from './model';
import MODEL from './model.json';
import { normalizeText, offsetMapper } from './normalize';
import { COUNTRIES, HOME_COUNTRIES, MARKETPLACE_COUNTRY, RULES, type Rule, type Target } from './rules';
import type { Classification, ClassifyInput, Evidence, Flag, Intent, Language } from './types';

/** The most text read from one message: longer input is cut here (the cut is linear too). */
export const MAX_CLASSIFY_CHARS = 50_000;
const LATIN_WORD = /[a-z0-9]/;
/** Two kana in a row: Japanese whatever keywords matched. */
const JAPANESE_SCRIPT = /[\u3040-\u30ff]{2}/;

interface KeywordEntry {
  readonly keyword: string;
  readonly stem: boolean;
  readonly latinStart: boolean;
  readonly latinEnd: boolean;
  readonly rules: Rule[];
}

function compile() {
  const entries = new Map<string, KeywordEntry>();
  const add = (raw: string, rule: Rule) => {
    const stem = raw.endsWith('*');
    const keyword = normalizeText(stem ? raw.slice(0, -1) : raw);
    if (keyword === '') return;
    const key = `${keyword}${stem ? '*' : ''}`;
    let entry = entries.get(key);
    if (!entry) {
      entry = { keyword, stem, latinStart: LATIN_WORD.test(keyword[0]!), latinEnd: LATIN_WORD.test(keyword.at(-1)!), rules: [] };
      entries.set(key, entry);
    }
    entry.rules.push(rule);
  };
  for (const rule of RULES) for (const keyword of rule.keywords) add(keyword, rule);
  for (const [code, names] of Object.entries(COUNTRIES)) {
    const countryRule: Rule = { id: `any.country.${code}`, lang: 'any', target: `country.${code}`, weight: 1, keywords: names, reason: `names ${code}`, examples: [] };
    for (const name of names) add(name, countryRule);
  }
  // One keyword can be both a stem and a word (e.g. "cancel*" and "cancel"): the regex needs it once.
  const byText = new Map<string, KeywordEntry[]>();
  for (const entry of entries.values()) byText.set(entry.keyword, [...(byText.get(entry.keyword) ?? []), entry]);
  const keywords = [...byText.keys()].sort((a, b) => b.length - a.length);
  // The alternation finds the longest keyword at each position; the shorter ones it hides there
  // (「キャンセル」 inside 「キャンセル依頼を送」) are its prefixes, listed once here.
  const known = new Set(keywords);
  const prefixes = new Map<string, string[]>();
  for (const keyword of keywords) {
    const shorter: string[] = [];
    for (let n = keyword.length - 1; n > 0; n--) if (known.has(keyword.slice(0, n))) shorter.push(keyword.slice(0, n));
    if (shorter.length > 0) prefixes.set(keyword, shorter);
  }
  // Keywords inside which another keyword may start (「商品が届」 then 「届かない」): after one of
  // these the scan looks again from the next character; after any other, from its end.
  const overlapping = keywordsWithOverlaps(keywords);
  // Plain alternations, longest first (a trie-shaped regex was measured slower in V8). Two of
  // them, split by the keyword's first character: V8 compiles a regex to native code only below
  // a size limit, and one alternation of all ~1,700 keywords crossed it and ran about 10× slower
  // (measured: 176 µs against 13 + 6 µs per 500-character message).
  const escape = (k: string) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const ascii = keywords.filter((k) => k.charCodeAt(0) < 0x80);
  const other = keywords.filter((k) => k.charCodeAt(0) >= 0x80);
  const regexes = [ascii, other].filter((list) => list.length > 0).map((list) => new RegExp(list.map(escape).join('|'), 'g'));
  return { regexes, byText, prefixes, overlapping };
}

/** Keywords one of whose proper suffixes begins a keyword, or contains one. Linear in their total length squared per keyword. */
function keywordsWithOverlaps(keywords: readonly string[]): Set<string> {
  interface Node {
    end: boolean;
    next: Map<string, Node>;
  }
  const root: Node = { end: false, next: new Map() };
  for (const keyword of keywords) {
    let node = root;
    for (const ch of keyword) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const overlapping = new Set<string>();
  for (const keyword of keywords) {
    search: for (let i = 1; i < keyword.length; i++) {
      let node: Node | undefined = root;
      for (let k = i; k < keyword.length; k++) {
        node = node.next.get(keyword[k]!);
        if (!node) continue search;
        if (node.end) break;
      }
      overlapping.add(keyword);
      break;
    }
  }
  return overlapping;
}

const COMPILED = compile();

interface Vote {
  weight: number;
  hit: Hit;
}

interface Hit {
  readonly field: 'subject' | 'body';
  readonly start: number;
  readonly end: number;
  readonly rule: Rule;
  readonly quoted: boolean;
  readonly keyword: string;
}

function scan(text: string, field: 'subject' | 'body'): Hit[] {
  const hits: Hit[] = [];
  const { regexes, byText, prefixes, overlapping } = COMPILED;
  for (const regex of regexes) scanWith(regex, text, field, hits, byText, prefixes, overlapping);
  return hits.sort((a, b) => a.start - b.start);
}

function scanWith(
  regex: RegExp,
  text: string,
  field: 'subject' | 'body',
  hits: Hit[],
  byText: ReadonlyMap<string, KeywordEntry[]>,
  prefixes: ReadonlyMap<string, string[]>,
  overlapping: ReadonlySet<string>,
): void {
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    const start = m.index;
    const shorter = prefixes.get(m[0]);
    for (let k = -1; k < (shorter?.length ?? 0); k++) {
      const keyword = k < 0 ? m[0] : shorter![k]!;
      const end = start + keyword.length;
      for (const entry of byText.get(keyword) ?? []) {
        if (entry.latinStart && start > 0 && LATIN_WORD.test(text[start - 1]!)) continue;
        if (entry.latinEnd && !entry.stem && end < text.length && LATIN_WORD.test(text[end]!)) continue;
        for (const rule of entry.rules) hits.push({ field, start, end, rule, quoted: false, keyword: entry.keyword });
      }
    }
    // A keyword in which another may start: look again from the next character.
    regex.lastIndex = overlapping.has(m[0]) ? start + 1 : start + m[0].length;
    if (hits.length > 2_000) break;
  }
}

/** The ids of every rule whose keywords occur in a text (for the rule tables' own tests). */
export function matchedRuleIds(text: string): string[] {
  return [...new Set(scan(normalizeText(text), 'body').map((hit) => hit.rule.id))];
}

/** Where quoted history begins (after the first marker of it), or the text's length. */
function quoteStart(hits: readonly Hit[], length: number): number {
  const marker = hits.find((h) => h.rule.target === 'cue.quote' && h.start > 0);
  return marker ? marker.start : length;
}

/** The buyer's own words inside an Amazon relay e-mail ("----- Begin message -----"). */
function relayBody(normalized: string): { from: number; to: number } | undefined {
  // indexOf, not a regex: a run of dashes must not make this quadratic.
  const begin = normalized.indexOf('begin message');
  if (begin < 0 || !/-{3}\s*$/.test(normalized.slice(Math.max(0, begin - 40), begin))) return undefined;
  const lineEnd = normalized.indexOf('\n', begin);
  const from = lineEnd < 0 ? normalized.length : lineEnd + 1;
  const end = normalized.indexOf('end message', from);
  return { from, to: end < 0 ? normalized.length : Math.max(from, normalized.lastIndexOf('\n', end)) };
}

const PRIORITY: readonly Intent[] = [
  'cancel-request',
  'delivery-failure',
  'listing-removed',
  'a-to-z-claim',
  'cancel-not-honored',
  'counterfeit',
  'defective',
  'wrong-item',
  'condition-mismatch',
  'address-change',
  'cancel-inquiry',
  'return-refund',
  'where-is-order',
  'invoice-request',
  'product-question',
  'other',
];

const INTENT_TARGETS = new Set<string>(PRIORITY);
const PRIORITY_INDEX = new Map<Intent, number>(PRIORITY.map((intent, index) => [intent, index]));
const NOTICE_INTENTS = new Set<Intent>(['delivery-failure', 'listing-removed', 'a-to-z-claim']);
const MODEL_MAY_NAME = new Set<Intent>([
  'where-is-order',
  'return-refund',
  'defective',
  'counterfeit',
  'condition-mismatch',
  'wrong-item',
  'product-question',
  'other',
]);

export function classify(input: ClassifyInput): Classification {
  const subject = (input.subject ?? '').slice(0, 2_000);
  const body = input.body.slice(0, MAX_CLASSIFY_CHARS);
  const normSubject = normalizeText(subject);
  const normBody = normalizeText(body);
  const relay = relayBody(normBody);

  const subjectHits = scan(normSubject, 'subject');
  const scanned = scan(normBody, 'body');
  const quotedFrom = quoteStart(scanned, normBody.length);
  const bodyHits: Hit[] = [];
  for (const h of scanned) {
    if (relay && (h.start < relay.from || h.end > relay.to)) continue;
    bodyHits.push(h.start >= quotedFrom ? { ...h, quoted: true } : h);
  }
  const hits = subjectHits.length > 0 ? [...subjectHits, ...bodyHits] : bodyHits;

  const marketplace = input.marketplace?.toUpperCase();
  const marketLanguage = marketplaceLanguage(marketplace);
  // The buyer's own words tell the language; Amazon's English subject line often does not.
  const ownWords = relay ? normBody.slice(relay.from, Math.min(relay.to, relay.from + 600)) : normBody.slice(0, 600);
  // A body of a few words is enough to tell the language; shorter, the subject helps.
  const bodyIsEnough = ownWords.trim().length >= 15;
  const language =
    (JAPANESE_SCRIPT.test(ownWords) ? 'ja' : languageFromHits(bodyIsEnough ? bodyHits : hits)) ??
    detectLanguage(
      bodyIsEnough ? body.slice(0, 600) : `${subject}\n${body.slice(0, 600)}`,
      bodyIsEnough ? ownWords : `${normSubject}\n${ownWords}`,
      marketLanguage,
    );

  // Votes per target: each distinct keyword counts once (the strongest rule for it); keywords
  // from another language's table count half, quoted history a tenth.
  const votes = new Map<Target, Vote[]>();
  for (const hit of hits) {
    const rule = hit.rule;
    const languageFactor = rule.lang === 'any' || rule.lang === language || rule.lang === 'ja' ? 1 : 0.5;
    const weight = rule.weight * languageFactor * (hit.quoted ? 0.1 : 1) * (hit.field === 'subject' ? 1.5 : 1);
    let list = votes.get(rule.target);
    if (!list) votes.set(rule.target, (list = []));
    const same = list.find((v) => v.hit.keyword === hit.keyword);
    if (!same) list.push({ weight, hit });
    else if (same.weight < weight) {
      same.weight = weight;
      same.hit = hit;
    }
  }
  const scoreCache = new Map<Target, number>();
  const scoreOf = (target: Target) => {
    let score = scoreCache.get(target);
    if (score === undefined) {
      // The strongest vote in full, every other at half: max + (sum − max) / 2.
      let sum = 0;
      let max = 0;
      for (const vote of votes.get(target) ?? []) {
        sum += vote.weight;
        if (vote.weight > max) max = vote.weight;
      }
      score = max + (sum - max) / 2;
      scoreCache.set(target, score);
    }
    return score;
  };
  const hitsFor = (target: Target) => (votes.get(target) ?? []).map((v) => v.hit);

  const scores: Partial<Record<Intent, number>> = {};
  for (const target of votes.keys()) if (INTENT_TARGETS.has(target)) scores[target as Intent] = round(scoreOf(target));

  // Cancellation: official request, "asked and it shipped anyway", or an ordinary inquiry.
  const cancel = scoreOf('cue.cancel');
  const alreadyAsked = scoreOf('cue.already-asked');
  const shipped = scoreOf('cue.shipped');
  const officialInSubject = subjectHits.some((h) => h.rule.target === 'cue.official-cancel');
  const officialAtStart = !subject && bodyHits.some((h) => h.rule.target === 'cue.official-cancel' && h.start < 40);
  const officialFromAmazon = input.sender === 'amazon' && (hits.some((h) => h.rule.target === 'cue.official-cancel') || scoreOf('cue.amazon-cancel-body') > 0);
  const officialFromOrder = input.order?.buyerRequestedCancel === true;
  const official = officialInSubject || officialAtStart || officialFromAmazon || officialFromOrder;
  if (cancel > 0 || alreadyAsked > 0) {
    if (alreadyAsked > 0 && shipped > 0 && !official) scores['cancel-not-honored'] = round(cancel + alreadyAsked + shipped);
    else scores['cancel-inquiry'] = round(cancel + alreadyAsked * 0.5);
  }
  if (official) scores['cancel-request'] = 100;

  // A question mark makes a product question a little more likely; a question with nothing else
  // in it is most likely one about the product or the order.
  if (scoreOf('cue.question') > 0) {
    const anyIntent = Object.values(scores).some((score) => (score ?? 0) > 0);
    if ((scores['product-question'] ?? 0) > 0) scores['product-question'] = round((scores['product-question'] ?? 0) + 0.5);
    else if (!anyIntent) scores['product-question'] = 1;
  }

  // Foreign redirect: an address change (or a "send it to") naming a country not the marketplace's.
  const foreign = foreignCountries(votes, marketplace, input.order?.shipToCountry, language);
  if (foreign.length > 0 && scoreOf('cue.send') > 0) scores['address-change'] = round((scores['address-change'] ?? 0) + 3);
  const flags = new Set<Flag>();
  if (foreign.length > 0 && (scores['address-change'] ?? 0) > 0) flags.add('foreign-redirect');
  for (const flag of ['mentions-review', 'mentions-claim', 'angry'] as const) if (scoreOf(flag) > 0) flags.add(flag);

  // The highest score wins; a tie goes to the intent earlier in PRIORITY (the costlier mistake).
  let intent: Intent = 'other';
  let best = 0;
  let second = 0;
  for (const [candidate, score = 0] of Object.entries(scores) as [Intent, number | undefined][]) {
    if (score > best || (score === best && score > 0 && PRIORITY_INDEX.get(candidate)! < PRIORITY_INDEX.get(intent)!)) {
      if (candidate !== intent) second = Math.max(second, best);
      best = score;
      intent = candidate;
    } else if (score > second) second = score;
  }
  // When no rule found any intent, the character n-gram model trained on the corpus may name one:
  // only among the complaint, delivery and question intents. Cancellations, address changes and
  // invoices are defined by their words, so it never guesses those (nor an official request), and
  // from a buyer it never names one of Amazon's notices. (Naive Bayes is overconfident on long
  // texts; overriding a rule that did fire made it worse on realistic messages.)
  let decidedByModel = false;
  if (!official && best === 0) {
    const fromAmazon = input.sender === 'amazon';
    const guess = predict(MODEL as NaiveBayesModel, `${normSubject}\n${relay ? normBody.slice(relay.from, relay.to) : normBody.slice(0, quotedFrom)}`, (candidate) =>
      MODEL_MAY_NAME.has(candidate) || (fromAmazon && NOTICE_INTENTS.has(candidate)),
    );
    if (guess && guess.probability >= 0.5 && guess.intent !== intent) {
      intent = guess.intent;
      decidedByModel = true;
      best = Math.max(best, 1);
      scores[intent] = round(Math.max(scores[intent] ?? 0, guess.probability));
    }
  }
  if (intent === 'listing-removed' && scoreOf('relisting-mentioned') > 0) flags.add('relisting-mentioned');
  if (intent === 'a-to-z-claim') flags.delete('mentions-claim');

  const confidence = official
    ? 0.98
    : decidedByModel
      ? round(Math.min(0.9, (scores[intent] ?? 0) * 0.8))
      : best === 0
      ? 0.2
      : round(Math.min(0.97, (best / (best + second + 1)) * (1 - Math.exp(-best / 2)) + 0.15));

  const evidence = buildEvidence(intent, flags, { subject, body, normSubject, normBody, hitsFor, officialFromOrder, foreign });
  if (decidedByModel) evidence.unshift({ field: 'context', start: 0, end: 0, rule: 'model.char-ngrams', target: intent });
  return { intent, confidence, language, flags: [...flags], evidence, scores };
}

/**
 * The language most of the matched keywords belong to, when they clearly agree (at least three
 * from one table and twice as many as from any other); otherwise undefined and the word-based
 * detector decides. Saves a second pass over the text for most messages.
 */
function languageFromHits(hits: readonly Hit[]): Language | undefined {
  const counts: Partial<Record<Language, number>> = {};
  for (const hit of hits) {
    const lang = hit.rule.lang;
    if (lang === 'any' || hit.quoted) continue;
    counts[lang] = (counts[lang] ?? 0) + 1;
  }
  let best: Language | undefined;
  let first = 0;
  let second = 0;
  for (const [lang, count] of Object.entries(counts) as [Language, number][]) {
    if (count > first) {
      second = first;
      first = count;
      best = lang;
    } else if (count > second) second = count;
  }
  return best && first >= 3 && first >= 2 * second ? best : undefined;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function marketplaceLanguage(marketplace: string | undefined): Language | undefined {
  switch (marketplace) {
    case 'JP':
      return 'ja';
    case 'DE':
      return 'de';
    case 'FR':
      return 'fr';
    case 'IT':
      return 'it';
    case 'ES':
    case 'MX':
      return 'es';
    case 'US':
    case 'CA':
    case 'UK':
    case 'GB':
      return 'en';
    default:
      return undefined;
  }
}

function foreignCountries(
  votes: ReadonlyMap<Target, unknown>,
  marketplace: string | undefined,
  shipToCountry: string | undefined,
  language: Language,
): Target[] {
  const mentioned = [...votes.keys()].filter((t): t is `country.${string}` => t.startsWith('country.'));
  const home = marketplace && MARKETPLACE_COUNTRY[marketplace]
    ? [MARKETPLACE_COUNTRY[marketplace]!]
    : shipToCountry
      ? [shipToCountry.toUpperCase()]
      : HOME_COUNTRIES[language];
  return mentioned.filter((t) => !home.includes(t.slice('country.'.length)));
}

interface EvidenceSources {
  subject: string;
  body: string;
  normSubject: string;
  normBody: string;
  hitsFor: (target: Target) => Hit[];
  officialFromOrder: boolean;
  foreign: Target[];
}

function buildEvidence(intent: Intent, flags: ReadonlySet<Flag>, sources: EvidenceSources): Evidence[] {
  const toSubject = offsetMapper(sources.subject, sources.normSubject);
  const toBody = offsetMapper(sources.body, sources.normBody);
  const evidence: Evidence[] = [];
  const push = (hit: Hit, target: Intent | Flag) => {
    if (evidence.length >= 40) return;
    const map = hit.field === 'subject' ? toSubject : toBody;
    evidence.push({ field: hit.field, start: map(hit.start), end: map(hit.end), rule: hit.rule.id, target });
  };
  const intentCues: Record<string, Target[]> = {
    'cancel-request': ['cue.official-cancel', 'cue.amazon-cancel-body'],
    'cancel-inquiry': ['cue.cancel', 'cue.already-asked'],
    'cancel-not-honored': ['cue.cancel', 'cue.already-asked', 'cue.shipped'],
  };
  if (intent === 'cancel-request' && sources.officialFromOrder) {
    evidence.push({ field: 'context', start: 0, end: 0, rule: 'context.order.buyer-requested-cancel', target: intent });
  }
  for (const target of [intent, ...(intentCues[intent] ?? [])]) for (const hit of sources.hitsFor(target)) push(hit, intent);
  for (const flag of flags) {
    const targets: Target[] = flag === 'foreign-redirect' ? ['address-change', ...sources.foreign] : [flag];
    for (const target of targets) for (const hit of sources.hitsFor(target)) push(hit, flag);
  }
  return evidence.sort((a, b) => (a.field === b.field ? a.start - b.start : a.field < b.field ? -1 : 1));
}

