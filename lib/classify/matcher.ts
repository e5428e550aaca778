/**
 * Finds every keyword of the rule tables in a text in one pass, folding the text as it reads it.
 *
 * An Aho–Corasick automaton compiled to transition tables: each character of the message is
 * looked up once in a folding table (NFKC, width, case and the European accents, exactly as
 * normalize.ts folds a single character) and moves the automaton by one table read. So the
 * classifier never builds a normalised copy of the message: the hits come back with offsets into
 * the text as given, which is also what the sidebar highlights.
 *
 * Characters that combine with their neighbours under NFKC (combining accents, kana voicing marks,
 * half-width voicing marks, a few astral blocks) or fold into several characters (ß, œ, ligatures)
 * cannot be folded one at a time into one symbol: when the scan meets one it stops and says so, and
 * the caller scans normalizeText(text) instead (`exact`), with its offsets mapped back. Runs of
 * white space count as one space, so "where  is\nmy" is "where is my". The folding table is filled
 * as characters are first seen (one normalizeText call per distinct character), so compiling costs
 * nothing for the 65,536 code units a message will never use.
 *
 * Latin keywords match whole words unless they are stems ("cancel*"); others match anywhere.
 * Linear in the text: one table read per character, and per character at most the keywords that
 * end there (bounded by the tables, not by the text).
 */
import { normalizeText } from './normalize';

export interface Keyword {
  /** Normalised text (normalizeText), white space single. */
  readonly text: string;
  /** A stem matches any ending. */
  readonly stem: boolean;
  /** Hits starting at or after this offset are not recorded (for words only worth counting near the start). */
  readonly maxStart?: number;
  /** Instead of a hit, add one to this counter (ScriptCounts.counters): for words only counted. */
  readonly counter?: number;
}

/** Where the hits of one scan go: parallel arrays, `count` used, reset by the caller. */
export interface HitBuffer {
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly keyword: Int32Array;
  count: number;
}

export function hitBuffer(capacity: number): HitBuffer {
  return { start: new Int32Array(capacity), end: new Int32Array(capacity), keyword: new Int32Array(capacity), count: 0 };
}

/** What the scan saw of the scripts, in the first `scriptLimit` characters. */
export interface ScriptCounts {
  kana: number;
  han: number;
  /** Bits of the marked letters (see compileMatcher's `letters`) seen anywhere. */
  letters: number;
  /** Occurrences of the counted keywords (Keyword.counter); zeroed when a scan is refused. */
  readonly counters: Int32Array;
}

const SEPARATOR = 0;
/** Not yet looked up. */
const UNKNOWN = 0xfffe;
/** Needs whole-text normalisation. */
const FALLBACK = 0xffff;
/** Shows as nothing (zero-width characters, soft hyphen…): skipped, so it cannot cut a word. */
const IGNORE = 0xfffd;
const RING = 256;
const RING_MASK = RING - 1;
const LATIN_WORD = /^[a-z0-9]$/;
/** Marks that compose with the character before them under NFKC. */
const COMPOSING_MARK = /^[\u0300-\u036f\u3099-\u309c\uff9e\uff9f]$/;
/**
 * High surrogates of astral blocks that fold into letters or kanji (mathematical letters, enclosed
 * letters, compatibility ideographs) or into nothing (tag characters, invisible).
 */
const FOLDING_ASTRAL = new Set([0xd835, 0xd83c, 0xd87e, 0xdb40]);
const HINT_KANA = 1;
const HINT_HAN = 2;

export interface Matcher {
  /**
   * Scans `text`; appends hits to `out` (until it is full) and returns true, or returns false
   * (having appended nothing) when the text needs whole-text normalisation first.
   * With `exact`, the text is taken as already normalised and never refused.
   */
  scan(text: string, out: HitBuffer, counts: ScriptCounts | undefined, exact: boolean): boolean;
}

/**
 * @param letters characters (as written, before folding) whose presence sets a bit in
 *   ScriptCounts.letters, e.g. [['äöüß', 1]]: the languages' own letters, which folding erases.
 * @param scriptLimit how many characters from the start count towards ScriptCounts.
 */
