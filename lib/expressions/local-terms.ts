/**
 * A user's local terms (e.g. the city's 书记 and 市长 with their titles): import from JSON or CSV with the columns
 * 正确写法, 错误写法, 类别, 来源, and export to the same formats. An import is all or nothing: every bad row is
 * named (row number and reason, in Chinese) and then nothing is imported.
 */
import { DictionaryError, parseEntry, termProblem } from './dictionary';
import { EXPRESSION_CATEGORIES, severityOf } from './types';
import type { DictionaryData, ExpressionCategory, ExpressionEntry } from './types';

export const LOCAL_TERMS_FORMAT = 'gov-site-inspector.local-terms';
const CSV_HEADER = ['正确写法', '错误写法', '类别', '来源'] as const;
/** Separators between several wrong forms in one CSV cell (、 is not one: it occurs inside expressions). */
const WRONG_SEPARATORS = /[;；|｜\n]/;

export type ImportResult = { ok: true; entries: ExpressionEntry[] } | { ok: false; errors: string[] };

/** One row before checking, as the user wrote it. */
interface RawRow {
  row: string;
  correct: unknown;
  wrong: unknown;
  category: unknown;
  source: unknown;
}

/**
 * Reads local terms. `base` (the bundled dictionary) lets the import refuse a wrong form that the dictionary
 * knows as a correct form, which would otherwise silence or flip an official expression.
 */
export function importLocalTerms(content: string, format: 'json' | 'csv', base?: DictionaryData, today = new Date()): ImportResult {
  let rows: RawRow[];
  try {
    rows = format === 'json' ? jsonRows(content) : csvRows(content);
  } catch (e) {
    return { ok: false, errors: [e instanceof DictionaryError ? e.message : '文件无法读取'] };
  }
  if (rows.length === 0) return { ok: false, errors: ['文件中没有词条'] };
  const known = new Set(base?.entries.map((e) => e.correct) ?? []);
  const seenWrong = new Map<string, string>();
  const errors: string[] = [];
  const entries: ExpressionEntry[] = [];
  const asOf = today.toISOString().slice(0, 10);
  rows.forEach((r, i) => {
    const problem = rowProblem(r, known, seenWrong);
    if (problem) {
      errors.push(`${r.row}：${problem}`);
      return;
    }
    const category = (typeof r.category === 'string' && r.category.trim() ? r.category.trim() : '一般') as ExpressionCategory;
    const wrong = wrongList(r.wrong);
    entries.push(
      parseEntry(
        {
          id: `local-${i + 1}`,
          correct: String(r.correct).trim(),
          wrong: wrong.map((form) => ({ form, kind: 'observed' })),
          category,
          severity: severityOf(category),
          source: typeof r.source === 'string' && r.source.trim() ? [r.source.trim()] : ['本地词条'],
          asOf,
          local: true,
        },
        r.row,
      ),
    );
  });
  return errors.length ? { ok: false, errors } : { ok: true, entries };
}

function rowProblem(r: RawRow, known: Set<string>, seenWrong: Map<string, string>): string | null {
  const problem = termProblem(r.correct, '正确写法');
  if (problem) return problem;
  const correct = String(r.correct).trim();
  if (r.category !== undefined && r.category !== '' && !(EXPRESSION_CATEGORIES as readonly unknown[]).includes(String(r.category).trim()))
    return `类别“${String(r.category)}”无效，应为：${EXPRESSION_CATEGORIES.join('、')}`;
  if (r.source !== undefined && typeof r.source !== 'string') return '来源不是文字';
  if (r.wrong !== undefined && typeof r.wrong !== 'string' && !Array.isArray(r.wrong)) return '错误写法格式不对';
  for (const w of wrongList(r.wrong)) {
    const p = termProblem(w, '错误写法');
    if (p) return p;
    if (w === correct) return `错误写法“${w}”与正确写法相同`;
    if (known.has(w)) return `错误写法“${w}”是词典中的正确写法，不能作为错误写法`;
    const other = seenWrong.get(w);
    if (other !== undefined && other !== correct) return `错误写法“${w}”已在其他词条中出现`;
    seenWrong.set(w, correct);
  }
  return null;
}

function wrongList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v.trim() : (v as never)));
  if (typeof value !== 'string' || value.trim() === '') return [];
  return value.split(WRONG_SEPARATORS).map((w) => w.trim()).filter((w) => w !== '');
}

function jsonRows(content: string): RawRow[] {
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch {
    throw new DictionaryError('不是有效的JSON文件');
  }
  const list = Array.isArray(data) ? data : (data as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(list)) throw new DictionaryError('JSON文件中缺少词条列表（entries）');
  return list.map((item, i) => {
    const o = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    return {
      row: `第${i + 1}条`,
      correct: o.correct ?? o['正确写法'],
      wrong: o.wrong ?? o['错误写法'],
      category: o.category ?? o['类别'],
      source: o.source ?? o['来源'],
    };
  });
}

function csvRows(content: string): RawRow[] {
  const table = parseCsv(content.replace(/^\uFEFF/, ''));
  const header = table[0]?.map((h) => h.trim()) ?? [];
  const col = CSV_HEADER.map((name) => header.indexOf(name));
  if (col[0] === -1) throw new DictionaryError(`CSV第1行应为表头：${CSV_HEADER.join(',')}`);
  const rows: RawRow[] = [];
  table.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (k: number) => (col[k]! >= 0 ? (cells[col[k]!] ?? '') : undefined);
    rows.push({ row: `第${i + 2}行`, correct: cell(0), wrong: cell(1), category: cell(2), source: cell(3) });
  });
  return rows;
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new DictionaryError('CSV文件中有未闭合的引号');
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Local terms as a file: JSON (with a format tag) or CSV with a BOM so spreadsheet programs read UTF-8. */
export function exportLocalTerms(entries: readonly ExpressionEntry[], format: 'json' | 'csv'): string {
  if (format === 'json') {
    const list = entries.map((e) => ({
      correct: e.correct,
      wrong: e.wrong.map((w) => w.form),
      category: e.category,
      source: e.source.join('；'),
    }));
    return JSON.stringify({ format: LOCAL_TERMS_FORMAT, version: 1, entries: list }, null, 2) + '\n';
  }
  const lines = [CSV_HEADER.join(',')];
  for (const e of entries) {
    lines.push([e.correct, e.wrong.map((w) => w.form).join('；'), e.category, e.source.join('；')].map(csvField).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
