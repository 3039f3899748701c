/**
 * Where a site's 网站地图 is: links in the header or footer named 网站地图 / 站点地图 (checked first), then the
 * paths CMS templates put it at. The background fetches the candidates in order and reads the first that answers.
 */
import type { LinkInfo } from '../scan/snapshot-types';

const SITEMAP_TEXT = /^\s*(?:网站地图|站点地图|网站导航图|site\s*map)\s*$/i;
/** Paths used by TRS, Hanweb/大汉, 拓尔思 and hand-made templates. */
export const COMMON_SITEMAP_PATHS = [
  '/sitemap.html',
  '/sitemap.htm',
  '/sitemap.shtml',
  '/sitemap/index.html',
  '/sitemap/',
  '/wzdt/',
  '/wzdt/index.html',
  '/wzdt/index.shtml',
  '/wzdt.htm',
  '/wzdt.html',
  '/zddt/',
  '/col/wzdt/index.html',
] as const;

/** Candidate site-map URLs, best first: linked ones (header/footer before main) then the common paths. */
export function sitemapCandidates(links: readonly LinkInfo[], homeUrl: string): string[] {
  const linked = links
    .filter((l) => (l.kind === 'a' || l.kind === 'area') && l.url && SITEMAP_TEXT.test(l.text || l.title || ''))
    .sort((a, b) => rank(a) - rank(b))
    .map((l) => l.url);
  const origin = new URL(homeUrl).origin;
  return [...new Set([...linked, ...COMMON_SITEMAP_PATHS.map((p) => `${origin}${p}`)])];
}

function rank(link: LinkInfo): number {
  return link.region === 'header' || link.region === 'footer' ? 0 : link.region === 'nav' ? 1 : 2;
}