export function compileMatcher(keywords: readonly Keyword[], letters: ReadonlyArray<readonly [string, number]> = [], scriptLimit = 600): Matcher {
  const alphabet = alphabetOf(keywords);
  const folding = foldingTable(alphabet, letters);
  const trie = buildTrie(keywords, alphabet);
  const moves = automaton(trie, alphabet);
  const outputs = outputLists(trie, moves);
  const counterOf = Int32Array.from(keywords, (k) => k.counter ?? -1);
  const tables: Tables = {
    ...folding,
    ...outputs,
    aTable: moves.aTable,
    oRow: moves.oRow,
    oTable: moves.oTable,
    asciiWidth: alphabet.asciiWidth,
    space: alphabet.space,
    isWord: alphabet.isWord,
    lengths: trie.lengths,
    latinStart: Uint8Array.from(keywords, (k) => (LATIN_WORD.test(k.text[0]!) ? 1 : 0)),
    checkEnd: Uint8Array.from(keywords, (k) => (!k.stem && LATIN_WORD.test(k.text.at(-1)!) ? 1 : 0)),
    maxStart: Int32Array.from(keywords, (k) => Math.min(k.maxStart ?? 0x7fffffff, 0x7fffffff)),
    counterOf,
    noCounters: new Int32Array(Math.max(0, ...counterOf) + 1),
    posRing: new Int32Array(RING),
    scriptLimit,
  };
  return { scan: (text, out, counts, exact) => scanText(tables, text, out, counts, exact) };
}

/** The automaton's symbols: 0 the separator, then the ASCII block (space first), then the other characters. */
interface Alphabet {
  /** Code unit → symbol, 0 (the separator) for a character no keyword has. */
  readonly symbolOf: Uint16Array;
  /** Symbols in all (the separator included). */
  readonly width: number;
  /** Columns of the ASCII block, separator included. */
  readonly asciiWidth: number;
  /** Columns of the other characters' block. */
  readonly otherWidth: number;
  readonly space: number;
  /** Per symbol: 1 for a Latin letter or digit (for whole-word checks). */
  readonly isWord: Uint8Array;
}

/**
 * Alphabet: every character of every keyword, plus the Latin word characters (needed for
 * whole-word checks even where no keyword uses them). ASCII symbols first, then the rest.
 */
function alphabetOf(keywords: readonly Keyword[]): Alphabet {
  // The distinct code units, collected as first seen and then sorted: no loop over all 65,536
  // code units (this runs on every wake, before the code is compiled).
  const seen = new Uint8Array(0x10000);
  const codes: number[] = [];
  const see = (c: number) => {
    if (seen[c] === 1) return;
    seen[c] = 1;
    codes.push(c);
  };
  for (const ch of ' abcdefghijklmnopqrstuvwxyz0123456789') see(ch.charCodeAt(0));
  for (const k of keywords) {
    const text = k.text;
    if (text.length === 0 || text.length >= RING - 1) throw new Error(`keyword length out of range: ${JSON.stringify(text)}`);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) throw new Error(`keyword character outside the BMP: ${text}`);
      see(c);
    }
  }
  // Code order: ASCII first, then the rest.
  codes.sort((a, b) => a - b);
  if (codes.length + 1 >= IGNORE) throw new Error('alphabet too large');
  const symbolOf = new Uint16Array(0x10000);
  let asciiWidth = 1;
  codes.forEach((c, i) => {
    symbolOf[c] = i + 1;
    if (c < 0x80) asciiWidth = i + 2;
  });
  const width = codes.length + 1;
  const isWord = new Uint8Array(width);
  for (const ch of 'abcdefghijklmnopqrstuvwxyz0123456789') isWord[symbolOf[ch.charCodeAt(0)]!] = 1;
  return { symbolOf, width, asciiWidth, otherWidth: width - asciiWidth, space: symbolOf[32]!, isWord };
}

/** Code unit → symbol (or FALLBACK, IGNORE, UNKNOWN), and script hints; `learn` fills a code unit's on first sight. */
interface Folding {
  readonly fold: Uint16Array;
  readonly hints: Uint8Array;
  readonly learn: (c: number) => number;
}

