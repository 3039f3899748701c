/**
 * Import preview and write set: what a parsed bundle adds to and updates in the local database, computed
 * from plain arrays of the current records. Nothing is ever deleted. The caller shows `sites`/`counts`,
 * then writes `writes` in one Dexie transaction (bulkPut per table).
 */
import { verdictRecordId, type EvidenceRecord, type Finding, type InspectionRecord, type SiteRecord, type SiteResultRecord, type VerdictRecord } from '../db/records';
import { evidenceRecordFrom, findingRecordFrom, inspectionRecordFrom, siteRecordFrom, verdictRecordFrom } from './from-bundle-json';
import { mergeEvidence, mergeFinding, mergeInspection, mergeSite, mergeSiteResult, mergeVerdict } from './merge-rules';
import { pairsRecordFrom } from './pairs-json';
import type { ParsedBundle } from './read-bundle';
import { matchSite, type SiteMatch } from './site-match';

/** The current database content the plan is computed against. */
export interface CurrentData {
  sites: readonly SiteRecord[];
  inspections: readonly InspectionRecord[];
  findings: readonly Finding[];
  evidence: readonly EvidenceRecord[];
  verdicts: readonly VerdictRecord[];
  /** Site-level results of the bundle's quarter (at least those of kind 'pairs'). */
  siteResults: readonly SiteResultRecord[];
}

export interface MergeOptions {
  /** Id for a site the database does not have yet. Default `crypto.randomUUID()`. */
  newId?: () => string;
  /** The `siteKey` that findings, evidence and verdicts of a site carry. Default: the site's id. */
  siteKeyOf?: (site: SiteRecord) => string;
}

export type Action = 'add' | 'update' | 'unchanged';
export interface Counts {
  add: number;
  update: number;
  unchanged: number;
}
type Table = 'sites' | 'inspections' | 'findings' | 'evidence' | 'verdicts' | 'siteResults';

export interface SitePreview {
  /** The bundle folder the site came from. */
  folder: string;
  name: string;
  homeUrl: string;
  siteCode: string;
  action: Action;
  /** How it was matched to a local site; undefined for a new site. */
  matchedBy?: SiteMatch;
  /** 'none' when the bundle has no inspection for the site. */
  inspection: Action | 'none';
  findings: Counts;
  evidence: Counts;
  /** The site's pair table; 'none' when the bundle has none for the site. */
  pairs: Action | 'none';
}

export interface MergePlan {
  quarter: string;
  sites: SitePreview[];
  counts: Record<Table, Counts>;
  /** Only the records to add or update; empty when the bundle brings nothing new. */
  writes: {
    sites: SiteRecord[];
    inspections: InspectionRecord[];
    findings: Finding[];
    evidence: EvidenceRecord[];
    verdicts: VerdictRecord[];
    /** Pair tables (kind 'pairs'). */
    siteResults: SiteResultRecord[];
  };
  hasChanges: boolean;
}

/** JSON with sorted keys and without the PNG Blob: equal for records that store the same thing. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (key === 'png') return undefined;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    return v;
  });
}

/** One table's records as the plan goes: originals, working copies, and which ids the bundle touched. */
class Working<T extends { id: string }> {
  private readonly original = new Map<string, T>();
  readonly current = new Map<string, T>();
  /** Ids the bundle touched, in first-touched order (a Set keeps insertion order). */
  private readonly touched = new Set<string>();

  constructor(records: readonly T[]) {
    for (const r of records) {
      this.original.set(r.id, r);
      this.current.set(r.id, r);
    }
  }

  /** Puts `record`, merged with the current one of the same id if any; returns what happened to it. */
  put(record: T, merge: (current: T, incoming: T) => T): Action {
    const existing = this.current.get(record.id);
    const next = existing ? merge(existing, record) : record;
    this.current.set(record.id, next);
    this.touched.add(record.id);
    return this.actionOf(record.id);
  }

  actionOf(id: string): Action {
    const before = this.original.get(id);
    if (!before) return 'add';
    return canonical(before) === canonical(this.current.get(id)) ? 'unchanged' : 'update';
  }

  /** Touched records that differ from the database, in the order first touched. */
  writes(): T[] {
    return [...this.touched].filter((id) => this.actionOf(id) !== 'unchanged').map((id) => this.current.get(id) as T);
  }

  counts(): Counts {
    const c: Counts = { add: 0, update: 0, unchanged: 0 };
    for (const id of this.touched) c[this.actionOf(id)]++;
    return c;
  }
}

function tally(actions: readonly Action[]): Counts {
  const c: Counts = { add: 0, update: 0, unchanged: 0 };
  for (const a of actions) c[a]++;
  return c;
}

