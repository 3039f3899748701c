/**
 * Checklist profiles: the indicator table an inspection is scored against, as data. The national 2019 profile
 * ships with the extension; local profiles (other point values, extra items) go through the same validator.
 */
import { CHECK_IDS, SEVERITIES } from '../checks/types';
import type { CheckId, Severity } from '../checks/types';
import national2019 from './profiles/national-2019.json';

export type IndicatorKind = 'veto' | 'deduction' | 'bonus';
/** website = 政府网站; new-media = 政务新媒体 (judged on veto items only, ticked by hand). */
export type IndicatorSection = 'website' | 'new-media';
/** A = two independent sources agree; B = one good source; C = indirect; ? = not found (indicators.md §0). */
export type Confidence = 'A' | 'B' | 'C' | '?';
export type Checkability = 'auto' | 'semi' | 'monitor' | 'manual';

/** How findings of one check feed an indicator (see checklist.ts `proposeStatuses`). */
export interface IndicatorFeed {
  check: CheckId;
  /** Only findings of these severities count; all when absent. */
  severities?: Severity[];
  /**
   * Only findings whose `detail[key]` is one of the listed values, e.g. {"kind": ["home-stale"]} or
   * {"category": ["dynamic"]} (the values column-stale / column-blank write, see lib/checks).
   */
  detail?: Record<string, string[]>;
  /** Regex (source) the finding's subject, message, target or excerpt must match. */
  pattern?: string;
  /** Regex (source) that excludes a finding. */
  excludePattern?: string;
  /** Confirmed findings needed before `propose` applies; fewer only ask for review. */
  minCount: number;
  /** fail = propose 不符合; review = only point the inspector at the item. */
  propose: 'fail' | 'review';
  /** Short Chinese name of the problem, used in the proposal's reason. */
  why: string;
  /** Counting word for the reason ("个", "处"); "处" when absent. */
  unit?: string;
}

/** One indicator of a profile. */
export interface ProfileItem {
  id: string;
  section: IndicatorSection;
  kind: IndicatorKind;
  category: string;
  /** Chinese title, as used in 通报. */
  title: string;
  /** Phrase for the 存在的问题 column when the item fails ('' = none). */
  problemPhrase: string;
  description: string;
  notes: string[];
  /** Deduction per occurrence (per finding when countFrom is "findings"); null = unknown or not applicable. */
  points: number | null;
  /** False when the value could not be verified: the item is then reported as not scored. */
  pointsKnown: boolean;
  /** Cap of the indicator (扣完为止); null = the same as `points`. */
  maxDeduction: number | null;
  /** once = a failed item deducts `points` once; findings = once per linked finding, up to the cap. */
  countFrom: 'once' | 'findings';
  confidence: Confidence;
  source: string;
  checkability: Checkability;
  feeds: IndicatorFeed[];
}

export interface ProfileCategory {
  id: string;
  points: number | null;
  pointsKnown: boolean;
  confidence: Confidence;
  source: string;
}

export interface ProfileScoring {
  deductionTotal: number;
  /** Below this deduction score the site is 不合格. */
  passMark: number;
  /** Bonus is scored only when the deduction score is strictly above this (“高于80分”). */
  bonusThreshold: number;
  bonusTotal: number;
  bonusKnown: boolean;
  bonusAppliesTo: 'portal' | 'all';
}

export interface ChecklistProfile {
  id: string;
  version: number;
  title: string;
  basis: string;
  caveat: string;
  scoring: ProfileScoring;
  categories: ProfileCategory[];
  items: ProfileItem[];
}

const KINDS: readonly string[] = ['veto', 'deduction', 'bonus'];
const SECTIONS: readonly string[] = ['website', 'new-media'];
const CONFIDENCES: readonly string[] = ['A', 'B', 'C', '?'];
const CHECKABILITY: readonly string[] = ['auto', 'semi', 'monitor', 'manual'];

/**
 * Checks a profile read from JSON (shipped or imported by the user). Returns Chinese error messages, empty when
 * the profile can be used.
 */
