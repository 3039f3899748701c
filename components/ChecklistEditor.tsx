/**
 * The national checklist of one site: status (未检查 / 符合 / 不符合 / 不适用), note, linked findings and the
 * proposal the confirmed findings make, which the inspector accepts or ignores.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ChecklistEntry, ChecklistStatus } from '@/lib/db/records';
import type { StatusProposal } from '@/lib/inspection/checklist';
import type { ChecklistProfile } from '@/lib/inspection/profile';
import { t } from './i18n';

const CHECKLIST_STATUSES: ChecklistStatus[] = ['unchecked', 'pass', 'fail', 'not-applicable'];
const checklistStatusLabel = (status: ChecklistStatus): string => t(`insp_status_${status.replace(/-/g, '_')}`);

interface Props {
  profile: ChecklistProfile;
  checklist: ChecklistEntry[];
  proposals: StatusProposal[];
  /** Show only the status column (the side panel). */
  compact?: boolean;
  onStatus: (itemId: string, status: ChecklistStatus) => void;
  onNote?: (itemId: string, note: string) => void;
  onAccept?: (proposal: StatusProposal, force: boolean) => void;
}

export function ChecklistEditor({ profile, checklist, proposals, compact, onStatus, onNote, onAccept }: Props) {
  const items = new Map(profile.items.map((item) => [item.id, item]));
  const proposalOf = new Map(proposals.map((p) => [p.itemId, p]));
  return (
    <ul class="insp-checklist" aria-label={t('insp_checklist')}>
      {checklist.map((entry) => {
        const item = items.get(entry.id);
        const proposal = proposalOf.get(entry.id);
        return (
          <li key={entry.id} class={`insp-item st-${entry.status}`} aria-label={entry.title}>
            <div class="insp-item-head">
              <span class={`insp-kind kind-${item?.kind ?? 'deduction'}`}>{t(`insp_kind_${item?.kind ?? 'deduction'}`)}</span>
              <span class="insp-item-title">{entry.title}</span>
              {item && item.kind === 'deduction' && !compact && (
                <span class="insp-muted">{item.pointsKnown && item.points !== null ? t('insp_points', String(item.points)) : t('insp_pointsUnknown')}</span>
              )}
              <select
                aria-label={t('insp_statusOf', entry.title)}
                value={entry.status}
                onChange={(e) => onStatus(entry.id, (e.currentTarget as HTMLSelectElement).value as ChecklistStatus)}
              >
                {CHECKLIST_STATUSES.map((s) => <option key={s} value={s}>{checklistStatusLabel(s)}</option>)}
              </select>
            </div>
            {!compact && (
              <ItemDetails entry={entry} proposal={proposal} onNote={onNote} onAccept={onAccept} />
            )}
          </li>
        );
      })}
    </ul>
  );
}

function ItemDetails({
  entry,
  proposal,
  onNote,
  onAccept,
}: {
  entry: ChecklistEntry;
  proposal: StatusProposal | undefined;
  onNote: Props['onNote'];
  onAccept: Props['onAccept'];
}) {
  const [note, setNote] = useState(entry.note);
  useEffect(() => setNote(entry.note), [entry.note]);
  // A proposal would replace a status the inspector set by hand: accepting it then needs an explicit choice.
  const replacesOwn = proposal?.level === 'fail' && entry.status !== 'unchecked' && entry.status !== 'fail';
  return (
    <div class="insp-item-body">
      <input
        type="text"
        class="insp-note"
        aria-label={t('insp_noteOf', entry.title)}
        placeholder={t('insp_notePlaceholder')}
        value={note}
        onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)}
        onBlur={() => note !== entry.note && onNote?.(entry.id, note)}
      />
      {(entry.findingIds.length > 0 || entry.evidenceIds.length > 0) && (
        <span class="insp-muted">{t('insp_itemLinks', [String(entry.findingIds.length), String(entry.evidenceIds.length)])}</span>
      )}
      {proposal && (
        <div class={`insp-proposal level-${proposal.level}`}>
          <span>{t(proposal.level === 'fail' ? 'insp_proposalFail' : 'insp_proposalReview')}{proposal.reason}</span>
          {onAccept && (proposal.level === 'fail' ? entry.status !== 'fail' : proposal.findingIds.some((id) => !entry.findingIds.includes(id))) && (
            <button type="button" class="small" onClick={() => onAccept(proposal, replacesOwn)}>
              {t(replacesOwn ? 'insp_acceptReplace' : 'insp_accept')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
