/**
 * One site in one quarter on the inspections page: verdict, checklist with proposals, findings with verdict
 * buttons, evidence gallery, and the site-wide check's results (pair table, site map, columns).
 */
import { browser } from 'wxt/browser';
import { safeHref } from '@/lib/bundle/escape-html';
import type { Finding, FindingStatus } from '@/lib/checks/types';
import type { ChecklistStatus } from '@/lib/db/records';
import type { StatusProposal } from '@/lib/inspection/checklist';
import { quarterLabel } from '@/lib/inspection/quarter';
import { profileOf } from '@/lib/inspection/score-inspection';
import type { InspectionChange } from '@/lib/messaging/protocol';
import { backgroundClient } from './background-client';
import { ChecklistEditor } from './ChecklistEditor';
import { EvidenceGallery } from './EvidenceGallery';
import { FindingList } from './FindingList';
import { t } from './i18n';
import { SiteResults } from './SiteResults';
import { useAction, useLiveData } from './use-inspection-data';
import { VerdictPanel } from './VerdictPanel';
import './inspections.css';

interface Props {
  siteId: string;
  quarter: string;
  onBack: () => void;
}

export function SiteView({ siteId, quarter, onBack }: Props) {
  const { data, error, setData } = useLiveData(() => backgroundClient.send('getSiteView', { siteId, quarter }), [siteId, quarter]);
  const action = useAction();

  if (error) return <p class="notice error" role="alert">{error}</p>;
  if (!data) return <p class="notice">{t('insp_loading')}</p>;
  const { site, inspection, findings, proposals, evidence, progress } = data;
  const profile = profileOf(inspection);
  const keep = (result: { inspection: typeof inspection } | undefined) => {
    if (result) setData({ ...data, inspection: result.inspection });
  };

  const setStatus = (itemId: string, status: ChecklistStatus) =>
    action.run(() => backgroundClient.send('setChecklistItem', { siteId, quarter, itemId, status })).then(keep);
  const setNote = (itemId: string, note: string) =>
    action.run(() => backgroundClient.send('setChecklistItem', { siteId, quarter, itemId, note })).then(keep);
  const accept = (proposal: StatusProposal, force: boolean) =>
    action.run(() => backgroundClient.send('acceptChecklistProposal', { siteId, quarter, itemId: proposal.itemId, force })).then(keep);
  const save = (change: InspectionChange) =>
    action.run(() => backgroundClient.send('updateInspection', { siteId, quarter, change })).then(keep);
  const setFinding = (f: Finding, status: FindingStatus) =>
    action.run(async () => {
      const { finding } = await backgroundClient.send('setFindingStatus', { findingId: f.id, status });
      if (finding) setData({ ...data, findings: findings.map((x) => (x.id === finding.id ? finding : x)) });
    });
  // Sites and findings may come from an imported bundle: open and link only http(s) URLs.
  const openPage = (f: Finding) => {
    const url = safeHref(f.pageUrl);
    if (url) void browser.tabs.create({ url });
  };
  const removeEvidence = (id: string) =>
    action.run(async () => {
      await backgroundClient.send('deleteEvidence', { id });
      setData({ ...data, evidence: evidence.filter((e) => e.id !== id) });
    });

  return (
    <div class="insp-site" aria-label={site.name}>
      <div class="insp-row">
        <button type="button" onClick={onBack}>{t('insp_back')}</button>
        <h1 class="insp-site-title">{site.name}</h1>
        <span class="insp-muted">{quarterLabel(quarter)}</span>
      </div>
      <p class="insp-muted">
        <a href={safeHref(site.homeUrl)} target="_blank" rel="noreferrer">{site.homeUrl}</a>
        {' · '}
        {t('insp_siteCodeShown', site.siteCode || t('insp_none'))}
        {' · '}
        {t('insp_progressLine', [String(progress.pagesChecked), String(findings.length), String(progress.checklist.checked), String(progress.checklist.total)])}
      </p>
      {action.error && <p class="notice error" role="alert">{action.error}</p>}
      <VerdictPanel inspection={inspection} draftProblems={data.draftProblems} busy={action.busy} onSave={save} />
      <section class="insp-card" aria-label={t('insp_checklist')}>
        <h2>{t('insp_checklist')}</h2>
        <p class="insp-muted">{profile.caveat}</p>
        <ChecklistEditor profile={profile} checklist={inspection.checklist} proposals={proposals} onStatus={setStatus} onNote={setNote} onAccept={accept} />
      </section>
      <section class="insp-card" aria-label={t('insp_findings')}>
        <h2>
          {t('insp_findings')} <span class="count">{findings.length}</span>
        </h2>
        {findings.length === 0 && <p class="insp-muted">{t('insp_noFindings')}</p>}
        <FindingList findings={findings} onFocus={openPage} onStatus={setFinding} />
      </section>
      <EvidenceGallery evidence={evidence} onDelete={removeEvidence} />
      <section class="insp-card" aria-label={t('insp_siteResults')}>
        <h2>{t('insp_siteResults')}</h2>
        <SiteResults siteKey={site.id} quarter={quarter} />
      </section>
    </div>
  );
}
