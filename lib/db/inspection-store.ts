/**
 * Sites under inspection and their inspection records per quarter (InspectionRecord: checklist, verdict,
 * 存在的问题). A quarter's site list is the set of its inspection records. Functions take the database first so
 * tests run them against fake-indexeddb; every multi-record write is one transaction, so nothing is half-saved.
 */
import type { Finding, Severity } from '../checks/types';
import { checklistProgress, createChecklist, syncChecklist, type ChecklistProgress } from '../inspection/checklist';
import { DEFAULT_PROFILE_ID } from '../inspection/profile';
import { profileOf, withScore } from '../inspection/score-inspection';
import { checkSiteCode, normalizeHomeUrl, urlKey } from '../site-list';
import type { ImportPreview } from '../site-list';
import { planImport } from '../site-list';
import { crawlId } from './crawl-store';
import { inspectionId, type InspectionRecord, type SiteRecord, type SiteVerdict } from './records';
import type { InspectorDb } from './schema';

/** A fresh inspection of a site in a quarter: the profile's checklist, nothing decided. */
export function newInspection(siteId: string, quarter: string, now: string): InspectionRecord {
  const record: InspectionRecord = {
    id: inspectionId(siteId, quarter),
    siteId,
    quarter,
    profile: DEFAULT_PROFILE_ID,
    checklist: [],
    verdict: '',
    problems: '',
    inspector: '',
    inspectedOn: '',
    createdAt: now,
    updatedAt: now,
  };
  record.checklist = createChecklist(profileOf(record));
  return record;
}

/** The quarter's inspection records with their sites, in the order the sites were added. */
export async function quarterSites(db: InspectorDb, quarter: string): Promise<Array<{ site: SiteRecord; inspection: InspectionRecord }>> {
  const inspections = await db.inspections.where('quarter').equals(quarter).toArray();
  const sites = await db.sites.bulkGet(inspections.map((i) => i.siteId));
  const rows: Array<{ site: SiteRecord; inspection: InspectionRecord }> = [];
  inspections.forEach((inspection, index) => {
    const site = sites[index];
    if (site) rows.push({ site, inspection: syncedChecklist(inspection) });
  });
  return rows.sort((a, b) => a.site.createdAt.localeCompare(b.site.createdAt) || a.site.name.localeCompare(b.site.name, 'zh-CN'));
}

/** One site's inspection in a quarter, as `quarterSites` lists it; a fresh one (not stored) when there is none. */
export async function siteInspection(db: InspectorDb, siteId: string, quarter: string, now: string): Promise<InspectionRecord> {
  const stored = await db.inspections.get(inspectionId(siteId, quarter));
  return stored ? syncedChecklist(stored) : newInspection(siteId, quarter, now);
}

/** The record with its checklist brought up to date with its profile (not stored). */
function syncedChecklist(record: InspectionRecord): InspectionRecord {
  return { ...record, checklist: syncChecklist(profileOf(record), record.checklist) };
}

/** Quarters that hold inspections, evidence or findings. */
export async function quartersWithData(db: InspectorDb): Promise<string[]> {
  const sets = await Promise.all([
    db.inspections.orderBy('quarter').uniqueKeys(),
    db.findings.orderBy('quarter').uniqueKeys(),
    db.evidence.orderBy('quarter').uniqueKeys(),
  ]);
  return [...new Set(sets.flat().map(String))];
}

/** What 添加网站 is given. */
export interface NewSiteInput {
  name: string;
  homeUrl: string;
  siteCode: string;
}

/**
 * Adds a site to a quarter. A site already stored with the same URL (or the same code) is reused, and only its
 * inspection for the quarter is created. Throws a Chinese message for bad input or a conflicting code.
 */
export async function addSite(
  db: InspectorDb,
  input: NewSiteInput,
  quarter: string,
  now: string,
  newId: () => string,
): Promise<{ site: SiteRecord; created: boolean }> {
  const name = input.name.trim();
  if (name === '') throw new Error('请填写网站名称');
  const url = normalizeHomeUrl(input.homeUrl);
  if (url.error) throw new Error(url.error);
  const code = checkSiteCode(input.siteCode);
  if (code.error) throw new Error(code.error);
  return db.transaction('rw', db.sites, db.inspections, async () => {
    const sites = await db.sites.toArray();
    const key = urlKey(url.url);
    const byUrl = sites.find((s) => urlKey(s.homeUrl) === key);
    const byCode = code.code ? sites.find((s) => s.siteCode === code.code) : undefined;
    if (byCode && byCode !== byUrl) {
      throw new Error(`网站标识码“${code.code}”已属于网站“${byCode.name}”（${byCode.homeUrl}）`);
    }
    if (byUrl && byUrl.siteCode && code.code && byUrl.siteCode !== code.code) {
      throw new Error(`该首页网址已属于网站“${byUrl.name}”，其网站标识码为“${byUrl.siteCode}”`);
    }
    let site = byUrl;
    if (site) {
      if (!site.siteCode && code.code) {
        site = { ...site, siteCode: code.code, updatedAt: now };
        await db.sites.put(site);
      }
    } else {
      site = { id: newId(), name, homeUrl: url.url, siteCode: code.code, aliases: [], createdAt: now, updatedAt: now };
      await db.sites.add(site);
    }
    const id = inspectionId(site.id, quarter);
    if (!(await db.inspections.get(id))) await db.inspections.add(newInspection(site.id, quarter, now));
    return { site, created: !byUrl };
  });
}

