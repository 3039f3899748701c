/**
 * Hits per text block, shared by the `expression` and `typo` checks so that one scan serves both.
 * Cached per block list and per compiled dictionary; a new snapshot has a new block list.
 */
import { findHitsInTexts } from './matcher';
import type { CompiledDictionary } from './matcher';
import type { ExpressionHit } from './types';
import type { TextBlock } from '../scan/snapshot-types';

const cache = new WeakMap<CompiledDictionary, WeakMap<readonly TextBlock[], ExpressionHit[][]>>();

/**
 * The hits of each block, by block index, all blocks scanned in one pass. Hidden blocks have none: a reader
 * cannot see them, so they are not the page's text.
 */
export function pageHits(dict: CompiledDictionary, blocks: readonly TextBlock[]): ExpressionHit[][] {
  let perDict = cache.get(dict);
  if (!perDict) cache.set(dict, (perDict = new WeakMap()));
  let hits = perDict.get(blocks);
  if (!hits) perDict.set(blocks, (hits = findHitsInTexts(dict, blocks.map((b) => (b.hidden?.length ? '' : b.text)))));
  return hits;
}
