/** Hand-made PageSnapshots for check tests: only the fields a test cares about, the rest empty. */
import type { PageSnapshot, TextBlock } from '../../../lib/scan/snapshot-types';
import { emptySnapshot } from '../../../lib/scan/empty-snapshot';

/** A block given as text (a `p` in main) or as a partial TextBlock. */
export type BlockSpec = string | (Partial<TextBlock> & { text: string });

/** Builds a snapshot from blocks and optional overrides. */
export function makeSnapshot(blocks: BlockSpec[], extra: Partial<PageSnapshot> = {}): PageSnapshot {
  return emptySnapshot({
    url: 'https://www.example.gov.cn/xwzx/index.html',
    title: '测试页面',
    blocks: blocks.map((b) =>
      typeof b === 'string' ? { text: b, source: 'page', tag: 'p', region: 'main' } : { source: 'page', tag: 'p', region: 'main', ...b },
    ),
    ...extra,
  });
}
