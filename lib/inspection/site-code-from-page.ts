/**
 * Reads the 网站标识码 a home page shows about itself, to prefill 添加网站: the footer's “网站标识码：…” first
 * (what the public sees), else the SiteIDCode meta tag. Uses the identity check's own pattern so both agree.
 */
import { SITE_CODE_LABELLED } from '../checks/identity-rules';
import type { PageSnapshot } from '../scan/snapshot-types';

export interface PageSiteCode {
  /** '' when the page shows none. */
  code: string;
  source: 'footer' | 'meta' | '';
}

/** The code on the page; the footer wins over the meta tag. Only the page's visible text is read. */
export function siteCodeFromPage(snapshot: Pick<PageSnapshot, 'blocks' | 'footerText' | 'meta'>): PageSiteCode {
  const visible = snapshot.blocks.filter((b) => !b.hidden && b.source === 'page');
  const footerBlocks = visible.filter((b) => b.region === 'footer').map((b) => b.text);
  // Pages without a recognisable footer container: the footer text the snapshot found, then the closing blocks.
  const texts = [...footerBlocks, snapshot.footerText, ...visible.slice(-12).map((b) => b.text)];
  for (const text of texts) {
    const code = SITE_CODE_LABELLED.exec(text)?.[1] ?? '';
    if (code !== '') return { code, source: 'footer' };
  }
  const meta = (snapshot.meta['siteidcode'] ?? '').trim();
  return meta ? { code: meta, source: 'meta' } : { code: '', source: '' };
}
