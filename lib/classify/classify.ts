/**
 * classify({ subject?, body, sender?, marketplace?, order? }) -> { intent, confidence, language,
 * flags, evidence, scores, unsure? } (DESIGN.md contract). Explainable: the rules that fired and
 * weigh for the intent, and the words that weighed most, are the evidence.
 *
 * How: each field is read once by a keyword automaton (matcher.ts) that folds the text as it goes
 * (NFKC, case, accents) and also counts the languages' function words, so no normalised copy
 * is made and the hits point into the text as given. The rules that fired, what their cues say
 * together, the context (sender, language, Amazon's topic subject, the order) and the text's
 * character n-grams and words become features (features.ts) of one learned linear model
 * (linear.ts, weights.json), which names the intent with a calibrated probability, or abstains.
 * - cancel-request needs an official signal (Amazon's subject, an Amazon sender, or the order's
 *   buyer-requested-cancel flag); the model never names it, so a buyer's own words about
 *   cancelling are at most cancel-inquiry (DOMAIN case 1) or cancel-not-honored (case 2);
 * - foreign-redirect is an address change naming a country other than the marketplace's (case 5).
 */
import { decideLanguage, LANGUAGE_LETTERS, LANGUAGE_WORDS, LATIN_LANGUAGES } from './language';
import { compileConcepts, CONCEPT_IDS } from './concepts';
import { compileMatcher, hitBuffer, type HitBuffer, type Keyword, type ScriptCounts } from './matcher';
import { topicsOf } from './amazon-topics';
import { addLayer, compileLayer, correct, type CompiledLayer, type CorrectionLayer, type CorrectionOutcome, type MessageFeatures } from './corrections';
import { addTextFeatures, ConceptSink, FeatureBuffer, featureId, MAX_FEATURE_CHARS, SEED, WordBuffer } from './features';
import { loadLinear, probabilities, score, weightOf, type LinearModel, type LinearWeightsFile } from './linear';
import { normalizeText, offsetMapper } from './normalize';
import { COUNTRIES, HOME_COUNTRIES, MARKETPLACE_COUNTRY, RULES, type Rule, type Target } from './rules';
import { LANGUAGES, MODEL_EVIDENCE, WORD_EVIDENCE, type Classification, type ClassifyInput, type Evidence, type Flag, type Intent, type Language, type OfficialSource } from './types';
import WEIGHTS from './weights.json';

/** The most text read from one message: longer input is cut here (the cut is linear too). */
export const MAX_CLASSIFY_CHARS = 50_000;
/** Function words count towards the language only in the first characters of a message. */
const LANGUAGE_WINDOW = 600;
/** Most hits recorded per message (a message of nothing but keywords stays linear and bounded). */
const MAX_HITS = 4_096;
const LANGUAGE_INDEX: Readonly<Record<string, number>> = { ja: 0, en: 1, de: 2, fr: 3, it: 4, es: 5, any: 6 };

/**
 * The lines (between rows of dashes) that frame the buyer's words in Amazon's relay e-mails, per
 * language, as a customer-service tool's extractor and Amazon's newer template show them
 * (lib/classify/amazon-subjects.json cites the same public code for Amazon's subjects).
 */
const RELAY_BEGIN_MARKERS = ['begin message', 'anfang der nachricht', 'début du message', 'inizio messaggio', 'iniciar mensaje', 'メッセージはここから', 'message:', 'messaggio:'];
const RELAY_END_MARKERS = ['end message', 'ende der nachricht', 'fin du message', 'fine messaggio', 'finalizar mensaje', 'メッセージはここまで'];

/** What a keyword of the automaton stands for. */
const RULE_KEYWORD = 0;
const LANGUAGE_WORD = 1;
const RELAY_BEGIN = 2;
const RELAY_END = 3;

/**
 * The rule tables compiled once: every keyword (rules, country names, function words, the
 * markers of an Amazon relay e-mail) into one automaton, and for each keyword the rules it votes
 * for, as flat arrays indexed by small integers.
 */
function compile() {
  const rules = rulesWithCountries();
  const { targets, targetIndex } = targetTable(rules);
  const table = keywordTable(rules);
  const { keywords } = table;
  const votes = voteSlots(table, rules, targetIndex);
  const letters = LATIN_LANGUAGES.map((lang, l) => [LANGUAGE_LETTERS[lang], 1 << l] as const).filter(([chars]) => chars !== '');
  const quoteTarget = targetIndex.get('cue.quote');
  /** Keywords that mark the start of quoted history. */
  const quoteMarker = Uint8Array.from(keywords, (_, k) => (table.rulesOf[k]!.some((r) => targetIndex.get(rules[r]!.target) === quoteTarget) ? 1 : 0));
  /** Quote markers that count only at the start of a line ("> "). */
  const lineQuote = Uint8Array.from(keywords, (keyword, k) => (quoteMarker[k] === 1 && keyword.text.startsWith('>') ? 1 : 0));
  // Feature ids of each rule and each target, in the subject and in the body.
  const fieldSeeds = [
    [SEED.subjectRule, SEED.subjectTarget],
    [SEED.rule, SEED.target],
  ] as const;
  const ruleFeature = fieldSeeds.map(([seed]) => Int32Array.from(rules, (rule) => featureId(seed, rule.id)));
  const targetFeature = fieldSeeds.map(([, seed]) => Int32Array.from(targets, (target) => featureId(seed, target)));
  return {
    matcher: compileMatcher(keywords, letters, LANGUAGE_WINDOW),
    quoteMarker,
    lineQuote,
    rules,
    targets,
    targetIndex: targetIndex as ReadonlyMap<Target, number>,
    kind: Int8Array.from(table.kind),
    language: Int8Array.from(table.language),
    ruleStart: votes.ruleStart,
    ruleList: Int32Array.from(votes.ruleList),
    slotList: Int32Array.from(votes.slotList),
    slots: votes.slots,
    ruleTarget: Int32Array.from(rules, (rule) => targetIndex.get(rule.target)!),
    ruleWeight: Float64Array.from(rules, (rule) => rule.weight),
    ruleLanguage: Int8Array.from(rules, (rule) => LANGUAGE_INDEX[rule.lang]!),
    ruleFeature,
    targetFeature,
    /** Country targets come last, from here on. */
    countryFrom: targets.findIndex((target) => target.startsWith('country.')),
    T: namedTargets(targetIndex),
  };
}

/** The rule tables' rules, and one rule per country naming it (`any.country.<code>`). */
function rulesWithCountries(): Rule[] {
  const rules: Rule[] = [...RULES];
  for (const [code, names] of Object.entries(COUNTRIES)) {
    rules.push({ id: `any.country.${code}`, lang: 'any', target: `country.${code}`, weight: 1, keywords: names, reason: `names ${code}`, examples: [] });
  }
  return rules;
}

/** Every target, numbered: the intents first (PRIORITY order), then the rules' other targets as they come. */
function targetTable(rules: readonly Rule[]): { targets: Target[]; targetIndex: Map<Target, number> } {
  const targets: Target[] = [];
  const targetIndex = new Map<Target, number>();
  for (const target of [...PRIORITY, ...rules.map((rule) => rule.target)]) {
    if (targetIndex.has(target)) continue;
    targetIndex.set(target, targets.length);
    targets.push(target);
  }
  return { targets, targetIndex };
}

