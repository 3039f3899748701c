/**
 * sitemap: the 网站地图 page disagrees with the real column structure (a recurring 通报 item). A site-level check:
 * it turns `compareSitemap` differences — and an unreadable or missing site map — into findings that show both
 * sides. The site map is best practice in provincial rules, not a national single-veto item (indicators GL7), so
 * findings are minor, except a site-map entry whose page is dead (a dead link, major).
 * Fixture: tests/fixtures/site 网站地图 page (planted missing, extra, renamed and moved columns).
 */
import type { SitemapDiff } from '../site/compare-sitemap';
import type { SitemapTree } from '../site/sitemap-tree';
import type { CheckResult } from './types';

function side(c: { name: string; url: string; level?: number; parentName?: string } | undefined): Record<string, unknown> | null {
  return c ? { name: c.name, url: c.url, level: c.level ?? null, parent: c.parentName ?? '' } : null;
}

function describe(c: { name: string; url: string } | undefined): string {
  if (!c) return '（无）';
  return c.url ? `“${c.name}”（${c.url}）` : `“${c.name}”（无链接）`;
}

function finding(diff: SitemapDiff): CheckResult {
  const { sitemap, site, link } = diff;
  const dead = link?.state === 'dead';
  const base = {
    check: 'sitemap' as const,
    excerpt: `网站地图：${describe(sitemap)}；网站实际：${describe(site)}`,
    detail: { kind: diff.kind, sitemap: side(sitemap), site: side(site), link: link ?? null },
  };
  switch (diff.kind) {
    case 'missing-on-site':
      return {
        ...base,
        severity: dead ? 'major' : 'minor',
        subject: `网站地图多出：${sitemap?.url || sitemap?.name}`,
        message: dead
          ? `网站地图中的栏目“${sitemap?.name}”在网站上找不到，其链接已失效${link?.httpStatus ? `（HTTP ${link.httpStatus}）` : ''}`
          : `网站地图中的栏目“${sitemap?.name}”在网站导航和栏目页中找不到`,
        ...(sitemap?.url ? { target: sitemap.url } : {}),
        ...(link?.httpStatus ? { httpStatus: link.httpStatus } : {}),
      };
    case 'missing-in-sitemap':
      return {
        ...base,
        severity: 'minor',
        subject: `网站地图缺少：${site?.url}`,
        message: `网站栏目“${site?.name}”未列入网站地图`,
        ...(site?.url ? { target: site.url } : {}),
      };
    case 'renamed':
      return {
        ...base,
        severity: 'minor',
        subject: `名称不一致：${sitemap?.url}`,
        message: `同一栏目在网站地图中叫“${sitemap?.name}”，在网站上叫“${site?.name}”`,
        expected: site?.name ?? '',
        ...(sitemap?.url ? { target: sitemap.url } : {}),
      };
    case 'different-url':
      return {
        ...base,
        severity: dead ? 'major' : 'minor',
        subject: `地址不一致：${sitemap?.name}`,
        message: `栏目“${sitemap?.name}”在网站地图中的链接与网站上的不同${dead ? '，且网站地图中的链接已失效' : ''}`,
        expected: site?.url ?? '',
        ...(sitemap?.url ? { target: sitemap.url } : {}),
        ...(link?.httpStatus ? { httpStatus: link.httpStatus } : {}),
      };
  }
}

/** Findings for a compared site map. One finding per difference. */
export function sitemapFindings(diffs: readonly SitemapDiff[]): CheckResult[] {
  return diffs.map(finding);
}

/** A finding when the site map could not be compared: none found, or drawn as an image / built by script. */
export function sitemapUnavailableFinding(tree: SitemapTree | undefined, triedUrls: readonly string[]): CheckResult | undefined {
  if (!tree) {
    return {
      check: 'sitemap',
      severity: 'minor',
      subject: '未找到网站地图',
      message: '未找到网站地图页面（页头、页脚没有“网站地图”链接，常见地址也无法访问）',
      excerpt: `已尝试：${triedUrls.slice(0, 5).join('、')}${triedUrls.length > 5 ? ' 等' : ''}`,
      detail: { kind: 'not-found', tried: [...triedUrls] },
    };
  }
  if (!tree.unreadable || tree.columns.length > 0) return undefined;
  return {
    check: 'sitemap',
    severity: 'info',
    subject: `网站地图无法读取：${tree.unreadable.reason}`,
    message: tree.unreadable.message,
    excerpt: '',
    inferred: true,
    detail: { kind: 'unreadable', reason: tree.unreadable.reason },
  };
}
