/**
 * Hits per text block, shared by the `expression` and `typo` checks so that one scan serves both.
 * Cached per block object and per compiled dictionary; a new snapshot has new block objects.
 */
import { findHits } from './matcher';
import type { CompiledDictionary } from './matcher';
import type { ExpressionHit } from './types';
import type { TextBlock } from '../scan/snapshot-types';

const cache = new WeakMap<CompiledDictionary, WeakMap<TextBlock, ExpressionHit[]>>();

/** Hits of `block` (empty for hidden blocks: a reader cannot see them, so they are not the page's text). */
export function blockHits(dict: CompiledDictionary, block: TextBlock): ExpressionHit[] {
  if (block.hidden?.length) return [];
  let perDict = cache.get(dict);
  if (!perDict) cache.set(dict, (perDict = new WeakMap()));
  let hits = perDict.get(block);
  if (!hits) perDict.set(block, (hits = findHits(dict, block.text)));
  return hits;
}

const EXCERPT_SIDE = 20;

/** The text around [start, end) as the reader sees it, cut at about 20 characters on each side. */
export function excerptAround(text: string, start: number, end: number): string {
  let from = Math.max(0, start - EXCERPT_SIDE);
  let to = Math.min(text.length, end + EXCERPT_SIDE);
  // Never cut a surrogate pair in half.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
  const body = text.slice(from, to).replace(/\s+/g, ' ');
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