/** The automaton's keywords, and per keyword its kind, language, rules and text (as a number). */
interface KeywordTable {
  readonly keywords: Keyword[];
  readonly kind: number[];
  readonly language: number[];
  readonly rulesOf: number[][];
  readonly textId: number[];
}

/** The keywords in automaton order: the rules', the languages' function words, then the relay markers. */
function keywordTable(rules: readonly Rule[]): KeywordTable {
  const table: KeywordTable = { keywords: [], kind: [], language: [], rulesOf: [], textId: [] };
  const textIds = new Map<string, number>();
  const byKey = new Map<string, number>();
  const addKeyword = (keyword: Keyword, keywordKind: number, lang: number) => {
    table.keywords.push(keyword);
    table.kind.push(keywordKind);
    table.language.push(lang);
    table.rulesOf.push([]);
    let id = textIds.get(keyword.text);
    if (id === undefined) textIds.set(keyword.text, (id = textIds.size));
    table.textId.push(id);
    return table.keywords.length - 1;
  };
  rules.forEach((rule, r) => {
    for (const raw of rule.keywords) {
      const stem = raw.endsWith('*');
      const text = normalizeText(stem ? raw.slice(0, -1) : raw)
        .replace(/\s+/g, ' ')
        .trim();
      if (text === '') continue;
      const key = `${text}${stem ? '*' : ''}`;
      let k = byKey.get(key);
      if (k === undefined) byKey.set(key, (k = addKeyword({ text, stem }, RULE_KEYWORD, -1)));
      if (!table.rulesOf[k]!.includes(r)) table.rulesOf[k]!.push(r);
    }
  });
  LATIN_LANGUAGES.forEach((lang, l) => {
    for (const word of new Set(LANGUAGE_WORDS[lang])) addKeyword({ text: word, stem: false, maxStart: LANGUAGE_WINDOW, counter: l }, LANGUAGE_WORD, l);
  });
  for (const text of RELAY_BEGIN_MARKERS) addKeyword({ text: normalizeText(text), stem: false }, RELAY_BEGIN, -1);
  for (const text of RELAY_END_MARKERS) addKeyword({ text: normalizeText(text), stem: false }, RELAY_END, -1);
  return table;
}

/**
 * A vote slot per (keyword text, target): each distinct keyword counts once per target. Per
 * keyword k, its rules and their slots are ruleList/slotList[ruleStart[k], ruleStart[k + 1]).
 */
function voteSlots(table: KeywordTable, rules: readonly Rule[], targetIndex: ReadonlyMap<Target, number>) {
  // Numeric keys (text id × targets + target), not strings: this runs on every wake.
  const slotIndex = new Map<number, number>();
  const targetCount = targetIndex.size;
  const ruleStart = new Int32Array(table.keywords.length + 1);
  const ruleList: number[] = [];
  const slotList: number[] = [];
  for (let k = 0; k < table.keywords.length; k++) {
    for (const r of table.rulesOf[k]!) {
      const slotKey = table.textId[k]! * targetCount + targetIndex.get(rules[r]!.target)!;
      let slot = slotIndex.get(slotKey);
      if (slot === undefined) slotIndex.set(slotKey, (slot = slotIndex.size));
      ruleList.push(r);
      slotList.push(slot);
    }
    ruleStart[k + 1] = ruleList.length;
  }
  return { ruleStart, ruleList, slotList, slots: slotIndex.size };
}

/** The indices of the targets the code reads by name (−1 for one no rule has). */
function namedTargets(targetIndex: ReadonlyMap<Target, number>) {
  const indexOf = (target: Target) => targetIndex.get(target) ?? -1;
  return {
    officialCancel: indexOf('cue.official-cancel'),
    amazonCancelBody: indexOf('cue.amazon-cancel-body'),
    quote: indexOf('cue.quote'),
    cancel: indexOf('cue.cancel'),
    alreadyAsked: indexOf('cue.already-asked'),
    shipped: indexOf('cue.shipped'),
    question: indexOf('cue.question'),
    send: indexOf('cue.send'),
    when: indexOf('cue.when'),
    delivery: indexOf('cue.delivery'),
    place: indexOf('cue.place'),
    relisting: indexOf('relisting-mentioned'),
    address: indexOf('address-change'),
    mentionsReview: indexOf('mentions-review'),
    mentionsClaim: indexOf('mentions-claim'),
    angry: indexOf('angry'),
  };
}

type Compiled = ReturnType<typeof compile>;
let COMPILED: Compiled | undefined;
const compiled = (): Compiled => (COMPILED ??= compile());

/**
 * Per-call working memory, allocated once: classify() is not re-entrant (it never awaits) and
 * every array is reset through a stamp rather than cleared.
 */
interface Scratch {
  readonly hits: HitBuffer;
  readonly extra: HitBuffer;
  /** Per hit: 0 subject, 1 body; 2 dropped (outside the relayed message). */
  readonly field: Uint8Array;
  readonly slotStamp: Uint32Array;
  readonly slotWeight: Float64Array;
  readonly slotHit: Int32Array;
  readonly slotRule: Int32Array;
  readonly touched: Int32Array;
  readonly targetStamp: Uint32Array;
  readonly targetSum: Float64Array;
  readonly targetMax: Float64Array;
  readonly intentScore: Float64Array;
  readonly subjectCounts: ScriptCounts;
  readonly bodyCounts: ScriptCounts;
  readonly relayCounts: ScriptCounts;
  readonly features: FeatureBuffer;
  readonly words: WordBuffer;
  /** Where the context features of the last message are: [contextFrom, contextTo). */
  contextFrom: number;
  contextTo: number;
  stamp: number;
}
let SCRATCH: Scratch | undefined;
function scratch(c: Compiled): Scratch {
  return (SCRATCH ??= {
    hits: hitBuffer(MAX_HITS),
    extra: hitBuffer(MAX_HITS),
    field: new Uint8Array(MAX_HITS),
    slotStamp: new Uint32Array(c.slots),
    slotWeight: new Float64Array(c.slots),
    slotHit: new Int32Array(c.slots),
    slotRule: new Int32Array(c.slots),
    touched: new Int32Array(c.slots),
    targetStamp: new Uint32Array(c.targets.length),
    targetSum: new Float64Array(c.targets.length),
    targetMax: new Float64Array(c.targets.length),
    intentScore: new Float64Array(PRIORITY.length),
    subjectCounts: scriptCounts(),
    bodyCounts: scriptCounts(),
    relayCounts: scriptCounts(),
    features: new FeatureBuffer(),
    words: new WordBuffer(),
    contextFrom: 0,
    contextTo: 0,
    stamp: 0,
  });
}

function scriptCounts(): ScriptCounts {
  return { kana: 0, han: 0, letters: 0, counters: new Int32Array(LATIN_LANGUAGES.length) };
}

function resetCounts(counts: ScriptCounts): ScriptCounts {
  counts.kana = 0;
  counts.han = 0;
  counts.letters = 0;
  for (let l = 0; l < counts.counters.length; l++) counts.counters[l] = 0;
  return counts;
}

