/**
 * Verdict and score of one site by the rules of the profile (indicators.md §a): any failed veto item ⇒ 单项否决;
 * otherwise 100 minus deductions (each item capped, 扣完为止) and below 60 ⇒ 不合格; bonus only for portals scoring
 * strictly above 80. Items whose points are unknown are listed, never silently counted as zero.
 */
import type { ChecklistEntry, SiteVerdict } from '../db/records';
import type { ChecklistProfile, ProfileItem } from './profile';

export interface ScoreOptions {
  /** 门户网站: only portals get bonus points. */
  isPortal?: boolean;
  /** Bonus points the inspector entered (the bonus table is not encoded yet); capped at the profile's total. */
  bonusPoints?: number;
  /** Occurrences per item id, overriding the count the profile's `countFrom` gives. */
  occurrences?: Readonly<Record<string, number>>;
  /** Score recorded for a vetoed site: none by default; some local schemes record 59. */
  vetoScore?: number;
  /** The inspector's override; the reason is required. */
  override?: { verdict: SiteVerdict; reason: string };
}

export interface ItemDeduction {
  id: string;
  title: string;
  category: string;
  count: number;
  /** Points per occurrence. */
  points: number;
  deducted: number;
  /** True when the item's or its category's cap reduced the deduction. */
  capped: boolean;
}

export interface UnscoredItem {
  id: string;
  title: string;
  reason: string;
}

export interface ScoreResult {
  /** The verdict to show and store: the override when there is one. */
  verdict: SiteVerdict;
  /** The verdict by the rules; '' while no website item has been checked. */
  computedVerdict: SiteVerdict;
  overridden: boolean;
  overrideReason?: string;
  /** True when the verdict may still change: items unchecked or failed items without known points. */
  provisional: boolean;
  vetoFailed: string[];
  /** 100 minus known deductions; null when vetoed. An upper bound when `unscored` is not empty. */
  deductionScore: number | null;
  deductions: ItemDeduction[];
  unscored: UnscoredItem[];
  bonus: { applies: boolean; points: number | null; reason: string };
  /** The score to store (deduction + bonus); null when vetoed without a `vetoScore`. */
  total: number | null;
  unchecked: string[];
  /** 政务新媒体 items: judged on veto items only. */
  newMedia: { failed: string[]; verdict: '' | '合格' | '不合格' };
  /** Chinese lines explaining the result, for the site view and the printable report. */
  explanation: string[];
}

/** Scores a checklist against its profile. Throws when an override has no reason. */
export function scoreChecklist(
  profile: ChecklistProfile,
  checklist: readonly ChecklistEntry[],
  options: ScoreOptions = {},
): ScoreResult {
  const items = new Map(profile.items.map((item) => [item.id, item]));
  const entries = checklist.filter((entry) => items.has(entry.id));
  const website = entries.filter((entry) => items.get(entry.id)?.section === 'website');
  const failed = (list: ChecklistEntry[], kind: ProfileItem['kind']) =>
    list.filter((entry) => entry.status === 'fail' && items.get(entry.id)?.kind === kind).map((entry) => entry.id);

  const vetoFailed = failed(website, 'veto');
  const unchecked = website.filter((entry) => entry.status === 'unchecked').map((entry) => entry.id);
  const { deductions, unscored } = computeDeductions(profile, items, website, options);
  const explanation: string[] = [];
  const { scoring } = profile;

  let computedVerdict: SiteVerdict;
  let deductionScore: number | null = null;
  let bonus: ScoreResult['bonus'] = { applies: false, points: null, reason: '' };
  let total: number | null;
  if (vetoFailed.length > 0) {
    computedVerdict = '单项否决';
    total = options.vetoScore ?? null;
    explanation.push(`单项否决：${vetoFailed.map((id) => `${items.get(id)?.title}（${id}）`).join('、')}不符合，其余指标不再计分`);
  } else {
    deductionScore = Math.max(0, scoring.deductionTotal - deductions.reduce((sum, d) => sum + d.deducted, 0));
    bonus = computeBonus(profile, deductionScore, options);
    total = deductionScore + (bonus.points ?? 0);
    computedVerdict = deductionScore < scoring.passMark ? '不合格' : '合格';
    explanation.push(`扣分指标得分${deductionScore}分（${computedVerdict === '合格' ? '不低于' : '低于'}${scoring.passMark}分）`);
    if (bonus.reason) explanation.push(bonus.reason);
  }
  if (website.length > 0 && unchecked.length === website.length) computedVerdict = '';
  if (unscored.length > 0 && vetoFailed.length === 0) {
    explanation.push(`以下扣分项分值未知，未计入得分（实际得分可能更低）：${unscored.map((u) => u.title).join('、')}`);
  }
  if (unchecked.length > 0 && computedVerdict !== '') explanation.push(`尚有${unchecked.length}项未检查`);

  const decisive = computedVerdict === '单项否决' || computedVerdict === '不合格';
  const provisional = !decisive && (unchecked.length > 0 || unscored.length > 0);
  const newMediaEntries = entries.filter((entry) => items.get(entry.id)?.section === 'new-media');
  const newMediaFailed = failed(newMediaEntries, 'veto');
  const newMediaChecked = newMediaEntries.some((entry) => entry.status !== 'unchecked');

  const result: ScoreResult = {
    verdict: computedVerdict,
    computedVerdict,
    overridden: false,
    provisional,
    vetoFailed,
    deductionScore,
    deductions,
    unscored,
    bonus,
    total,
    unchecked,
    newMedia: { failed: newMediaFailed, verdict: newMediaFailed.length > 0 ? '不合格' : newMediaChecked ? '合格' : '' },
    explanation,
  };
  return options.override ? applyOverride(result, options.override) : result;
}

