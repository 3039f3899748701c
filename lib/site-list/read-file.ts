/**
 * Turns an uploaded site-list file (CSV in any of Excel's encodings, or XLSX with one or several sheets)
 * into data rows and header columns, ready for `buildPreview`.
 */
import type { SiteRecord } from '../db/records';
import { parseCsv } from './csv';
import { decodeText } from './decode';
import type { TextEncodingName } from './decode';
import { findHeader } from './header';
import type { HeaderColumns } from './header';
import { buildPreview } from './preview';
import type { ImportPreview, RawRow } from './preview';
import { readXlsxSheets } from './xlsx';

export interface SiteListFile {
  name: string;
  data: ArrayBuffer | Uint8Array;
}

export interface ParsedSiteList {
  format: 'csv' | 'xlsx';
  /** CSV only. */
  encoding?: TextEncodingName;
  /** XLSX only: the sheet used and all sheet names. */
  sheet?: string;
  sheets?: string[];
  /** Row number (as shown) of the last header row; 0 when none was found. */
  headerLine: number;
  columns: HeaderColumns | null;
  rows: RawRow[];
  /** Chinese problems with the whole file (no header, unreadable, wrong format). */
  fileErrors: string[];
  /** Chinese remarks on the file (which sheet was used …). */
  fileNotes: string[];
}

const NO_HEADER = '未找到表头：需要包含“网站名称”和“首页网址”两列（可选“网站标识码”）';

function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isOleXls(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Reads a site-list file. Never throws for bad content: problems come back in `fileErrors`. */
export async function readSiteListFile(file: SiteListFile): Promise<ParsedSiteList> {
  const bytes = toBytes(file.data);
  const empty = (format: ParsedSiteList['format'], error: string): ParsedSiteList => ({
    format, headerLine: 0, columns: null, rows: [], fileErrors: [error], fileNotes: [],
  });
  if (bytes.length === 0) return empty('csv', '文件为空');
  if (isOleXls(bytes)) return empty('xlsx', '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入');
  if (isZip(bytes) || /\.xlsx$/i.test(file.name)) {
    try {
      // Copy into a fresh ArrayBuffer: a Uint8Array may be a view on a larger (Node) buffer.
      return pickSheet(await readXlsxSheets(bytes.slice().buffer));
    } catch (error) {
      return empty('xlsx', error instanceof Error ? error.message : String(error));
    }
  }
  return parseCsvBytes(bytes);
}

/** Reads CSV bytes (encoding and separator detected). */
export function parseCsvBytes(bytes: Uint8Array): ParsedSiteList {
  const { text, encoding } = decodeText(bytes);
  const lines = parseCsv(text);
  const header = findHeader(lines.map((row) => row.cells));
  if (!header) {
    return { format: 'csv', encoding, headerLine: 0, columns: null, rows: [], fileErrors: [NO_HEADER], fileNotes: [] };
  }
  return {
    format: 'csv',
    encoding,
    headerLine: lines[header.lastRow]?.line ?? 0,
    columns: header.columns,
    rows: lines.slice(header.lastRow + 1),
    fileErrors: [],
    fileNotes: [],
  };
}

/** Chooses the sheet whose header matches: the most columns recognised, then the most rows, then the first. */
function pickSheet(sheets: readonly { name: string; rows: string[][] }[]): ParsedSiteList {
  const names = sheets.map((sheet) => sheet.name);
  let best: { name: string; rows: RawRow[]; columns: HeaderColumns; headerLine: number; score: number } | null = null;
  for (const sheet of sheets) {
    const header = findHeader(sheet.rows);
    if (!header) continue;
    const rows = sheet.rows
      .map((cells, index) => ({ cells, line: index + 1 }))
      .slice(header.lastRow + 1)
      .filter((row) => row.cells.some((cell) => cell !== ''));
    const score = (header.columns.code >= 0 ? 1_000_000 : 0) + rows.length;
    if (!best || score > best.score) best = { name: sheet.name, rows, columns: header.columns, headerLine: header.lastRow + 1, score };
  }
  if (!best) {
    return {
      format: 'xlsx', sheets: names, headerLine: 0, columns: null, rows: [],
      fileErrors: [sheets.length > 1 ? `${sheets.length}个工作表中都${NO_HEADER}` : NO_HEADER], fileNotes: [],
    };
  }
  const fileNotes = sheets.length > 1 ? [`文件有${sheets.length}个工作表，使用表头匹配的工作表“${best.name}”`] : [];
  return { format: 'xlsx', sheet: best.name, sheets: names, headerLine: best.headerLine, columns: best.columns, rows: best.rows, fileErrors: [], fileNotes };
}

/** The file read and previewed against the stored sites, in one call for the import dialog. */
export async function previewSiteListFile(
  file: SiteListFile,
  existing: readonly SiteRecord[],
): Promise<{ file: ParsedSiteList; preview: ImportPreview | null }> {
  const parsed = await readSiteListFile(file);
  const preview = parsed.columns && parsed.fileErrors.length === 0 ? buildPreview(parsed.rows, parsed.columns, existing) : null;
  return { file: parsed, preview };
}