/**
 * Scans one field into `out`: on the text as given when it can be folded character by character,
 * else on its normalised form with offsets mapped back. Hits are in the order their keywords end.
 */
function scanField(c: Compiled, text: string, out: HitBuffer, counts: ScriptCounts): void {
  if (c.matcher.scan(text, out, counts, false)) return;
  const from = out.count;
  const normalized = normalizeText(text);
  c.matcher.scan(normalized, out, counts, true);
  const map = offsetMapper(text, normalized);
  for (let h = from; h < out.count; h++) {
    out.start[h] = map(out.start[h]!);
    out.end[h] = map(out.end[h]!);
  }
}

/** The ids of every rule whose keywords occur in a text (for the rule tables' own tests). */
export function matchedRuleIds(text: string): string[] {
  const c = compiled();
  const out = hitBuffer(MAX_HITS);
  scanField(c, text, out, scriptCounts());
  const ids = new Set<string>();
  for (let h = 0; h < out.count; h++) {
    const k = out.keyword[h]!;
    for (let j = c.ruleStart[k]!; j < c.ruleStart[k + 1]!; j++) ids.add(c.rules[c.ruleList[j]!]!.id);
  }
  return [...ids];
}

/** The concepts (concepts.ts) the model finds in a text read as a message's own words, in the order found (for the lexicon's tests). */
export function matchedConcepts(text: string): string[] {
  const sink = conceptSinks().body;
  addTextFeatures(new FeatureBuffer(), normalizeText(text.slice(0, MAX_FEATURE_CHARS)), SEED.bodyChar, SEED.bodyWord, undefined, sink);
  const found = Array.from(sink.found.subarray(0, sink.count), (concept) => CONCEPT_IDS[concept]!);
  sink.clear();
  return found;
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

const NOTICE_INTENTS = new Set<Intent>(['delivery-failure', 'listing-removed', 'a-to-z-claim']);
const PRIORITY_INDEX = new Map<Intent, number>(PRIORITY.map((intent, index) => [intent, index]));
/** PRIORITY indices of the intents the code sets by name. */
const I = {
  cancelRequest: PRIORITY.indexOf('cancel-request'),
};
/** Own-text lengths (characters) that bound the length feature's buckets. */
const LENGTH_BUCKETS = [0, 10, 30, 80, 200, 600, Number.POSITIVE_INFINITY];

/** Feature ids of context values by name (a few dozen distinct names; hashed once each). */
const CONTEXT_IDS = new Map<string, number>();
function contextFeature(name: string): number {
  let id = CONTEXT_IDS.get(name);
  if (id === undefined) {
    id = featureId(SEED.context, name);
    if (CONTEXT_IDS.size < 10_000) CONTEXT_IDS.set(name, id);
  }
  return id;
}

/** Context features by name (the names are what the ids hash; kept here so a call builds no strings). */
const CONTEXT = {
  cancelAsked: contextFeature('x:cancel+asked'),
  askedShipped: contextFeature('x:asked+shipped'),
  cancelShipped: contextFeature('x:cancel+shipped'),
  questionOnly: contextFeature('x:question-only'),
  noIntentRule: contextFeature('x:no-intent-rule'),
  whenDelivery: contextFeature('x:when+delivery'),
  placeSend: contextFeature('x:place+send'),
  foreign: contextFeature('x:foreign'),
  foreignSend: contextFeature('x:foreign+send'),
  bias: contextFeature('bias'),
  relay: contextFeature('relay'),
  subject: contextFeature('subject'),
};
const LANGUAGE_CONTEXT = Object.fromEntries(LANGUAGES.map((l) => [l, contextFeature(`lang:${l}`)])) as Record<Language, number>;
const SENDER_CONTEXT = Object.fromEntries(
  (['buyer', 'amazon', 'seller', 'none'] as const).map((s) => [
    s,
    { sender: contextFeature(`sender:${s}`), byLanguage: Object.fromEntries(LANGUAGES.map((l) => [l, contextFeature(`sender+lang:${s}:${l}`)])) as Record<Language, number> },
  ]),
) as Record<'buyer' | 'amazon' | 'seller' | 'none', { sender: number; byLanguage: Record<Language, number> }>;
const LENGTH_CONTEXT = LENGTH_BUCKETS.map((_, i) => contextFeature(`length:${i}`));
/** Concepts (concepts.ts) in the buyer's own words or the subject, and in the subject on its own. */
const CONCEPT_FEATURE = Int32Array.from(CONCEPT_IDS, (id) => featureId(SEED.concept, id));
const SUBJECT_CONCEPT_FEATURE = Int32Array.from(CONCEPT_IDS, (id) => featureId(SEED.subjectConcept, id));
/** The concepts' tables for the subject's and the body's seeds (compiled on the first call). */
let CONCEPT_SINKS: { subject: ConceptSink; body: ConceptSink } | undefined;
function conceptSinks(): { subject: ConceptSink; body: ConceptSink } {
  return (CONCEPT_SINKS ??= {
    subject: new ConceptSink(compileConcepts(SEED.subjectWord, false), compileConcepts(SEED.subjectChar, true), CONCEPT_IDS.length),
    body: new ConceptSink(compileConcepts(SEED.bodyWord, false), compileConcepts(SEED.bodyChar, true), CONCEPT_IDS.length),
  });
}

/** The shipped model (weights.json, `npm run train`). */
export const shippedModel = (): LinearModel => loadLinear(WEIGHTS as LinearWeightsFile);

/** Per model: the arrays its scores need, and which classes a buyer may be given. */
interface ModelScratch {
  readonly scores: Float64Array;
  readonly probabilities: Float64Array;
  readonly buyerAllowed: (c: number) => boolean;
  readonly anyAllowed: (c: number) => boolean;
  readonly otherIndex: number;
}
const MODEL_SCRATCH = new WeakMap<LinearModel, ModelScratch>();
function modelScratch(model: LinearModel): ModelScratch {
  let m = MODEL_SCRATCH.get(model);
  if (!m) {
    const notice = model.classes.map((intent) => NOTICE_INTENTS.has(intent));
    m = {
      scores: new Float64Array(model.classes.length),
      probabilities: new Float64Array(model.classes.length),
      buyerAllowed: (k) => !notice[k],
      anyAllowed: () => true,
      otherIndex: model.classes.indexOf('other'),
    };
    MODEL_SCRATCH.set(model, m);
  }
  return m;
}

export interface ClassifyOptions {
  /** For evaluation and training: another model than the shipped one. */
  readonly model?: LinearModel;
  /** The seller's corrections (corrections.ts), added to the model's weights. */
  readonly corrections?: CorrectionLayer;
}

/**
 * Compiles the rule tables and loads the model now, and runs the classifier once over a few short
 * texts (so its code is compiled too): for the background to call when it starts, so the first
 * classification a page asks for does not pay for them (a service worker starts often).
 */
export function warmClassifier(): void {
  for (const body of ['Please cancel my order, where is it?', 'キャンセルしてください。', 'Bitte stornieren Sie die Bestellung.']) classify({ body, sender: 'buyer' });
}

export function classify(input: ClassifyInput, options?: ClassifyOptions): Classification {
  return run(input, options?.model ?? shippedModel(), options?.corrections)!;
}

/** The features the model reads for a message (for training: the same code path as classify), and where its context features are. */
export function featuresOf(input: ClassifyInput): MessageFeatures {
  run(input, undefined, undefined);
  const w = scratch(compiled());
  return { ...w.features.snapshot(), contextFrom: w.contextFrom, contextTo: w.contextTo };
}

/**
 * The seller's correction "this message is really `intent`", learned into their layer
 * (corrections.ts): returns the new layer, or why not. The message itself is not kept.
 */
export function teach(layer: CorrectionLayer, input: ClassifyInput, intent: Intent, model: LinearModel = shippedModel()): CorrectionOutcome {
  const message = featuresOf(input);
  const probability = new Float64Array(model.classes.length);
  return correct(
    layer,
    message,
    intent,
    model.classes,
    (next) => {
      const scores = new Float64Array(model.classes.length);
      score(model, message.ids, message.values, message.ids.length, scores);
      addLayer(compileLayer(next, model), message.ids, message.values, message.ids.length, scores);
      return scores;
    },
    // Named, and clear of the abstention threshold by a margin, so similar messages follow.
    (scores, target) => probabilities(scores, model.temperature, () => true, probability) === target && probability[target]! >= model.abstainBelow + CORRECTION_MARGIN,
    (id) => (model.known[id >>> 5]! & (1 << (id & 31))) !== 0,
  );
}

/** How far above the abstention threshold a corrected message must read. */
const CORRECTION_MARGIN = 0.35;

/**
 * One message through the classifier's steps: scan the fields, find the buyer's own words, decide
 * the language, cast the rules' votes, read the cues, add the features; then (with a model) decide,
 * flag, score and cite the evidence. Without a model it stops at the features (featuresOf).
 */
function run(input: ClassifyInput, model: LinearModel | undefined, corrections: CorrectionLayer | undefined): Classification | undefined {
  const c = compiled();
  const w = scratch(c);
  const subject = (input.subject ?? '').slice(0, 2_000);
  const body = input.body.slice(0, MAX_CLASSIFY_CHARS);
  const marketplace = input.marketplace?.toUpperCase();
  const layout = findOwnWords(c, w, body, scanFields(c, w, subject, body));
  const language = messageLanguage(c, w, subject, body, layout, marketplace);
  const votes = castVotes(c, w, subject, body, layout, LANGUAGE_INDEX[language]!);
  const cues = readCues(c, w, input, votes, language, marketplace);
  const own = layout.relay ? body.slice(layout.relayFrom, layout.relayTo) : body.slice(0, layout.quotedFrom);
  const normalizedSubject = subject === '' ? '' : normalizeText(subject.slice(0, MAX_FEATURE_CHARS));
  addContextFeatures(w, input, subject, normalizedSubject, own, language, layout.relay, cues);
  const text = addOwnTextFeatures(w, normalizedSubject, own, model !== undefined, input.sender !== 'amazon');
  if (!model) return undefined;

  const m = modelScratch(model);
  const { intent, confidence, unsure } = decide(w, m, input, model, corrections, text, LETTER.test(body) || LETTER.test(subject), cues.officialSource !== undefined);
  const flags = flagsOf(c, w, votes.stamp, cues, intent);
  const scores = scoresOf(w, m, model, cues.officialSource !== undefined);
  const evidence = evidenceOf(c, w, model, layout, votes, cues, text, intent, flags);
  if (cues.officialSource !== undefined) return { intent, confidence, language, flags, evidence, scores, official: cues.officialSource };
  return unsure ? { intent, confidence, language, flags, evidence, scores, unsure } : { intent, confidence, language, flags, evidence, scores };
}

/** One scan per field, into `w.hits`: the subject's hits first, then the body's. Returns where the body's start. */
function scanFields(c: Compiled, w: Scratch, subject: string, body: string): number {
  const hits = w.hits;
  hits.count = 0;
  const subjectCounts = resetCounts(w.subjectCounts);
  const bodyCounts = resetCounts(w.bodyCounts);
  if (subject !== '') scanField(c, subject, hits, subjectCounts);
  const bodyFrom = hits.count;
  scanField(c, body, hits, bodyCounts);
  return bodyFrom;
}

/** Where a message's parts are in `w.hits` and in its body. */
interface Layout {
  /** Hits before this one are the subject's; the body's follow, up to hits.count. */
  readonly bodyFrom: number;
  /** Where quoted history starts in the body (its length when there is none). */
  readonly quotedFrom: number;
  /** The words an Amazon relay e-mail relays: body[relayFrom, relayTo), relayFrom −1 when it is no relay. */
  readonly relayFrom: number;
  readonly relayTo: number;
  readonly relay: boolean;
}

/**
 * Quoted history (after the first marker of it) and an Amazon relay e-mail (only the buyer's
 * words between its "begin message" and "end message" lines count, in any of the languages).
 * Marks each hit's field in `w.field`: subject, body, or dropped (outside the relayed words).
 */
function findOwnWords(c: Compiled, w: Scratch, body: string, bodyFrom: number): Layout {
  const hits = w.hits;
  const total = hits.count;
  let quotedFrom = body.length;
  let relayFrom = -1;
  let relayTo = body.length;
  for (let h = bodyFrom; h < total; h++) {
    const k = hits.keyword[h]!;
    const kind = c.kind[k]!;
    if (kind === RULE_KEYWORD) {
      const start = hits.start[h]!;
      // "> " quotes only at the start of a line (not "alert(1)> Please", not "a > b"); "wrote:"
      // takes its line with it ("On Tue, 3 Mar, Jane wrote:").
      if (start > 0 && start < quotedFrom && c.quoteMarker[k] === 1 && (c.lineQuote[k] === 0 || body.charCodeAt(start - 1) === 10)) {
        const line = body.lastIndexOf('\n', start) + 1;
        quotedFrom = line > 0 && start - line <= 120 ? line : start;
      }
    } else if (kind === RELAY_BEGIN && relayFrom < 0) {
      const begin = hits.start[h]!;
      // A marker line of dashes right before it (40 characters, so this cannot go quadratic).
      if (/-{3}\s*$/.test(body.slice(Math.max(0, begin - 40), begin))) {
        const lineEnd = body.indexOf('\n', begin);
        relayFrom = lineEnd < 0 ? body.length : lineEnd + 1;
      }
    } else if (kind === RELAY_END && relayFrom >= 0 && hits.start[h]! >= relayFrom && relayTo === body.length) {
      relayTo = Math.max(relayFrom, body.lastIndexOf('\n', hits.start[h]!));
    } else if (kind === RELAY_END && relayFrom < 0) {
      // The end of a relayed message without its beginning (the buyer's words were pasted above
      // it): what follows is Amazon's footer, not the message.
      const end = hits.start[h]!;
      if (/-{3}\s*$/.test(body.slice(Math.max(0, end - 40), end))) quotedFrom = Math.min(quotedFrom, Math.max(0, body.lastIndexOf('\n', end)));
    }
  }
  const relay = relayFrom >= 0;
  for (let h = 0; h < total; h++) {
    w.field[h] = h < bodyFrom ? 0 : relay && (hits.start[h]! < relayFrom || hits.end[h]! > relayTo) ? 2 : 1;
  }
  return { bodyFrom, quotedFrom, relayFrom, relayTo, relay };
}

/**
 * Language: the buyer's own words tell it; Amazon's English subject line often does not. A body
 * of a few words is enough; shorter, the subject helps.
 */
function messageLanguage(c: Compiled, w: Scratch, subject: string, body: string, layout: Layout, marketplace: string | undefined): Language {
  const { hits, subjectCounts, bodyCounts } = w;
  const { bodyFrom, relay } = layout;
  const ownFrom = relay ? layout.relayFrom : 0;
  const ownTo = Math.min(relay ? layout.relayTo : body.length, ownFrom + LANGUAGE_WINDOW);
  const bodyIsEnough = trimmedLength(body, ownFrom, ownTo) >= 15;
  const words = [0, 0, 0, 0, 0];
  const keywordsByLanguage = [0, 0, 0, 0, 0];
  let japaneseKeywords = 0;
  let { kana, han, letters } = bodyCounts;
  let counted = bodyCounts.counters;
  if (relay) {
    // The relayed words start past the first characters: count them on their own.
    const counts = resetCounts(w.relayCounts);
    w.extra.count = 0;
    scanField(c, body.slice(ownFrom, ownTo), w.extra, counts);
    ({ kana, han, letters } = counts);
    counted = counts.counters;
  }
  for (let l = 0; l < words.length; l++) words[l] = counted[l]! + (bodyIsEnough ? 0 : subjectCounts.counters[l]!);
  if (!bodyIsEnough) {
    kana += subjectCounts.kana;
    han += subjectCounts.han;
    letters |= subjectCounts.letters;
  }
  for (let h = bodyIsEnough ? bodyFrom : 0; h < hits.count; h++) {
    const k = hits.keyword[h]!;
    if (c.kind[k] === RULE_KEYWORD && w.field[h] !== 2 && (h < bodyFrom || hits.start[h]! < layout.quotedFrom)) {
      const j = c.ruleStart[k]!;
      if (j === c.ruleStart[k + 1]) continue;
      const lang = c.ruleLanguage[c.ruleList[j]!]!;
      if (lang === 0) japaneseKeywords++;
      else if (lang < 6) keywordsByLanguage[lang - 1]! += 1;
    }
  }
  return decideLanguage({ kana, han, words, keywords: keywordsByLanguage, japaneseKeywords, letters }, marketplaceLanguage(marketplace));
}

/** What the votes of one message left: the call's stamp, the slots voted for, and the official cues seen. */
interface Votes {
  readonly stamp: number;
  /** The slots voted for are w.touched[0, touchedCount). */
  readonly touchedCount: number;
  readonly officialInSubject: boolean;
  readonly officialAnywhere: boolean;
  readonly anyCountry: boolean;
}

/**
 * Votes: each distinct keyword counts once per target (its strongest rule); keywords from
 * another language's table count half, quoted history a tenth, the subject one and a half. The
 * rules that fired outside quoted history become features; then each target's score is summed.
 */
function castVotes(c: Compiled, w: Scratch, subject: string, body: string, layout: Layout, languageIndex: number): Votes {
  const { T } = c;
  const { hits, features } = w;
  const { bodyFrom, quotedFrom } = layout;
  const stamp = (w.stamp = (w.stamp + 1) >>> 0 || 1);
  features.reset();
  let touchedCount = 0;
  let officialInSubject = false;
  const subjectStart = subjectStartOf(subject, body);
  let officialAnywhere = false;
  let anyCountry = false;
  for (let h = 0; h < hits.count; h++) {
    const k = hits.keyword[h]!;
    if (c.kind[k] !== RULE_KEYWORD || w.field[h] === 2) continue;
    const inSubject = h < bodyFrom;
    const quoted = !inSubject && hits.start[h]! >= quotedFrom;
    for (let j = c.ruleStart[k]!; j < c.ruleStart[k + 1]!; j++) {
      const r = c.ruleList[j]!;
      const target = c.ruleTarget[r]!;
      // "It has not arrived" is not "it arrived": a shipped word right after a negation is no event.
      if (target === T.shipped && negatedBefore(inSubject ? subject : body, hits.start[h]!)) continue;
      if (target === T.officialCancel) {
        officialAnywhere = true;
        // Amazon's request subject is the subject itself, from its first word: words in a body,
        // or further along a subject, are somebody's writing (the safety rule, DESIGN.md).
        if (inSubject && hits.start[h]! === subjectStart) officialInSubject = true;
      }
      const lang = c.ruleLanguage[r]!;
      const weight = c.ruleWeight[r]! * (lang === 6 || lang === 0 || lang === languageIndex ? 1 : 0.5) * (quoted ? 0.1 : 1) * (inSubject ? 1.5 : 1);
      if (target >= c.countryFrom) anyCountry = true;
      else if (!quoted) addRuleFeatures(c, w, inSubject ? 0 : 1, r, target);
      if (vote(w, c.slotList[j]!, stamp, weight, h, r, touchedCount)) touchedCount++;
    }
  }
  sumVotes(c, w, touchedCount, stamp);
  return { stamp, touchedCount, officialInSubject, officialAnywhere, anyCountry };
}

/** A rule that fired outside quoted history, as features of its field (0 subject, 1 body): the rule and its target. */
function addRuleFeatures(c: Compiled, w: Scratch, f: number, r: number, target: number): void {
  const { T } = c;
  const { features } = w;
  features.add(c.ruleFeature[f]![r]!, 1);
  features.add(c.targetFeature[f]![target]!, 1);
  // Amazon's request wording, when it is not Amazon's signal, is somebody asking to cancel.
  if (target === T.officialCancel || target === T.amazonCancelBody) features.add(c.targetFeature[f]![T.cancel]!, 1);
}

/** One vote into its slot, which keeps its strongest; returns whether the slot is new in this call (touched). */
function vote(w: Scratch, slot: number, stamp: number, weight: number, h: number, r: number, touchedCount: number): boolean {
  if (w.slotStamp[slot] !== stamp) {
    w.slotStamp[slot] = stamp;
    w.slotWeight[slot] = weight;
    w.slotHit[slot] = h;
    w.slotRule[slot] = r;
    w.touched[touchedCount] = slot;
    return true;
  }
  if (w.slotWeight[slot]! < weight) {
    w.slotWeight[slot] = weight;
    w.slotHit[slot] = h;
    w.slotRule[slot] = r;
  }
  return false;
}

/** Per target: the strongest vote in full, every other at half: max + (sum − max) / 2 (targetScore). */
function sumVotes(c: Compiled, w: Scratch, touchedCount: number, stamp: number): void {
  for (let s = 0; s < touchedCount; s++) {
    const slot = w.touched[s]!;
    const target = c.ruleTarget[w.slotRule[slot]!]!;
    const weight = w.slotWeight[slot]!;
    if (w.targetStamp[target] !== stamp) {
      w.targetStamp[target] = stamp;
      w.targetSum[target] = weight;
      w.targetMax[target] = weight;
    } else {
      w.targetSum[target]! += weight;
      if (weight > w.targetMax[target]!) w.targetMax[target] = weight;
    }
  }
}

/** What the cues say together: the cancellation cues, the official source if any, the foreign countries named. */
interface Cues {
  readonly cancel: number;
  readonly alreadyAsked: number;
  readonly shipped: number;
  readonly send: boolean;
  readonly question: boolean;
  readonly anyIntent: boolean;
  /** "When" and a delivery word are both there. */
  readonly whenDelivery: boolean;
  /** A place word is there (with `send`: "send it to"). */
  readonly place: boolean;
  readonly officialSource: OfficialSource | undefined;
  readonly officialFromOrder: boolean;
  /** Target indices of the countries named that are not the marketplace's. */
  readonly foreign: number[] | undefined;
}

/** What the votes say of cancelling, sending, asking and the official request, and the foreign countries named. */
function readCues(c: Compiled, w: Scratch, input: ClassifyInput, votes: Votes, language: Language, marketplace: string | undefined): Cues {
  const { T } = c;
  const { stamp } = votes;
  // Cancellation: official request, "asked and it shipped anyway", or an ordinary inquiry.
  // Amazon's request wording written by somebody else is still about cancelling: an inquiry.
  const cancel = Math.max(targetScore(w, T.cancel, stamp), votes.officialAnywhere ? 3 : 0);
  // From Amazon: its notification's own wording ("the buyer has requested…"), not the bare request
  // phrase, which a buyer the page mislabelled could also have written.
  const officialFromAmazon = input.sender === 'amazon' && targetScore(w, T.amazonCancelBody, stamp) > 0;
  const officialFromOrder = input.order?.buyerRequestedCancel === true;
  const officialSource: OfficialSource | undefined = officialFromOrder ? 'order-flag' : votes.officialInSubject ? 'amazon-subject' : officialFromAmazon ? 'amazon-sender' : undefined;
  let anyIntent = false;
  for (let i = 0; i < PRIORITY.length; i++) if (w.targetStamp[i] === stamp) anyIntent = true;
  return {
    cancel,
    alreadyAsked: targetScore(w, T.alreadyAsked, stamp),
    shipped: targetScore(w, T.shipped, stamp),
    send: targetScore(w, T.send, stamp) > 0,
    question: targetScore(w, T.question, stamp) > 0,
    anyIntent,
    whenDelivery: targetScore(w, T.when, stamp) > 0 && targetScore(w, T.delivery, stamp) > 0,
    place: targetScore(w, T.place, stamp) > 0,
    officialSource,
    officialFromOrder,
    foreign: foreignCountries(c, w, input, votes, language, marketplace),
  };
}

/** Foreign redirect: the countries named (for an address change or a "send it to") that are not the marketplace's. */
function foreignCountries(c: Compiled, w: Scratch, input: ClassifyInput, votes: Votes, language: Language, marketplace: string | undefined): number[] | undefined {
  let foreign: number[] | undefined;
  for (let index = votes.anyCountry ? c.countryFrom : c.targets.length; index < c.targets.length; index++) {
    if (w.targetStamp[index] !== votes.stamp) continue;
    const target = c.targets[index]!;
    const home =
      marketplace && MARKETPLACE_COUNTRY[marketplace] ? [MARKETPLACE_COUNTRY[marketplace]!] : input.order?.shipToCountry ? [input.order.shipToCountry.toUpperCase()] : HOME_COUNTRIES[language];
    if (!home.includes(target.slice('country.'.length))) (foreign ??= []).push(index);
  }
  return foreign;
}

/**
 * Features (features.ts) after the rules': what the cues say together, and the context (sender,
 * language, relay, the order, the length of the buyer's own words, Amazon's topics the subject
 * names). Sets where the context features are (w.contextFrom, w.contextTo).
 */
function addContextFeatures(w: Scratch, input: ClassifyInput, subject: string, normalizedSubject: string, own: string, language: Language, relay: boolean, cues: Cues): void {
  const { features } = w;
  const ruleFeatures = features.count;
  const add = (id: number) => features.add(id, 1);
  if (cues.cancel > 0 && cues.alreadyAsked > 0) add(CONTEXT.cancelAsked);
  if (cues.alreadyAsked > 0 && cues.shipped > 0) add(CONTEXT.askedShipped);
  if (cues.cancel > 0 && cues.shipped > 0) add(CONTEXT.cancelShipped);
  if (cues.question && !cues.anyIntent) add(CONTEXT.questionOnly);
  if (!cues.anyIntent) add(CONTEXT.noIntentRule);
  if (cues.whenDelivery) add(CONTEXT.whenDelivery);
  if (cues.place && cues.send) add(CONTEXT.placeSend);
  if (cues.foreign !== undefined) add(CONTEXT.foreign);
  if (cues.foreign !== undefined && cues.send) add(CONTEXT.foreignSend);
  add(CONTEXT.bias);
  const sender = SENDER_CONTEXT[input.sender ?? 'none'];
  add(sender.sender);
  add(LANGUAGE_CONTEXT[language]);
  add(sender.byLanguage[language]);
  if (relay) add(CONTEXT.relay);
  if (subject.trim() !== '') add(CONTEXT.subject);
  if (input.order?.fulfilment !== undefined) add(contextFeature(`fulfilment:${input.order.fulfilment}`));
  if (input.order?.status !== undefined) add(contextFeature(`status:${input.order.status.toLowerCase().slice(0, 24)}`));
  const ownLength = trimmedLength(own, 0, own.length);
  add(LENGTH_CONTEXT[LENGTH_BUCKETS.findIndex((limit) => ownLength <= limit)]!);
  for (const topic of topicsOf(normalizedSubject)) add(contextFeature(`topic:${topic}`));
  w.contextFrom = ruleFeatures;
  w.contextTo = features.count;
}

/** Where the subject's and the own text's word features are in w.features, and the own text read. */
interface TextFeatures {
  /** The subject's words are features [subjectWords, subjectEnd); the own text's [bodyWords, bodyEnd). */
  readonly subjectWords: number;
  readonly subjectEnd: number;
  readonly bodyWords: number;
  readonly bodyEnd: number;
  readonly ownText: string;
  readonly normalizedOwn: string;
}

/**
 * The text itself: the subject's and the buyer's own words' character n-grams and words (last:
 * after the context). With `spans`, where each own word is (w.words), for the evidence.
 */
function addOwnTextFeatures(w: Scratch, normalizedSubject: string, own: string, spans: boolean, concepts: boolean): TextFeatures {
  const { features } = w;
  // Not for Amazon's notices: fixed wordings, which their words and topics already tell, while a
  // concept learned from buyers (INVOICE: a buyer asking for one) would read a notice as a request.
  // Their concepts are then not looked for at all.
  const sinks = concepts ? conceptSinks() : undefined;
  const subjectWords = addTextFeatures(features, normalizedSubject, SEED.subjectChar, SEED.subjectWord, undefined, sinks?.subject);
  const subjectEnd = features.count;
  const ownText = own.slice(0, MAX_FEATURE_CHARS);
  const normalizedOwn = normalizeText(ownText);
  if (spans) w.words.count = 0;
  const bodyWords = addTextFeatures(features, normalizedOwn, SEED.bodyChar, SEED.bodyWord, spans ? w.words : undefined, sinks?.body);
  const bodyEnd = features.count;
  // The concepts after the words (so they are none of them): in the subject also on their own.
  if (sinks) {
    for (let i = 0; i < sinks.subject.count; i++) {
      features.add(CONCEPT_FEATURE[sinks.subject.found[i]!]!, 1);
      features.add(SUBJECT_CONCEPT_FEATURE[sinks.subject.found[i]!]!, 1);
    }
    for (let i = 0; i < sinks.body.count; i++) features.add(CONCEPT_FEATURE[sinks.body.found[i]!]!, 1);
    sinks.subject.clear();
    sinks.body.clear();
  }
  return { subjectWords, subjectEnd, bodyWords, bodyEnd, ownText, normalizedOwn };
}

/**
 * One model decides among the intents it knows (never an official request); a buyer never sends
 * one of Amazon's notices. Below the model's threshold it abstains: `other`, unsure, with a
 * confidence below the threshold. So does a message without a letter (not `wordy`), or in which
 * no rule fired and the model knows none of the words (emoji, a row of one letter, keyboard
 * noise): n-grams alone are not a signal, as some of any text's collide with known ones in the
 * hashed space.
 */
function decide(
  w: Scratch,
  m: ModelScratch,
  input: ClassifyInput,
  model: LinearModel,
  corrections: CorrectionLayer | undefined,
  text: TextFeatures,
  wordy: boolean,
  official: boolean,
): { intent: Intent; confidence: number; unsure: boolean } {
  const { features } = w;
  score(model, features.ids, features.values, features.count, m.scores);
  const layer = corrections ? compileLayer(corrections, model) : undefined;
  if (layer) addLayer(layer, features.ids, features.values, features.count, m.scores);
  const { subjectWords, subjectEnd, bodyWords, bodyEnd } = text;
  // A word the seller's corrections learned is a signal too (the seller taught it on such a message).
  // The rules' features come first, before the context's (w.contextFrom): any means a rule fired.
  const signal =
    wordy &&
    (w.contextFrom > 0 ||
      knowsAny(model, features.ids, subjectWords, subjectEnd) ||
      knowsAny(model, features.ids, bodyWords, bodyEnd) ||
      (layer !== undefined && (layerKnowsAny(layer, features.ids, subjectWords, subjectEnd) || layerKnowsAny(layer, features.ids, bodyWords, bodyEnd))));
  const allowed = input.sender === 'buyer' ? m.buyerAllowed : m.anyAllowed;
  const best = probabilities(m.scores, model.temperature, allowed, m.probabilities);
  if (official) return { intent: 'cancel-request', confidence: 0.98, unsure: false };
  if (signal && m.probabilities[best]! >= model.abstainBelow) return { intent: model.classes[best]!, confidence: round(m.probabilities[best]!), unsure: false };
  const other = round(m.otherIndex >= 0 ? m.probabilities[m.otherIndex]! : 0);
  return { intent: 'other', confidence: Math.min(other, (Math.ceil(model.abstainBelow * 100) - 1) / 100), unsure: true };
}

/** The flags: foreign redirect, review or claim mentioned, anger, relisting (for a removed listing). */
function flagsOf(c: Compiled, w: Scratch, stamp: number, cues: Cues, intent: Intent): Flag[] {
  const { T } = c;
  const scoreOf = (target: number) => targetScore(w, target, stamp);
  const flags: Flag[] = [];
  if (cues.foreign && (scoreOf(T.address) > 0 || cues.send || intent === 'address-change')) flags.push('foreign-redirect');
  if (scoreOf(T.mentionsReview) > 0) flags.push('mentions-review');
  if (scoreOf(T.mentionsClaim) > 0) flags.push('mentions-claim');
  if (scoreOf(T.angry) > 0) flags.push('angry');
  if (intent === 'listing-removed' && scoreOf(T.relisting) > 0) flags.push('relisting-mentioned');
  if (intent === 'a-to-z-claim' && flags.includes('mentions-claim')) flags.splice(flags.indexOf('mentions-claim'), 1);
  return flags;
}

/** Scores: the model's probability of each intent; an official request is certain. */
function scoresOf(w: Scratch, m: ModelScratch, model: LinearModel, official: boolean): Record<Intent, number> {
  const scoreByPriority = w.intentScore;
  scoreByPriority.fill(0);
  for (let k = 0; k < model.classes.length; k++) scoreByPriority[PRIORITY_INDEX.get(model.classes[k]!)!] = round(m.probabilities[k]!);
  if (official) scoreByPriority[I.cancelRequest] = 1;
  return scoreRecord(scoreByPriority);
}

/**
 * Evidence: for an official request, the official cues; otherwise every rule that fired and
 * weighs for the intent named (its learned weight, with its target's, is positive), its
 * strongest hit; then the words that weighed most; and the rules behind each flag.
 */
function evidenceOf(c: Compiled, w: Scratch, model: LinearModel, layout: Layout, votes: Votes, cues: Cues, text: TextFeatures, intent: Intent, flags: readonly Flag[]): Evidence[] {
  const official = cues.officialSource !== undefined;
  const evidence: Evidence[] = [];
  if (official && cues.officialFromOrder) evidence.push({ field: 'context', start: 0, end: 0, rule: 'context.order.buyer-requested-cancel', target: intent });
  const cite = (target: number, as: Intent | Flag) => citeTarget(c, w, evidence, votes, layout.bodyFrom, target, as);
  if (official) {
    cite(targetIndexOf(c, 'cue.official-cancel'), intent);
    cite(targetIndexOf(c, 'cue.amazon-cancel-body'), intent);
  } else {
    const k = model.classes.indexOf(intent);
    if (k >= 0) addRuleEvidence(c, w, evidence, model, k, layout, votes, intent);
    const spans = w.words;
    if (spans.count > 0 && k >= 0) addWordEvidence(evidence, model, k, spans, text.ownText, text.normalizedOwn, layout.relay ? layout.relayFrom : 0, intent);
  }
  for (const flag of flags) {
    if (flag === 'foreign-redirect') {
      cite(targetIndexOf(c, 'address-change'), flag);
      for (const index of cues.foreign ?? []) cite(index, flag);
    } else cite(targetIndexOf(c, flag), flag);
  }
  sortEvidence(evidence);
  if (!official && !evidence.some((e) => e.target === intent)) evidence.unshift({ field: 'context', start: 0, end: 0, rule: MODEL_EVIDENCE, target: intent });
  return evidence;
}

/** Every vote this call cast for `target` (its strongest hit per keyword), as evidence for `as`. */
function citeTarget(c: Compiled, w: Scratch, evidence: Evidence[], votes: Votes, bodyFrom: number, target: number, as: Intent | Flag): void {
  if (target < 0 || w.targetStamp[target] !== votes.stamp) return;
  const hits = w.hits;
  for (let s = 0; s < votes.touchedCount && evidence.length < 40; s++) {
    const slot = w.touched[s]!;
    const r = w.slotRule[slot]!;
    if (c.ruleTarget[r] !== target) continue;
    const h = w.slotHit[slot]!;
    evidence.push({ field: h < bodyFrom ? 'subject' : 'body', start: hits.start[h]!, end: hits.end[h]!, rule: c.rules[r]!.id, target: as });
  }
}

/** The rules that fired outside quoted history and weigh for class k (rule and target weights together positive). */
function addRuleEvidence(c: Compiled, w: Scratch, evidence: Evidence[], model: LinearModel, k: number, layout: Layout, votes: Votes, intent: Intent): void {
  const { hits } = w;
  const { bodyFrom } = layout;
  for (let s = 0; s < votes.touchedCount && evidence.length < 40; s++) {
    const slot = w.touched[s]!;
    const r = w.slotRule[slot]!;
    const target = c.ruleTarget[r]!;
    if (target >= c.countryFrom) continue;
    const h = w.slotHit[slot]!;
    if (h >= bodyFrom && hits.start[h]! >= layout.quotedFrom) continue;
    const f = h < bodyFrom ? 0 : 1;
    if (weightOf(model, c.ruleFeature[f]![r]!, k) + weightOf(model, c.targetFeature[f]![target]!, k) <= 0) continue;
    evidence.push({ field: h < bodyFrom ? 'subject' : 'body', start: hits.start[h]!, end: hits.end[h]!, rule: c.rules[r]!.id, target: intent });
  }
}

/**
 * The words of the buyer's own text that weighed most for the intent (at most three, each with a
 * weight of at least MIN_WORD_EVIDENCE), as evidence spans in the body as given.
 */
function addWordEvidence(evidence: Evidence[], model: LinearModel, k: number, words: WordBuffer, ownText: string, normalizedOwn: string, ownFrom: number, intent: Intent): void {
  const top: { i: number; weight: number }[] = [];
  for (let i = 0; i < words.count; i++) {
    const id = words.id[i]!;
    if ((model.known[id >>> 5]! & (1 << (id & 31))) === 0) continue;
    const weight = weightOf(model, id, k);
    const word = normalizedOwn.slice(words.start[i]!, words.end[i]!);
    // Hiragana alone is Japanese grammar (「います」, 「ですか」): no reason a seller can read.
    if (weight < MIN_WORD_EVIDENCE || FUNCTION_WORDS.has(word) || HIRAGANA_ONLY.test(word)) continue;
    if (top.length < 3) top.push({ i, weight });
    else {
      let weakest = 0;
      for (let t = 1; t < top.length; t++) if (top[t]!.weight < top[weakest]!.weight) weakest = t;
      if (weight > top[weakest]!.weight) top[weakest] = { i, weight };
    }
  }
  if (top.length === 0) return;
  const map = offsetMapper(ownText, normalizedOwn);
  for (const { i } of top) {
    const start = ownFrom + map(words.start[i]!);
    const end = ownFrom + map(words.end[i]!);
    if (end > start && !evidence.some((e) => e.field === 'body' && e.start < end && start < e.end)) {
      evidence.push({ field: 'body', start, end, rule: WORD_EVIDENCE, target: intent });
    }
  }
}
/** Whether the model keeps any of the features ids[from, to). */
function knowsAny(model: LinearModel, ids: Int32Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((model.known[ids[i]! >>> 5]! & (1 << (ids[i]! & 31))) !== 0) return true;
  return false;
}

/** Whether the seller's corrections hold any of the features ids[from, to). */
function layerKnowsAny(layer: CompiledLayer, ids: Int32Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((layer.known[ids[i]! >>> 5]! & (1 << (ids[i]! & 31))) !== 0) return true;
  return false;
}

/** A word counts as evidence only when its weight for the intent is at least this, and it is not a function word ("der", "the"). */
const MIN_WORD_EVIDENCE = 0.5;
const HIRAGANA_ONLY = /^[\u3041-\u309f]+$/;
const FUNCTION_WORDS: ReadonlySet<string> = new Set(LATIN_LANGUAGES.flatMap((lang) => LANGUAGE_WORDS[lang]));

/**
 * Where Amazon's request subject may start in `subject`: its first non-blank character, or -1
 * (never) when the subject only repeats the start of the body — then the page's heading was most
 * likely the message's own first line, which a buyer writes.
 */
function subjectStartOf(subject: string, body: string): number {
  let start = 0;
  while (start < subject.length && isSpace(subject.charCodeAt(start))) start++;
  if (start === subject.length) return -1;
  const head = normalizeText(subject.slice(start, start + 200))
    .replace(/\s+/g, ' ')
    .trim();
  const bodyHead = normalizeText(body.slice(0, 400)).replace(/\s+/g, ' ').trim();
  return head.length > 0 && bodyHead.startsWith(head) ? -1 : start;
}

const LETTER = /\p{L}/u;

/** Every intent's score, in one shape for every result (PRIORITY order). */
function scoreRecord(s: Float64Array): Record<Intent, number> {
  return {
    'cancel-request': s[0]!,
    'delivery-failure': s[1]!,
    'listing-removed': s[2]!,
    'a-to-z-claim': s[3]!,
    'cancel-not-honored': s[4]!,
    counterfeit: s[5]!,
    defective: s[6]!,
    'wrong-item': s[7]!,
    'condition-mismatch': s[8]!,
    'address-change': s[9]!,
    'cancel-inquiry': s[10]!,
    'return-refund': s[11]!,
    'where-is-order': s[12]!,
    'invoice-request': s[13]!,
    'product-question': s[14]!,
    other: s[15]!,
  };
}

/** In place, by field then start (a few items: insertion sort, no comparator to allocate). */
function sortEvidence(evidence: Evidence[]): void {
  for (let i = 1; i < evidence.length; i++) {
    const item = evidence[i]!;
    let j = i - 1;
    while (j >= 0 && evidenceAfter(evidence[j]!, item)) {
      evidence[j + 1] = evidence[j]!;
      j--;
    }
    evidence[j + 1] = item;
  }
}

function evidenceAfter(a: Evidence, b: Evidence): boolean {
  return a.field === b.field ? a.start > b.start : a.field > b.field;
}

/** A target's score in this call: the strongest vote in full, every other at half. */
function targetScore(w: Scratch, target: number, stamp: number): number {
  return target >= 0 && w.targetStamp[target] === stamp ? w.targetMax[target]! + (w.targetSum[target]! - w.targetMax[target]!) / 2 : 0;
}

function targetIndexOf(c: Compiled, target: Target): number {
  return c.targetIndex.get(target) ?? -1;
}

/** A negation in the two words before `start` ("not yet", "noch nicht", "n'est pas", "no me ha"). Reads at most 32 characters. */
const NEGATION_BEFORE = /(?:(?:^|[^\p{L}])(?:not|never|nicht|nie|kein|keine|pas|jamais|non|no|nunca|mai)|n['\u2019]t)\s+(?:[\p{L}'\u2019]+\s+){0,2}$/iu;
function negatedBefore(text: string, start: number): boolean {
  return NEGATION_BEFORE.test(text.slice(Math.max(0, start - 32), start));
}

/** Length of text[from, to) without the white space at either end, without copying it. */
function trimmedLength(text: string, from: number, to: number): number {
  let a = from;
  let b = to;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  return b - a;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a);
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
