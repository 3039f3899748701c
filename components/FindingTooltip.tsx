/** One finding explained: check, severity, message, the expected form and, for links, status and target. */
import type { Finding } from '@/lib/checks/types';
import { checkLabel, severityLabel, t } from './i18n';

export function FindingTooltip({ finding }: { finding: Finding }) {
  const state = finding.detail?.reason as string | undefined;
  return (
    <div class={`tip sev-${finding.severity}`} role="tooltip">
      <div class="tip-head">
        <span class="tip-sev">{severityLabel(finding.severity)}</span>
        <span class="tip-check">{checkLabel(finding.check)}</span>
        {finding.inferred && <span class="tip-flag">{t('inferred')}</span>}
        {finding.recurring && <span class="tip-flag">{t('recurring')}</span>}
      </div>
      <div class="tip-msg">{finding.message}</div>
      {finding.expected && (
        <div class="tip-expected">
          {t('expected')}
          <strong>{finding.expected}</strong>
        </div>
      )}
      {finding.target && <div class="tip-target">{finding.httpStatus ? `${finding.httpStatus} ` : ''}{state ? `${state} · ` : ''}{finding.target}</div>}
    </div>
  );
}
