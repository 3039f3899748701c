/**
 * Inference of unseen wrong forms of known expressions (four characters or more): one character replaced by a
 * homophone or a look-alike, one character missing or extra inside the expression, or two adjacent characters
 * swapped. Everything else must match exactly.
 *
 * Candidates come from the pigeonhole principle: split an expression in two halves; a window with one edit keeps
 * at least one half intact (a swap across the middle breaks both, so expressions of six or more also get the two
 * parts that leave out the middle pair). An Aho–Corasick scan over the parts finds every candidate; each is then
 * verified. Vetoes keep false alarms out (research notes §d4): the window is itself a correct form, the edited
 * character sits inside a correct expression found in the text (社会主义法治国家 hides 义法治国 ≈ 依法治国), or an
 * exact wrong form already covers the place.
 */
import { buildAutomaton } from './aho-corasick';
import type { Automaton } from './aho-corasick';
import { likeness } from './confusion';
import type { Normalizer } from '../text/normalize';
import type { ExpressionEntry } from './types';

export interface Span {
  start: number;
  end: number;
}

/** The kinds of difference the inference reports. */
export type Edit = 'homophone' | 'shape' | 'missing' | 'extra' | 'swap';

export interface InferredHit extends Span {
  entry: number;
  edit: Edit;
}

/** Anchor automaton plus what each anchor stands for. Built with the dictionary, used by `inferVariants`. */
export interface FuzzyIndex {
  automaton: Automaton;
  /**
   * The anchors of part p are the slots first[p] … first[p+1]-1 of the flat tables below (flat typed arrays: the
   * scan visits millions of slots on a big page, and objects per slot cost more than the comparisons).
   */
  first: Int32Array;
  /**
   * Expression of each slot, its length, and whether the slot's window is aligned on the part's start (1) or end
   * (0). A part's slots are ordered by alignment and length, so slots that read the same window edge come together.
   */
  slotExpr: Int32Array;
  slotLen: Int32Array;
  slotAlignStart: Uint8Array;
  /** Aligned on start: window start = part end + shift. Aligned on end: window end (length n) = part end + shift. */
  slotShift: Int32Array;
  /**
   * The character at the far end of the slot's expression (its last when aligned on start, its first when aligned
   * on end) and the one next to it: a one-edit window must show one of them near the far end (see `inferVariants`).
   */
  slotFar: Uint16Array;
  slotNear: Uint16Array;
  /** Folded expressions that may be matched fuzzily, and the entry each belongs to. */
  exprs: string[];
  entryOf: number[];
  correctForms: Set<string>;
}

const MIN_LENGTH = 4;
const MIN_LENGTH_INDEL = 6;
/** Characters whose presence or absence changes wording, not correctness (的、和、了 …). */
const FUNCTION_CHARS = '的地得之和与及并或了着过也都在对把被从以为是有要好等';

interface Anchor {
  expr: number;
  /** Offset of the part in the expression, and whether the window is aligned on the part's start. */
  offset: number;
  alignStart: boolean;
}

/** Builds the anchor index over the entries' correct forms (folded with the dictionary's normaliser). */
export function buildFuzzyIndex(entries: ExpressionEntry[], normalizer: Normalizer, correctForms: Set<string>): FuzzyIndex {
  const parts = new Map<string, number>();
  const anchors: Anchor[][] = [];
  const exprs: string[] = [];
  const entryOf: number[] = [];
  const add = (part: string, anchor: Anchor) => {
    if (part.length < 2) return;
    let id = parts.get(part);
    if (id === undefined) {
      id = anchors.length;
      parts.set(part, id);
      anchors.push([]);
    }
    anchors[id]!.push(anchor);
  };
  entries.forEach((e, i) => {
    if (e.fuzzy === false) return;
    const expr = normalizer.foldPattern(e.correct);
    if (expr.length < MIN_LENGTH) return;
    const x = exprs.length;
    exprs.push(expr);
    entryOf.push(i);
    const k = expr.length >> 1;
    add(expr.slice(0, k), { expr: x, offset: 0, alignStart: true });
    add(expr.slice(k), { expr: x, offset: k, alignStart: false });
    if (expr.length >= 6) {
      add(expr.slice(0, k - 1), { expr: x, offset: 0, alignStart: true });
      add(expr.slice(k + 1), { expr: x, offset: k + 1, alignStart: false });
    }
  });
  const partList = [...parts.keys()];
  const slots = anchors.reduce((sum, list) => sum + list.length, 0);
  const first = new Int32Array(partList.length + 1);
  const slotExpr = new Int32Array(slots);
  const slotLen = new Int32Array(slots);
  const slotAlignStart = new Uint8Array(slots);
  const slotShift = new Int32Array(slots);
  const slotFar = new Uint16Array(slots);
  const slotNear = new Uint16Array(slots);
  let slot = 0;
  anchors.forEach((list, part) => {
    first[part] = slot;
    const partLen = partList[part]!.length;
    const order = (a: Anchor) => (a.alignStart ? 0 : 0x10000) + exprs[a.expr]!.length;
    for (const a of [...list].sort((p, q) => order(p) - order(q))) {
      slotExpr[slot] = a.expr;
      slotLen[slot] = exprs[a.expr]!.length;
      slotAlignStart[slot] = a.alignStart ? 1 : 0;
      const expr = exprs[a.expr]!;
      slotShift[slot] = a.alignStart ? -partLen - a.offset : expr.length - a.offset - partLen;
      slotFar[slot] = expr.charCodeAt(a.alignStart ? expr.length - 1 : 0);
      slotNear[slot] = expr.charCodeAt(a.alignStart ? expr.length - 2 : 1);
      slot++;
    }
  });
  first[partList.length] = slot;
  return { automaton: buildAutomaton(partList), first, slotExpr, slotLen, slotAlignStart, slotShift, slotFar, slotNear, exprs, entryOf, correctForms };
}