/**
 * Saves a confirmed import preview: new sites created, stored sites completed, and every site of the file put
 * on the quarter's list. One transaction: a failure saves nothing.
 */
export async function importSites(
  db: InspectorDb,
  preview: ImportPreview,
  quarter: string,
  now: Date,
  newId: () => string,
): Promise<{ created: number; merged: number; added: number }> {
  const plan = planImport(preview, now, newId);
  const stamp = now.toISOString();
  return db.transaction('rw', db.sites, db.inspections, async () => {
    await db.sites.bulkAdd(plan.create);
    await db.sites.bulkPut(plan.update);
    const siteIds = [...plan.create.map((s) => s.id), ...preview.merges.map((m) => m.site.id)];
    let added = 0;
    for (const siteId of siteIds) {
      if (await db.inspections.get(inspectionId(siteId, quarter))) continue;
      await db.inspections.add(newInspection(siteId, quarter, stamp));
      added += 1;
    }
    return { created: plan.create.length, merged: preview.merges.length, added };
  });
}

/** 复制到下一季度: every site of `from` gets a fresh inspection in `to` (sites already there are left alone). */
export async function copySiteList(db: InspectorDb, from: string, to: string, now: string): Promise<number> {
  return db.transaction('rw', db.inspections, async () => {
    const source = await db.inspections.where('quarter').equals(from).toArray();
    let copied = 0;
    for (const record of source) {
      if (await db.inspections.get(inspectionId(record.siteId, to))) continue;
      const fresh = newInspection(record.siteId, to, now);
      // The site's nature carries over; its findings, checklist and verdict are the new quarter's to make.
      if (record.isPortal !== undefined) fresh.isPortal = record.isPortal;
      await db.inspections.add(fresh);
      copied += 1;
    }
    return copied;
  });
}

/**
 * Changes an inspection record and stores it with its verdict and score recomputed. `change` gets the stored
 * record (created when missing) and returns the new one.
 */
export async function updateInspection(
  db: InspectorDb,
  siteId: string,
  quarter: string,
  now: string,
  change: (record: InspectionRecord) => InspectionRecord,
): Promise<InspectionRecord> {
  return db.transaction('rw', db.inspections, async () => {
    const stored = (await db.inspections.get(inspectionId(siteId, quarter))) ?? newInspection(siteId, quarter, now);
    const next = withScore({ ...change(syncedChecklist(stored)), updatedAt: now });
    await db.inspections.put(next);
    return next;
  });
}

/** Findings of a site in a quarter. */
export async function siteFindings(db: InspectorDb, siteKey: string, quarter: string): Promise<Finding[]> {
  return db.findings.where('[siteKey+quarter]').equals([siteKey, quarter]).toArray();
}

const CHECKED_PAGES_PREFIX = 'inspection.pages|';
/** Enough for any hand inspection; the crawl keeps its own count. */
const MAX_CHECKED_PAGES = 5000;

function checkedPagesKey(siteKey: string, quarter: string): string {
  return `${CHECKED_PAGES_PREFIX}${siteKey}|${quarter}`;
}

/** Remembers that a page of a site was checked in a quarter (for the progress column); false when it changed nothing. */
export async function recordCheckedPage(db: InspectorDb, siteKey: string, quarter: string, pageUrl: string, now: string): Promise<boolean> {
  return db.transaction('rw', db.settings, async () => {
    const key = checkedPagesKey(siteKey, quarter);
    const stored = await db.settings.get(key);
    const urls = Array.isArray(stored?.value) ? (stored.value as string[]) : [];
    if (urls.includes(pageUrl) || urls.length >= MAX_CHECKED_PAGES) return false;
    await db.settings.put({ key, value: [...urls, pageUrl], updatedAt: now });
    return true;
  });
}

/** Progress of one site in a quarter, as the site list shows it. */
export interface SiteProgress {
  /** Pages checked by visiting them. */
  pagesChecked: number;
  /** Pages the site-wide crawl has checked (0 without a crawl). */
  pagesCrawled: number;
  /** Findings still counted (not 误报 / 不适用 / 已整改), by severity. */
  findingsBySeverity: Record<Severity, number>;
  open: number;
  confirmed: number;
  checklist: ChecklistProgress;
  verdict: SiteVerdict;
  evidence: number;
}

/** The progress of a site in a quarter. */
export async function siteProgress(db: InspectorDb, siteId: string, inspection: InspectionRecord): Promise<SiteProgress> {
  const quarter = inspection.quarter;
  const [findings, pages, crawl, evidence] = await Promise.all([
    siteFindings(db, siteId, quarter),
    db.settings.get(checkedPagesKey(siteId, quarter)),
    db.crawls.get(crawlId(siteId, quarter)),
    db.evidence.where('[siteKey+quarter]').equals([siteId, quarter]).count(),
  ]);
  const counted = findings.filter((f) => f.status === 'open' || f.status === 'confirmed');
  const findingsBySeverity: Record<Severity, number> = { veto: 0, major: 0, minor: 0, info: 0 };
  for (const f of counted) findingsBySeverity[f.severity] += 1;
  return {
    pagesChecked: Array.isArray(pages?.value) ? pages.value.length : 0,
    pagesCrawled: crawl?.progress.pagesDone ?? 0,
    findingsBySeverity,
    open: counted.filter((f) => f.status === 'open').length,
    confirmed: counted.filter((f) => f.status === 'confirmed').length,
    checklist: checklistProgress(inspection.checklist),
    verdict: inspection.verdict,
    evidence,
  };
}
