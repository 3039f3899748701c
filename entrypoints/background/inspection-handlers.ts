/**
 * Inspections (issue 7): sites and quarters, checklists and verdicts, evidence screenshots. Handlers only: the
 * records are read and written by lib/db/inspection-store and evidence-store, the rules live in lib/inspection.
 * Every write reports storage failures in Chinese (a full disk says so) and tells open pages what changed.
 */
import { browser } from 'wxt/browser';
import type { Finding } from '@/lib/checks/types';
import { pageKeyUrl } from '@/lib/checks/place-findings';
import { addEvidence, deleteEvidence, siteEvidence } from '@/lib/db/evidence-store';
import { findingsForPage } from '@/lib/db/findings-store';
import {
  addSite,
  copySiteList,
  importSites,
  quarterSites,
  quartersWithData,
  siteFindings,
  siteInspection,
  siteProgress,
  updateInspection,
} from '@/lib/db/inspection-store';
import type { InspectionRecord, SiteRecord } from '@/lib/db/records';
import type { InspectorDb } from '@/lib/db/schema';
import { hostSiteKey, siteForUrl, siteHosts, siteKeyFor } from '@/lib/db/sites-store';
import { acceptProposal, proposeStatuses, setItemStatus } from '@/lib/inspection/checklist';
import { draftProblemsText } from '@/lib/inspection/problems-text';
import { nextQuarter, quarterOf } from '@/lib/inspection/quarter';
import { profileOf } from '@/lib/inspection/score-inspection';
import { siteCodeFromPage } from '@/lib/inspection/site-code-from-page';
import { isQuotaError, storageErrorMessage } from '@/lib/inspection/storage-errors';
import type { InspectionChange, InspectionMessages } from '@/lib/messaging/protocol';
import type { Feature } from '@/lib/messaging/router';
import { normalizeHomeUrl } from '@/lib/site-list';
import { captureEvidenceImage } from './inspection-capture';
import { broadcast } from './messaging';
import type { FetchedPage, PageFetchOptions } from './page-fetch';
import type { PageService } from './page-service';

type FetchPage = (url: string, options: PageFetchOptions) => Promise<FetchedPage>;

const INSPECTOR_SETTING = 'inspection.inspector';

/**
 * Runs a write; a database failure becomes a Chinese message that names what was not saved. Plain `Error`s are
 * our own Chinese validation messages and pass unchanged.
 */
async function guard<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Error && error.name === 'Error' && !isQuotaError(error)) throw error;
    throw new Error(storageErrorMessage(error, what));
  }
}

/** Findings of a site in a quarter: under its id, and any stored under its hosts before it was added. */
async function findingsOfSite(db: InspectorDb, site: SiteRecord, quarter: string): Promise<Finding[]> {
  const keys = [site.id, ...siteHosts(site).map(hostSiteKey)];
  const lists = await Promise.all(keys.map((key) => siteFindings(db, key, quarter)));
  return lists.flat();
}

function applyChange(record: InspectionRecord, change: InspectionChange): InspectionRecord {
  const next = { ...record };
  if (change.problems !== undefined) next.problems = change.problems;
  if (change.inspector !== undefined) next.inspector = change.inspector.trim();
  if (change.inspectedOn !== undefined) next.inspectedOn = change.inspectedOn;
  if (change.isPortal !== undefined) next.isPortal = change.isPortal;
  if (change.bonusPoints === null) delete next.bonusPoints;
  else if (change.bonusPoints !== undefined) next.bonusPoints = change.bonusPoints;
  if (change.verdictOverride === null) delete next.verdictOverride;
  else if (change.verdictOverride) {
    const reason = change.verdictOverride.reason.trim();
    if (change.verdictOverride.verdict === '') throw new Error('请选择改判结果');
    if (reason === '') throw new Error('改判须填写理由');
    next.verdictOverride = { verdict: change.verdictOverride.verdict, reason };
  }
  return next;
}

