/**
 * Quality of the `expression` and `typo` checks, printed as a table:
 * - recall on the planted-error set (tests/fixtures/expressions/planted.json, listed wrong forms);
 * - recall on unseen single-character variants generated from dictionary entries with a seeded RNG
 *   (homophones from pinyin-pro over the GB2312 characters, and the other edits), excluding listed forms;
 * - false alarms on the real government texts in /work/shared/corpus and /work/shared/corpus-long.
 * Run: `node --import tsx bench/eval-expressions.ts` (or `npm run eval`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import iconv from 'iconv-lite';
import { pinyin } from 'pinyin-pro';
import { defaultCompiledDictionary } from '../lib/expressions/default-dictionary';
import { findHits } from '../lib/expressions/matcher';

const SHARED = process.env.CORPUS_DIR ?? '/work/shared';
const dict = defaultCompiledDictionary();
const entries = dict.data.entries;

function pct(a: number, b: number): string {
  return b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`;
}

// 1. Planted listed wrong forms.
const planted = JSON.parse(readFileSync(new URL('../tests/fixtures/expressions/planted.json', import.meta.url), 'utf8')) as {
  text: string;
  wrong: string;
  expected: string;
  start: number;
  category: string;
}[];
const byCat = new Map<string, [number, number]>();
const missed: string[] = [];
for (const p of planted) {
  const hits = findHits(dict, p.text);
  const ok = hits.some((h) => h.start === p.start && h.written === p.wrong && h.correct === p.expected);
  const row = byCat.get(p.category) ?? [0, 0];
  row[0] += ok ? 1 : 0;
  row[1] += 1;
  byCat.set(p.category, row);
  if (!ok) missed.push(`${p.wrong}→${p.expected}`);
}

// 2. Unseen variants, seeded.
let seed = 20260313;
function rnd(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const common: string[] = [];
for (let cp = 0x4e00; cp <= 0x9fa5; cp++) {
  const b = iconv.encode(String.fromCharCode(cp), 'gbk');
  if (b.length === 2 && b[0]! >= 0xb0 && b[0]! <= 0xf7 && b[1]! >= 0xa1) common.push(String.fromCharCode(cp));
}
const bySound = new Map<string, string[]>();
for (const ch of common) {
  for (const r of pinyin(ch, { toneType: 'none', multiple: true, type: 'array' })) {
    bySound.set(r, [...(bySound.get(r) ?? []), ch]);
  }
}
const listed = new Set<string>([...entries.flatMap((e) => [e.correct, ...e.wrong.map((w) => w.form)]), ...dict.data.typos.map((t) => t.wrong)]);
const eligible = entries.filter((e) => e.correct.length >= 4 && /^\p{Script=Han}+$/u.test(e.correct));
const kinds = ['homophone', 'missing', 'extra', 'swap'] as const;
const variantStats = new Map<string, [number, number]>(kinds.map((k) => [k, [0, 0]]));
const variantMisses: string[] = [];
const FRAME = ['会议要求，要坚持', '，推动各项工作取得新进展。'] as const;
for (let trial = 0; trial < 1200; trial++) {
  const e = eligible[Math.floor(rnd() * eligible.length)]!;
  const kind = kinds[trial % kinds.length]!;
  const chars = [...e.correct];
  const i = 1 + Math.floor(rnd() * (chars.length - 2));
  let variant: string | undefined;
  if (kind === 'homophone') {
    const sounds = pinyin(chars[i]!, { toneType: 'none', multiple: true, type: 'array' });
    const pool = sounds.flatMap((s) => bySound.get(s) ?? []).filter((c) => c !== chars[i]);
    if (pool.length === 0) continue;
    variant = [...chars.slice(0, i), pool[Math.floor(rnd() * pool.length)]!, ...chars.slice(i + 1)].join('');
  } else if (kind === 'missing') variant = [...chars.slice(0, i), ...chars.slice(i + 1)].join('');
  else if (kind === 'extra') variant = [...chars.slice(0, i), common[Math.floor(rnd() * 3000)]!, ...chars.slice(i)].join('');
  else if (chars[i] !== chars[i + 1] && i + 1 < chars.length) {
    variant = [...chars.slice(0, i), chars[i + 1]!, chars[i]!, ...chars.slice(i + 2)].join('');
  }
  if (!variant || listed.has(variant)) continue;
  const text = FRAME[0] + variant + FRAME[1];
  const ok = findHits(dict, text).some((h) => h.correct === e.correct && h.start <= FRAME[0].length && h.end >= FRAME[0].length + 1);
  const row = variantStats.get(kind)!;
  row[0] += ok ? 1 : 0;
  row[1] += 1;
  if (!ok && kind === 'homophone') variantMisses.push(`${variant}→${e.correct}`);
}

// 3. False alarms on real government text (one block per line, headers dropped).
let chars = 0;
const alarms: string[] = [];
for (const dir of ['corpus', 'corpus-long']) {
  for (const file of readdirSync(`${SHARED}/${dir}`).filter((f) => f.endsWith('.txt')).sort()) {
    const lines = readFileSync(`${SHARED}/${dir}/${file}`, 'utf8').split('\n').filter((l) => !l.startsWith('# '));
    for (const line of lines) {
      chars += line.length;
      for (const h of findHits(dict, line)) alarms.push(`${dir}/${file}: “${h.written}”→“${h.correct}” (${h.check}, ${h.kind}${h.edit ? '/' + h.edit : ''})`);
    }
  }
}

console.log('\n| measure | found | total | rate | goal |\n| --- | --- | --- | --- | --- |');
let pf = 0;
let pt = 0;
for (const [cat, [f, t]] of byCat) {
  pf += f;
  pt += t;
  console.log(`| planted listed: ${cat} | ${f} | ${t} | ${pct(f, t)} | |`);
}
console.log(`| **planted listed, all** | ${pf} | ${pt} | ${pct(pf, pt)} | ≥ 98% |`);
for (const [kind, [f, t]] of variantStats) {
  console.log(`| unseen ${kind === 'homophone' ? 'single-character (homophone)' : kind} | ${f} | ${t} | ${pct(f, t)} | ${kind === 'homophone' ? '≥ 85%' : ''} |`);
}
console.log(`| false alarms on corpus (${chars} chars) | ${alarms.length} | | ${((alarms.length * 50000) / chars).toFixed(2)} per 50k chars | ≤ 1 per 50k |`);
if (missed.length) console.log('\nplanted misses:', missed.join('  '));
if (variantMisses.length) console.log('\nunseen homophone misses (first 30):', variantMisses.slice(0, 30).join('  '));
if (alarms.length) console.log('\nfindings on the corpus:\n' + alarms.join('\n'));
