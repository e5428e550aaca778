/**
 * The features the learned model reads (linear.ts), one list of (hashed id, value) per message.
 * Training (learn.ts, `npm run train`) and classify() call the same code, so what the model was
 * trained on is exactly what it sees.
 *
 * Channels, each hashed with its own seed so the same text in two channels is two features:
 * - character n-grams of the subject and, apart, of the buyer's own words (quoted history and
 *   the frame of an Amazon relay e-mail left out), white space collapsed, framed by spaces:
 *   4-grams of Latin text, pairs and triples of Japanese (返品, 発送, 届かな), from the first
 *   MAX_NGRAM_CHARS characters;
 * - words, subject and body apart, from the first MAX_FEATURE_CHARS characters. A word is a run
 *   of Latin letters or digits, or in Japanese a run of one script (kanji, katakana, hiragana),
 *   which splits 注文をキャンセルした into 注文 | を | キャンセル | した without a dictionary;
 *   anything with a digit is only its shape;
 * - the rules that fired (rules.ts), by rule id and by what they point to, in the subject and in
 *   the body apart (not in quoted history), and the combinations of cues classify.ts computes
 *   ("asked to cancel" + "it shipped anyway");
 * - context: the sender, the language, Amazon's topic subject (amazon-topics.ts), the order's
 *   fulfilment and status when the page gave them, and the message's length.
 *
 * Values: 1 for rules, context and combinations; the n-grams of one channel share a unit of
 * length (each 1/√n for n distinct ones), and so do its words, so a long message does not
 * outvote a short one. Each feature counts once per message. Ids are FEATURE_BITS-bit hashes
 * (FNV-1a, then mixed).
 *
 * Chosen by measurement (`npm run cv`, docs/classifier.md): 2^16 ids (2^18 and 2^17 measured the
 * same, and the smaller table is read faster), Latin 4-grams only and n-grams from the first 300
 * characters (the same accuracy as 2–4-grams from 1,000 characters, in a third of the time), no
 * word pairs (they did not help).
 */

import { conceptInfo, JAPANESE_KEYWORD_CHARS, stemList, wholeList, type ConceptTable } from './concepts';

export const FEATURE_BITS = 16;
const FEATURE_MASK = (1 << FEATURE_BITS) - 1;
/** The model reads words from this much of the subject and of the buyer's own words. */
export const MAX_FEATURE_CHARS = 1_000;
/** Character n-grams are taken from this many characters only. */
export const MAX_NGRAM_CHARS = 300;
export const CHAR_NGRAM_MAX = 4;
/** N-gram sizes as bits: Latin text 4-grams; Japanese pairs and triples. */
const LATIN_SIZES = 1 << 4;
const CJK_SIZES = (1 << 2) | (1 << 3);
/** The most features of one message (a message of every possible n-gram stays bounded). */
export const MAX_FEATURES = 6_000;

/** Hash seeds: one per channel. */
export const SEED = {
  bodyChar: 0x1b873593,
  bodyWord: 0x2c1b3c6d,
  subjectChar: 0x5bd1e995,
  subjectWord: 0x68e31da4,
  rule: 0x85ebca6b,
  subjectRule: 0xc2b2ae35,
  target: 0x165667b1,
  subjectTarget: 0x3c6ef372,
  context: 0x7f4a7c15,
  concept: 0x4cf5ad43,
  subjectConcept: 0x27d4eb2f,
} as const;

/** FNV-1a over text[from, to), then mixed so the low bits are as good as the high ones. */
export function hashText(seed: number, text: string, from = 0, to = text.length): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix(h);
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & FEATURE_MASK;
}

/** The id of a named feature (a rule, a context value) in a channel. */
export const featureId = (seed: number, name: string): number => hashText(seed, name);

/**
 * One message's features, deduplicated: a bit per possible id (2^FEATURE_BITS bits, 32 KB, read
 * from cache) says which are in already; reset() clears only the words it set. Allocated once
 * and reused; not re-entrant, like classify().
 */
export class FeatureBuffer {
  readonly ids = new Int32Array(MAX_FEATURES);
  readonly values = new Float32Array(MAX_FEATURES);
  count = 0;
  private readonly seen = new Uint32Array((1 << FEATURE_BITS) >>> 5);

