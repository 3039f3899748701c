/** Findings grouped by check, most serious first; a click on one asks to show it on the page. */
import { CHECK_IDS, SEVERITIES, type CheckId, type Finding, type FindingStatus } from '@/lib/checks/types';
import { checkLabel, statusLabel, t } from './i18n';
import { SeverityBadge } from './SeverityBadge';
import { VerdictButtons } from './VerdictButtons';

interface Props {
  findings: Finding[];
  onFocus: (finding: Finding) => void;
  onStatus: (finding: Finding, status: FindingStatus) => void;
}

const severityRank = (f: Finding) => SEVERITIES.indexOf(f.severity);

function groupByCheck(findings: Finding[]): [CheckId, Finding[]][] {
  const groups = new Map<CheckId, Finding[]>();
  for (const f of findings) {
    const group = groups.get(f.check);
    if (group) group.push(f);
    else groups.set(f.check, [f]);
  }
  return CHECK_IDS.filter((id) => groups.has(id)).map((id) => [id, (groups.get(id) as Finding[]).sort((a, b) => severityRank(a) - severityRank(b))]);
}

export function FindingList({ findings, onFocus, onStatus }: Props) {
  return (
    <div class="groups">
      {groupByCheck(findings).map(([check, items]) => (
        <section class="group" key={check} aria-label={checkLabel(check)}>
          <h3>
            {checkLabel(check)} <span class="count">{items.length}</span>
          </h3>
          <ul>
            {items.map((f) => (
              <li key={f.id} class={`finding status-${f.status}`} aria-label={f.message} data-check={f.check}>
                <button type="button" class="finding-main" onClick={() => onFocus(f)} title={f.pageUrl}>
                  <SeverityBadge severity={f.severity} />
                  <span class="msg">{f.message}</span>
                  {f.excerpt && <span class="excerpt">{f.excerpt}</span>}
                  {f.expected && (
                    <span class="expected">
                      {t('expected')}
                      {f.expected}
                    </span>
                  )}
                  {f.target && <span class="target">{f.target}</span>}
                  <span class="status">{statusLabel(f.status)}{f.recurring ? ` · ${t('recurring')}` : ''}</span>
                </button>
                <VerdictButtons status={f.status} onChange={(s) => onStatus(f, s)} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
