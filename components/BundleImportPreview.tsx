/** What an import would add and update — per kind of record and per site — before the inspector confirms it. */
import type { Action, Counts, MergePlan } from '@/lib/bundle/merge-plan';
import { t } from './i18n';

const TABLES = ['sites', 'inspections', 'findings', 'evidence', 'verdicts', 'siteResults'] as const;

const addUpdate = (c: Counts): string => t('bundle_add_update', [String(c.add), String(c.update)]);
const actionLabel = (a: Action): string => t(`bundle_action_${a}`);

export function BundleImportPreview({ plan, fileName, quarter }: { plan: MergePlan; fileName: string; quarter: string }) {
  return (
    <div class="bundle-preview">
      <h3>{t('bundle_preview_title', [fileName, plan.quarter])}</h3>
      {plan.quarter !== quarter && <p class="notice">{t('bundle_other_quarter', plan.quarter)}</p>}
      <table aria-label={t('bundle_preview_tables')}>
        <thead>
          <tr>
            <th scope="col">{t('bundle_col_table')}</th>
            <th scope="col">{t('bundle_col_add')}</th>
            <th scope="col">{t('bundle_col_update')}</th>
            <th scope="col">{t('bundle_col_unchanged')}</th>
          </tr>
        </thead>
        <tbody>
          {TABLES.map((table) => (
            <tr key={table}>
              <th scope="row">{t(`bundle_table_${table}`)}</th>
              <td>{plan.counts[table].add}</td>
              <td>{plan.counts[table].update}</td>
              <td>{plan.counts[table].unchanged}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table aria-label={t('bundle_preview_sites')}>
        <thead>
          <tr>
            <th scope="col">{t('bundle_col_site')}</th>
            <th scope="col">{t('bundle_col_code')}</th>
            <th scope="col">{t('bundle_col_action')}</th>
            <th scope="col">{t('bundle_col_findings')}</th>
            <th scope="col">{t('bundle_col_evidence')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.sites.map((s) => (
            <tr key={s.folder}>
              <th scope="row">
                {s.name}
                <div class="bundle-url">{s.homeUrl}</div>
              </th>
              <td>{s.siteCode}</td>
              <td>{actionLabel(s.action)}</td>
              <td>{addUpdate(s.findings)}</td>
              <td>{addUpdate(s.evidence)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!plan.hasChanges && <p class="notice">{t('bundle_no_changes')}</p>}
    </div>
  );
}