function computeDeductions(
  profile: ChecklistProfile,
  items: Map<string, ProfileItem>,
  website: readonly ChecklistEntry[],
  options: ScoreOptions,
): { deductions: ItemDeduction[]; unscored: UnscoredItem[] } {
  const deductions: ItemDeduction[] = [];
  const unscored: UnscoredItem[] = [];
  const categoryUsed = new Map<string, number>();
  for (const entry of website) {
    const item = items.get(entry.id);
    if (!item || item.kind !== 'deduction' || entry.status !== 'fail') continue;
    if (!item.pointsKnown || item.points === null) {
      unscored.push({ id: item.id, title: item.title, reason: `分值未核实（${item.source}）` });
      continue;
    }
    const count = Math.max(1, options.occurrences?.[item.id] ?? (item.countFrom === 'findings' ? entry.findingIds.length : 1));
    const cap = item.maxDeduction ?? item.points;
    let deducted = Math.min(item.points * count, cap);
    const category = profile.categories.find((c) => c.id === item.category);
    if (category?.pointsKnown && category.points !== null) {
      const used = categoryUsed.get(item.category) ?? 0;
      deducted = Math.min(deducted, Math.max(0, category.points - used));
      categoryUsed.set(item.category, used + deducted);
    }
    deductions.push({
      id: item.id,
      title: item.title,
      category: item.category,
      count,
      points: item.points,
      deducted,
      capped: deducted < item.points * count,
    });
  }
  return { deductions, unscored };
}

function computeBonus(profile: ChecklistProfile, deductionScore: number, options: ScoreOptions): ScoreResult['bonus'] {
  const { scoring } = profile;
  const eligible = scoring.bonusAppliesTo === 'all' || options.isPortal === true;
  if (!eligible) return { applies: false, points: null, reason: '' };
  if (!(deductionScore > scoring.bonusThreshold)) {
    return { applies: false, points: null, reason: `门户网站扣分指标得分未高于${scoring.bonusThreshold}分，不计加分` };
  }
  if (options.bonusPoints === undefined) {
    const why = scoring.bonusKnown ? '尚未评定加分' : '加分指标内容与分值未核实，需检查人填写加分';
    return { applies: true, points: null, reason: why };
  }
  const points = Math.min(Math.max(0, options.bonusPoints), scoring.bonusTotal);
  return { applies: true, points, reason: `加分${points}分（满分${scoring.bonusTotal}分）` };
}

/** Applies the inspector's override to a computed result. Throws when the reason is empty. */
export function applyOverride(result: ScoreResult, override: { verdict: SiteVerdict; reason: string }): ScoreResult {
  const reason = override.reason.trim();
  if (reason === '') throw new Error('改判须填写理由');
  if (override.verdict === '') throw new Error('改判结果不能为空');
  return {
    ...result,
    verdict: override.verdict,
    overridden: true,
    overrideReason: reason,
    provisional: false,
    explanation: [...result.explanation, `检查人改判为“${override.verdict}”：${reason}`],
  };
}
