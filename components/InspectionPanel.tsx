/**
 * The side panel's inspection section for the page in its tab: 截图取证 (with the finding it proves), the page's
 * screenshots, the site's checklist for this quarter, and a link to the inspections page.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ChecklistStatus } from '@/lib/db/records';
import { formatCaptureTime } from '@/lib/inspection/evidence-caption';
import { checklistProgress } from '@/lib/inspection/checklist';
import { profileOf, scoreInspection } from '@/lib/inspection/score-inspection';
import type { TabState } from '@/lib/messaging/protocol';
import { backgroundClient } from './background-client';
import { ChecklistEditor } from './ChecklistEditor';
import { t } from './i18n';
import { useAction, useLiveData } from './use-inspection-data';
import './inspections.css';

const ALL_OPEN = '*';

export function InspectionPanel({ tabId, state }: { tabId: number; state: TabState }) {
  const { data, setData } = useLiveData(() => backgroundClient.send('getSitePanel', { tabId }), [tabId, state.url], tabId);
  const [target, setTarget] = useState(ALL_OPEN);
  const [saved, setSaved] = useState('');
  const action = useAction();
  const open = state.findings.filter((f) => f.status === 'open' || f.status === 'confirmed');
  const checkable = state.support === 'checkable';

  const capture = async () => {
    setSaved('');
    const findingIds = target === ALL_OPEN ? null : [target];
    const result = await action.run(() => backgroundClient.send('captureEvidence', { tabId, findingIds }));
    if (!result) return;
    setSaved(t('insp_captured', [formatCaptureTime(new Date(result.evidence.capturedAt)), result.evidence.sha256.slice(0, 12)]));
    if (data) setData({ ...data, evidence: [result.evidence, ...data.evidence] });
  };
  const setStatus = (itemId: string, status: ChecklistStatus) =>
    data?.site &&
    action.run(async () => {
      const { inspection } = await backgroundClient.send('setChecklistItem', { siteId: data.site!.id, quarter: data.quarter, itemId, status });
      setData({ ...data, inspection });
    });
  const openInspections = () => {
    const hash = data?.site ? `#site=${encodeURIComponent(data.site.id)}&q=${data.quarter}` : '';
    void browser.tabs.create({ url: browser.runtime.getURL(`/inspections.html${hash}` as '/inspections.html') });
  };

  return (
    <section class="insp-panel" aria-label={t('insp_panelSection')}>
      <div class="insp-row">
        <button type="button" class="primary" disabled={!checkable || action.busy} onClick={() => void capture()}>
          {t('insp_capture')}
        </button>
        <select aria-label={t('insp_captureFor')} value={target} onChange={(e) => setTarget((e.currentTarget as HTMLSelectElement).value)}>
          <option value={ALL_OPEN}>{t('insp_captureAllOpen', String(open.length))}</option>
          {open.map((f) => <option key={f.id} value={f.id}>{f.message.slice(0, 40)}</option>)}
        </select>
        <button type="button" class="link" onClick={openInspections}>{t('insp_openPage')}</button>
      </div>
      {/* aria-live, not role=status: the panel's one status line is the check's. */}
      {saved && <p class="insp-muted" aria-live="polite">{saved}</p>}
      {action.error && <p class="notice error" role="alert">{action.error}</p>}
      {data && data.evidence.length > 0 && <p class="insp-muted">{t('insp_pageEvidence', String(data.evidence.length))}</p>}
      {data?.site && data.inspection && (
        <details class="insp-panel-checklist">
          <summary>
            {t('insp_panelChecklist', [
              String(checklistProgress(data.inspection.checklist).checked),
              String(data.inspection.checklist.length),
              scoreInspection(data.inspection).verdict || t('insp_verdictPending'),
            ])}
          </summary>
          <ChecklistEditor profile={profileOf(data.inspection)} checklist={data.inspection.checklist} proposals={[]} compact onStatus={setStatus} />
        </details>
      )}
    </section>
  );
}
