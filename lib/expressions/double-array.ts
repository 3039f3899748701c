/**
 * Packing of the automaton's stored rows into a double array (see aho-corasick.ts): each state gets a base so
 * that `base + class` lands on a slot it owns for every class of its row. Output: interleaved cells
 * [check, next] per slot, so one cache line serves a probe.
 */

/** Free slots tried for one row before it is put at the empty tail of the double array. */
const MAX_PLACEMENT_TRIES = 200;

/** Places the rows of `order[0..count)` (old ids) and fills `base` (new ids); returns the interleaved cells. */
export function placeRows(
  order: Int32Array,
  count: number,
  newId: Int32Array,
  rowStart: Int32Array,
  rowLength: Int32Array,
  rows: Int32Array,
  classes: number,
  base: Int32Array,
): Int32Array {
  const states: number[] = [];
  for (let q = 0; q < count; q++) if (rowLength[order[q]!]! > 0) states.push(order[q]!);
  // Rows come biggest first, and each row's classes are sorted, so a row is tested from its first class.
  states.sort((a, b) => rowLength[b]! - rowLength[a]!);
  for (const s of states) sortPairs(rows, rowStart[s]!, rowLength[s]!);
  // Slots below `classes + 1` stay empty so every base is positive; free slots form a linked list so placing a
  // row skips the occupied ones instead of rescanning them (first fit over a fragmented array is quadratic).
  // Rows of one size share a start hint that only moves forward, and a row that does not fit after a bounded
  // number of tries goes to the empty tail. Both keep the build linear in practice.
  const lowest = classes + 1;
  let size = lowest * 2 + 4 * states.reduce((sum, s) => sum + rowLength[s]!, 0) + 1024;
  let check = new Int32Array(size).fill(-1);
  let nxt = new Int32Array(size);
  let nextFree = new Int32Array(size);
  let prevFree = new Int32Array(size);
  const link = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      nextFree[i] = i + 1;
      prevFree[i] = i - 1;
    }
  };
  link(lowest, size);
  let head = lowest;
  const grow = () => {
    const old = size;
    size *= 2;
    const c = new Int32Array(size).fill(-1);
    c.set(check);
    check = c;
    const x = new Int32Array(size);
    x.set(nxt);
    nxt = x;
    const nf = new Int32Array(size);
    nf.set(nextFree);
    nextFree = nf;
    const pf = new Int32Array(size);
    pf.set(prevFree);
    prevFree = pf;
    link(old, size); // the old list ended at `old`, which is now the first new free slot
  };
  let hintSize = -1;
  let hint = head;
  let tail = lowest;
  for (const s of states) {
    const r0 = rowStart[s]!;
    const len = rowLength[s]!;
    const c0 = rows[r0]!;
    const span = rows[r0 + 2 * (len - 1)]! - c0;
    if (len !== hintSize) {
      hintSize = len;
      hint = head;
    }
    let pos = Math.max(hint, head);
    while (pos < size && check[pos] !== -1) pos++;
    if (pos >= size) grow();
    for (let tries = 0; ; tries++) {
      if (tries > MAX_PLACEMENT_TRIES) pos = Math.max(pos, tail);
      while (pos + span + 1 >= size) grow();
      const b = pos - c0;
      let fits = true;
      for (let k = r0 + 2; k < r0 + 2 * len; k += 2) {
        if (check[b + rows[k]!] !== -1) {
          fits = false;
          break;
        }
      }
      if (fits) break;
      pos = nextFree[pos]!;
    }
    hint = pos;
    tail = Math.max(tail, pos + span + 1);
    const b = pos - c0;
    const id = newId[s]!;
    base[id] = b;
    for (let k = r0; k < r0 + 2 * len; k += 2) {
      const slot = b + rows[k]!;
      check[slot] = id;
      nxt[slot] = rows[k + 1]!;
      const p = prevFree[slot]!;
      const q = nextFree[slot]!;
      if (slot === head) head = q;
      else nextFree[p] = q;
      prevFree[q] = p;
    }
  }
  // Trim, keeping room so base + class never reads past the end.
  let end = check.length;
  while (end > lowest && check[end - 1] === -1) end--;
  end += classes + 1;
  const cells = new Int32Array(2 * end).fill(-1);
  for (let i = 0; i < end && i < check.length; i++) {
    cells[2 * i] = check[i]!;
    cells[2 * i + 1] = nxt[i]!;
  }
  return cells;
}

/** Sorts the (class, target) pairs of one row by class (rows are short: insertion sort). */
function sortPairs(rows: Int32Array, start: number, length: number): void {
  for (let i = 1; i < length; i++) {
    const c = rows[start + 2 * i]!;
    const t = rows[start + 2 * i + 1]!;
    let j = i - 1;
    while (j >= 0 && rows[start + 2 * j]! > c) {
      rows[start + 2 * j + 2] = rows[start + 2 * j]!;
      rows[start + 2 * j + 3] = rows[start + 2 * j + 1]!;
      j--;
    }
    rows[start + 2 * j + 2] = c;
    rows[start + 2 * j + 3] = t;
  }
}
