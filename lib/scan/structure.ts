/**
 * Page structure a person reads at a glance: the breadcrumb trail and the navigation menu tree.
 * Pure readers of an element handed in; used by snapshot.ts after its walk.
 */
import type { NavItem } from './snapshot-types';
import { CRUMB_LABEL } from './page-regions';
import { collapse } from '../text/collapse';

const CRUMB_SEPARATORS = /\s*(?:>|＞|»|›|→|\/|\\|-{1,2}>|>>)\s*/;

function href(el: Element): string {
  const raw = el.getAttribute('href');
  if (!raw) return '';
  try {
    return new URL(raw, el.ownerDocument.baseURI).href;
  } catch {
    return '';
  }
}

/** “当前位置：首页 > 政务公开 > 政策文件” → its parts, with the URL of each linked part. */
export function readBreadcrumb(el: Element): { text: string; url: string }[] {
  const linked = new Map<string, string>();
  for (const a of Array.from(el.querySelectorAll('a[href]'))) {
    const text = collapse(a.textContent ?? '');
    if (text && !linked.has(text)) linked.set(text, href(a));
  }
  const full = collapse(el.textContent ?? '').replace(CRUMB_LABEL, '');
  return full
    .split(CRUMB_SEPARATORS)
    .map((part) => collapse(part))
    .filter((part) => part && !/^[:：]$/.test(part))
    .map((text) => ({ text, url: linked.get(text) ?? '' }));
}

function directChildren(el: Element, tag: string): Element[] {
  return Array.from(el.children).filter((c) => c.localName === tag);
}

/** The first link that belongs to this menu item itself, not to its submenu. */
function ownLink(li: Element): Element | null {
  for (const child of Array.from(li.children)) {
    if (child.localName === 'a' && child.hasAttribute('href')) return child;
    if (child.localName === 'ul' || child.localName === 'ol' || child.localName === 'dl') continue;
    const inner = child.querySelector('a[href]');
    if (inner && !inner.closest('ul ul, li li')) return inner;
  }
  return null;
}

function readList(list: Element, depth: number): NavItem[] {
  const items: NavItem[] = [];
  for (const li of directChildren(list, 'li')) {
    const link = ownLink(li);
    const sub = li.querySelector(':scope > ul, :scope > ol, :scope > div > ul, :scope > div > ol');
    const item: NavItem = {
      text: collapse(link?.textContent ?? '') || collapse(li.firstChild?.textContent ?? ''),
      url: link ? href(link) : '',
      children: sub && depth < 4 ? readList(sub, depth + 1) : [],
    };
    if (item.text) items.push(item);
  }
  return items;
}

/**
 * A navigation region as a tree: nested ul/li menus (top level and drop-downs). A region without lists
 * gives its links as a flat top level.
 */
export function readNavTree(root: Element): NavItem[] {
  const lists = root.matches('ul, ol') ? [root] : Array.from(root.querySelectorAll('ul, ol')).filter((l) => !l.parentElement?.closest('li'));
  if (lists.length) return lists.flatMap((l) => readList(l, 0));
  return Array.from(root.querySelectorAll('a[href]'))
    .map((a) => ({ text: collapse(a.textContent ?? ''), url: href(a), children: [] }))
    .filter((item) => item.text);
}
