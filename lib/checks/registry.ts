/**
 * The checks that run on a page snapshot, in display order. Adding a check means adding its module and one
 * line here. Checks that need data (the dictionary) are built by factories from what `PageCheckDeps` holds.
 */
import { dateAnomalyCheck } from './date-anomaly';
import { identityCheck } from './identity';
import type { CheckContext, CheckResult, PageCheck } from './types';
import type { PageSnapshot } from '../scan/snapshot-types';

/** Build the page checks. */
export function createPageChecks(): PageCheck[] {
  return [identityCheck, dateAnomalyCheck];
}

/**
 * Run checks on a snapshot. A check that throws must not take the others down: its failure becomes an
 * `info` result that says so, and the rest still report.
 */
export function runPageChecks(checks: PageCheck[], snapshot: PageSnapshot, ctx: CheckContext): CheckResult[] {
  const results: CheckResult[] = [];
  for (const check of checks) {
    try {
      results.push(...check.run(snapshot, ctx));
    } catch (error) {
      results.push({
        check: check.id,
        severity: 'info',
        subject: 'check-failed',
        message: `检查“${check.id}”未能完成：${error instanceof Error ? error.message : String(error)}`,
        excerpt: '',
      });
    }
  }
  return results;
}
