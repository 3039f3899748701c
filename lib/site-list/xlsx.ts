/**
 * Reads every sheet of an .xlsx site list as rows of strings, via read-excel-file's browser entry (it works in
 * extension pages: files this small are inflated synchronously by fflate, so no blob: worker is created, which
 * the extension's CSP would refuse). Merged cells come back as a value in the top-left cell and empty cells
 * elsewhere; `header.ts` deals with that.
 */
import readXlsxFile from 'read-excel-file/browser';

export interface SheetRows {
  name: string;
  /** Rows of trimmed cell text; the array index + 1 is the row number Excel shows. */
  rows: string[][];
}

/** Reads all sheets. Throws a Chinese error when the bytes are not an .xlsx workbook (e.g. an old .xls). */
export async function readXlsxSheets(data: ArrayBuffer | Blob): Promise<SheetRows[]> {
  let sheets;
  try {
    sheets = await readXlsxFile(data);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`无法读取 Excel 文件（仅支持 .xlsx；.xls 请先另存为 .xlsx 或 CSV）：${detail}`);
  }
  return sheets.map((sheet) => ({ name: sheet.sheet, rows: sheet.data.map((row) => row.map(cellText)) }));
}

/** Cell value as text. Whole numbers are written without exponent so a numeric 网站标识码 keeps its digits. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    return Number.isInteger(value) ? value.toLocaleString('en-US', { useGrouping: false }) : String(value);
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).trim();
}
