/**
 * sites/<folder>/report.html: one site's printable report — identity and verdict, the checklist with its
 * statuses, findings grouped by check with their verdicts, the policy–interpretation pair table when the site
 * has one, and the evidence thumbnails.
 * Built from the bundle's own JSON, so a report always says what the bundle's data says.
 */
import { CHECK_IDS } from '../checks/types';
import { PAIR_CATEGORIES, type PairSide } from '../interpretation/site-pairs';
import type { BundleEvidence, BundleFinding, BundlePairs, BundleSiteJson } from './format';
import { escapeHtml as e, linkOrText } from './escape-html';
import { htmlPage } from './html-page';
import { CHECKLIST_STATUS_LABELS, CHECK_LABELS, FINDING_STATUS_LABELS, SEVERITY_LABELS, labelOf } from './labels';
import { verdictText } from './summary-table';

/** One site as the HTML renderers see it. */
export interface ReportSite {
  folder: string;
  site: BundleSiteJson;
  findings: BundleFinding[];
  evidence: BundleEvidence[];
  /** The site's pair table (pairs.json), when it has one this quarter. */
  pairs?: BundlePairs;
}

/** Findings by check: known checks in the brief's order, then unknown ones by id. Order inside a group is kept. */
export function groupByCheck(findings: readonly BundleFinding[]): [string, BundleFinding[]][] {
  const groups = new Map<string, BundleFinding[]>();
  for (const f of findings) groups.set(f.check, [...(groups.get(f.check) ?? []), f]);
  const rank = (check: string): number => {
    const i = (CHECK_IDS as readonly string[]).indexOf(check);
    return i < 0 ? CHECK_IDS.length : i;
  };
  return [...groups].sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function metaTable(s: BundleSiteJson, quarter: string): string {
  const rows: [string, string][] = [
    ['网站名称', e(s.name)],
    ['首页网址', linkOrText(s.homeUrl)],
    ['网站标识码', e(s.siteCode)],
    ['季度', e(quarter)],
    ['检查结果', e(verdictText(s))],
    ['得分', e(s.score)],
    ['检查人', e(s.inspection?.inspector)],
    ['检查日期', e(s.inspection?.inspectedOn)],
    ['存在的问题', e(s.inspection?.problems)],
  ];
  if (s.inspection?.overrideReason !== undefined) {
    rows.push(['结果说明', `${e(s.inspection.overrideReason)}（系统判定：${e(s.inspection.computedVerdict || '未判定')}）`]);
  }
  return `<table class="meta"><tbody>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;
}

function refs(ids: readonly string[], anchors: ReadonlyMap<string, string>): string {
  return ids.map((id) => (anchors.has(id) ? `<a href="#${anchors.get(id)}">${anchors.get(id)}</a>` : e(id))).join(' ');
}

function checklistTable(s: BundleSiteJson, findingAnchors: ReadonlyMap<string, string>): string {
  if (s.checklist.length === 0) return '<p class="muted">无检查清单。</p>';
  const rows = s.checklist.map(
    (c) =>
      `<tr><td>${e(c.id)}</td><td>${e(c.title)}</td><td>${e(labelOf(CHECKLIST_STATUS_LABELS, c.status))}</td>` +
      `<td>${e(c.note)}</td><td>${refs(c.findingIds, findingAnchors)}</td></tr>`,
  );
  return `<table><thead><tr><th>指标</th><th>检查项</th><th>状态</th><th>备注</th><th>相关问题</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function figure(ev: BundleEvidence, anchor: string): string {
  const src = `evidence/${e(ev.file)}`;
  return (
    `<figure id="${anchor}"><a href="${src}"><img src="${src}" alt="${e(`截图 ${ev.pageUrl}`)}"></a>` +
    `<figcaption>${anchor} ${linkOrText(ev.pageUrl)}<br>${e(ev.capturedAt)}${ev.note ? `<br>${e(ev.note)}` : ''}` +
    `<br><code>SHA-256 ${e(ev.sha256)}</code></figcaption></figure>`
  );
}

function findingBlock(f: BundleFinding, anchor: string, shots: string): string {
  const rows: [string, string][] = [
    ['问题', e(f.message)],
    ['页面', `${e(f.pageTitle)}<br>${linkOrText(f.pageUrl)}`],
    ['摘录', e(f.excerpt)],
  ];
  if (f.expected !== null) rows.push(['应为', e(f.expected)]);
  if (f.target !== null) rows.push(['链接目标', linkOrText(f.target)]);
  if (f.httpStatus !== null) rows.push(['HTTP 状态', e(f.httpStatus)]);
  rows.push(['发现时间', `${e(f.firstSeen)} 至 ${e(f.lastSeen)}${f.recurring ? '（整改后再次出现）' : ''}`]);
  if (f.note) rows.push(['复核备注', e(f.note)]);
  const head =
    `<span class="${e(f.severity)}">${e(labelOf(SEVERITY_LABELS, f.severity))}</span> · ` +
    `复核结论：${e(labelOf(FINDING_STATUS_LABELS, f.status))}`;
  return (
    `<div class="finding" id="${anchor}"><h3>${anchor} ${head}</h3>` +
    `<table class="meta"><tbody>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</tbody></table>` +
    (shots ? `<div class="thumbs">${shots}</div>` : '') +
    '</div>'
  );
}

function pairSide(s: PairSide | undefined): string {
  return s ? `${e(s.title)}<br>${linkOrText(s.url)}` : '<span class="muted">—</span>';
}

/** 政策文件与解读关联: how the site check found the columns, the count per category, then every row. */
function pairsSection(p: BundlePairs): string {
  const count = (c: string): number => p.rows.filter((r) => r.category === c).length;
  const counts =
    `<table><thead><tr>${PAIR_CATEGORIES.map((c) => `<th>${e(c)}</th>`).join('')}</tr></thead>` +
    `<tbody><tr>${PAIR_CATEGORIES.map((c) => `<td>${count(c)}</td>`).join('')}</tr></tbody></table>`;
  const rows = p.rows.map((r) => `<tr><td>${pairSide(r.policy)}</td><td>${pairSide(r.interpretation)}</td><td>${e(r.category)}</td></tr>`);
  return (
    `<h2>政策文件与解读关联（${p.rows.length}）</h2>` +
    `<p class="muted">全站检查于 ${e(p.updatedAt)}：政策文件与解读栏目 ${p.columns.length} 个，列表页 ${e(p.listPages)} 页，条目 ${e(p.items)} 条。</p>` +
    counts +
    (rows.length
      ? `<table><thead><tr><th>政策文件</th><th>解读材料</th><th>关联情况</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : '<p class="muted">未找到政策文件或解读材料。</p>')
  );
}

/** The complete report.html of one site. */
export function renderSiteReport(quarter: string, r: ReportSite): string {
  // Anchors are positions (F1, E1 …), never ids, so no record value ends up in an id or href.
  const findingAnchors = new Map(r.findings.map((f, i) => [f.id, `F${i + 1}`]));
  const evidenceAnchors = new Map(r.evidence.map((ev, i) => [ev.id, `E${i + 1}`]));
  const groups = groupByCheck(r.findings).map(([check, list]) => {
    const blocks = list.map((f) => {
      const shots = r.evidence
        .filter((ev) => ev.findingIds.includes(f.id))
        .map((ev) => figure(ev, `${evidenceAnchors.get(ev.id) ?? ''}-${findingAnchors.get(f.id) ?? ''}`));
      return findingBlock(f, findingAnchors.get(f.id) ?? '', shots.join(''));
    });
    return `<h2>${e(labelOf(CHECK_LABELS, check))}（${list.length}）</h2>${blocks.join('')}`;
  });
  const body =
    `<h1>${e(r.site.name)} 检查报告（${e(quarter)}）</h1>${metaTable(r.site, quarter)}` +
    `<h2>检查清单</h2>${checklistTable(r.site, findingAnchors)}` +
    (groups.length ? groups.join('') : '<h2>发现的问题</h2><p class="muted">未发现问题。</p>') +
    (r.pairs ? pairsSection(r.pairs) : '') +
    `<h2>全部截图（${r.evidence.length}）</h2>` +
    (r.evidence.length
      ? `<div class="thumbs">${r.evidence.map((ev) => figure(ev, evidenceAnchors.get(ev.id) ?? '')).join('')}</div>`
      : '<p class="muted">无截图。</p>');
  return htmlPage(`${r.site.name} 检查报告（${quarter}）`, body);
}
