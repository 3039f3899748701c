/** The snapshot of an empty page; unit tests override only the fields they care about. */
import type { PageSnapshot } from '../../lib/scan/snapshot-types';

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
