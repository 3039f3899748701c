/**
 * The expression matcher: one Aho–Corasick automaton over every wrong form and every correct form (expressions,
 * typos, and the allowed longer strings), run on folded text, with offsets mapped back to the original text.
 *
 * A correct occurrence suppresses a weaker (shorter) wrong hit that overlaps it — “改革开发区” keeps “改革开发”
 * quiet, “社会主义法治国家” keeps an inferred “义法治国” quiet. Then the inference of unseen variants runs
 * (variants.ts) over the same scan.
 */
import { createNormalizer } from '../text/normalize';
import type { FoldedText, Normalizer } from '../text/normalize';
import { buildAutomaton, scan } from './aho-corasick';
import type { Automaton } from './aho-corasick';
import { buildFuzzyIndex, coveredBy, inferVariants, keepLongest } from './variants';
import type { FuzzyIndex, Span } from './variants';
import type { DictionaryData, ExpressionEntry, ExpressionHit, TypoEntry } from './types';

/** What a pattern stands for: a correct string (suppresses), and/or wrong forms of entries or typos. */
interface PatternRole {
  correct: boolean;
  /** Index into `entries` (≥ 0) or into `typos` (encoded as -1 - index), and the wrong form's index. */
  wrong: { ref: number; form: number }[];
}

/** A dictionary compiled for matching. Build once (`compileDictionary`), reuse for every block. */
export interface CompiledDictionary {
  data: DictionaryData;
  normalizer: Normalizer;
  automaton: Automaton;
  patterns: string[];
  roles: PatternRole[];
  fuzzy: FuzzyIndex;
}

/** Compiles a dictionary: folds every string, builds the automaton and the index for unseen variants. */
export function compileDictionary(data: DictionaryData): CompiledDictionary {
  const keep = new Set<string>();
  const addChars = (s: string) => {
    for (const ch of s) keep.add(ch);
  };
  for (const e of data.entries) {
    addChars(e.correct);
    e.wrong.forEach((w) => addChars(w.form));
  }
  for (const t of data.typos) addChars(t.wrong + t.correct);
  const normalizer = createNormalizer(keep);

  const ids = new Map<string, number>();
  const patterns: string[] = [];
  const roles: PatternRole[] = [];
  const role = (raw: string): PatternRole => {
    const folded = normalizer.foldPattern(raw);
    let id = ids.get(folded);
    if (id === undefined) {
      id = patterns.length;
      ids.set(folded, id);
      patterns.push(folded);
      roles.push({ correct: false, wrong: [] });
    }
    return roles[id]!;
  };
  data.entries.forEach((e, i) => {
    role(e.correct).correct = true;
    e.allow?.forEach((a) => (role(a).correct = true));
    e.wrong.forEach((w, j) => role(w.form).wrong.push({ ref: i, form: j }));
  });
  data.typos.forEach((t, i) => {
    role(t.correct).correct = true;
    t.allow?.forEach((a) => (role(a).correct = true));
    role(t.wrong).wrong.push({ ref: -1 - i, form: 0 });
  });
  const automaton = buildAutomaton(patterns);
  const fuzzy = buildFuzzyIndex(data.entries, normalizer, new Set(patterns.filter((_, id) => roles[id]!.correct)));
  return { data, normalizer, automaton, patterns, roles, fuzzy };
}

/** Every wrong form in `text`, exact and inferred, in offsets of `text`, sorted by position. */
export function findHits(dict: CompiledDictionary, text: string): ExpressionHit[] {
  return findHitsInTexts(dict, [text])[0]!;
}

/**
 * Joins texts for one scan. Folding keeps it (it is no space or mark), no pattern contains it, and it is no Han
 * character, so neither a match nor an inferred window can cross it.
 */
const SEPARATOR = '\uffff';

/**
 * `findHits` for many texts at once (a page's blocks): they are joined, folded and scanned once, and the hits are
 * handed back per text. A big page has tens of thousands of short blocks, and set-up per text (typed arrays, two
 * scans) cost more than the matching itself.
 */
