/**
 * `typo` check: common typos (一般性错别字) from a high-precision list — only wrong forms that are never right in
 * government text. Shares the scan with the expression check (one automaton, one pass per block).
 */
import { defaultCompiledDictionary } from '../expressions/default-dictionary';
import type { CompiledDictionary } from '../expressions/matcher';
import type { ExpressionHit } from '../expressions/types';
import { hitsToResults } from './expression';
import type { PageCheck } from './types';

/** The Chinese message for one typo hit. */
export function typoMessage(hit: ExpressionHit): string {
  return `错别字：“${hit.written}”应为“${hit.correct}”`;
}

/** The typo check over a compiled dictionary (default: the bundled one). */
export function createTypoCheck(dict?: CompiledDictionary): PageCheck {
  return {
    id: 'typo',
    run(snapshot) {
      return hitsToResults(dict ?? defaultCompiledDictionary(), snapshot.blocks, 'typo', typoMessage);
    },
  };
}
