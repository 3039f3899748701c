import { SEVERITIES, type Severity } from '@/lib/checks/types';
import { severityLabel } from './i18n';

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span class={`badge sev-${severity}`}>{severityLabel(severity)}</span>;
}

/** One chip per severity that has findings, most serious first: its label and the count. */
export function SeverityChips({ counts }: { counts: Readonly<Record<Severity, number>> }) {
  return (
    <>
      {SEVERITIES.map((s) => (counts[s] ? <span key={s} class={`chip sev-${s}`}>{severityLabel(s)} {counts[s]}</span> : null))}
    </>
  );
}
