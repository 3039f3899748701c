/**
 * The import preview of a site list: every data row validated with a Chinese message naming its row,
 * duplicates inside the file merged, rows matched against the sites already stored. Nothing is saved here:
 * the caller shows the preview and saves `planImport`'s records only when the inspector confirms.
 */
import type { SiteRecord } from '../db/records';
import type { HeaderColumns, SiteField } from './header';
import { checkSiteCode } from './site-code';
import { bareHost, normalizeHomeUrl, urlKey } from './url';

/** One data row as read from the file; `line` is the row number the spreadsheet program shows. */
export interface RawRow {
  line: number;
  cells: string[];
}

export type MessageLevel = 'error' | 'warning' | 'note';

export interface RowMessage {
  line: number;
  level: MessageLevel;
  field?: SiteField;
  /** Chinese, starting with “第N行：”. */
  text: string;
}

/** A site as the file describes it, after validation and in-file merging. */
export interface ImportRow {
  /** Rows of the file this site came from; the first is the one kept, the others were merged into it. */
  lines: number[];
  name: string;
  homeUrl: string;
  siteCode: string;
  messages: RowMessage[];
  hasError: boolean;
}

/** An ok row that matches a site already stored: it is merged, not added. */
export interface ExistingMerge {
  row: ImportRow;
  site: SiteRecord;
  matchedBy: 'url' | 'url+code';
  /** Fields the merge fills in on the stored site (only empty ones are filled). */
  changes: { siteCode?: string };
}

export interface ImportPreview {
  /** New sites, ready to add. */
  rowsOk: ImportRow[];
  /** Rows that cannot be imported until the file is fixed. */
  rowsWithErrors: ImportRow[];
  /** Rows matching stored sites. */
  merges: ExistingMerge[];
  /** Every message, in row order. */
  messages: RowMessage[];
  summary: { dataRows: number; ok: number; errors: number; merged: number; mergedInFile: number; warnings: number };
}

const at = (line: number) => `第${line}行：`;

/** Validates the data rows of a list whose header gave `columns`, and compares them with `existing`. */
export function buildPreview(rows: readonly RawRow[], columns: HeaderColumns, existing: readonly SiteRecord[]): ImportPreview {
  const candidates = rows.map((raw) => readRow(raw, columns)).filter((row): row is ImportRow => row !== null);
  const errorRows = candidates.filter((row) => row.hasError);
  const kept = dedupeInFile(candidates.filter((row) => !row.hasError));
  const mergedInFile = kept.reduce((sum, row) => sum + row.lines.length - 1, 0);

  const rowsOk: ImportRow[] = [];
  const merges: ExistingMerge[] = [];
  for (const row of kept) {
    if (row.hasError) continue;
    // matchExisting may find a conflict with a stored site and mark the row as an error.
    const merge = matchExisting(row, existing);
    if (merge) merges.push(merge);
    else if (!row.hasError) rowsOk.push(row);
  }
  const rowsWithErrors = [...errorRows, ...kept.filter((row) => row.hasError)].sort((a, b) => first(a) - first(b));
  const messages = candidates
    .flatMap((row) => row.messages)
    .sort((a, b) => a.line - b.line || levelOrder(a.level) - levelOrder(b.level));
  return {
    rowsOk,
    rowsWithErrors,
    merges,
    messages,
    summary: {
      dataRows: candidates.length,
      ok: rowsOk.length,
      errors: rowsWithErrors.length,
      merged: merges.length,
      mergedInFile,
      warnings: messages.filter((m) => m.level === 'warning').length,
    },
  };
}

function first(row: ImportRow): number {
  return row.lines[0] ?? 0;
}

function levelOrder(level: MessageLevel): number {
  return level === 'error' ? 0 : level === 'warning' ? 1 : 2;
}

function readRow(raw: RawRow, columns: HeaderColumns): ImportRow | null {
  const cell = (index: number) => (index >= 0 ? (raw.cells[index] ?? '').trim() : '');
  const name = cell(columns.name);
  const urlText = cell(columns.url);
  const codeText = cell(columns.code);
  if (name === '' && urlText === '' && codeText === '') return null;
  const row: ImportRow = { lines: [raw.line], name, homeUrl: '', siteCode: '', messages: [], hasError: false };
  if (name === '') addMessage(row, raw.line, 'error', 'name', '网站名称为空');
  const url = normalizeHomeUrl(urlText);
  if (url.error) addMessage(row, raw.line, 'error', 'url', url.error);
  else {
    row.homeUrl = url.url;
    if (url.addedScheme) addMessage(row, raw.line, 'warning', 'url', `首页网址“${urlText}”缺少 http:// 或 https://，已按 http:// 补全`);
  }
  const code = checkSiteCode(codeText);
  row.siteCode = code.code;
  if (code.error) addMessage(row, raw.line, 'error', 'code', code.error);
  return row;
}

function addMessage(row: ImportRow, line: number, level: MessageLevel, field: SiteField | undefined, text: string): void {
  row.messages.push({ line, level, ...(field ? { field } : {}), text: at(line) + text });
  if (level === 'error') row.hasError = true;
}