/**
 * The plan for importing `bundle` into `current`. Sites are matched by 网站标识码, else normalised home page;
 * findings by id (`${quarter}|${key}`), verdicts by `${siteKey}|${findingKey}`, evidence by id or by the same
 * PNG (SHA-256) on the same site, pair tables by site and quarter (the newer `updatedAt` wins). Pure: `current`
 * is not modified.
 */
export function planMerge(bundle: ParsedBundle, current: CurrentData, options: MergeOptions = {}): MergePlan {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const siteKeyOf = options.siteKeyOf ?? ((s: SiteRecord) => s.id);
  const quarter = bundle.manifest.quarter;
  const sites = new Working(current.sites);
  const inspections = new Working(current.inspections);
  const findings = new Working(current.findings);
  const evidence = new Working(current.evidence);
  const verdicts = new Working(current.verdicts);
  const siteResults = new Working(current.siteResults);
  const previews: SitePreview[] = [];

  for (const parsed of bundle.sites) {
    const wanted = parsed.site;
    let matchedBy: SiteMatch | undefined;
    let local: SiteRecord | undefined;
    for (const candidate of sites.current.values()) {
      const how = matchSite(wanted, candidate);
      // A 网站标识码 match beats a home-page match found earlier.
      if (how && (!matchedBy || (how === 'siteCode' && matchedBy === 'homeUrl'))) [local, matchedBy] = [candidate, how];
      if (matchedBy === 'siteCode') break;
    }
    const siteId = local?.id ?? newId();
    const siteAction = sites.put(siteRecordFrom(wanted, siteId), mergeSite);
    const site = sites.current.get(siteId) as SiteRecord;
    const siteKey = siteKeyOf(site);

    // Evidence first: an incoming screenshot already stored under another id is re-pointed to that id.
    const evidenceIdMap = new Map<string, string>();
    const evidenceActions = parsed.evidence.map((pe) => {
      const incoming = evidenceRecordFrom(pe, siteKey, quarter);
      const sameId = evidence.current.get(incoming.id);
      const samePng = [...evidence.current.values()].find((e) => e.siteKey === siteKey && e.sha256 === incoming.sha256);
      let target = incoming;
      if (sameId && sameId.sha256 !== incoming.sha256) {
        // Two different screenshots under one id (ids from two machines collided): keep both.
        target = { ...incoming, id: samePng?.id ?? `${incoming.id}-${incoming.sha256.slice(0, 12)}` };
      } else if (!sameId && samePng) {
        target = { ...incoming, id: samePng.id };
      }
      evidenceIdMap.set(incoming.id, target.id);
      return evidence.put(target, mergeEvidence);
    });
    const remapEvidence = (ids: readonly string[]): string[] => [...new Set(ids.map((id) => evidenceIdMap.get(id) ?? id))];

    const findingActions = parsed.findings.map((bf) => {
      const incoming = findingRecordFrom(bf, siteKey, quarter);
      const verdictId = verdictRecordId(siteKey, bf.key);
      const localVerdictAt = (f: Finding): string => verdicts.current.get(verdictId)?.updatedAt ?? f.lastSeen;
      const action = findings.put(incoming, (cur, inc) => mergeFinding(cur, inc, localVerdictAt(cur), bf.verdictUpdatedAt ?? bf.lastSeen));
      const verdict = verdictRecordFrom(bf, siteKey);
      if (verdict) verdicts.put(verdict, mergeVerdict);
      return action;
    });

    let inspectionAction: Action | 'none' = 'none';
    const inspection = inspectionRecordFrom(wanted, siteId, quarter);
    if (inspection) {
      inspection.checklist = inspection.checklist.map((c) => ({ ...c, evidenceIds: remapEvidence(c.evidenceIds) }));
      inspectionAction = inspections.put(inspection, mergeInspection);
    }
    const pairsAction = parsed.pairs ? siteResults.put(pairsRecordFrom(parsed.pairs, siteKey, quarter), mergeSiteResult) : 'none';

    previews.push({
      folder: parsed.folder,
      name: wanted.name,
      homeUrl: wanted.homeUrl,
      siteCode: wanted.siteCode,
      action: siteAction,
      ...(matchedBy ? { matchedBy } : {}),
      inspection: inspectionAction,
      findings: tally(findingActions),
      evidence: tally(evidenceActions),
      pairs: pairsAction,
    });
  }

  const writes = {
    sites: sites.writes(),
    inspections: inspections.writes(),
    findings: findings.writes(),
    evidence: evidence.writes(),
    verdicts: verdicts.writes(),
    siteResults: siteResults.writes(),
  };
  return {
    quarter,
    sites: previews,
    counts: {
      sites: sites.counts(),
      inspections: inspections.counts(),
      findings: findings.counts(),
      evidence: evidence.counts(),
      verdicts: verdicts.counts(),
      siteResults: siteResults.counts(),
    },
    writes,
    hasChanges: Object.values(writes).some((list) => list.length > 0),
  };
}
