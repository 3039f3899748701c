/**
 * The verdict of a site: computed by the scoring rules from the checklist, overridable with a reason; the
 * 存在的问题 text drafted from confirmed findings and editable; inspector and date. One 保存 stores the form.
 */
import { useEffect, useState } from 'preact/hooks';
import type { InspectionRecord, SiteVerdict } from '@/lib/db/records';
import { formatLocalDate } from '@/lib/inspection/evidence-caption';
import { scoreInspection } from '@/lib/inspection/score-inspection';
import type { InspectionChange } from '@/lib/messaging/protocol';
import { t } from './i18n';

const VERDICTS: SiteVerdict[] = ['合格', '不合格', '单项否决'];

interface Props {
  inspection: InspectionRecord;
  draftProblems: string;
  busy: boolean;
  onSave: (change: InspectionChange) => void;
}

export function VerdictPanel({ inspection, draftProblems, busy, onSave }: Props) {
  const score = scoreInspection(inspection);
  const [problems, setProblems] = useState(inspection.problems || draftProblems);
  const [inspector, setInspector] = useState(inspection.inspector);
  const [date, setDate] = useState(inspection.inspectedOn || formatLocalDate(new Date()));
  const [overrideVerdict, setOverrideVerdict] = useState<SiteVerdict>(inspection.verdictOverride?.verdict ?? '');
  const [reason, setReason] = useState(inspection.verdictOverride?.reason ?? '');
  // A draft shown but never saved follows the findings as they are confirmed.
  useEffect(() => {
    if (!inspection.problems) setProblems(draftProblems);
  }, [draftProblems, inspection.problems]);

  const save = () => {
    const change: InspectionChange = { problems, inspector, inspectedOn: date };
    if (overrideVerdict) change.verdictOverride = { verdict: overrideVerdict, reason };
    else if (inspection.verdictOverride) change.verdictOverride = null;
    onSave(change);
  };
  const computedLabel = score.computedVerdict || t('insp_verdictPending');

  return (
    <section class="insp-card" aria-label={t('insp_verdictSection')}>
      <h2>{t('insp_verdictSection')}</h2>
      <p class="insp-verdict-line">
        {t('insp_result')}
        <strong class={`insp-verdict v-${score.verdict || 'none'}`} data-testid="verdict">{score.verdict || t('insp_verdictPending')}</strong>
        {score.verdict !== '' && score.total !== null && <span class="insp-muted">{t('insp_score', String(score.total))}</span>}
        {score.provisional && <span class="insp-muted">{t('insp_provisional')}</span>}
      </p>
      {score.overridden && <p class="insp-muted">{t('insp_computedWas', computedLabel)}</p>}
      <ul class="insp-explain">{score.explanation.map((line) => <li key={line}>{line}</li>)}</ul>
      <div class="insp-form">
        <label>
          {t('insp_override')}
          <select value={overrideVerdict} onChange={(e) => setOverrideVerdict((e.currentTarget as HTMLSelectElement).value as SiteVerdict)}>
            <option value="">{t('insp_noOverride')}</option>
            {VERDICTS.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        </label>
        {overrideVerdict && (
          <label>
            {t('insp_overrideReason')}
            <input type="text" value={reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} />
          </label>
        )}
        <label class="wide">
          {t('insp_problems')}
          <textarea rows={3} value={problems} onInput={(e) => setProblems((e.currentTarget as HTMLTextAreaElement).value)} />
        </label>
        <div class="insp-row wide">
          {!inspection.problems && problems && <span class="insp-muted">{t('insp_problemsDraft')}</span>}
          <button type="button" class="small" onClick={() => setProblems(draftProblems)} disabled={problems === draftProblems}>
            {t('insp_redraft')}
          </button>
        </div>
        <label>
          {t('insp_inspector')}
          <input type="text" value={inspector} onInput={(e) => setInspector((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          {t('insp_inspectedOn')}
          <input type="date" value={date} onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)} />
        </label>
      </div>
      <button type="button" class="primary" disabled={busy} onClick={save}>{t('insp_saveVerdict')}</button>
    </section>
  );
}