/**
 * Merges rows with the same URL (or the same code and an equivalent URL) into the first; the same code on
 * different URLs, or different codes on one URL, is an error on both rows since the file cannot say which is right.
 */
function dedupeInFile(rows: readonly ImportRow[]): ImportRow[] {
  const kept: ImportRow[] = [];
  const byUrl = new Map<string, ImportRow>();
  const byCode = new Map<string, ImportRow>();
  for (const row of rows) {
    const line = first(row);
    const key = urlKey(row.homeUrl);
    const sameUrl = byUrl.get(key);
    const sameCode = row.siteCode ? byCode.get(row.siteCode) : undefined;
    if (sameCode && sameCode !== sameUrl) {
      const text = `网站标识码“${row.siteCode}”与第${first(sameCode)}行相同，但首页网址不同（${sameCode.homeUrl} / ${row.homeUrl}）`;
      addMessage(row, line, 'error', 'code', text);
      addMessage(sameCode, first(sameCode), 'error', 'code', `网站标识码“${row.siteCode}”与第${line}行相同，但首页网址不同`);
      kept.push(row);
      continue;
    }
    if (sameUrl) {
      if (sameUrl.siteCode && row.siteCode && sameUrl.siteCode !== row.siteCode) {
        addMessage(row, line, 'error', 'code', `首页网址与第${first(sameUrl)}行相同，但网站标识码不同（“${sameUrl.siteCode}” / “${row.siteCode}”）`);
        addMessage(sameUrl, first(sameUrl), 'error', 'code', `首页网址与第${line}行相同，但网站标识码不同`);
        kept.push(row);
        continue;
      }
      sameUrl.lines.push(line);
      if (!sameUrl.siteCode && row.siteCode) {
        sameUrl.siteCode = row.siteCode;
        byCode.set(row.siteCode, sameUrl);
      }
      const nameNote = row.name !== sameUrl.name ? `，名称“${row.name}”与之不同，保留“${sameUrl.name}”` : '';
      addMessage(row, line, 'note', undefined, `与第${first(sameUrl)}行重复（首页网址${row.siteCode ? '和网站标识码' : ''}相同），已合并${nameNote}`);
      continue;
    }
    kept.push(row);
    byUrl.set(key, row);
    if (row.siteCode) byCode.set(row.siteCode, row);
  }
  return kept;
}

function matchesUrl(site: SiteRecord, key: string): boolean {
  return urlKey(site.homeUrl) === key || site.aliases.some((alias) => bareHost(alias) === key);
}

/** Finds the stored site a row is; adds an error to the row when code and URL point at different sites. */
function matchExisting(row: ImportRow, existing: readonly SiteRecord[]): ExistingMerge | null {
  const line = first(row);
  const key = urlKey(row.homeUrl);
  const byUrl = existing.find((site) => matchesUrl(site, key));
  const byCode = row.siteCode ? existing.find((site) => site.siteCode === row.siteCode) : undefined;
  if (byCode && byUrl && byCode !== byUrl) {
    addMessage(row, line, 'error', 'code', `网站标识码与已有网站“${byCode.name}”相同，首页网址却与已有网站“${byUrl.name}”相同`);
    return null;
  }
  if (byCode && !byUrl) {
    addMessage(row, line, 'error', 'code', `网站标识码“${row.siteCode}”已属于已有网站“${byCode.name}”（${byCode.homeUrl}），但首页网址不同`);
    return null;
  }
  if (!byUrl) return null;
  if (byUrl.siteCode && row.siteCode && byUrl.siteCode !== row.siteCode) {
    addMessage(row, line, 'error', 'code', `首页网址与已有网站“${byUrl.name}”相同，但网站标识码不同（已有“${byUrl.siteCode}”）`);
    return null;
  }
  const changes: ExistingMerge['changes'] = {};
  if (!byUrl.siteCode && row.siteCode) changes.siteCode = row.siteCode;
  const nameNote = row.name !== byUrl.name ? `；名称“${row.name}”与已有名称不同，保留“${byUrl.name}”` : '';
  const codeNote = changes.siteCode ? `，补充网站标识码“${changes.siteCode}”` : '';
  addMessage(row, line, 'note', undefined, `已有网站“${byUrl.name}”，将合并${codeNote}${nameNote}`);
  return { row, site: byUrl, matchedBy: byCode ? 'url+code' : 'url', changes };
}

/** The records to save when the inspector confirms: new sites and stored sites with filled-in fields. */
export function planImport(
  preview: ImportPreview,
  now: Date,
  newId: () => string,
): { create: SiteRecord[]; update: SiteRecord[] } {
  const stamp = now.toISOString();
  const create = preview.rowsOk.map((row) => ({
    id: newId(),
    name: row.name,
    homeUrl: row.homeUrl,
    siteCode: row.siteCode,
    aliases: [],
    createdAt: stamp,
    updatedAt: stamp,
  }));
  const update = preview.merges
    .filter((merge) => merge.changes.siteCode !== undefined)
    .map((merge) => ({ ...merge.site, ...merge.changes, updatedAt: stamp }));
  return { create, update };
}
