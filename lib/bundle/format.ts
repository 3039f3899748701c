/**
 * The evidence bundle's contract (docs/bundle-format.md): constants and the JSON shapes of its files.
 * Everything here is what goes on disk; local database ids (site ids, siteKey) never do, so a bundle merges
 * into any other inspector's database.
 */
import type { ChecklistEntry, SiteVerdict } from '../db/records';
import type { PairsResult } from '../db/site-results-store';
import type { CheckId, FindingLocation, FindingStatus, Severity } from '../checks/types';

export const BUNDLE_FORMAT = 'gov-site-inspector.bundle';
/** The format version this program writes, and the newest it reads. */
export const BUNDLE_FORMAT_VERSION = 1;

export const MANIFEST_PATH = 'manifest.json';
export const SUMMARY_CSV_PATH = 'summary.csv';
export const SUMMARY_XLSX_PATH = 'summary.xlsx';
export const INDEX_HTML_PATH = 'index.html';
/** Files inside `sites/<folder>/`. */
export const SITE_FILES = {
  site: 'site.json',
  findings: 'findings.json',
  report: 'report.html',
  evidenceIndex: 'evidence/evidence.json',
  /** Only when the site has a policy–interpretation pair table for the quarter (全站检查). */
  pairs: 'pairs.json',
} as const;

export interface ManifestFile {
  path: string;
  /** hex SHA-256 of the file's bytes */
  sha256: string;
  bytes: number;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  quarter: string;
  createdAt: string;
  generator: { name: string; version: string };
  /** Every file of the archive except manifest.json, sorted by path. */
  files: ManifestFile[];
}

/** A checklist entry in site.json is the stored entry itself (see lib/db/records.ts ChecklistEntry). */
export type BundleChecklistEntry = ChecklistEntry;

/** What site.json holds besides the contract fields: the rest of the inspection, so an import loses nothing. */
export interface BundleInspectionExtra {
  /** The verdict the extension computed; `verdict` above is the final one (after an override). */
  computedVerdict: SiteVerdict;
  /** Present only when the inspector overrode the computed verdict. */
  overrideReason?: string;
  profile: string;
  problems: string;
  inspector: string;
  inspectedOn: string;
  createdAt: string;
  updatedAt: string;
}

/** sites/<folder>/site.json */
export interface BundleSiteJson {
  name: string;
  homeUrl: string;
  siteCode: string;
  /** The final 检查结果 (override first); '' when the site was not inspected this quarter. */
  verdict: SiteVerdict;
  score: number | null;
  checklist: BundleChecklistEntry[];
  aliases: string[];
  siteCreatedAt: string;
  siteUpdatedAt: string;
  /** null when the site had no inspection record this quarter. */
  inspection: BundleInspectionExtra | null;
}

/** One entry of sites/<folder>/findings.json. Contract fields first; optional extras only when set. */
export interface BundleFinding {
  id: string;
  key: string;
  check: CheckId;
  severity: Severity;
  status: FindingStatus;
  pageUrl: string;
  pageTitle: string;
  message: string;
  subject: string;
  excerpt: string;
  expected: string | null;
  target: string | null;
  httpStatus: number | null;
  firstSeen: string;
  lastSeen: string;
  note?: string;
  recurring?: boolean;
  inferred?: boolean;
  location?: FindingLocation;
  detail?: Record<string, unknown>;
  /** When the inspector last set the verdict (from the site's verdict record), if known. */
  verdictUpdatedAt?: string;
}

/** One entry of sites/<folder>/evidence/evidence.json. `file` is relative to the evidence folder. */
export interface BundleEvidence {
  id: string;
  file: string;
  pageUrl: string;
  capturedAt: string;
  sha256: string;
  findingIds: string[];
  note: string;
}

/**
 * sites/<folder>/pairs.json: the site-wide policy–interpretation pair table as the site check stored it
 * (rows, and the columns and list crawl they came from), with the time it was stored.
 */
export type BundlePairs = { updatedAt: string } & PairsResult;
