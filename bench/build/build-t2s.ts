/**
 * Build-time generator of `lib/text/data/t2s.json`, the character-level Traditional → Simplified fold.
 * Run: `npx tsx bench/build/build-t2s.ts`. Not bundled: only the JSON it writes is.
 *
 * Why character level and not opencc's phrase conversion: matching needs a 1:1 map so offsets stay exact, and
 * phrase conversion rewrites words (高质量 ↔ 高品质). Why the exclusions: a character that is also written in
 * Simplified text (乾 in 乾坤, 藉 in 慰藉, 瞭 in 瞭望) must not be folded, or correct Simplified text would change.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
// The shared corpus sits beside the repository (../shared); CORPUS_DIR overrides it as in the eval script.
const longDir = resolve(process.env.CORPUS_DIR ?? resolve(repo, '../shared'), 'corpus-long');
/** Characters kept although opencc folds them: they are standard Simplified characters in their own right. */
const KEEP = new Set([...'乾瞭藉著覆']);

const converters = (['t', 'tw', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
const simplifiedSeen = new Set<string>();
for (const f of readdirSync(longDir)) for (const ch of readFileSync(`${longDir}/${f}`, 'utf8')) simplifiedSeen.add(ch);

let from = '';
let to = '';
for (const [lo, hi] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff]] as const) {
  for (let cp = lo; cp <= hi; cp++) {
    const ch = String.fromCharCode(cp);
    if (KEEP.has(ch) || simplifiedSeen.has(ch)) continue;
    for (const convert of converters) {
      const out = convert(ch);
      if (out.length === 1 && out !== ch) {
        from += ch;
        to += out;
        break;
      }
    }
  }
}
const outPath = resolve(repo, 'lib/text/data/t2s.json');
writeFileSync(outPath, JSON.stringify({ generator: 'opencc-js 1.4.2 t/tw/hk → cn, character level', from, to }) + '\n');
console.log(`wrote ${from.length} pairs to ${outPath}`);
