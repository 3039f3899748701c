/**
 * Records in, zip bytes out: the quarterly evidence bundle (docs/bundle-format.md).
 * Deterministic — sites, findings, evidence and zip entries are sorted and every entry is dated `createdAt`,
 * so the same input gives the same bytes. Meant for an extension page (a service worker cannot hand the
 * result to the downloads API as an object URL); JSZip's async generation keeps the page responsive.
 */
import { CHECK_IDS, SEVERITIES } from '../checks/types';
import type { Finding } from '../db/records';
import { isQuarter } from '../inspection/quarter';
import type { BundleInput, BundleSiteInput, EvidenceInput } from './bundle-input';
import { toCsv } from './csv';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  INDEX_HTML_PATH,
  MANIFEST_PATH,
  SITE_FILES,
  SUMMARY_CSV_PATH,
  SUMMARY_XLSX_PATH,
  type BundleEvidence,
  type BundleManifest,
  type ManifestFile,
} from './format';
import { renderIndex } from './index-page';
import { toBundlePairs } from './pairs-json';
import { sha256Hex } from './sha256';
import { assignFolderNames, siteFolderBase, uniqueSafeNames } from './site-folder';
import { renderSiteReport, type ReportSite } from './site-report';
import { SUMMARY_HEADER, SUMMARY_WIDTHS, summaryRows } from './summary-table';
import { toBundleEvidence, toBundleFinding, toSiteJson } from './to-bundle-json';
import { buildXlsx } from './xlsx';
import { blobSink, bufferSink, zipBound, zipFiles, type ZipFile } from './zip-writer';

export interface BuildBundleOptions {
  /** Called with 0…100 as the bundle is built (preparing the files, then zipping them). */
  onProgress?: (percent: number) => void;
}

/** Share of the progress bar for hashing and rendering; zipping takes the rest. */
const PREPARE_SHARE = 10;

const encoder = new TextEncoder();
const jsonBytes = (value: unknown): Uint8Array => encoder.encode(`${JSON.stringify(value, null, 2)}\n`);
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function rank(list: readonly string[], value: string): number {
  const i = list.indexOf(value);
  return i < 0 ? list.length : i;
}

/** Findings in report order: by check, then most serious first, then page, then id. */
function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      rank(CHECK_IDS, a.check) - rank(CHECK_IDS, b.check) ||
      compare(a.check, b.check) ||
      rank(SEVERITIES, a.severity) - rank(SEVERITIES, b.severity) ||
      compare(a.pageUrl, b.pageUrl) ||
      compare(a.id, b.id),
  );
}

/** Sites in bundle order: by folder name (网站标识码 or host), then name and home URL to break ties. */
function sortSites(sites: readonly BundleSiteInput[]): BundleSiteInput[] {
  return [...sites].sort(
    (a, b) =>
      compare(siteFolderBase(a.site), siteFolderBase(b.site)) ||
      compare(a.site.name, b.site.name) ||
      compare(a.site.homeUrl, b.site.homeUrl),
  );
}

async function pngBytes(png: Blob | Uint8Array): Promise<Uint8Array> {
  return png instanceof Uint8Array ? png : new Uint8Array(await png.arrayBuffer());
}

/** `<safe evidence id>.png`, unique within the site. */
function evidenceFileNames(evidence: readonly EvidenceInput[]): string[] {
  return uniqueSafeNames(evidence.map((ev) => ev.id)).map((n) => `${n}.png`);
}

/** The archive's file name for the downloads API: `gov-site-inspection-2026Q4-20261231.zip` (local date). */
export function bundleFileName(quarter: string, createdAt: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const day = `${createdAt.getFullYear()}${pad(createdAt.getMonth() + 1)}${pad(createdAt.getDate())}`;
  return `gov-site-inspection-${quarter}-${day}.zip`;
}

/** Builds the bundle and returns the zip's bytes. Throws (in Chinese) only on an invalid quarter or date. */
export async function buildBundle(input: BundleInput, options: BuildBundleOptions = {}): Promise<Uint8Array> {
  const { files, date } = await prepareFiles(input, options.onProgress);
  return zipFiles(files, date, bufferSink(zipBound(files)), zipProgress(options.onProgress));
}

/**
 * The same bundle, byte for byte, as a Blob built from small parts: what an extension page hands to the downloads
 * API. The page never holds the whole archive in one buffer (see `blobSink`), which keeps its peak memory low.
 */
