/**
 * index.html: the printable overview — the 通报 table, then one page per site with its verdict, problems and
 * finding counts, linking to the full report. It carries no export time, so re-exporting the same data
 * gives the same file.
 */
import { escapeHtml as e, linkOrText } from './escape-html';
import { htmlPage } from './html-page';
import { SEVERITIES } from '../checks/types';
import { CHECK_LABELS, FINDING_STATUS_LABELS, SEVERITY_LABELS, labelOf } from './labels';
import type { ReportSite } from './site-report';
import { groupByCheck } from './site-report';
import { SUMMARY_HEADER, summaryRows, verdictText } from './summary-table';

function reportHref(folder: string): string {
  // Folder names are [A-Za-z0-9._-] (site-folder.ts), so they need no URL encoding.
  return `sites/${e(folder)}/report.html`;
}

function overviewTable(sites: readonly ReportSite[]): string {
  const rows = summaryRows(sites.map((s) => s.site)).map((row, i) => {
    const [n, name, url, code, verdict, problems, inspector, date] = row;
    const folder = sites[i]?.folder ?? '';
    return (
      `<tr><td>${n}</td><td><a href="${reportHref(folder)}">${e(name)}</a></td><td>${linkOrText(url)}</td>` +
      `<td>${e(code)}</td><td>${e(verdict)}</td><td>${e(problems)}</td><td>${e(inspector)}</td><td>${e(date)}</td></tr>`
    );
  });
  const head = SUMMARY_HEADER.map((h) => `<th>${h}</th>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

function siteSection(r: ReportSite, n: number): string {
  const bySeverity = countBy(r.findings.map((f) => f.severity));
  const byStatus = countBy(r.findings.map((f) => f.status));
  const severities = SEVERITIES.filter((s) => bySeverity.has(s))
    .map((s) => `${e(labelOf(SEVERITY_LABELS, s))} ${bySeverity.get(s)}`)
    .join('，');
  const statuses = [...byStatus].map(([s, c]) => `${e(labelOf(FINDING_STATUS_LABELS, s))} ${c}`).join('，');
  const checks = groupByCheck(r.findings)
    .map(([check, list]) => `<tr><td>${e(labelOf(CHECK_LABELS, check))}</td><td>${list.length}</td></tr>`)
    .join('');
  return (
    `<section class="site"><h2>${n}. <a href="${reportHref(r.folder)}">${e(r.site.name)}</a></h2>` +
    `<p>${linkOrText(r.site.homeUrl)} · 网站标识码 ${e(r.site.siteCode || '—')} · 检查结果：${e(verdictText(r.site))}</p>` +
    `<p>存在的问题：${e(r.site.inspection?.problems || '—')}</p>` +
    `<p>问题 ${r.findings.length} 条${severities ? `（${severities}）` : ''}${statuses ? `；复核：${statuses}` : ''}；截图 ${r.evidence.length} 张。</p>` +
    (checks ? `<table><thead><tr><th>检查项</th><th>问题数</th></tr></thead><tbody>${checks}</tbody></table>` : '') +
    '</section>'
  );
}

/** The complete index.html. */
export function renderIndex(quarter: string, sites: readonly ReportSite[]): string {
  const body =
    `<h1>政府网站检查情况（${e(quarter)}）</h1><p>共 ${sites.length} 个网站。各网站报告见下表链接。</p>` +
    overviewTable(sites) +
    sites.map((s, i) => siteSection(s, i + 1)).join('');
  return htmlPage(`政府网站检查情况（${quarter}）`, body);
}
