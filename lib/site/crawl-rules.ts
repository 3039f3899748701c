/**
 * Which discovered URLs a site crawl follows. Pure rules, no state: the crawl queue applies them and counts
 * what it skipped. The point is to reach every column page within the page budget without falling into URL spaces
 * that never end (calendars, search results, sort and filter variants) and without ever triggering an action.
 */

/** Why a URL is not followed. */
export type SkipReason = 'offsite' | 'non-page' | 'action' | 'search' | 'trap' | 'depth' | 'limit' | 'pattern';

/** Files that are not HTML pages: the crawl does not read them (the link check still tests them). */
const NON_PAGE_EXT = /\.(?:pdf|docx?|xlsx?|pptx?|wps|et|dps|ofd|zip|rar|7z|gz|tar|jpe?g|png|gif|bmp|webp|svg|ico|mp3|mp4|avi|flv|wmv|mov|swf|exe|apk|msi|css|js|json|xml|rss|txt|csv)$/i;
/** Links that change something or log in and out (also in pinyin: 注销 zhuxiao, 退出 tuichu, 登出 dengchu): never requested. */
const ACTION =
  /(?:^|[/?&=_.-])(?:logout|logoff|signout|sign-out|login|logon|signin|register|zhuxiao|tuichu|dengchu|delete|del|remove|vote|addfav\w*|print)(?:[/?&=_.-]|$)|[?&](?:action|act|do|op|method)=(?!(?:list|view|show|detail|index)\b)/i;
/** Site search and its result pages: one query per word on the site, so endless. */
const SEARCH =
  /(?:^|\/)(?:search|so|sousuo|ss|jsearch|fulltext|query|s)(?:\/|\.\w+|$)|[?&](?:q|wd|kw|key|keys|keyword|keywords|searchword|search|query|word|sw|text)=/i;
/** Calendar and date-picker pages: one page per day, forward and backward without end. */
const CALENDAR = /(?:^|\/)(?:calendar|rili|date|riqi)(?:\/|\.\w+|$)|[?&](?:date|day|year|month|ym|ymd|yyyy|mm|dd|cal|calendar)=/i;

/** Classifies a same-site absolute URL; undefined when it may be crawled. */
export function skipReasonOf(url: string): SkipReason | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'non-page';
  }
  const path = decodeURIComponentSafe(u.pathname);
  const rest = path + u.search;
  if (NON_PAGE_EXT.test(path)) return 'non-page';
  if (ACTION.test(rest)) return 'action';
  if (SEARCH.test(rest)) return 'search';
  if (CALENDAR.test(rest)) return 'trap';
  if (repeatsSegments(path) || path.split('/').length > 12 || url.length > 400) return 'trap';
  return undefined;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** /a/b/a/b/a/b/ — relative links resolved against the wrong base grow without end. */
function repeatsSegments(path: string): boolean {
  const segments = path.split('/').filter(Boolean);
  const counts = new Map<string, number>();
  for (const s of segments) {
    const n = (counts.get(s) ?? 0) + 1;
    if (n >= 3) return true;
    counts.set(s, n);
  }
  return false;
}

/**
 * The shape of a URL with the variable parts removed: digits become #, query values are dropped and keys sorted.
 * Pagination (?page=2, index_2.html), sort and filter variants of one page share one pattern, so a cap per pattern
 * stops endless variants while distinct columns (different paths) are never capped together.
 */
export function urlPattern(url: string): string {
  try {
    const u = new URL(url);
    const keys = [...new Set(u.searchParams.keys())].sort().join('&');
    return `${u.pathname.replace(/\d+/g, '#')}${keys ? `?${keys}` : ''}`;
  } catch {
    return url;
  }
}

/** Whether a URL has a query string (query variants get the tighter pattern cap). */
export function hasQuery(url: string): boolean {
  try {
    return new URL(url).search.length > 1;
  } catch {
    return false;
  }
}
