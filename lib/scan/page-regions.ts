/**
 * Which part of a government page an element belongs to, judged from tags, roles and the class/id names the
 * common CMS templates (TRS, Hanweb/大汉, 拓尔思, 我为) use. Pure functions of an element's own attributes.
 */
import type { TextBlock } from './snapshot-types';

export type Region = TextBlock['region'];

const FOOTER_NAME = /(^|[-_\s])(foot|footer|bottom|copyright|copy|banquan|ft|db)([-_\s\d]|$)/i;
const HEADER_NAME = /(^|[-_\s])(header|head|top|banner|topbar)([-_\s\d]|$)/i;
const NAV_NAME = /(^|[-_\s])(nav|navbar|menu|mainnav|daohang|dh)([-_\s\d]|$)/i;
/** Side columns of list and article templates (相关链接, 政务服务 boxes); plain “left”/“right” are too often the main column. */
const ASIDE_NAME = /(^|[-_\s])(side|sidebar|aside|sidenav|side-box|sidebox|leftnav|left-nav|rightbox|right-box)([-_\s\d]|$)/i;
const CRUMB_NAME = /crumb|position|location|dqwz|weizhi|curpos/i;

function names(el: Element): string {
  return `${el.id} ${el.getAttribute('class') ?? ''}`;
}

/** The region an element opens, or null when it inherits its parent's. */
export function regionOf(el: Element): Region | null {
  const tag = el.localName;
  const role = el.getAttribute('role');
  if (tag === 'footer' || role === 'contentinfo') return 'footer';
  if (tag === 'nav' || role === 'navigation') return 'nav';
  if (tag === 'header' || role === 'banner') return 'header';
  if (tag === 'aside' || role === 'complementary') return 'aside';
  if (tag === 'main' || role === 'main') return 'main';
  const n = names(el);
  if (!n.trim()) return null;
  if (FOOTER_NAME.test(n)) return 'footer';
  if (NAV_NAME.test(n)) return 'nav';
  if (HEADER_NAME.test(n)) return 'header';
  if (ASIDE_NAME.test(n)) return 'aside';
  return null;
}

/** Breadcrumb text starts (当前位置：首页 > …). */
export const CRUMB_LABEL = /^\s*(当前位置|您现在的位置|您的位置|你的位置|所在位置|现在位置)\s*[:：]?/;

/** True for an element that holds a breadcrumb trail, by name or by its label. */
export function looksLikeBreadcrumb(el: Element): boolean {
  if (CRUMB_NAME.test(names(el)) && (el.textContent ?? '').length < 300) return true;
  return false;
}

/** Labels of a box above links: class/id names of title bars in CMS templates. */
export const TITLE_NAME = /(^|[-_\s])(tit|title|hd|bt|lmmc|caption|label|name)([-_\s\d]|$)/i;

export function looksLikeTitleBar(el: Element): boolean {
  return TITLE_NAME.test(names(el));
}
