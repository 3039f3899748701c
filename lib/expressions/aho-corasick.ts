/**
 * Aho–Corasick automaton over UTF-16 code units, stored as flat Int32Arrays.
 *
 * Why this layout: a Map-based trie with failure links is only ~3× faster than a RegExp alternation, and a dense
 * transition table (states × alphabet) is fast but takes hundreds of MB for a dictionary with ~2,000 distinct
 * characters. Here the automaton is a DFA whose rows are stored compactly:
 * - `classOf` remaps only the characters that occur in patterns to classes 1..K; every other character is class 0
 *   and sends the scan straight back to the root (the fast skip);
 * - `rootNext[c]` is the root's dense row (K entries);
 * - every other state keeps a stored row: its own edges plus, while small, the rows inherited along its failure
 *   chain (so the lookup rarely chains). Rows live in a double array (double-array.ts): the transition on class c
 *   from state s is `next[base[s] + c]` when `check[base[s] + c] === s`, otherwise the row of `fallback[s]`, and
 *   finally `rootNext[c]`. With the bundled dictionary every row fits, so each character costs one probe.
 * - states are numbered so that every state with an output has an id ≥ `firstOutput`: one comparison per char.
 */
import { placeRows } from './double-array';

/** Largest row a state copies from its failure state (see step 2 of `buildAutomaton`). */
const INLINE_ROW_LIMIT = 256;

/** The compiled automaton. Plain typed arrays, so it can be cached or serialised as is. */
export interface Automaton {
  classOf: Uint16Array;
  rootNext: Int32Array;
  base: Int32Array;
  /** Double-array cells, interleaved so one cache line serves both: [check, next] per slot. */
  cells: Int32Array;
  /** Per state: where to look when its stored row has no entry (0 = the root row). */
  fallback: Int32Array;
  /** States with id ≥ this have an output. */
  firstOutput: number;
  /** Per state: the pattern that ends exactly here, or -1. */
  own: Int32Array;
  /** Per state: the nearest state on the failure chain that has `own` ≥ 0, or -1. */
  outLink: Int32Array;
  /** Length (UTF-16 units) of each pattern. */
  patternLength: Int32Array;
  stateCount: number;
}

