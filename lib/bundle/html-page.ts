/**
 * The shell of every bundle HTML page: offline, printable on A4, and locked by a CSP that allows no script
 * at all — a second wall behind `escapeHtml` in case a value ever slipped through unescaped.
 */
import { escapeHtml } from './escape-html';

const CSS = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", SimSun, sans-serif;
  font-size: 10.5pt; line-height: 1.5; color: #111; max-width: 186mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 16pt; margin: 0 0 4mm; } h2 { font-size: 13pt; margin: 6mm 0 2mm; } h3 { font-size: 11pt; margin: 4mm 0 2mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
th, td { border: 1px solid #888; padding: 1mm 1.5mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #eee; white-space: nowrap; }
thead { display: table-header-group; }
tr, figure, .finding { break-inside: avoid; page-break-inside: avoid; }
.site { break-before: page; page-break-before: always; }
.meta th { width: 24mm; }
.veto, .major { color: #a00; font-weight: bold; }
.muted { color: #555; }
.thumbs { display: flex; flex-wrap: wrap; gap: 3mm; }
figure { margin: 0; width: 58mm; }
figure img { display: block; max-width: 58mm; max-height: 44mm; border: 1px solid #999; }
figcaption { font-size: 8.5pt; overflow-wrap: anywhere; }
code { font-size: 8pt; overflow-wrap: anywhere; }
@media print { a { color: inherit; text-decoration: none; } body { padding: 0; } }
`;

const CSP = "default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** A complete page; `body` must already be escaped HTML. */
export function htmlPage(title: string, body: string): string {
  return (
    '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`
  );
}