/**
 * Unseen variants in folded `text`, from `anchors`: the pairs [part, end, …] of `scan(index.automaton, text)` that
 * fall in one stretch of the text (one page block; a window never crosses a character that is no Han character).
 * `correct` are that stretch's correct-form spans, `exact` the wrong hits already reported there (inference stays
 * away from both), and `inside` is `coveredBy` over all correct spans of the text.
 */
export function inferVariants(
  index: FuzzyIndex,
  text: string,
  anchors: Int32Array,
  correct: Span[],
  exact: Span[],
  inside: Int32Array | null,
): InferredHit[] {
  if (anchors.length === 0) return [];
  const found: InferredHit[] = [];
  // Successful windows only (rare): a key per success, so the common failed candidate allocates nothing.
  let seen: Set<number> | null = null;
  const { first, slotExpr, slotLen, slotAlignStart, slotShift, slotFar, slotNear, exprs } = index;
  const exprCount = exprs.length;
  const textLength = text.length;
  for (let k = 0; k < anchors.length; k += 2) {
    const partEnd = anchors[k + 1]!;
    const last = first[anchors[k]! + 1]!;
    // The characters at the far edge of the window, read once per group of slots with one alignment and length.
    let group = 0;
    let atEdge = 0;
    let inner = 0;
    let outer = 0;
    for (let s = first[anchors[k]!]!; s < last; s++) {
      const n = slotLen[s]!;
      const alignStart = slotAlignStart[s] === 1;
      const at = partEnd + slotShift[s]!;
      if ((alignStart ? n : -n) !== group) {
        group = alignStart ? n : -n;
        const edge = alignStart ? at + n - 1 : at - n;
        const step = alignStart ? -1 : 1;
        atEdge = text.charCodeAt(edge);
        inner = text.charCodeAt(edge + step);
        outer = text.charCodeAt(edge - step);
      }
      // A quick necessary test that most candidates fail (a big page proposes millions of them). The anchored part
      // is a prefix (aligned on start) or a suffix (aligned on end) of the expression, so the edit lies towards the
      // far end. Whatever the one edit, the far character must sit at the edge of a window of the expression's own
      // length, one inside it (a missing character, or a swap of the last two), or one outside it (an extra
      // character); or, when the far character itself was replaced, its neighbour must sit one inside the edge.
      // Reads out of the text give NaN, which equals nothing.
      const far = slotFar[s]!;
      if (atEdge !== far && inner !== far && outer !== far && inner !== slotNear[s]!) continue;
      const x = slotExpr[s]!;
      const expr = exprs[x]!;
      // Lengths n (replace, swap), then n - 1 and n + 1 (missing, extra: only for expressions of six or more).
      const lengths = n >= MIN_LENGTH_INDEL ? 3 : 1;
      for (let l = 0; l < lengths; l++) {
        const len = l === 0 ? n : l === 1 ? n - 1 : n + 1;
        const start = alignStart ? at : at - len;
        if (start < 0 || start + len > textLength) continue;
        // A window inside a correct expression found in the text would be vetoed anyway: skip it unread.
        if (inside && inside[start]! >= start + len) continue;
        const edit = compare(expr, text, start, len);
        if (!edit) continue;
        // Two anchors of one expression can propose the same window: report it once.
        const key = (start * 3 + l) * exprCount + x;
        if (seen?.has(key)) continue;
        if (vetoed(index, text, start, len, edit.at, correct, exact)) continue;
        (seen ??= new Set()).add(key);
        found.push({ start, end: start + len, entry: index.entryOf[x]!, edit: edit.kind });
      }
    }
  }
  return found.length ? keepLongest(found, (a, b) => indel(a) - indel(b)) : found;
}

