/** What `buildBundle` takes: plain records, as the database holds them. */
import type { EvidenceRecord, Finding, InspectionRecord, SiteRecord, SiteResultRecord, VerdictRecord } from '../db/records';
import type { BundlePairs } from './format';
import { pairsOfRecord } from './pairs-json';

/** An evidence record whose PNG may also be handed in as bytes (node, tests, benches). */
export type EvidenceInput = Omit<EvidenceRecord, 'png'> & { png: Blob | Uint8Array };

export interface BundleSiteInput {
  site: SiteRecord;
  /** This quarter's inspection; undefined when the site was not inspected. */
  inspection: InspectionRecord | undefined;
  /** This quarter's findings of the site. */
  findings: Finding[];
  evidence: EvidenceInput[];
  /** The site's verdict records, if known: they date each finding's verdict (`verdictUpdatedAt`). */
  verdicts?: VerdictRecord[];
  /** This quarter's policy–interpretation pair table of the site (全站检查), if it has one. */
  pairs?: BundlePairs;
}

export interface BundleInput {
  /** “2026Q4” */
  quarter: string;
  /** ISO timestamp: written to manifest.json and used as every zip entry's date. */
  createdAt: string;
  generator: { name: string; version: string };
  sites: BundleSiteInput[];
}

/** The database content `collectBundleInput` reads (the same arrays `planMerge` takes). */
export interface BundleSource {
  sites: readonly SiteRecord[];
  inspections: readonly InspectionRecord[];
  findings: readonly Finding[];
  evidence: readonly EvidenceInput[];
  verdicts: readonly VerdictRecord[];
  /** Site-level results; only the quarter's pair tables (kind 'pairs') go into the bundle. Absent: none. */
  siteResults?: readonly SiteResultRecord[];
}

export interface CollectOptions {
  quarter: string;
  createdAt: string;
  generator: { name: string; version: string };
  /** The `siteKey` that findings, evidence and verdicts of a site carry. Default: the site's id. */
  siteKeyOf?: (site: SiteRecord) => string;
  /**
   * Leave out sites with nothing this quarter (no inspection, finding or screenshot). Default false: every
   * registered site is in the 通报 table, those not inspected as “未检查”.
   */
  onlyInspected?: boolean;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Groups whole tables into one quarter's `BundleInput`: each site with its inspection, findings, evidence,
 * verdicts and pair table, for every site (or, with `onlyInspected`, those with anything this quarter).
 */
export function collectBundleInput(source: BundleSource, options: CollectOptions): BundleInput {
  const { quarter } = options;
  const siteKeyOf = options.siteKeyOf ?? ((s: SiteRecord) => s.id);
  const inspections = new Map(source.inspections.filter((i) => i.quarter === quarter).map((i) => [i.siteId, i]));
  const findings = groupBy(source.findings.filter((f) => f.quarter === quarter), (f) => f.siteKey);
  const evidence = groupBy(source.evidence.filter((e) => e.quarter === quarter), (e) => e.siteKey);
  const verdicts = groupBy(source.verdicts, (v) => v.siteKey);
  const pairs = new Map(
    (source.siteResults ?? []).filter((r) => r.quarter === quarter && r.kind === 'pairs').map((r) => [r.siteKey, pairsOfRecord(r)]),
  );
  const sites: BundleSiteInput[] = [];
  for (const site of source.sites) {
    const key = siteKeyOf(site);
    const entry: BundleSiteInput = {
      site,
      inspection: inspections.get(site.id),
      findings: findings.get(key) ?? [],
      evidence: evidence.get(key) ?? [],
      verdicts: verdicts.get(key) ?? [],
    };
    const table = pairs.get(key);
    if (table) entry.pairs = table;
    if (!options.onlyInspected || entry.inspection || entry.findings.length || entry.evidence.length || entry.pairs) sites.push(entry);
  }
  return { quarter, createdAt: options.createdAt, generator: options.generator, sites };
}
