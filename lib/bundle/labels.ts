/** Chinese labels the bundle prints (reports, summary). Unknown ids (from a newer version) print as they are. */
import type { ChecklistStatus } from '../db/records';

export const CHECK_LABELS: Record<string, string> = {
  expression: '固定表述错误',
  typo: '错别字',
  link: '错链断链',
  'hidden-link': '隐藏链接（暗链）',
  spam: '违规有害信息',
  interpretation: '政策文件与解读未关联',
  sitemap: '网站地图与栏目不一致',
  'column-stale': '栏目不更新',
  'column-blank': '空白栏目',
  'date-anomaly': '日期异常',
  privacy: '个人信息泄露',
  identity: '网站标识信息',
};

export const SEVERITY_LABELS: Record<string, string> = {
  veto: '单项否决级',
  major: '严重',
  minor: '一般',
  info: '提示',
};

export const FINDING_STATUS_LABELS: Record<string, string> = {
  open: '待复核',
  confirmed: '确认',
  'false-positive': '误报',
  'not-applicable': '不适用',
  fixed: '已整改',
};

export const CHECKLIST_STATUS_LABELS: Record<ChecklistStatus, string> = {
  unchecked: '未检查',
  pass: '符合',
  fail: '不符合',
  'not-applicable': '不适用',
};

/** The label for `id` in `labels`, or the id itself when this version does not know it. */
export function labelOf(labels: Record<string, string>, id: string): string {
  return Object.hasOwn(labels, id) ? (labels[id] ?? id) : id;
}