export async function buildBundleBlob(input: BundleInput, options: BuildBundleOptions = {}): Promise<Blob> {
  const { files, date } = await prepareFiles(input, options.onProgress);
  return zipFiles(files, date, blobSink(), zipProgress(options.onProgress));
}

/** Zipping's 0…100 mapped onto the part of the progress bar after the preparation. */
const zipProgress = (onProgress: ((percent: number) => void) | undefined) => (percent: number): void =>
  onProgress?.(PREPARE_SHARE + (percent * (100 - PREPARE_SHARE)) / 100);

/** Every file of the bundle, manifest included, sorted by path; the date every entry carries. */
async function prepareFiles(input: BundleInput, onProgress: ((percent: number) => void) | undefined): Promise<{ files: ZipFile[]; date: Date }> {
  if (!isQuarter(input.quarter)) throw new Error(`季度格式不正确：“${input.quarter}”，应为“2026Q4”这样的形式`);
  const date = new Date(input.createdAt);
  if (Number.isNaN(date.getTime())) throw new Error(`导出时间不正确：“${input.createdAt}”`);

  const sites = sortSites(input.sites);
  const folders = assignFolderNames(sites.map((s) => s.site));
  const totalEvidence = sites.reduce((n, s) => n + s.evidence.length, 0) || 1;
  let hashed = 0;
  onProgress?.(0);

  const files: ZipFile[] = [];
  const reports: ReportSite[] = [];
  for (const [i, entry] of sites.entries()) {
    const folder = folders[i] ?? '';
    const dir = `sites/${folder}/`;
    const verdictDates = new Map((entry.verdicts ?? []).map((v) => [v.findingKey, v.updatedAt]));
    const siteJson = toSiteJson(entry.site, entry.inspection);
    const findings = sortFindings(entry.findings).map((f) => toBundleFinding(f, verdictDates.get(f.key)));
    const evidenceIn = [...entry.evidence].sort((a, b) => compare(a.capturedAt, b.capturedAt) || compare(a.id, b.id));
    const names = evidenceFileNames(evidenceIn);
    const evidence: BundleEvidence[] = [];
    for (const [j, ev] of evidenceIn.entries()) {
      const data = await pngBytes(ev.png);
      const file = names[j] ?? `${j}.png`;
      evidence.push(toBundleEvidence(ev, file, await sha256Hex(data)));
      files.push({ path: `${dir}evidence/${file}`, data, store: true });
      onProgress?.((++hashed / totalEvidence) * PREPARE_SHARE);
    }
    // Normalised here too, so a pair table handed in directly is written as an imported one would be.
    const pairs = entry.pairs ? toBundlePairs(entry.pairs, entry.pairs.updatedAt) : undefined;
    const report: ReportSite = { folder, site: siteJson, findings, evidence, ...(pairs ? { pairs } : {}) };
    reports.push(report);
    if (report.pairs) files.push({ path: dir + SITE_FILES.pairs, data: jsonBytes(report.pairs), store: false });
    files.push(
      { path: dir + SITE_FILES.site, data: jsonBytes(siteJson), store: false },
      { path: dir + SITE_FILES.findings, data: jsonBytes(findings), store: false },
      { path: dir + SITE_FILES.evidenceIndex, data: jsonBytes(evidence), store: false },
      { path: dir + SITE_FILES.report, data: encoder.encode(renderSiteReport(input.quarter, report)), store: false },
    );
  }

  const rows = summaryRows(reports.map((r) => r.site));
  const xlsx = await buildXlsx({ sheetName: '通报附表', header: SUMMARY_HEADER, rows, widths: SUMMARY_WIDTHS }, date);
  files.push(
    { path: SUMMARY_CSV_PATH, data: encoder.encode(toCsv([SUMMARY_HEADER, ...rows])), store: false },
    { path: SUMMARY_XLSX_PATH, data: xlsx, store: true },
    { path: INDEX_HTML_PATH, data: encoder.encode(renderIndex(input.quarter, reports)), store: false },
  );
  files.sort((a, b) => compare(a.path, b.path));

  const listed: ManifestFile[] = [];
  for (const f of files) listed.push({ path: f.path, sha256: await sha256Hex(f.data), bytes: f.data.byteLength });
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    quarter: input.quarter,
    createdAt: input.createdAt,
    generator: { name: input.generator.name, version: input.generator.version },
    files: listed,
  };
  files.push({ path: MANIFEST_PATH, data: jsonBytes(manifest), store: false });
  files.sort((a, b) => compare(a.path, b.path));

  onProgress?.(PREPARE_SHARE);
  return { files, date };
}
