/** Small literal snapshots for unit tests: only what a test sets differs from an empty page. */
import type { LinkInfo, PageSnapshot, TextBlock } from '../../../lib/scan/snapshot-types';
import { emptySnapshot } from '../../../lib/scan/empty-snapshot';

let ref = 0;

/** A main-content paragraph. */
export function block(text: string, region: TextBlock['region'] = 'main'): TextBlock {
  return { text, source: 'page', tag: 'p', region };
}

/** A visible link in the main content unless told otherwise. */
export function link(text: string, url: string, extra: Partial<LinkInfo> = {}): LinkInfo {
  return { ref: ref++, kind: 'a', raw: url, url, text, region: 'main', hidden: [], ...extra };
}

export function snapshot(over: Partial<PageSnapshot> & { url: string }): PageSnapshot {
  return emptySnapshot(over);
}

/** Breadcrumb parts from names. */
export function crumbs(...names: string[]): PageSnapshot['breadcrumb'] {
  return names.map((text) => ({ text, url: '' }));
}
