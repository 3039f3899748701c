/**
 * Record transforms between schema versions: pure functions, each dated and tested on records the previous
 * version wrote. Dexie's upgrade() bodies only loop over tables and call these.
 */
import type { InspectionRecord } from './records';

/**
 * v1 → v2 (2026-11): checklist entries learn who set their status. Anything a v1 inspector had already set
 * was set by hand, so it is marked 'inspector' and later proposals from findings will not overwrite it.
 */
export function inspectionV1toV2(record: InspectionRecord): InspectionRecord {
  return {
    ...record,
    checklist: record.checklist.map((entry) =>
      entry.status === 'unchecked' || entry.statusBy ? entry : { ...entry, statusBy: 'inspector' as const },
    ),
  };
}
