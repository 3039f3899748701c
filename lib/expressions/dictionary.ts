/**
 * Reading and checking dictionary files, and merging a user's local terms into the bundled dictionary.
 * Every failure is a `DictionaryError` with a Chinese message that names the place, never a crash.
 */
import { EXPRESSION_CATEGORIES, severityOf } from './types';
import type { DictionaryData, ExpressionCategory, ExpressionEntry, TypoEntry, WrongForm } from './types';

/** A dictionary or local-term file that cannot be used; `message` is shown to the user as is. */
export class DictionaryError extends Error {
  override name = 'DictionaryError';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Chinese reason why `term` cannot be a dictionary string, or null when it can. */
export function termProblem(term: unknown, what: string): string | null {
  if (typeof term !== 'string') return `${what}不是文字`;
  const t = term.trim();
  if (t.length === 0) return `${what}为空`;
  if ([...t].length < 2) return `${what}“${t}”只有一个字，单字无法可靠匹配，请写出完整词语`;
  if (t.length > 200) return `${what}过长（超过200字）`;
  if (/\s/.test(t)) return `${what}“${t}”含有空格或换行`;
  return null;
}

function isCategory(value: unknown): value is ExpressionCategory {
  return typeof value === 'string' && (EXPRESSION_CATEGORIES as readonly string[]).includes(value);
}

function stringList(value: unknown): string[] | null {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return null;
  return value as string[];
}

function parseWrong(raw: unknown, where: string): WrongForm {
  if (typeof raw === 'string') raw = { form: raw, kind: 'observed' };
  const w = raw as Partial<WrongForm> | null;
  if (!w || typeof w !== 'object') throw new DictionaryError(`${where}：错误写法格式不对`);
  const problem = termProblem(w.form, '错误写法');
  if (problem) throw new DictionaryError(`${where}：${problem}`);
  const kind = w.kind ?? 'observed';
  if (kind !== 'observed' && kind !== 'generated' && kind !== 'outdated')
    throw new DictionaryError(`${where}：错误写法类型“${String(kind)}”无效`);
  if (w.since !== undefined && !DATE.test(w.since)) throw new DictionaryError(`${where}：停用日期格式应为YYYY-MM-DD`);
  return { form: w.form!.trim(), kind, ...(w.since ? { since: w.since } : {}) };
}

/** Checks one expression entry; `where` names it in messages (e.g. “第12条”). */
export function parseEntry(raw: unknown, where: string): ExpressionEntry {
  const e = raw as Partial<ExpressionEntry> | null;
  if (!e || typeof e !== 'object' || Array.isArray(e)) throw new DictionaryError(`${where}：不是一个条目对象`);
  const problem = termProblem(e.correct, '正确写法');
  if (problem) throw new DictionaryError(`${where}：${problem}`);
  if (!isCategory(e.category)) throw new DictionaryError(`${where}：类别“${String(e.category)}”不在类别表中`);
  if (!Array.isArray(e.wrong)) throw new DictionaryError(`${where}：缺少错误写法列表`);
  const wrong = e.wrong.map((w, i) => parseWrong(w, `${where}第${i + 1}个错误写法`));
  const correct = e.correct!.trim();
  if (wrong.some((w) => w.form === correct)) throw new DictionaryError(`${where}：错误写法与正确写法相同`);
  const source = stringList(e.source);
  const allow = stringList(e.allow);
  if (!source || !allow) throw new DictionaryError(`${where}：来源或例外列表格式不对`);
  if (e.asOf !== undefined && !DATE.test(e.asOf)) throw new DictionaryError(`${where}：核对日期格式应为YYYY-MM-DD`);
  return {
    id: typeof e.id === 'string' && e.id ? e.id : where,
    correct,
    wrong,
    category: e.category,
    severity: e.severity === 'veto' || e.severity === 'major' ? e.severity : severityOf(e.category),
    source,
    asOf: e.asOf ?? '',
    ...(typeof e.note === 'string' ? { note: e.note } : {}),
    ...(allow.length ? { allow } : {}),
    ...(e.fuzzy === false ? { fuzzy: false } : {}),
    ...(e.local ? { local: true } : {}),
  };
}

function parseTypo(raw: unknown, where: string): TypoEntry {
  const t = raw as Partial<TypoEntry> | null;
  if (!t || typeof t !== 'object') throw new DictionaryError(`${where}：不是一个条目对象`);
  const problem = termProblem(t.wrong, '错误写法') ?? termProblem(t.correct, '正确写法');
  if (problem) throw new DictionaryError(`${where}：${problem}`);
  if (t.wrong === t.correct) throw new DictionaryError(`${where}：错误写法与正确写法相同`);
  const source = stringList(t.source);
  const allow = stringList(t.allow);
  if (!source || !allow) throw new DictionaryError(`${where}：来源或例外列表格式不对`);
  const entry: TypoEntry = { wrong: t.wrong!.trim(), correct: t.correct!.trim(), source, asOf: typeof t.asOf === 'string' ? t.asOf : '' };
  if (allow.length) entry.allow = allow;
  return entry;
}

/**
 * Reads the two bundled files (or any file of the same shape) into one dictionary.
 * Accepts parsed JSON or JSON text; throws `DictionaryError` on anything malformed.
 */
export function parseDictionary(expressionsFile: unknown, typosFile: unknown): DictionaryData {
  const ex = readJson(expressionsFile, '固定表述词典');
  const ty = readJson(typosFile, '错别字词典');
  if (!Array.isArray(ex.entries)) throw new DictionaryError('固定表述词典缺少 entries 列表');
  if (!Array.isArray(ty.typos)) throw new DictionaryError('错别字词典缺少 typos 列表');
  const entries = ex.entries.map((e, i) => parseEntry(e, `固定表述词典第${i + 1}条`));
  const typos = ty.typos.map((t, i) => parseTypo(t, `错别字词典第${i + 1}条`));
  const sources = { ...asRecord(ty.sources), ...asRecord(ex.sources) };
  return {
    version: typeof ex.version === 'string' ? ex.version : '',
    asOf: typeof ex.asOf === 'string' ? ex.asOf : '',
    sources,
    entries,
    typos,
  };
}

function readJson(file: unknown, name: string): Record<string, unknown> {
  let value = file;
  if (typeof file === 'string') {
    try {
      value = JSON.parse(file);
    } catch {
      throw new DictionaryError(`${name}不是有效的JSON文件`);
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new DictionaryError(`${name}格式不对`);
  return value as Record<string, unknown>;
}

function asRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value).filter((kv): kv is [string, string] => typeof kv[1] === 'string'));
}

/** Options for `mergeDictionary`: the user's own entries and the categories they switched off. */
export interface MergeOptions {
  local?: readonly ExpressionEntry[];
  disabledCategories?: readonly ExpressionCategory[];
  /** False leaves the typo list out (the user switched off 错别字). */
  typos?: boolean;
}

/**
 * The dictionary the checks use: the bundled entries plus local ones, without disabled categories.
 * A local entry whose correct form equals a bundled one adds its wrong forms to that entry.
 */
export function mergeDictionary(base: DictionaryData, options: MergeOptions = {}): DictionaryData {
  const disabled = new Set(options.disabledCategories ?? []);
  const byCorrect = new Map<string, ExpressionEntry>();
  for (const e of [...base.entries, ...(options.local ?? [])]) {
    if (disabled.has(e.category)) continue;
    const known = byCorrect.get(e.correct);
    if (!known) {
      byCorrect.set(e.correct, { ...e, wrong: [...e.wrong] });
      continue;
    }
    const forms = new Set(known.wrong.map((w) => w.form));
    for (const w of e.wrong) if (!forms.has(w.form)) known.wrong.push(w);
  }
  return { ...base, entries: [...byCorrect.values()], typos: options.typos === false ? [] : base.typos };
}
