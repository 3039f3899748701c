/**
 * Where a site keeps its policies and interpretations: column entries found in the navigation, on the
 * site-map page, among other links, or by the URL patterns common CMS templates use (/zcwj/, /zcjd/).
 */
import type { NavItem, PageSnapshot } from '../scan/snapshot-types';
import { sameHost, urlKey } from './urls';

export type ColumnKind = 'policy' | 'interpretation';
export type ColumnSource = 'nav' | 'sitemap' | 'link' | 'url';

export interface ColumnRef {
  kind: ColumnKind;
  name: string;
  url: string;
  /** Where it was found, for the inspector (导航 / 网站地图 / 页面链接 / 网址规律). */
  source: ColumnSource;
}

const INTERP_NAME = /(政策解读|解读回应|解读|图解|政策问答)/;
const POLICY_NAME = /(政策文件|规范性文件|政府文件|政府令|部门文件|政策法规|政府规章|最新文件|文件库|红头文件)/;
export const INTERP_PATH = /\/(zcjd|jd|zcjdhy|jdhy|bmjd|szfjd|zjjd|mtjd|tjjd|zcwd|zctj)(\/|$|_)/i;
export const POLICY_PATH = /\/(zcwj|gfxwj|xzgfxwj|zfwj|szfwj|bmwj|zcfg|wjk|gfwj|zfgz|zfl|zfwjk)(\/|$|_)/i;
const SITEMAP_PAGE = /(网站地图|站点地图|sitemap|wzdt)/i;
const RANK: Record<ColumnSource, number> = { nav: 0, sitemap: 1, link: 2, url: 3 };

function kindByName(name: string): ColumnKind | undefined {
  const n = name.replace(/\s+/g, '');
  // A column name is short; a longer text is an article title that happens to contain the words.
  if (!n || n.length > 12) return undefined;
  if (INTERP_NAME.test(n)) return 'interpretation';
  if (POLICY_NAME.test(n)) return 'policy';
  return undefined;
}

/** The column a URL's path says it belongs to (/zcjd/ → interpretation), for columns and articles alike. */
export function kindOfPath(url: string): ColumnKind | undefined {
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  if (INTERP_PATH.test(path)) return 'interpretation';
  if (POLICY_PATH.test(path)) return 'policy';
  return undefined;
}

function kindByPath(url: string): ColumnKind | undefined {
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  // An article under /zcjd/ (…/t20260301_1.html) is an item, not the column.
  if (/\/t\d{8}_\d+\.s?html?$|\/art\/\d{4}\//i.test(path)) return undefined;
  return kindOfPath(url);
}

function walkNav(items: NavItem[], visit: (item: NavItem) => void): void {
  for (const item of items) {
    visit(item);
    walkNav(item.children, visit);
  }
}

/**
 * Policy and interpretation columns of the site, best source first, one entry per URL. `pages` are the
 * home page and, when known, the site map and the 政务公开 page; only same-host columns are kept.
 */
export function findPolicyColumns(pages: PageSnapshot[]): ColumnRef[] {
  const found = new Map<string, ColumnRef>();
  const add = (kind: ColumnKind | undefined, name: string, url: string, source: ColumnSource, home: string) => {
    const key = urlKey(url);
    if (!kind || !key || !sameHost(url, home)) return;
    const old = found.get(key);
    if (!old || RANK[source] < RANK[old.source]) found.set(key, { kind, name: name.trim(), url, source });
  };
  for (const page of pages) {
    const isMap = SITEMAP_PAGE.test(`${page.title} ${page.url}`);
    walkNav(page.nav, (item) => add(kindByName(item.text) ?? kindByPath(item.url), item.text, item.url, 'nav', page.url));
    for (const link of page.links) {
      if (link.kind !== 'a') continue;
      const byName = kindByName(link.text);
      if (byName) add(byName, link.text, link.url, isMap ? 'sitemap' : link.region === 'nav' ? 'nav' : 'link', page.url);
      else add(kindByPath(link.url), link.text, link.url, 'url', page.url);
    }
  }
  return [...found.values()].sort((a, b) => RANK[a.source] - RANK[b.source]);
}