function foldingTable(alphabet: Alphabet, letters: ReadonlyArray<readonly [string, number]>): Folding {
  const { symbolOf, space } = alphabet;
  const fold = new Uint16Array(0x10000).fill(UNKNOWN);
  const hints = new Uint8Array(0x10000);
  const markBits = new Map<number, number>();
  for (const [chars, bit] of letters) for (const ch of chars) markBits.set(ch.charCodeAt(0), (markBits.get(ch.charCodeAt(0)) ?? 0) | bit);
  const learn = (c: number): number => {
    let sym: number;
    if (c >= 0xd800 && c <= 0xdfff) sym = FOLDING_ASTRAL.has(c) ? FALLBACK : SEPARATOR;
    else {
      const ch = String.fromCharCode(c);
      const folded = normalizeText(ch);
      if (COMPOSING_MARK.test(ch) || folded.length !== 1) sym = folded.length === 0 ? IGNORE : FALLBACK;
      else sym = /\s/.test(folded) ? space : symbolOf[folded.charCodeAt(0)]!;
    }
    fold[c] = sym;
    hints[c] = (c >= 0x3040 && c <= 0x30ff ? HINT_KANA : c >= 0x4e00 && c <= 0x9fff ? HINT_HAN : 0) | ((markBits.get(c) ?? 0) << 2);
    return sym;
  };
  for (let c = 0; c < 0x80; c++) learn(c);
  return { fold, hints, learn };
}

/**
 * The keywords' trie, as flat arrays (no map, no object per state: compiling runs whenever the
 * background wakes up, before its code is compiled, so it should be a few plain loops).
 */
interface Trie {
  /** The symbol leading into a state. */
  readonly symbolIn: Uint16Array;
  readonly firstChild: Int32Array;
  readonly nextSibling: Int32Array;
  /** Per state: 1 when it has a child outside the ASCII block. */
  readonly ownsOther: Uint8Array;
  /** Per keyword: the state it ends at. */
  readonly endOf: Int32Array;
  /** Per keyword: its length in symbols. */
  readonly lengths: Int32Array;
  readonly nodes: number;
}

/**
 * The trie, built from the keywords' texts in sorted order: texts that share a prefix are next to
 * each other, so each text shares the path of the one before it up to their common prefix, and no
 * state's children need looking up.
 */
