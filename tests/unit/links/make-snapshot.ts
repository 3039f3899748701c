/** Builds small PageSnapshots for link and risk check tests: only the fields a test names are filled. */
import type { LinkInfo, PageSnapshot, TextBlock } from '../../../lib/scan/snapshot-types';

export function makeSnapshot(partial: Partial<PageSnapshot> = {}): PageSnapshot {
  return {
    url: 'https://www.example.gov.cn/zwgk/index.html',
    title: '政务公开',
    lang: 'zh-CN',
    hasLayout: true,
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
    ...partial,
  };
}

let nextRef = 0;

/** A link element; `url` defaults to `raw` resolved against the default page URL. */
export function link(raw: string, partial: Partial<LinkInfo> = {}): LinkInfo {
  let url = '';
  try {
    url = new URL(raw, 'https://www.example.gov.cn/zwgk/index.html').href;
  } catch {
    url = '';
  }
  return { ref: nextRef++, kind: 'a', raw, url, text: '', region: 'main', hidden: [], ...partial };
}

export function block(text: string, partial: Partial<TextBlock> = {}): TextBlock {
  return { text, source: 'page', tag: 'p', region: 'main', ...partial };
}