export function findHitsInTexts(dict: CompiledDictionary, texts: readonly string[]): ExpressionHit[][] {
  const out = texts.map((): ExpressionHit[] => []);
  const joined = texts.join(SEPARATOR);
  const folded = dict.normalizer.fold(joined);
  const text = folded.text;
  // Both scans report in order of end, so each text's matches are one run of these lists.
  const correct: Span[] = [];
  const wrong: WrongSpan[] = [];
  const raw = scan(dict.automaton, text);
  for (let k = 0; k < raw.length; k += 2) {
    const pattern = raw[k]!;
    const end = raw[k + 1]!;
    const start = end - dict.patterns[pattern]!.length;
    if (dict.roles[pattern]!.correct) correct.push({ start, end });
    else wrong.push({ start, end, pattern });
  }
  const anchors = scan(dict.fuzzy.automaton, text);
  const inside = coveredBy(correct, text.length);
  const { starts } = folded;
  let origStart = 0;
  let foldEnd = 0;
  let c = 0;
  let w = 0;
  let a = 0;
  texts.forEach((source, t) => {
    const origEnd = origStart + source.length;
    // The folded end of this text: the first folded unit that comes from the separator after it.
    if (!starts) foldEnd = origEnd;
    else while (foldEnd < starts.length && starts[foldEnd]! < origEnd) foldEnd++;
    const c0 = c;
    const w0 = w;
    const a0 = a;
    while (c < correct.length && correct[c]!.end <= foldEnd) c++;
    while (w < wrong.length && wrong[w]!.end <= foldEnd) w++;
    while (a < anchors.length && anchors[a + 1]! <= foldEnd) a += 2;
    if (w > w0 || a > a0) {
      const place = { folded, origStart, source };
      out[t] = hitsOfText(dict, place, correct.slice(c0, c), wrong.slice(w0, w), anchors.subarray(a0, a), inside);
    }
    origStart = origEnd + SEPARATOR.length;
  });
  return out;
}

interface WrongSpan extends Span {
  pattern: number;
}

/** Where one text sits in the joined, folded text: its hits are reported in offsets of `source`. */
interface TextPlace {
  folded: FoldedText;
  origStart: number;
  source: string;
}

function hitsOfText(
  dict: CompiledDictionary,
  place: TextPlace,
  correct: Span[],
  wrong: WrongSpan[],
  anchors: Int32Array,
  inside: Int32Array | null,
): ExpressionHit[] {
  const kept = keepLongest(wrong.filter((w) => !suppressed(w, correct)));
  const hits: ExpressionHit[] = [];
  for (const w of kept) {
    for (const ref of dict.roles[w.pattern]!.wrong) hits.push(exactHit(dict, ref, w, place));
  }
  for (const v of inferVariants(dict.fuzzy, place.folded.text, anchors, correct, kept, inside)) {
    const entry = dict.data.entries[v.entry]!;
    const [start, end] = originalRange(dict, place, v);
    hits.push({
      check: 'expression',
      start,
      end,
      written: place.source.slice(start, end),
      correct: entry.correct,
      severity: 'major',
      category: entry.category,
      kind: 'inferred',
      edit: v.edit,
      source: entry.source,
    });
  }
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** A folded span in offsets of its own text. */
function originalRange(dict: CompiledDictionary, place: TextPlace, span: Span): [number, number] {
  const [start, end] = dict.normalizer.toOriginal(place.folded, span.start, span.end);
  return [start - place.origStart, end - place.origStart];
}

/** A correct occurrence that overlaps a wrong hit and is longer than it wins. */
function suppressed(w: Span, correct: Span[]): boolean {
  const len = w.end - w.start;
  return correct.some((c) => c.start < w.end && w.start < c.end && c.end - c.start > len);
}

function exactHit(dict: CompiledDictionary, ref: { ref: number; form: number }, w: Span, place: TextPlace): ExpressionHit {
  const [start, end] = originalRange(dict, place, w);
  const written = place.source.slice(start, end);
  if (ref.ref < 0) {
    const t: TypoEntry = dict.data.typos[-1 - ref.ref]!;
    return { check: 'typo', start, end, written, correct: t.correct, severity: 'major', category: '错别字', kind: 'observed', source: t.source };
  }
  const e: ExpressionEntry = dict.data.entries[ref.ref]!;
  const form = e.wrong[ref.form]!;
  return {
    check: 'expression',
    start,
    end,
    written,
    correct: e.correct,
    severity: e.severity,
    category: e.category,
    kind: form.kind,
    ...(form.since ? { since: form.since } : {}),
    source: e.source,
  };
}