function buildTrie(keywords: readonly Keyword[], alphabet: Alphabet): Trie {
  let capacity = 1;
  for (const k of keywords) capacity += k.text.length;
  const symbolIn = new Uint16Array(capacity);
  const firstChild = new Int32Array(capacity).fill(-1);
  const nextSibling = new Int32Array(capacity).fill(-1);
  const ownsOther = new Uint8Array(capacity);
  const endOf = new Int32Array(keywords.length);
  const lengths = new Int32Array(keywords.length);
  const { symbolOf, asciiWidth } = alphabet;
  ownsOther[0] = 1;
  // The distinct texts sorted by the engine's own string order (code units), each with its keywords.
  const idsOf = new Map<string, number[]>();
  keywords.forEach((k, id) => {
    const ids = idsOf.get(k.text);
    if (ids) ids.push(id);
    else idsOf.set(k.text, [id]);
  });
  const texts = [...idsOf.keys()].sort();
  /** The states along the previous keyword: path[d] is the state after its first d characters. */
  const path = new Int32Array(RING);
  let previous = '';
  let nodes = 1;
  for (const text of texts) {
    let shared = 0;
    while (shared < text.length && shared < previous.length && text.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
    for (let d = shared; d < text.length; d++) {
      const node = path[d]!;
      const sym = symbolOf[text.charCodeAt(d)]!;
      const child = nodes++;
      symbolIn[child] = sym;
      nextSibling[child] = firstChild[node]!;
      firstChild[node] = child;
      if (sym >= asciiWidth) ownsOther[node] = 1;
      path[d + 1] = child;
    }
    for (const id of idsOf.get(text)!) {
      endOf[id] = path[text.length]!;
      lengths[id] = text.length;
    }
    previous = text;
  }
  if (nodes >= 0x10000) throw new Error('too many automaton states for 16-bit tables');
  return { symbolIn, firstChild, nextSibling, ownsOther, endOf, lengths, nodes };
}

/** Each state's failure link, and the states in breadth-first order (the root first). */
interface BreadthFirst {
  readonly failure: Int32Array;
  readonly order: Int32Array;
}

/** The moves: aTable[state × asciiWidth + symbol] for the ASCII block, oTable[oRow[state] + symbol − asciiWidth] for the rest. */
interface Moves {
  readonly aTable: Uint16Array;
  readonly oRow: Int32Array;
  readonly oTable: Uint16Array;
}

/**
 * Failure links and transition tables in one breadth-first pass. A state moves as its failure
 * state does, except on its own children; a child's failure state is where the parent's failure
 * state moves on the child's symbol (that state is shallower, so its moves are already complete).
 * The ASCII block in full (state × symbol), so Latin text moves with one table read per
 * character; the rest by row, a state owning a row only when it has a child outside ASCII
 * (otherwise it shares its failure state's row).
 */
function automaton(trie: Trie, { asciiWidth, otherWidth }: Alphabet): BreadthFirst & Moves {
  const { nodes, ownsOther, firstChild, nextSibling, symbolIn } = trie;
  const failure = new Int32Array(nodes);
  const order = new Int32Array(nodes);
  const aTable = new Uint16Array(nodes * asciiWidth);
  const oRow = new Int32Array(nodes);
  let owners = 0;
  for (let n = 0; n < nodes; n++) owners += ownsOther[n]!;
  const oTable = new Uint16Array(owners * otherWidth);
  let used = 0;
  let queued = 1;
  for (let q = 0; q < nodes; q++) {
    const node = order[q]!;
    const f = failure[node]!;
    if (node !== 0) {
      // Each child's failure state: where this state's failure state moves on its symbol.
      for (let child = firstChild[node]!; child >= 0; child = nextSibling[child]!) {
        const sym = symbolIn[child]!;
        failure[child] = sym < asciiWidth ? aTable[f * asciiWidth + sym]! : oTable[oRow[f]! + sym - asciiWidth]!;
      }
      aTable.copyWithin(node * asciiWidth, f * asciiWidth, (f + 1) * asciiWidth);
    }
    if (ownsOther[node] === 1) {
      oRow[node] = used;
      if (node !== 0) oTable.copyWithin(used, oRow[f]!, oRow[f]! + otherWidth);
      used += otherWidth;
    } else oRow[node] = oRow[f]!;
    for (let child = firstChild[node]!; child >= 0; child = nextSibling[child]!) {
      const sym = symbolIn[child]!;
      if (sym < asciiWidth) aTable[node * asciiWidth + sym] = child;
      else oTable[oRow[node]! + sym - asciiWidth] = child;
      order[queued++] = child;
    }
    aTable[node * asciiWidth] = 0; // the separator always resets
  }
  return { failure, order, aTable, oRow, oTable };
}

/** Per state, the keywords ending there: outList[outStart[state], outStart[state + 1]). */
interface Outputs {
  readonly outStart: Int32Array;
  readonly outList: Int32Array;
  readonly hasOutput: Uint8Array;
}

/** A state's outputs: its own keywords, then its failure state's (breadth first, so those are known). */
function outputLists(trie: Trie, { failure, order }: BreadthFirst): Outputs {
  const { nodes, endOf } = trie;
  // Each state's own keywords, in keyword order: ownList[ownStart[state], ownStart[state + 1]).
  const ownStart = new Int32Array(nodes + 1);
  for (let id = 0; id < endOf.length; id++) ownStart[endOf[id]! + 1]!++;
  for (let n = 0; n < nodes; n++) ownStart[n + 1]! += ownStart[n]!;
  const ownList = new Int32Array(endOf.length);
  const filled = ownStart.slice(0, nodes);
  for (let id = 0; id < endOf.length; id++) ownList[filled[endOf[id]!]!++] = id;
  const outCount = new Int32Array(nodes);
  for (let q = 1; q < nodes; q++) {
    const node = order[q]!;
    outCount[node] = ownStart[node + 1]! - ownStart[node]! + outCount[failure[node]!]!;
  }
  const outStart = new Int32Array(nodes + 1);
  for (let n = 0; n < nodes; n++) outStart[n + 1] = outStart[n]! + outCount[n]!;
  const outList = new Int32Array(outStart[nodes]!);
  const hasOutput = new Uint8Array(nodes);
  for (let q = 1; q < nodes; q++) {
    const node = order[q]!;
    if (outCount[node] === 0) continue; // most states: no view, no copy
    let at = outStart[node]!;
    for (let o = ownStart[node]!; o < ownStart[node + 1]!; o++) outList[at++] = ownList[o]!;
    const f = failure[node]!;
    if (outCount[f]! > 0) outList.copyWithin(at, outStart[f]!, outStart[f + 1]!);
    hasOutput[node] = 1;
  }
  return { outStart, outList, hasOutput };
}

/** Everything a scan reads: the compiled tables, per keyword what its hits must satisfy, and a ring of positions. */
interface Tables extends Folding, Outputs, Moves {
  readonly asciiWidth: number;
  readonly space: number;
  readonly isWord: Uint8Array;
  readonly lengths: Int32Array;
  /** Per keyword: 1 when it must start a word (its first character is a Latin letter or digit). */
  readonly latinStart: Uint8Array;
  /** Per keyword: 1 when it must end a word (not a stem, and its last character is a Latin letter or digit). */
  readonly checkEnd: Uint8Array;
  readonly maxStart: Int32Array;
  /** Per keyword: the counter it adds to, or −1 (a hit). */
  readonly counterOf: Int32Array;
  readonly noCounters: Int32Array;
  /** The text offset of each of the last RING symbols fed (where a keyword ending now starts). */
  readonly posRing: Int32Array;
  readonly scriptLimit: number;
}

/** Matcher.scan. */
function scanText(t: Tables, text: string, out: HitBuffer, counts: ScriptCounts | undefined, exact: boolean): boolean {
  const { fold, hints, learn, aTable, oTable, oRow, asciiWidth, space: SPACE, hasOutput, posRing, scriptLimit } = t;
  const first = out.count;
  let state = 0;
  let fed = 0; // symbols fed so far
  let space = false;
  let kana = 0;
  let han = 0;
  let marks = 0;
  const counters = counts?.counters ?? t.noCounters;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let sym = fold[c]!;
    if (c >= 0x80) {
      if (sym >= UNKNOWN) {
        if (sym === UNKNOWN) sym = learn(c);
        if (sym === FALLBACK) {
          if (!exact) {
            out.count = first;
            counters.fill(0);
            return false;
          }
          sym = SEPARATOR;
        }
      }
      if (sym === IGNORE) continue;
      const hint = hints[c]!;
      if (hint !== 0) {
        if (i < scriptLimit) {
          if (hint === HINT_KANA) kana++;
          else if (hint === HINT_HAN) han++;
        }
        marks |= hint >> 2;
      }
    }
    if (sym === SPACE) {
      if (space) continue;
      space = true;
    } else space = false;
    state = sym < asciiWidth ? aTable[state * asciiWidth + sym]! : oTable[oRow[state]! + sym - asciiWidth]!;
    posRing[fed & RING_MASK] = i;
    fed++;
    if (hasOutput[state] !== 0) recordHits(t, text, state, i, fed, out, counters);
  }
  if (counts) {
    counts.kana += kana;
    counts.han += han;
    counts.letters |= marks;
  }
  return true;
}

