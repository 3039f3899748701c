/**
 * CSV for Excel and WPS on Chinese Windows: a UTF-8 BOM (without it both read the file as GBK and show
 * mojibake), CRLF line ends, every field quoted when it holds a comma, quote, CR or LF.
 */

const BOM = '\uFEFF';

/** Quotes one field per RFC 4180; also defuses spreadsheet formulas (a leading = + - @) as OWASP advises. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A cell starting with = + - @ (or tab/CR) is run as a formula by Excel; a leading apostrophe shows it as text.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, rows joined with CRLF, ending with CRLF. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
