/**
 * Folds page text into the form the expression matcher reads, and keeps a map back to the original text so a
 * finding's highlight lands on exactly the characters the reader sees.
 *
 * Folding, one original code unit (or surrogate pair) at a time:
 * - full-width ASCII → half-width, U+3000 → space;
 * - every quote (“”「」『』‘’"' and kin) → `"`, middle dots → `·`;
 * - Traditional → Simplified, character by character (data/t2s.json), so offsets stay 1:1;
 * - whitespace (spaces, line breaks, NBSP …) is dropped, so “习近平 新时代” or a line break inside an expression
 *   still matches; patterns never contain whitespace;
 * - zero-width characters, combining marks and variation selectors are dropped but *attached* to the character
 *   before them, so a highlight never splits a base character from its marks;
 * - a surrogate pair becomes one U+FFFD unit (no pattern contains one), lone surrogates too.
 */
import t2sData from './data/t2s.json';

const DROP = 0;
const ATTACH = 1;
const SURROGATE = 2;
const REPLACEMENT = 0xfffd;

/** The folded text and, per folded code unit, the index of the original code unit it came from. */
export interface FoldedText {
  /** The original text. */
  source: string;
  /** The folded text the matcher reads. */
  text: string;
  /** `starts[i]` = original index of folded unit `i`; `null` when folding changed nothing (identity map). */
  starts: Int32Array | null;
}

/** A text folder: `fold` for page text, `foldPattern` for dictionary strings (same rules, no map). */
export interface Normalizer {
  fold(source: string): FoldedText;
  foldPattern(pattern: string): string;
  /** Original [start, end) of folded range [start, end). `end` takes in the marks attached to the last unit. */
  toOriginal(folded: FoldedText, start: number, end: number): [number, number];
}

const QUOTES = '“”„‟「」『』‘’‚‛"\'〝〞〟＂＇﹁﹂﹃﹄';
const DOTS = '·•・‧･∙⋅';
const WHITESPACE = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000];
const ATTACHED_RANGES: [number, number][] = [
  [0x0300, 0x036f], // combining diacritics
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x200b, 0x200d], // zero-width space / non-joiner / joiner
  [0x2060, 0x2064],
  [0x20d0, 0x20ff],
  [0x302a, 0x302f], // ideographic tone marks
  [0x3099, 0x309a],
  [0xfe00, 0xfe0f], // variation selectors
  [0xfe20, 0xfe2f],
  [0xfeff, 0xfeff],
  [0x00ad, 0x00ad], // soft hyphen
];

function baseTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  for (let c = 0; c < 0x20; c++) table[c] = DROP;
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = c - 0xfee0;
  for (const ws of WHITESPACE) table[ws] = DROP;
  for (let c = 0x2000; c <= 0x200a; c++) table[c] = DROP;
  for (const [lo, hi] of ATTACHED_RANGES) for (let c = lo; c <= hi; c++) table[c] = ATTACH;
  for (let c = 0xd800; c <= 0xdfff; c++) table[c] = SURROGATE;
  const { from, to } = t2sData as { from: string; to: string };
  for (let i = 0; i < from.length; i++) table[from.charCodeAt(i)] = to.charCodeAt(i);
  for (const q of QUOTES) table[q.charCodeAt(0)] = 0x22;
  for (const d of DOTS) table[d.charCodeAt(0)] = 0xb7;
  return table;
}

let sharedBase: Uint16Array | undefined;

/** Variation selectors 17–256 (U+E0100–U+E01EF) arrive as the pair DB40 DD00–DDEF: they attach like marks. */
function isAttachedPair(hi: number, lo: number): boolean {
  return hi === 0xdb40 && lo >= 0xdd00 && lo <= 0xddef;
}

/**
 * Creates a normaliser. `keep` lists characters that must not be Traditional → Simplified folded because the
 * dictionary itself writes them (e.g. a wrong form that differs from its correct form only by such a character).
 */
export function createNormalizer(keep: Iterable<string> = []): Normalizer {
  sharedBase ??= baseTable();
  let table = sharedBase;
  for (const ch of keep) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c > 0x2e80 && table[c] !== c) {
      if (table === sharedBase) table = sharedBase.slice();
      table[c] = c;
    }
  }
  const t = table;

  function fold(source: string): FoldedText {
    const n = source.length;
    const out = new Uint16Array(n);
    const starts = new Int32Array(n);
    let k = 0;
    let changed = false;
    for (let i = 0; i < n; i++) {
      const c = source.charCodeAt(i);
      const f = t[c]!;
      if (f > SURROGATE) {
        out[k] = f;
        starts[k++] = i;
        if (f !== c) changed = true;
        continue;
      }
      changed = true;
      if (f !== SURROGATE) continue; // DROP and ATTACH leave nothing in the folded text
      const lo = i + 1 < n ? source.charCodeAt(i + 1) : 0;
      const pair = c < 0xdc00 && lo >= 0xdc00 && lo <= 0xdfff;
      if (pair && isAttachedPair(c, lo)) {
        i++;
        continue;
      }
      out[k] = REPLACEMENT;
      starts[k++] = i;
      if (pair) i++;
    }
    if (!changed) return { source, text: source, starts: null };
    return { source, text: decodeUnits(out, k), starts: starts.slice(0, k) };
  }

  function foldPattern(pattern: string): string {
    return fold(pattern).text;
  }

  function toOriginal(folded: FoldedText, start: number, end: number): [number, number] {
    const { starts, source } = folded;
    if (!starts) return [start, end];
    const s = starts[start] ?? source.length;
    if (end <= start) return [s, s];
    let e = starts[end - 1]!;
    const c = source.charCodeAt(e);
    e += c >= 0xd800 && c < 0xdc00 && e + 1 < source.length ? 2 : 1;
    // Take in the marks that were attached to the last unit (and nothing dropped without attaching, e.g. spaces).
    while (e < source.length) {
      const d = source.charCodeAt(e);
      if (t[d] === ATTACH) e++;
      else if (d === 0xdb40 && isAttachedPair(d, source.charCodeAt(e + 1))) e += 2;
      else break;
    }
    return [s, e];
  }

  return { fold, foldPattern, toOriginal };
}

const decoder = new TextDecoder('utf-16le');

/** Turns the first `length` units into a string; TextDecoder is fast and safe here (no lone surrogates remain). */
function decodeUnits(units: Uint16Array, length: number): string {
  return decoder.decode(units.subarray(0, length));
}
