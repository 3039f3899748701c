/**
 * The dictionary of fixed expressions (固定表述) and common typos, as shipped in `data/*.json` and as merged
 * with a user's local terms. Plain JSON-safe data: it is stored, imported and exported as is.
 */
import type { Severity } from '../checks/types';

/** Categories of fixed expressions, in display order. The names are what users see and type in CSV files. */
export const EXPRESSION_CATEGORIES = [
  '领导人姓名与职务',
  '党的会议名称',
  '重要理论与提法',
  '机构名称',
  '法律法规与文件名称',
  '涉港澳台与行政区划提法',
  '一般',
] as const;
export type ExpressionCategory = (typeof EXPRESSION_CATEGORIES)[number];

/** Wrong leaders' names/titles and congress/plenum names sink a site on their own (单项否决); the rest are major. */
export function severityOf(category: ExpressionCategory): Severity {
  return category === '领导人姓名与职务' || category === '党的会议名称' ? 'veto' : 'major';
}

/**
 * How a wrong form is known: seen in a cited source (`observed`), an input-method variant made up by the
 * dictionary authors (`generated`), or a form that was right until `since` (`outdated`).
 */
export type WrongFormKind = 'observed' | 'generated' | 'outdated';

export interface WrongForm {
  form: string;
  kind: WrongFormKind;
  /** For `outdated`: the date (YYYY-MM-DD) from which the form is no longer right. */
  since?: string;
}

export interface ExpressionEntry {
  id: string;
  correct: string;
  wrong: WrongForm[];
  category: ExpressionCategory;
  severity: Severity;
  /** Keys into the dictionary's `sources`, or free text for local terms. */
  source: string[];
  /** Date (YYYY-MM-DD) on which the entry was last checked. */
  asOf: string;
  note?: string;
  /** Longer strings that contain a wrong form but are right (改革开发区 for 改革开发). */
  allow?: string[];
  /** False turns off the inference of unseen variants for this entry. */
  fuzzy?: boolean;
  /** Set on entries a user added (options page); they are exported and can be removed. */
  local?: boolean;
}

export interface TypoEntry {
  wrong: string;
  correct: string;
  source: string[];
  asOf: string;
  /** Longer strings that contain the wrong form but are right (按装箱单 for 按装). */
  allow?: string[];
}

export interface DictionaryData {
  version: string;
  asOf: string;
  sources: Record<string, string>;
  entries: ExpressionEntry[];
  typos: TypoEntry[];
}

/** What the matcher reports, in offsets of the text it was given (UTF-16 code units, end exclusive). */
export interface ExpressionHit {
  check: 'expression' | 'typo';
  start: number;
  end: number;
  /** The text as written at [start, end). */
  written: string;
  correct: string;
  severity: Severity;
  category: ExpressionCategory | '错别字';
  kind: WrongFormKind | 'inferred';
  /** For inferred hits: what kind of difference was found. */
  edit?: 'homophone' | 'shape' | 'missing' | 'extra' | 'swap';
  since?: string;
  source: string[];
}