/** The keywords that end at text[i] (in `state`, after `fed` symbols): each a hit in `out` (until it is full) or a count. */
function recordHits(t: Tables, text: string, state: number, i: number, fed: number, out: HitBuffer, counters: Int32Array): void {
  const { outStart, outList, lengths, posRing, maxStart, latinStart, checkEnd, counterOf } = t;
  const capacity = out.keyword.length;
  for (let k = outStart[state]!, end = outStart[state + 1]!; k < end; k++) {
    const id = outList[k]!;
    const startPos = posRing[(fed - lengths[id]!) & RING_MASK]!;
    if (startPos >= maxStart[id]!) continue;
    if (latinStart[id] === 1 && wordAt(t, text, startPos - 1, -1)) continue;
    if (checkEnd[id] === 1 && wordAt(t, text, i + 1, 1)) continue;
    if (counterOf[id]! >= 0) {
      counters[counterOf[id]!]! += 1;
      continue;
    }
    if (out.count >= capacity) break;
    out.start[out.count] = startPos;
    out.end[out.count] = i + 1;
    out.keyword[out.count] = id;
    out.count++;
  }
}

/** Is the character at `pos` (folded) a Latin letter or digit? Positions outside the text are not. */
function wordAt(t: Tables, text: string, pos: number, step: -1 | 1): boolean {
  // Invisible characters in between do not separate words (a few at most are looked past).
  for (let skipped = 0; pos >= 0 && pos < text.length && skipped < 8; pos += step, skipped++) {
    const c = text.charCodeAt(pos);
    let sym = t.fold[c]!;
    if (sym === UNKNOWN) sym = t.learn(c);
    if (sym !== IGNORE) return sym < IGNORE && t.isWord[sym] === 1;
  }
  return false;
}