export function validateProfile(data: unknown): string[] {
  const errors: string[] = [];
  if (!isObject(data)) return ['配置文件不是对象'];
  for (const key of ['id', 'title'] as const) {
    if (typeof data[key] !== 'string' || data[key] === '') errors.push(`缺少 ${key}`);
  }
  const scoring = data.scoring;
  if (!isObject(scoring)) errors.push('缺少 scoring');
  else {
    for (const key of ['deductionTotal', 'passMark', 'bonusThreshold', 'bonusTotal']) {
      if (typeof scoring[key] !== 'number') errors.push(`scoring.${key} 应为数字`);
    }
  }
  if (!Array.isArray(data.items) || data.items.length === 0) return [...errors, '缺少 items'];
  const seen = new Set<string>();
  data.items.forEach((raw: unknown, index: number) => {
    const at = isObject(raw) && typeof raw.id === 'string' ? raw.id : `第${index + 1}项`;
    if (!isObject(raw)) return void errors.push(`${at}：不是对象`);
    if (typeof raw.id !== 'string' || raw.id === '') errors.push(`${at}：缺少 id`);
    else if (seen.has(raw.id)) errors.push(`${at}：id 重复`);
    else seen.add(raw.id);
    if (typeof raw.title !== 'string' || raw.title === '') errors.push(`${at}：缺少标题`);
    if (!KINDS.includes(raw.kind as string)) errors.push(`${at}：kind 无效`);
    if (!SECTIONS.includes(raw.section as string)) errors.push(`${at}：section 无效`);
    if (!CONFIDENCES.includes(raw.confidence as string)) errors.push(`${at}：confidence 无效`);
    if (!CHECKABILITY.includes(raw.checkability as string)) errors.push(`${at}：checkability 无效`);
    if (raw.countFrom !== 'once' && raw.countFrom !== 'findings') errors.push(`${at}：countFrom 无效`);
    errors.push(...validatePoints(at, raw));
    if (!Array.isArray(raw.feeds)) errors.push(`${at}：缺少 feeds`);
    else raw.feeds.forEach((feed: unknown) => errors.push(...validateFeed(at, feed)));
  });
  return errors;
}

function validatePoints(at: string, raw: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const { points, pointsKnown, maxDeduction, kind } = raw;
  if (typeof pointsKnown !== 'boolean') errors.push(`${at}：缺少 pointsKnown`);
  if (points !== null && !(typeof points === 'number' && points >= 0)) errors.push(`${at}：points 应为非负数或 null`);
  if (kind === 'veto' && points !== null) errors.push(`${at}：单项否决项不应有分值`);
  if (kind === 'deduction' && pointsKnown === true && points === null) errors.push(`${at}：分值已知却为 null`);
  if (pointsKnown === false && points !== null) errors.push(`${at}：分值未知时 points 应为 null`);
  if (maxDeduction !== null && !(typeof maxDeduction === 'number' && maxDeduction >= 0)) {
    errors.push(`${at}：maxDeduction 应为非负数或 null`);
  }
  return errors;
}

function validateFeed(at: string, feed: unknown): string[] {
  if (!isObject(feed)) return [`${at}：feeds 中有非对象`];
  const errors: string[] = [];
  if (!(CHECK_IDS as readonly string[]).includes(feed.check as string)) errors.push(`${at}：未知检查 ${String(feed.check)}`);
  if (feed.severities !== undefined) {
    const ok = Array.isArray(feed.severities) && feed.severities.every((s) => (SEVERITIES as readonly string[]).includes(s));
    if (!ok) errors.push(`${at}：severities 无效`);
  }
  if (feed.detail !== undefined) {
    const ok = isObject(feed.detail) && Object.values(feed.detail).every((v) => Array.isArray(v) && v.every((x) => typeof x === 'string'));
    if (!ok) errors.push(`${at}：detail 应为“字段 → 取值列表”`);
  }
  for (const key of ['pattern', 'excludePattern'] as const) {
    const source = feed[key];
    if (source === undefined) continue;
    try {
      new RegExp(source as string);
    } catch {
      errors.push(`${at}：${key} 不是有效的正则表达式`);
    }
  }
  if (typeof feed.minCount !== 'number' || feed.minCount < 1) errors.push(`${at}：minCount 应为正数`);
  if (feed.propose !== 'fail' && feed.propose !== 'review') errors.push(`${at}：propose 无效`);
  if (typeof feed.why !== 'string') errors.push(`${at}：缺少 why`);
  return errors;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates and returns a profile; throws with every error listed when it cannot be used. */
export function parseProfile(data: unknown): ChecklistProfile {
  const errors = validateProfile(data);
  if (errors.length > 0) throw new Error(`检查指标配置无效：${errors.join('；')}`);
  return data as ChecklistProfile;
}

/** Profiles shipped with the extension, by id. */
export const BUILT_IN_PROFILES: Readonly<Record<string, ChecklistProfile>> = {
  [national2019.id]: parseProfile(national2019),
};

/** The default profile id for new inspections. */
export const DEFAULT_PROFILE_ID = 'national-2019';

/** A shipped profile by id, or undefined. */
export function getProfile(id: string): ChecklistProfile | undefined {
  return BUILT_IN_PROFILES[id];
}

/** One item of a profile by id. */
export function getItem(profile: ChecklistProfile, id: string): ProfileItem | undefined {
  return profile.items.find((item) => item.id === id);
}
