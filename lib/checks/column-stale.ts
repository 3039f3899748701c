/**
 * column-stale: columns not updated within their category's period (SV-W4: 动态要闻 2 weeks, 通知公告/政策文件
 * 6 months, 人事/规划计划 1 year; profile in lib/site/column-profiles.json), the home page not updated within
 * 2 weeks (SV-W3 首页不更新, veto), the site-wide veto counters, and undated lists (info: the 2015 rule counts an
 * undated item as not updated, so the inspector must look). Site-level: built from `ColumnAssessment`s.
 * Fixture: tests/fixtures/site column list pages (stale, fresh, undated, [11-05] under year headings).
 */
import { chinaToday, formatIsoDate } from '../dates/calendar';
import { periodText } from '../site/column-profile';
import type { ColumnAssessment, HomeFreshness, VetoCounters } from '../site/column-freshness';
import type { CheckResult } from './types';

/** An undated list is a warning whatever the column's category (the 2015 rule counts undated items as not updated). */
function undatedFinding(c: ColumnAssessment): CheckResult {
  return {
    check: 'column-stale',
    severity: 'info',
    subject: c.name,
    message: `栏目“${c.name}”的列表没有标注发布日期，无法判断是否按时更新（未标注日期的信息视为未更新），请人工核对`,
    excerpt: '',
    target: c.url,
    detail: {
      kind: c.state,
      column: { name: c.name, url: c.url, level: c.level ?? null },
      category: c.category?.id ?? null,
      items: c.items,
      datedItems: c.datedItems,
    },
  };
}

function staleFinding(c: ColumnAssessment): CheckResult | undefined {
  if (c.state === 'undated') return undatedFinding(c);
  if (!c.category) return undefined;
  const period = periodText(c.category.maxAge);
  const detail = {
    kind: c.state,
    column: { name: c.name, url: c.url, level: c.level ?? null },
    category: c.category.id,
    maxAge: c.category.maxAge,
    newest: c.newest ?? null,
    ageDays: c.ageDays ?? null,
    countsForVeto: c.category.countsForVetoGroup ? 'staleDynamicPolicy' : 'staleAll',
    items: c.items,
    datedItems: c.datedItems,
  };
  if (c.state === 'stale') {
    return {
      check: 'column-stale',
      severity: 'major',
      subject: c.name,
      message: `栏目“${c.name}”最新信息发布于${c.newest}，已${c.ageDays}天未更新（${c.category.label}栏目应在${period}内更新）${c.yearAssumed ? '；列表日期未标年份，按最近一年推算，实际可能更久' : ''}`,
      excerpt: `最新一条：${c.newest}`,
      target: c.url,
      detail,
    };
  }
  return undefined;
}

/** Findings for assessed column pages: stale columns of a known category, and undated lists. */
export function columnStaleFindings(columns: readonly ColumnAssessment[]): CheckResult[] {
  return columns.map(staleFinding).filter((f): f is CheckResult => f !== undefined);
}

/** Future and impossible item dates found on column pages (incl. [11-05] under a year heading), for date-anomaly. */
export function columnDateFindings(columns: readonly ColumnAssessment[], now: Date): CheckResult[] {
  const today = formatIsoDate(chinaToday(now));
  return columns.flatMap((c) => [
    ...c.futureItems.map<CheckResult>((item) => ({
      check: 'date-anomaly',
      severity: 'major',
      subject: item.written,
      message: `栏目“${c.name}”中信息的发布日期${item.date ? formatIsoDate(item.date) : item.written}晚于检查当天（${today}），疑似日期错误或虚假更新`,
      excerpt: item.text,
      target: item.url,
      detail: { kind: 'future', placement: 'column-list', column: c.url, yearFrom: item.yearFrom ?? 'written' },
    })),
    ...c.impossibleItems.map<CheckResult>((item) => ({
      check: 'date-anomaly',
      severity: 'major',
      subject: item.written,
      message: `栏目“${c.name}”中信息的日期“${item.written}”不存在`,
      excerpt: item.text,
      target: item.url,
      detail: { kind: 'impossible', placement: 'column-list', column: c.url },
    })),
  ]);
}

/** 首页不更新 (veto) or an undated home page (info). */
export function homeStaleFinding(home: HomeFreshness, homeUrl: string): CheckResult | undefined {
  const period = periodText(home.maxAge);
  if (home.state === 'stale') {
    return {
      check: 'column-stale',
      severity: 'veto',
      subject: '首页不更新',
      message: `首页不更新：首页最新信息发布于${home.newest}，已${home.ageDays}天没有新信息（要求${period}内有更新，单项否决）`,
      excerpt: `首页最新一条：${home.newest}`,
      target: homeUrl,
      detail: { kind: 'home-stale', newest: home.newest ?? null, ageDays: home.ageDays ?? null, maxAge: home.maxAge },
    };
  }
  if (home.state === 'undated') {
    return {
      check: 'column-stale',
      severity: 'info',
      subject: '首页不更新',
      message: '首页信息列表没有标注发布日期，无法判断首页是否更新（未标注日期的信息视为未更新），请人工核对',
      excerpt: '',
      target: homeUrl,
      detail: { kind: 'home-undated' },
    };
  }
  return undefined;
}

/** Veto-level findings when the SV-W4 counters reach their thresholds (the blank counter is column-blank's). */
export function staleVetoFindings(counters: VetoCounters): CheckResult[] {
  const out: CheckResult[] = [];
  const t = counters.thresholds;
  if (counters.reached.dynamicPolicy) {
    out.push({
      check: 'column-stale',
      severity: 'veto',
      subject: '栏目不更新（动态要闻与通知公告、政策文件类）',
      message: `栏目不更新：动态要闻类和通知公告、政策文件类栏目超期未更新共${counters.staleDynamicPolicy}个（达到${t.staleDynamicPolicy}个即单项否决）`,
      excerpt: '',
      detail: { kind: 'veto', counter: 'staleDynamicPolicy', count: counters.staleDynamicPolicy, threshold: t.staleDynamicPolicy },
    });
  }
  if (counters.reached.all) {
    out.push({
      check: 'column-stale',
      severity: 'veto',
      subject: '栏目不更新（全部栏目）',
      message: `栏目不更新：应更新但长期未更新的栏目共${counters.staleAll}个（达到${t.staleAll}个即单项否决）`,
      excerpt: '',
      detail: { kind: 'veto', counter: 'staleAll', count: counters.staleAll, threshold: t.staleAll },
    });
  }
  return out;
}
