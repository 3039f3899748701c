/**
 * The `interpretation` check as a follow-up stage of every page check: classify the page, fetch the partner
 * pages its related links lead to (same-site with the browser's cookies, off-site without), judge the pair, store
 * the findings and report the classification with each link's state to the side panel.
 */
import { evaluateInterpretation, planInterpretationCheck, type TargetResult } from '@/lib/checks/interpretation';
import { interpretationReport } from '@/lib/interpretation/page-report';
import { isSameSite, siteHostsOf } from '@/lib/links/normalize-url';
import { targetResultOf, type PageFetch } from './page-fetch';
import type { PageStage } from './page-service';

/** Turn one fetch into what the check judges: the partner's snapshot, or why there is none. */
async function fetchTarget(fetchPage: PageFetch, url: string, hosts: string[], signal: AbortSignal): Promise<TargetResult> {
  try {
    return targetResultOf(await fetchPage(url, { credentials: isSameSite(url, hosts) ? 'include' : 'omit', signal }));
  } catch (error) {
    // A failure of our own (offscreen parser, aborted) says nothing about the page: never call it dead.
    return { error: error instanceof Error ? error.message : String(error), inconclusive: true };
  }
}

export function createInterpretationStage(fetchPage: PageFetch): PageStage {
  return {
    id: 'interpretation',
    async run(snapshot, ctx) {
      const plan = planInterpretationCheck(snapshot);
      ctx.report(interpretationReport(snapshot.url, plan, null));
      const hosts = siteHostsOf([snapshot.url, ...(ctx.site ? [ctx.site.homeUrl, ...ctx.site.aliases] : [])]);
      const fetched = await Promise.all(plan.targets.map(async (url) => [url, await fetchTarget(fetchPage, url, hosts, ctx.signal)] as const));
      if (ctx.signal.aborted) return;
      const targets = new Map<string, TargetResult>(fetched);
      const results = evaluateInterpretation(snapshot, targets, plan);
      // Saved even when empty: a page that became clean (or is no policy any more) loses its old findings.
      await ctx.save(results, ['interpretation']);
      ctx.report(interpretationReport(snapshot.url, plan, targets, results));
    },
  };
}