  reset(): void {
    for (let i = 0; i < this.count; i++) this.seen[this.ids[i]! >>> 5] = 0;
    this.count = 0;
  }

  /** Adds a feature unless it is already there; false when it was (or the buffer is full). */
  add(id: number, value: number): boolean {
    const word = id >>> 5;
    const bit = 1 << (id & 31);
    if ((this.seen[word]! & bit) !== 0 || this.count >= MAX_FEATURES) return false;
    this.seen[word]! |= bit;
    this.ids[this.count] = id;
    this.values[this.count] = value;
    this.count++;
    return true;
  }

  /** Gives the features added since `from` the value 1/√n each (n: how many). */
  normalizeFrom(from: number): void {
    const n = this.count - from;
    if (n <= 0) return;
    const v = 1 / Math.sqrt(n);
    for (let i = from; i < this.count; i++) this.values[i] = v;
  }

  /** A copy of the features (for training and tests). */
  snapshot(): { ids: Int32Array; values: Float32Array } {
    return { ids: this.ids.slice(0, this.count), values: this.values.slice(0, this.count) };
  }
}

/** The words found in a text, for explanations: [start, end) in the normalised text and the feature id. */
export class WordBuffer {
  readonly start = new Int32Array(MAX_FEATURE_CHARS);
  readonly end = new Int32Array(MAX_FEATURE_CHARS);
  readonly id = new Int32Array(MAX_FEATURE_CHARS);
  count = 0;
}

/**
 * The concepts (concepts.ts) found in one text by the passes below: the text's words and Japanese
 * n-grams checked against the lexicon's tables for the channel's seeds. Each concept once, in the
 * order found; clear() before the next text.
 */
export class ConceptSink {
  readonly found: Int32Array;
  count = 0;
  private readonly seen: Uint8Array;

  constructor(
    readonly latin: ConceptTable,
    readonly japanese: ConceptTable,
    concepts: number,
  ) {
    this.found = new Int32Array(concepts);
    this.seen = new Uint8Array(concepts);
  }

  /** Adds the concepts of list `at` of `table` (−1: none). */
  addList(table: ConceptTable, at: number): void {
    if (at < 0) return;
    for (let k = at; table.lists[k]! >= 0; k++) {
      const concept = table.lists[k]!;
      if (this.seen[concept] === 0) {
        this.seen[concept] = 1;
        this.found[this.count++] = concept;
      }
    }
  }

  clear(): void {
    for (let i = 0; i < this.count; i++) this.seen[this.found[i]!] = 0;
    this.count = 0;
  }
}

/** The concepts a hash names, if any: as a stem (or Japanese), or as a whole word. */
function addConcepts(sink: ConceptSink, table: ConceptTable, h: number, whole: boolean): void {
  const info = conceptInfo(table, h);
  if (info !== 0) sink.addList(table, whole ? wholeList(info) : stemList(info));
}

const SCRIPT_OTHER = 0;
const SCRIPT_LATIN = 1;
const SCRIPT_HIRAGANA = 2;
const SCRIPT_KATAKANA = 3;
const SCRIPT_HAN = 4;
const SCRIPT_DIGIT = 5;

/** The script class of a normalised character (0: separator). */
function scriptOf(c: number): number {
  if (c < 0x80) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return SCRIPT_LATIN;
    if (c >= 48 && c <= 57) return SCRIPT_DIGIT;
    return SCRIPT_OTHER;
  }
  if (c >= 0x3041 && c <= 0x309f) return SCRIPT_HIRAGANA;
  if ((c >= 0x30a0 && c <= 0x30ff) || c === 0x30fc) return SCRIPT_KATAKANA;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3005) return SCRIPT_HAN;
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x370 && c <= 0x52f)) return SCRIPT_LATIN;
  return SCRIPT_OTHER;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a);
}

// Working memory for one text (allocated once): its characters, white space collapsed, and where
// each stands in the text.
const CODES = new Uint16Array(MAX_FEATURE_CHARS + 2);
const POSITIONS = new Int32Array(MAX_FEATURE_CHARS + 2);
/** Script class of every UTF-16 code unit, filled on first use. */
let SCRIPTS: Uint8Array | undefined;
function scripts(): Uint8Array {
  if (!SCRIPTS) {
    SCRIPTS = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) SCRIPTS[c] = scriptOf(c);
  }
  return SCRIPTS;
}

