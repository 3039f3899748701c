/**
 * The tooltip of a link mark: what the link check found — state, reason, HTTP status and where the link ends up —
 * so the inspector can judge a mark without opening the side panel.
 */
import { FindingTooltip } from '@/components/FindingTooltip';
import { t } from '@/components/i18n';
import type { Finding } from '@/lib/checks/types';

const STATES = new Set(['ok', 'redirect', 'dead', 'inconclusive']);

/** A link finding with a state gets the link tooltip; every other finding the common one. */
export function MarkTooltip({ finding }: { finding: Finding }) {
  const detail = finding.detail ?? {};
  const state = typeof detail.state === 'string' && STATES.has(detail.state) ? detail.state : '';
  if (finding.check !== 'link' || !state) return <FindingTooltip finding={finding} />;
  const reason = typeof detail.reasonText === 'string' ? detail.reasonText : '';
  const finalUrl = typeof detail.finalUrl === 'string' && detail.finalUrl !== finding.target ? detail.finalUrl : '';
  return (
    <div class={`tip link-tip state-${state} sev-${finding.severity}`} role="tooltip">
      <div class="tip-head">
        <span class="tip-sev">{t(`links_state_${state}`)}</span>
        <span class="tip-check">{t('check_link')}</span>
      </div>
      <div class="tip-row">{t('links_tip_state')}{t(`links_state_${state}`)}</div>
      {reason && <div class="tip-row">{t('links_tip_reason')}{reason}</div>}
      {finding.httpStatus !== undefined && <div class="tip-row">{t('links_tip_status')}{finding.httpStatus}</div>}
      <div class="tip-target">{finding.target}</div>
      {finalUrl && <div class="tip-target">{t('links_final_url')}{finalUrl}</div>}
    </div>
  );
}
