/**
 * The user's side of the expression dictionary, kept in `settings` under one key: local terms (e.g. the city's
 * 书记 and 市长 with their titles), the categories switched off and whether the typo list is on. The bundled
 * dictionary is never stored: it ships with the extension and is merged with these at check time
 * (`effectiveDictionary`).
 */
import { DictionaryError, mergeDictionary } from '../expressions/dictionary';
import type { MergeOptions } from '../expressions/dictionary';
import { exportLocalTerms, importLocalTerms } from '../expressions/local-terms';
import { EXPRESSION_CATEGORIES } from '../expressions/types';
import type { DictionaryData, ExpressionCategory, ExpressionEntry } from '../expressions/types';
import type { InspectorDb } from './schema';

export const DICTIONARY_SETTINGS_KEY = 'dictionary';

export interface DictionarySettings {
  local: ExpressionEntry[];
  disabledCategories: ExpressionCategory[];
  /** False switches the typo list (一般性错别字) off. */
  typos: boolean;
  /** ISO time of the last change; '' when nothing was ever changed. */
  updatedAt: string;
}

/** A local term as the options page's form gives it. */
export interface LocalTermInput {
  correct: string;
  /** Wrong forms, one per item. */
  wrong: string[];
  category: ExpressionCategory;
  source: string;
}

export type LocalImportResult = { ok: true; imported: number; settings: DictionarySettings } | { ok: false; errors: string[] };

const EMPTY: DictionarySettings = { local: [], disabledCategories: [], typos: true, updatedAt: '' };

function isCategory(value: unknown): value is ExpressionCategory {
  return typeof value === 'string' && (EXPRESSION_CATEGORIES as readonly string[]).includes(value);
}

/** The stored settings; anything missing or unreadable falls back to the defaults (everything on, no local terms). */
export async function readDictionarySettings(db: InspectorDb): Promise<DictionarySettings> {
  const value = (await db.settings.get(DICTIONARY_SETTINGS_KEY))?.value as Partial<DictionarySettings> | undefined;
  if (!value || typeof value !== 'object') return { ...EMPTY };
  return {
    local: Array.isArray(value.local) ? value.local.filter((e) => e && typeof e.correct === 'string' && isCategory(e.category)) : [],
    disabledCategories: Array.isArray(value.disabledCategories) ? value.disabledCategories.filter(isCategory) : [],
    typos: value.typos !== false,
    updatedAt: typeof value.updatedAt === 'string' ? value.updatedAt : '',
  };
}

async function write(db: InspectorDb, settings: DictionarySettings, now: Date): Promise<DictionarySettings> {
  const next = { ...settings, updatedAt: now.toISOString() };
  await db.settings.put({ key: DICTIONARY_SETTINGS_KEY, value: next, updatedAt: next.updatedAt });
  return next;
}

/** True when the settings leave the bundled dictionary as it is (so its cached compiled form can be used). */
export function isDefaultDictionary(settings: DictionarySettings): boolean {
  return settings.local.length === 0 && settings.disabledCategories.length === 0 && settings.typos;
}

/** A stable id per correct form: adding the same correct form again replaces the entry instead of doubling it. */
function localId(correct: string): string {
  return `local:${correct}`;
}

/**
 * Checks new entries against the bundled dictionary and the stored local terms (the same rules as a file import:
 * empty and one-character terms, unknown categories, a wrong form that is a correct form elsewhere …), then puts
 * them in, replacing stored entries with the same correct form. All or nothing.
 */
async function putLocal(db: InspectorDb, content: string, format: 'json' | 'csv', base: DictionaryData, now: Date): Promise<LocalImportResult> {
  const settings = await readDictionarySettings(db);
  const result = importLocalTerms(content, format, base, now);
  if (!result.ok) return result;
  const incoming = new Set(result.entries.map((e) => e.correct));
  const kept = settings.local.filter((e) => !incoming.has(e.correct));
  const errors: string[] = [];
  const keptCorrect = new Set(kept.map((e) => e.correct));
  const keptWrong = new Map(kept.flatMap((e) => e.wrong.map((w) => [w.form, e.correct] as const)));
  for (const e of result.entries) {
    // Kept local entries count as known correct forms too, so a new wrong form cannot contradict one.
    for (const w of e.wrong) {
      if (keptCorrect.has(w.form)) errors.push(`“${e.correct}”：错误写法“${w.form}”是已有本地词条的正确写法`);
      const other = keptWrong.get(w.form);
      if (other !== undefined) errors.push(`“${e.correct}”：错误写法“${w.form}”已在本地词条“${other}”中出现`);
    }
    if (keptWrong.has(e.correct)) errors.push(`“${e.correct}”：该正确写法是本地词条“${keptWrong.get(e.correct)}”的错误写法`);
  }
  if (errors.length) return { ok: false, errors };
  const added = result.entries.map((e) => ({ ...e, id: localId(e.correct) }));
  const next = await write(db, { ...settings, local: [...kept, ...added] }, now);
  return { ok: true, imported: added.length, settings: next };
}

/** 添加词条 from the options page's form. Throws `DictionaryError` with the Chinese reason when refused. */
export async function addLocalTerm(db: InspectorDb, input: LocalTermInput, base: DictionaryData, now = new Date()): Promise<DictionarySettings> {
  const row = { correct: input.correct, wrong: input.wrong, category: input.category, source: input.source };
  const result = await putLocal(db, JSON.stringify([row]), 'json', base, now);
  // A single form has no rows to name: drop the import's “第1条：” prefix.
  if (!result.ok) throw new DictionaryError(result.errors.map((e) => e.replace(/^第1条：/, '')).join('；'));
  return result.settings;
}

/** 导入 of a JSON or CSV file of local terms: every bad row is named and then nothing is imported. */
export function importLocalTermsFile(db: InspectorDb, content: string, format: 'json' | 'csv', base: DictionaryData, now = new Date()): Promise<LocalImportResult> {
  return putLocal(db, content, format, base, now);
}

/** The stored local terms as a file (same formats as the import). */
export async function exportLocalTermsFile(db: InspectorDb, format: 'json' | 'csv'): Promise<string> {
  return exportLocalTerms((await readDictionarySettings(db)).local, format);
}

export async function removeLocalTerm(db: InspectorDb, id: string, now = new Date()): Promise<DictionarySettings> {
  const settings = await readDictionarySettings(db);
  return write(db, { ...settings, local: settings.local.filter((e) => e.id !== id) }, now);
}

/** Switches one category (or, with `'typos'`, the typo list) on or off. */
export async function setDictionarySwitch(db: InspectorDb, what: ExpressionCategory | 'typos', enabled: boolean, now = new Date()): Promise<DictionarySettings> {
  const settings = await readDictionarySettings(db);
  if (what === 'typos') return write(db, { ...settings, typos: enabled }, now);
  if (!isCategory(what)) throw new DictionaryError(`类别“${String(what)}”不在类别表中`);
  const others = settings.disabledCategories.filter((c) => c !== what);
  return write(db, { ...settings, disabledCategories: enabled ? others : [...others, what] }, now);
}

/** The dictionary the checks use with these settings. */
export function effectiveDictionary(base: DictionaryData, settings: DictionarySettings): DictionaryData {
  const options: MergeOptions = { local: settings.local, disabledCategories: settings.disabledCategories, typos: settings.typos };
  return mergeDictionary(base, options);
}
