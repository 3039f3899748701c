import type { Severity } from '@/lib/checks/types';
import { severityLabel } from './i18n';

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span class={`badge sev-${severity}`}>{severityLabel(severity)}</span>;
}
