/** The snapshot of an empty page; callers (the checks' warm-up page, unit tests) fill in only what they have. */
import type { PageSnapshot } from './snapshot-types';

export function emptySnapshot(over: Partial<PageSnapshot> = {}): PageSnapshot {
  return {
    url: 'https://www.example.gov.cn/index.html',
    title: '',
    lang: 'zh-CN',
    hasLayout: false,
    blocks: [],
    links: [],
    anchors: [],
    headings: [],
    breadcrumb: [],
    nav: [],
    listItems: [],
    tables: [],
    meta: {},
    scripts: [],
    footerText: '',
    stats: { nodes: 0, truncated: false, frames: 0, unreadableFrames: 0, isFrameset: false, millis: 0 },
    ...over,
  };
}