/**
 * Character n-grams, then words, of one normalised text into `out`, each group normalised to a
 * unit of length. Reads at most MAX_FEATURE_CHARS characters. When `words` is given, the words
 * found are recorded there (positions in `text`) for explanations. Returns the index in `out`
 * where the words begin (they run to out.count).
 */
export function addTextFeatures(out: FeatureBuffer, text: string, charSeed: number, wordSeed: number, words?: WordBuffer, concepts?: ConceptSink): number {
  // White space collapsed, framed by spaces: " where is my order ".
  let n = 0;
  POSITIONS[n] = 0;
  CODES[n++] = 32;
  let space = true;
  const limit = Math.min(text.length, MAX_FEATURE_CHARS);
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (space) continue;
      space = true;
      POSITIONS[n] = i;
      CODES[n++] = 32;
    } else {
      space = false;
      POSITIONS[n] = i;
      CODES[n++] = c;
    }
  }
  if (!space) {
    POSITIONS[n] = limit;
    CODES[n++] = 32;
  }
  if (n <= 1) return out.count;

  // Character n-grams: Latin text by LATIN_SIZES, Japanese by CJK_SIZES (pairs such as 返品, 発送).
  let from = out.count;
  const ngramEnd = Math.min(n, MAX_NGRAM_CHARS + 1);
  // Japanese concepts: the n-grams' hashes from each Japanese character (their first 1–6
  // characters: the n-gram features stop at 4, the hash goes on for the longer keywords).
  const japanese = concepts?.japanese;
  for (let i = 0; i < ngramEnd; i++) {
    let h = (0x811c9dc5 ^ charSeed) >>> 0;
    const cjk = CODES[i]! >= 0x3000;
    const sizes = cjk ? CJK_SIZES : LATIN_SIZES;
    const reach = cjk && japanese ? JAPANESE_KEYWORD_CHARS : CHAR_NGRAM_MAX;
    for (let k = 0; k < reach && i + k < ngramEnd; k++) {
      h ^= CODES[i + k]!;
      h = Math.imul(h, 0x01000193);
      if (k < CHAR_NGRAM_MAX && (sizes >>> (k + 1)) & 1) out.add(mix(h ^ (k + 1)), 1);
      if (cjk && japanese) addConcepts(concepts!, japanese, h, false);
    }
  }
  out.normalizeFrom(from);

  // Words: runs of one script class (Latin letters and digits together); a run with a digit is
  // only its shape ("#" and its length up to 8); punctuation other than ' and - ends a phrase.
  from = out.count;
  const wordsFrom = from;
  const script = scripts();
  // Latin concepts: each prefix of a word (stems) and the word itself (whole words).
  const latin = concepts?.latin;
  let i = 1;
  while (i < n) {
    const c = CODES[i]!;
    const s0 = script[c]!;
    if (s0 === SCRIPT_OTHER) {
      i++;
      continue;
    }
    const latinish = s0 === SCRIPT_LATIN || s0 === SCRIPT_DIGIT;
    let digits = s0 === SCRIPT_DIGIT;
    let h = (0x811c9dc5 ^ wordSeed) >>> 0;
    let j = i;
    for (; j < n; j++) {
      const s = script[CODES[j]!]!;
      if (latinish ? s !== SCRIPT_LATIN && s !== SCRIPT_DIGIT : s !== s0) break;
      if (s === SCRIPT_DIGIT) digits = true;
      if (j - i < 40) {
        h ^= CODES[j]!;
        h = Math.imul(h, 0x01000193);
        if (latin && latinish) addConcepts(concepts!, latin, h, false);
      }
    }
    if (latin && latinish && !digits && j - i <= 40) addConcepts(concepts!, latin, h, true);
    const id = digits ? mix((0x811c9dc5 ^ wordSeed ^ 0x23) + Math.min(j - i, 8)) : mix(h);
    out.add(id, 1);
    if (words && words.count < MAX_FEATURE_CHARS) {
      words.start[words.count] = POSITIONS[i]!;
      words.end[words.count] = POSITIONS[j - 1]! + 1;
      words.id[words.count++] = id;
    }
    i = j;
  }
  out.normalizeFrom(from);
  return wordsFrom;
}