/**
 * For each text position p, the furthest end of a correct span that starts at or before p (null without spans):
 * a window [s, e) lies inside one correct span exactly when the entry at s reaches e.
 */
export function coveredBy(correct: Span[], length: number): Int32Array | null {
  if (correct.length === 0) return null;
  const reach = new Int32Array(length + 1);
  for (const c of correct) if (c.end > reach[c.start]!) reach[c.start] = c.end;
  for (let p = 1; p <= length; p++) if (reach[p - 1]! > reach[p]!) reach[p] = reach[p - 1]!;
  return reach;
}

/** The single edit that turns `expr` into text[start, start+len), with the text positions it touched. */
function compare(expr: string, text: string, start: number, len: number): { kind: Edit; at: number[] } | null {
  const n = expr.length;
  let i = 0;
  while (i < n && i < len && expr.charCodeAt(i) === text.charCodeAt(start + i)) i++;
  if (len === n) {
    if (i === n) return null; // the correct form itself
    let j = n - 1;
    while (j > i && expr.charCodeAt(j) === text.charCodeAt(start + j)) j--;
    const a = expr.charCodeAt(i);
    const t = text.charCodeAt(start + i);
    if (j === i) {
      if (!isHan(a) || !isHan(t)) return null;
      const like = likeness(a, t);
      return like ? { kind: like, at: [start + i] } : null;
    }
    if (j === i + 1 && a === text.charCodeAt(start + j) && expr.charCodeAt(j) === t && a !== t && isHan(a) && isHan(t))
      return { kind: 'swap', at: [start + i, start + j] };
    return null;
  }
  // One character missing (len = n-1) or extra (len = n+1). Measured on official text, these edits mostly
  // produce other right wordings (中小企业 vs 中小微企业, 中国共产党领导 vs …的领导), so they are only inferred for
  // expressions of six or more, with two intact characters on each side, and never for a function character.
  const shorter = len < n;
  if (n < MIN_LENGTH_INDEL || i < 2 || i > n - (shorter ? 3 : 2)) return null;
  // The rest after the edit must match exactly (compared in place: most candidates fail here, on a big page
  // millions of times, so no substrings are made).
  const skipExpr = shorter ? 1 : 0;
  const skipText = shorter ? 0 : 1;
  for (let e = i + skipExpr, t = start + i + skipText; e < n; e++, t++) if (expr.charCodeAt(e) !== text.charCodeAt(t)) return null;
  const changed = shorter ? expr.charCodeAt(i) : text.charCodeAt(start + i);
  if (!isHan(changed) || FUNCTION_CHARS.includes(String.fromCharCode(changed))) return null;
  return shorter ? { kind: 'missing', at: [start + i - 1, start + i] } : { kind: 'extra', at: [start + i] };
}

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

function vetoed(index: FuzzyIndex, text: string, start: number, len: number, at: number[], correct: Span[], exact: Span[]): boolean {
  if (index.correctForms.has(text.slice(start, start + len))) return true;
  const end = start + len;
  if (exact.some((x) => x.start < end && start < x.end)) return true;
  // The edited characters belong to a correct expression that was found in the text.
  return correct.some((c) => at.every((p) => p >= c.start && p < c.end));
}

/**
 * Of overlapping spans the longest wins, then the leftmost, then the one `tie` puts first (exact wrong forms and
 * inferred windows alike).
 */
export function keepLongest<T extends Span>(hits: T[], tie: (a: T, b: T) => number = () => 0): T[] {
  const byLength = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || tie(a, b));
  const kept: T[] = [];
  for (const h of byLength) if (!kept.some((k) => k.start < h.end && h.start < k.end)) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}

/** An inferred window that keeps the expression's length is the likelier reading of a tie. */
function indel(h: InferredHit): number {
  return h.edit === 'missing' || h.edit === 'extra' ? 1 : 0;
}
