/** The 通报 appendix table, shared by summary.csv, summary.xlsx and index.html. */
import type { BundleSiteJson } from './format';

export const SUMMARY_HEADER = ['序号', '网站名称', '首页网址', '网站标识码', '检查结果', '存在的问题', '检查人', '检查日期'] as const;
/** Column widths (characters) for the XLSX. */
export const SUMMARY_WIDTHS = [6, 28, 36, 14, 10, 60, 10, 12] as const;

export type SummaryRow = [number, string, string, string, string, string, string, string];

/** 检查结果 as printed: the verdict, “未判定” before one is set, “未检查” without an inspection. */
export function verdictText(site: BundleSiteJson): string {
  if (!site.inspection) return '未检查';
  return site.verdict || '未判定';
}

/** One row per site, numbered from 1 in bundle order. */
export function summaryRows(sites: readonly BundleSiteJson[]): SummaryRow[] {
  return sites.map((s, i) => [
    i + 1,
    s.name,
    s.homeUrl,
    s.siteCode,
    verdictText(s),
    s.inspection?.problems ?? '',
    s.inspection?.inspector ?? '',
    s.inspection?.inspectedOn ?? '',
  ]);
}
