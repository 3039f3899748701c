import { describe, expect, it } from 'vitest';
import { buildAutomaton, scan, tableBytes } from '../../../lib/expressions/aho-corasick';

/** Every (pattern id, end) found by indexOf: the reference the automaton must reproduce. */
function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, id) => {
    if (patterns.indexOf(p) !== id || p === '') return;
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) out.push(`${id}:${i + p.length}`);
  });
  return out.sort();
}

function pairs(found: Int32Array): string[] {
  const out: string[] = [];
  for (let k = 0; k < found.length; k += 2) out.push(`${found[k]}:${found[k + 1]}`);
  return out.sort();
}

describe('Aho–Corasick automaton', () => {
  it('finds overlapping and nested patterns', () => {
    const patterns = ['社会主义', '中国特色社会主义', '主义', '特色', '义法治国'];
    const text = '坚持中国特色社会主义，建设社会主义法治国家';
    expect(pairs(scan(buildAutomaton(patterns), text))).toEqual(naive(patterns, text));
  });

  it('agrees with indexOf on many random patterns over a small alphabet (deep failure chains)', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const alphabet = '中国共产党人民政府法治';
    const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    const patterns = Array.from({ length: 400 }, () => word(2 + Math.floor(rnd() * 6)));
    const text = word(5000);
    expect(pairs(scan(buildAutomaton(patterns), text))).toEqual(naive(patterns, text));
  });

  it('skips characters in no pattern and handles surrogates and empty input', () => {
    const a = buildAutomaton(['习近平', '']);
    expect(pairs(scan(a, 'x𠮷习近平😀习近'))).toEqual(['0:6']);
    expect(scan(a, '').length).toBe(0);
  });

  it('reports the size of its tables', () => {
    const a = buildAutomaton(['国务院', '国务院办公厅']);
    expect(tableBytes(a)).toBeGreaterThan(0x10000 * 2);
    expect(a.stateCount).toBe(7);
  });
});
