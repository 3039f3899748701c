/**
 * Side panel: what the `interpretation` stage made of the page — 政策文件 / 政策解读 / 其他 with the reasons, and
 * for a policy or an interpretation each related link found and its state (双向关联, 单向关联, 无法打开 …).
 * Reads the stage's report from `TabState.stages.interpretation`; shows nothing before the page is checked.
 */
import type { InterpretationReport, RelatedLinkState } from '@/lib/interpretation/page-report';
import { t } from './i18n';

/** Colour of a link's state: green when the pair is whole, red when broken, grey when nothing to say yet. */
const STATE_COLOUR: Record<RelatedLinkState, string> = {
  pending: '#6b7280', linked: '#047857', 'one-way': '#c2410c', dead: '#b91c1c', inconclusive: '#2563eb',
  unrelated: '#c2410c', 'title-mismatch': '#c2410c', file: '#a16207', other: '#6b7280', skipped: '#6b7280',
};

function isReport(value: unknown): value is InterpretationReport {
  return typeof value === 'object' && value !== null && 'kind' in value && Array.isArray((value as { links?: unknown }).links);
}

export function PageClassification({ report }: { report: unknown }) {
  if (!isReport(report)) return null;
  const related = report.kind !== 'neither';
  return (
    <section class="page interp" aria-label={t('interp_heading')} aria-busy={!report.done}>
      <div style={{ fontWeight: 700 }}>
        {t('interp_heading')}：<span data-kind={report.kind}>{t(`interp_kind_${report.kind}`)}</span>
      </div>
      <dl style={{ margin: '4px 0 0', fontSize: '12px' }}>
        <dt style={{ color: '#374151' }}>{t('interp_reasons')}</dt>
        {report.reasons.length ? (
          report.reasons.map((r) => <dd key={r} style={{ margin: '0 0 0 1em' }}>{r}</dd>)
        ) : (
          <dd style={{ margin: '0 0 0 1em', color: '#6b7280' }}>{t('interp_no_reasons')}</dd>
        )}
        {related && <dt style={{ color: '#374151', marginTop: '4px' }}>{t(`interp_links_${report.kind}`)}</dt>}
        {related && !report.links.length && <dd style={{ margin: '0 0 0 1em', color: '#6b7280' }}>{t('interp_no_links')}</dd>}
        {related &&
          report.links.map((l) => (
            <dd key={l.url} class="interp-link" data-state={l.state} style={{ margin: '2px 0 0 1em' }} title={l.reason}>
              <span style={{ color: STATE_COLOUR[l.state], fontWeight: 600 }}>[{t(`interp_state_${l.state.replace(/-/g, '_')}`)}]</span>{' '}
              {l.text || l.url}
              <div class="target">{l.url}</div>
              {l.note && <div class="excerpt">{l.note}</div>}
            </dd>
          ))}
      </dl>
      {related && !report.done && report.links.length > 0 && <div class="status">{t('interp_checking')}</div>}
    </section>
  );
}
