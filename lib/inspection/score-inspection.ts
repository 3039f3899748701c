/**
 * The verdict and score of one inspection record by its profile and the inspector's inputs (portal, bonus,
 * override): the one place the site view, the side panel and the stored record agree on.
 */
import type { InspectionRecord } from '../db/records';
import { getProfile, DEFAULT_PROFILE_ID } from './profile';
import type { ChecklistProfile } from './profile';
import { scoreChecklist, type ScoreOptions, type ScoreResult } from './scoring';

/** The record's profile, or the default one when the record names a profile this version does not ship. */
export function profileOf(record: Pick<InspectionRecord, 'profile'>): ChecklistProfile {
  const profile = getProfile(record.profile) ?? getProfile(DEFAULT_PROFILE_ID);
  if (!profile) throw new Error(`缺少检查指标配置 ${DEFAULT_PROFILE_ID}`);
  return profile;
}

/** Scores the record's checklist with its options; an override without a reason is ignored, not thrown. */
export function scoreInspection(record: InspectionRecord): ScoreResult {
  const options: ScoreOptions = {};
  if (record.isPortal !== undefined) options.isPortal = record.isPortal;
  if (record.bonusPoints !== undefined) options.bonusPoints = record.bonusPoints;
  const override = record.verdictOverride;
  if (override && override.verdict !== '' && override.reason.trim() !== '') options.override = override;
  return scoreChecklist(profileOf(record), record.checklist, options);
}

/** The record with `verdict` and `score` as the rules (and the override) give them. */
export function withScore(record: InspectionRecord): InspectionRecord {
  const result = scoreInspection(record);
  const next: InspectionRecord = { ...record, verdict: result.verdict };
  if (result.total === null) delete next.score;
  else next.score = result.total;
  return next;
}
