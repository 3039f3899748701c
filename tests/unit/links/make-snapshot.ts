/** Builds small PageSnapshots for link and risk check tests: only the fields a test names are filled. */
import type { LinkInfo, PageSnapshot, TextBlock } from '../../../lib/scan/snapshot-types';
import { emptySnapshot } from '../../../lib/scan/empty-snapshot';

export function makeSnapshot(partial: Partial<PageSnapshot> = {}): PageSnapshot {
  return emptySnapshot({ url: 'https://www.example.gov.cn/zwgk/index.html', title: '政务公开', hasLayout: true, ...partial });
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
