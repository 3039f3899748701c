/**
 * A small CSV reader for site lists: comma, tab or semicolon separated, RFC 4180 quoting (quoted separators,
 * doubled quotes, line breaks inside quotes), CRLF or LF. Returns rows of trimmed cell strings.
 */

export type Delimiter = ',' | '\t' | ';';

const CANDIDATES: readonly Delimiter[] = [',', '\t', ';'];

/**
 * The separator used by the file: the candidate that splits the first non-empty lines into the most columns
 * most consistently (counted outside quotes). Chinese full-width commas are text, never separators.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text.split(/\r\n|\n|\r/).filter((line) => line.trim() !== '').slice(0, 10);
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const candidate of CANDIDATES) {
    const counts = lines.map((line) => countOutsideQuotes(line, candidate));
    const max = Math.max(0, ...counts);
    if (max === 0) continue;
    // Lines agreeing with the most common count weigh more than one long line.
    const agreeing = counts.filter((c) => c === mode(counts)).length;
    const score = agreeing * 100 + max;
    if (score > bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) count++;
  }
  return count;
}

function mode(values: readonly number[]): number {
  const tally = new Map<number, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [value, count] of tally) {
    if (count > bestCount || (count === bestCount && value > best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Parses CSV text into rows of cells. Each row keeps the 1-based line number it starts on, so messages can
 * name the row as a spreadsheet program shows it.
 */
export function parseCsv(text: string, delimiter: Delimiter = detectDelimiter(text)): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let rowStart = 1;
  const endRow = () => {
    cells.push(cell.trim());
    rows.push({ cells, line: rowStart });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      cell = '';
      inQuotes = true;
    } else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowStart = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}
