/** The quarter's sites with their progress (pages checked, findings by severity, checklist) and verdict. */
import { SEVERITIES } from '@/lib/checks/types';
import type { InspectionRow } from '@/lib/messaging/protocol';
import { t } from './i18n';
import { SeverityChips } from './SeverityBadge';

interface Props {
  rows: InspectionRow[];
  onOpen: (siteId: string) => void;
}

export function SiteList({ rows, onOpen }: Props) {
  if (rows.length === 0) return <p class="insp-muted">{t('insp_noSites')}</p>;
  return (
    <table class="insp-table" aria-label={t('insp_siteList')}>
      <thead>
        <tr>
          <th>{t('insp_colIndex')}</th>
          <th>{t('insp_colName')}</th>
          <th>{t('insp_colUrl')}</th>
          <th>{t('insp_colCode')}</th>
          <th>{t('insp_colProgress')}</th>
          <th>{t('insp_colVerdict')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ site, inspection, progress }, index) => (
          <tr key={site.id} aria-label={site.name}>
            <td>{index + 1}</td>
            <td>
              <button type="button" class="link" onClick={() => onOpen(site.id)}>{site.name}</button>
            </td>
            <td class="insp-url">{site.homeUrl}</td>
            <td>{site.siteCode}</td>
            <td>
              <div>{t('insp_pagesChecked', String(progress.pagesChecked))}{progress.pagesCrawled > 0 && ` · ${t('insp_pagesCrawled', String(progress.pagesCrawled))}`}</div>
              <div class="insp-sev">
                <SeverityChips counts={progress.findingsBySeverity} />
                {SEVERITIES.every((s) => !progress.findingsBySeverity[s]) && <span class="insp-muted">{t('insp_noOpenFindings')}</span>}
              </div>
              <div class="insp-muted">
                {t('insp_checklistDone', [String(progress.checklist.checked), String(progress.checklist.total)])}
                {progress.evidence > 0 && ` · ${t('insp_evidenceCount', String(progress.evidence))}`}
              </div>
            </td>
            <td class={`insp-verdict v-${inspection.verdict || 'none'}`}>
              {inspection.verdict || t('insp_verdictPending')}
              {inspection.verdictOverride && <span class="insp-muted"> {t('insp_overridden')}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
