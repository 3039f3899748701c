/**
 * The site's real columns, gathered from what readers see on crawled pages: the navigation menus (top level and
 * drop-downs), the breadcrumbs (当前位置：首页 > 政务公开 > 政策文件) and the column list pages themselves.
 * A column is a name, a URL and a parent; the same URL seen on many pages is one column.
 */
import type { NavItem, PageSnapshot } from '../scan/snapshot-types';
import { collapse } from '../text/collapse';
import { isColumnName } from './column-name';
import { pageKey, type SiteScope } from './site-url';

export type ColumnSource = 'nav' | 'breadcrumb' | 'list-page';

export interface RealColumn {
  name: string;
  url: string;
  /** 1 = top-level menu entry; breadcrumbs count from the first part after 首页. */
  level: number;
  parentName: string;
  parentUrl: string;
  sources: ColumnSource[];
  /** Other names the same URL carries on some pages. */
  otherNames: string[];
}

/** A crawled page as this module needs it. `isListPage`: the caller judged it a column list page. */
export interface ColumnEvidence {
  snapshot: PageSnapshot;
  isListPage?: boolean;
}

class ColumnSet {
  readonly byKey = new Map<string, RealColumn>();
  constructor(private readonly scope?: SiteScope) {}

  add(name: string, url: string, level: number, parent: { name: string; url: string } | undefined, source: ColumnSource): void {
    const clean = collapse(name);
    if (!url || !isColumnName(clean)) return;
    const key = pageKey(url, this.scope);
    const known = this.byKey.get(key);
    if (!known) {
      this.byKey.set(key, { name: clean, url, level, parentName: parent?.name ?? '', parentUrl: parent?.url ?? '', sources: [source], otherNames: [] });
      return;
    }
    if (!known.sources.includes(source)) known.sources.push(source);
    if (clean !== known.name && !known.otherNames.includes(clean)) known.otherNames.push(clean);
    if (!known.parentName && parent) {
      known.parentName = parent.name;
      known.parentUrl = parent.url;
    }
    known.level = Math.min(known.level, level);
  }
}

function addNav(set: ColumnSet, items: NavItem[], level: number, parent: NavItem | undefined): void {
  for (const item of items) {
    const keep = isColumnName(item.text);
    if (keep) set.add(item.text, item.url, level, parent && { name: parent.text, url: parent.url }, 'nav');
    // Children of a skipped entry (首页 with a drop-down is rare, but happens) stay at this level.
    addNav(set, item.children, keep ? level + 1 : level, keep ? item : parent);
  }
}

function addBreadcrumb(set: ColumnSet, crumbs: PageSnapshot['breadcrumb'], pageUrl: string, isListPage: boolean): void {
  const parts = crumbs.filter((c) => isColumnName(c.text));
  let parent: { name: string; url: string } | undefined;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    // The last part is the page itself: a column only on a list page (on an article it is the article title).
    const url = part.url || (last && isListPage ? pageUrl : '');
    if (!url) return;
    set.add(part.text, url, i + 1, parent, 'breadcrumb');
    parent = { name: part.text, url };
  });
}

/** The name of the column a list page shows: its ColumnName meta, last breadcrumb part, heading or title. */
export function listPageName(snapshot: PageSnapshot): string {
  const crumbs = snapshot.breadcrumb.filter((c) => isColumnName(c.text));
  return (
    snapshot.meta['columnname'] ??
    crumbs[crumbs.length - 1]?.text ??
    snapshot.headings.find((h) => h.level <= 3)?.text ??
    snapshot.title.split(/[-_|｜—]/)[0] ??
    ''
  ).trim();
}

/** The real columns of a site from its crawled pages (the home page first gives the menu order). */
export function collectRealColumns(pages: readonly ColumnEvidence[], scope?: SiteScope): RealColumn[] {
  const set = new ColumnSet(scope);
  for (const { snapshot } of pages) addNav(set, snapshot.nav, 1, undefined);
  for (const { snapshot, isListPage } of pages) addBreadcrumb(set, snapshot.breadcrumb, snapshot.url, isListPage === true);
  for (const { snapshot, isListPage } of pages) {
    if (!isListPage) continue;
    const crumbs = snapshot.breadcrumb.filter((c) => isColumnName(c.text));
    const parent = crumbs.length >= 2 ? crumbs[crumbs.length - 2] : undefined;
    set.add(listPageName(snapshot), snapshot.url, Math.max(1, crumbs.length), parent && { name: parent.text, url: parent.url }, 'list-page');
  }
  return [...set.byKey.values()];
}