/** Builds the automaton. Pattern ids are the indices in `patterns`; duplicates keep the first id. */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  const classOf = new Uint16Array(0x10000);
  let classes = 0;
  let total = 1;
  for (const p of patterns) {
    total += p.length;
    for (let i = 0; i < p.length; i++) {
      const code = p.charCodeAt(i);
      if (classOf[code] === 0) classOf[code] = ++classes;
    }
  }
  if (classes >= 0xffff) throw new Error('字典字符过多，无法建立匹配表');
  const width = classes + 1;

  // 1. Trie. One Map keyed by state * width + class (small integers, so V8 keeps it fast) and, per state, a
  //    linked list of children for the breadth-first pass.
  const goto = new Map<number, number>();
  const firstChild = new Int32Array(total).fill(-1);
  const nextSibling = new Int32Array(total).fill(-1);
  const edgeClass = new Int32Array(total);
  const ownOld = new Int32Array(total).fill(-1);
  let n = 1;
  patterns.forEach((p, id) => {
    if (p.length === 0) return;
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const c = classOf[p.charCodeAt(i)]!;
      let t = goto.get(s * width + c);
      if (t === undefined) {
        t = n++;
        goto.set(s * width + c, t);
        edgeClass[t] = c;
        nextSibling[t] = firstChild[s]!;
        firstChild[s] = t;
      }
      s = t;
    }
    if (ownOld[s] === -1) ownOld[s] = id;
  });

  // 2. Breadth-first: failure links, output links and stored rows. A state's stored row is its own edges plus
  //    the stored row of its failure state when that row is small (then lookups never chain), else its own edges
  //    only with the failure state as fallback. Copying big rows down every failure chain is what makes a full
  //    DFA big; stopping at a size limit keeps the table small and the fallback chain one or two hops long.
  const rootNext = new Int32Array(width);
  for (let t = firstChild[0]!; t !== -1; t = nextSibling[t]!) rootNext[edgeClass[t]!] = t;
  const fail = new Int32Array(n);
  const fallbackOld = new Int32Array(n);
  const outLinkOld = new Int32Array(n).fill(-1);
  const rowStart = new Int32Array(n);
  const rowLength = new Int32Array(n);
  let rows = new Int32Array(Math.max(1024, total * 4));
  let used = 0;
  const order = new Int32Array(n - 1);
  let head = 0;
  let tail = 0;
  for (let t = firstChild[0]!; t !== -1; t = nextSibling[t]!) order[tail++] = t;
  while (head < tail) {
    const s = order[head++]!;
    const f = fail[s]!;
    outLinkOld[s] = ownOld[f]! >= 0 ? f : outLinkOld[f]!;
    let own = 0;
    for (let t = firstChild[s]!; t !== -1; t = nextSibling[t]!) {
      const c = edgeClass[t]!;
      let x = f;
      let target = goto.get(x * width + c);
      while (target === undefined && x !== 0) {
        x = fail[x]!;
        target = goto.get(x * width + c);
      }
      fail[t] = target ?? 0;
      order[tail++] = t;
      own++;
    }
    const copy = f !== 0 && rowLength[f]! + own <= INLINE_ROW_LIMIT;
    fallbackOld[s] = copy ? fallbackOld[f]! : f;
    if (used + 2 * (own + (copy ? rowLength[f]! : 0)) > rows.length) {
      const grown = new Int32Array(rows.length * 2 + 2 * (own + rowLength[f]!));
      grown.set(rows);
      rows = grown;
    }
    rowStart[s] = used;
    const toRoot = fallbackOld[s] === 0;
    for (let t = firstChild[s]!; t !== -1; t = nextSibling[t]!) {
      const c = edgeClass[t]!;
      if (toRoot && rootNext[c] === t) continue;
      rows[used++] = c;
      rows[used++] = t;
    }
    if (copy) {
      for (let k = rowStart[f]!, e = k + 2 * rowLength[f]!; k < e; k += 2) {
        const c = rows[k]!;
        if (goto.has(s * width + c)) continue;
        if (toRoot && rootNext[c] === rows[k + 1]) continue;
        rows[used++] = c;
        rows[used++] = rows[k + 1]!;
      }
    }
    rowLength[s] = (used - rowStart[s]!) / 2;
  }

  // 3. Renumber: root 0, then states without output, then states with output.
  const newId = new Int32Array(n);
  let next = 1;
  for (let q = 0; q < tail; q++) {
    const s = order[q]!;
    if (ownOld[s]! < 0 && outLinkOld[s]! < 0) newId[s] = next++;
  }
  const firstOutput = next;
  for (let q = 0; q < tail; q++) {
    const s = order[q]!;
    if (ownOld[s]! >= 0 || outLinkOld[s]! >= 0) newId[s] = next++;
  }
  const own = new Int32Array(n).fill(-1);
  const outLink = new Int32Array(n).fill(-1);
  const fallback = new Int32Array(n);
  for (let s = 1; s < n; s++) {
    const id = newId[s]!;
    own[id] = ownOld[s]!;
    outLink[id] = outLinkOld[s]! >= 0 ? newId[outLinkOld[s]!]! : -1;
    fallback[id] = newId[fallbackOld[s]!]!;
  }
  for (let c = 1; c < width; c++) rootNext[c] = rootNext[c] ? newId[rootNext[c]!]! : 0;
  for (let k = 1; k < used; k += 2) rows[k] = newId[rows[k]!]!;

  // 4. Double array of the stored rows.
  const base = new Int32Array(n);
  const placed = placeRows(order, tail, newId, rowStart, rowLength, rows, classes, base);
  const patternLength = Int32Array.from(patterns, (p) => p.length);
  return {
    classOf,
    rootNext,
    base,
    cells: placed,
    fallback,
    firstOutput,
    own,
    outLink,
    patternLength,
    stateCount: n,
  };
}

/** Bytes held by the automaton's tables (what the speed goal's memory cap measures). */
export function tableBytes(a: Automaton): number {
  return [a.classOf, a.rootNext, a.base, a.cells, a.fallback, a.own, a.outLink, a.patternLength].reduce(
    (sum, arr) => sum + arr.byteLength,
    0,
  );
}

/**
 * Scans `text` and returns every match as flat pairs [patternId, end, patternId, end, …] (end exclusive),
 * in order of end, longest pattern first for one end.
 */
export function scan(a: Automaton, text: string): Int32Array {
  const { classOf, rootNext, base, cells, fallback, firstOutput, own, outLink } = a;
  // Most page blocks have few matches: start small (a big page has tens of thousands of blocks), grow by doubling.
  let out = new Int32Array(16);
  let k = 0;
  let s = 0;
  for (let i = 0, n = text.length; i < n; i++) {
    const c = classOf[text.charCodeAt(i)]!;
    if (c === 0) {
      s = 0; // the fast skip: a character in no pattern sends the scan back to the root
      continue;
    }
    // One probe of the stored row (the root owns no slot, so it always falls through to the root row); a state
    // whose row was too big to inherit in full continues on its fallback states.
    const t = (base[s]! + c) << 1;
    if (cells[t] === s) s = cells[t + 1]!;
    else {
      let x = fallback[s]!;
      for (;;) {
        if (x === 0) {
          s = rootNext[c]!;
          break;
        }
        const u = (base[x]! + c) << 1;
        if (cells[u] === x) {
          s = cells[u + 1]!;
          break;
        }
        x = fallback[x]!;
      }
    }
    if (s >= firstOutput) {
      for (let o = own[s]! >= 0 ? s : outLink[s]!; o >= 0; o = outLink[o]!) {
        if (k + 2 > out.length) {
          const grown = new Int32Array(out.length * 2);
          grown.set(out);
          out = grown;
        }
        out[k++] = own[o]!;
        out[k++] = i + 1;
      }
    }
  }
  return out.subarray(0, k);
}