export function inspectionFeature(db: InspectorDb, pages: PageService, fetchPage: FetchPage): Feature<InspectionMessages> {
  const now = () => new Date();
  const changed = (quarter: string, siteId?: string) => broadcast('inspectionChanged', siteId ? { quarter, siteId } : { quarter });

  async function requireSite(siteId: string): Promise<SiteRecord> {
    const site = await db.sites.get(siteId);
    if (!site) throw new Error('找不到该网站，可能已被删除');
    return site;
  }

  async function changeInspection(siteId: string, quarter: string, change: (r: InspectionRecord) => InspectionRecord) {
    await requireSite(siteId);
    const inspection = await guard('检查记录', () => updateInspection(db, siteId, quarter, now().toISOString(), change));
    changed(quarter, siteId);
    return { inspection };
  }

  return {
    handlers: {
      async listQuarters() {
        return { current: quarterOf(now()), withData: await quartersWithData(db) };
      },
      async listQuarterSites({ quarter }) {
        const rows = await quarterSites(db, quarter);
        return { rows: await Promise.all(rows.map(async (row) => ({ ...row, progress: await siteProgress(db, row.site.id, row.inspection) }))) };
      },
      async listSites() {
        return { sites: await db.sites.toArray() };
      },
      async readSiteCode({ homeUrl }) {
        const url = normalizeHomeUrl(homeUrl);
        if (url.error) return { siteCode: '', message: url.error };
        const page = await fetchPage(url.url, { credentials: 'include', timeoutMs: 15_000 });
        if (!page.ok) return { siteCode: '', message: `未能读取首页（${page.message}），请手动填写网站标识码` };
        const found = siteCodeFromPage(page.snapshot);
        if (!found.code) return { siteCode: '', message: '首页未标注网站标识码，请手动填写' };
        return { siteCode: found.code, message: found.source === 'footer' ? '已从首页底部读取网站标识码' : '已从首页的 SiteIDCode 标签读取网站标识码' };
      },
      async addSite({ quarter, name, homeUrl, siteCode }) {
        const result = await guard('网站', () => addSite(db, { name, homeUrl, siteCode }, quarter, now().toISOString(), () => crypto.randomUUID()));
        changed(quarter, result.site.id);
        return result;
      },
      async importSites({ quarter, preview }) {
        const result = await guard('网站名单', () => importSites(db, preview, quarter, now(), () => crypto.randomUUID()));
        changed(quarter);
        return result;
      },
      async copySiteList({ from }) {
        const to = nextQuarter(from);
        const copied = await guard('下一季度的网站名单', () => copySiteList(db, from, to, now().toISOString()));
        changed(to);
        return { to, copied };
      },
      async getSiteView({ siteId, quarter }) {
        const site = await requireSite(siteId);
        const inspection = await siteInspection(db, siteId, quarter, now().toISOString());
        const findings = await findingsOfSite(db, site, quarter);
        const profile = profileOf(inspection);
        return {
          site,
          inspection,
          progress: await siteProgress(db, siteId, inspection),
          findings,
          proposals: proposeStatuses(profile, findings),
          draftProblems: draftProblemsText(profile, inspection.checklist, findings),
          evidence: await siteEvidence(db, siteId, quarter),
        };
      },
      setChecklistItem({ siteId, quarter, itemId, status, note }) {
        return changeInspection(siteId, quarter, (record) => {
          const current = record.checklist.find((entry) => entry.id === itemId);
          const checklist = setItemStatus(record.checklist, itemId, status ?? current?.status ?? 'unchecked', note);
          return {
            ...record,
            checklist: status === undefined ? checklist : checklist.map((e) => (e.id === itemId ? { ...e, statusBy: 'inspector' as const } : e)),
          };
        });
      },
      async acceptChecklistProposal({ siteId, quarter, itemId, force }) {
        const site = await requireSite(siteId);
        const findings = await findingsOfSite(db, site, quarter);
        return changeInspection(siteId, quarter, (record) => {
          const proposal = proposeStatuses(profileOf(record), findings).find((p) => p.itemId === itemId);
          if (!proposal) throw new Error('该指标当前没有可采纳的建议');
          const before = record.checklist.find((e) => e.id === itemId)?.status;
          const checklist = acceptProposal(record.checklist, proposal, force ? { force } : {}).map((e) =>
            e.id === itemId && e.status !== before ? { ...e, statusBy: 'proposal' as const } : e,
          );
          return { ...record, checklist };
        });
      },
      async updateInspection({ siteId, quarter, change }) {
        const result = await changeInspection(siteId, quarter, (record) => applyChange(record, change));
        if (change.inspector?.trim()) {
          await db.settings.put({ key: INSPECTOR_SETTING, value: change.inspector.trim(), updatedAt: now().toISOString() }).catch(() => undefined);
        }
        return result;
      },
      async getSitePanel({ tabId }) {
        const tab = await browser.tabs.get(tabId);
        const url = tab.url ?? '';
        const quarter = quarterOf(now());
        const site = /^https?:/i.test(url) ? ((await siteForUrl(db, url)) ?? null) : null;
        const siteKey = siteKeyFor(site ?? undefined, url);
        const pageKey = pageKeyUrl(url);
        const evidence = (await siteEvidence(db, siteKey, quarter)).filter((e) => pageKeyUrl(e.pageUrl) === pageKey);
        if (!site) return { quarter, site: null, inspection: null, evidence };
        return { quarter, site, inspection: await siteInspection(db, site.id, quarter, now().toISOString()), evidence };
      },
      async captureEvidence({ tabId, findingIds, note }) {
        const tab = await browser.tabs.get(tabId);
        const url = tab.url ?? '';
        const site = await siteForUrl(db, url);
        const quarter = quarterOf(now());
        const siteKey = siteKeyFor(site, url);
        const pageFindings = (await findingsForPage(db, quarter, url)).filter((f) => f.status === 'open' || f.status === 'confirmed');
        const linked = findingIds === null ? pageFindings : pageFindings.filter((f) => findingIds.includes(f.id));
        const caption = { siteName: site?.name ?? '', findings: linked, ...(site?.siteCode ? { siteCode: site.siteCode } : {}) };
        const focus = linked.length === 1 ? linked[0]?.id : undefined;
        const shot = await captureEvidenceImage(pages, { tabId, caption, ...(focus ? { focusFindingId: focus } : {}) });
        const evidence = await guard('截图', () =>
          addEvidence(db, {
            id: crypto.randomUUID(),
            siteKey,
            quarter,
            pageUrl: shot.url,
            capturedAt: shot.capturedAt.toISOString(),
            png: shot.png,
            findingIds: linked.map((f) => f.id),
            note: note?.trim() ?? '',
          }),
        );
        changed(quarter, site?.id);
        return { evidence };
      },
      async deleteEvidence({ id }) {
        const record = await db.evidence.get(id);
        const deleted = await guard('删除截图', () => deleteEvidence(db, id));
        if (record) changed(record.quarter, record.siteKey);
        return { deleted };
      },
    },
    audience: {
      listQuarters: 'ui',
      listQuarterSites: 'ui',
      listSites: 'ui',
      readSiteCode: 'ui',
      addSite: 'ui',
      importSites: 'ui',
      copySiteList: 'ui',
      getSiteView: 'ui',
      setChecklistItem: 'ui',
      acceptChecklistProposal: 'ui',
      updateInspection: 'ui',
      getSitePanel: 'ui',
      captureEvidence: 'ui',
      deleteEvidence: 'ui',
    },
  };
}
