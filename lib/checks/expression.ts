/**
 * `expression` check: wrong forms of fixed expressions (固定表述) — leaders' names and titles, congress and
 * plenum names, theories, institution and law names, Hong Kong/Macao/Taiwan and place names — exact wrong forms,
 * outdated forms and inferred unseen variants, each with the correct form.
 */
import { defaultCompiledDictionary } from '../expressions/default-dictionary';
import { pageHits } from '../expressions/page-hits';
import { excerptAround } from '../text/excerpt';
import type { CompiledDictionary } from '../expressions/matcher';
import type { ExpressionHit } from '../expressions/types';
import type { TextBlock } from '../scan/snapshot-types';
import type { CheckResult, PageCheck } from './types';

const EDIT_NAMES = { homophone: '同音字', shape: '形近字', missing: '缺字', extra: '多字', swap: '字序颠倒' } as const;

/** The Chinese message for one hit. */
export function expressionMessage(hit: ExpressionHit): string {
  if (hit.kind === 'inferred') {
    const why = hit.edit ? `，${EDIT_NAMES[hit.edit]}` : '';
    return `疑似固定表述错误（推断${why}）：“${hit.written}”应为“${hit.correct}”`;
  }
  if (hit.kind === 'outdated') {
    const since = hit.since ? `，自${hit.since.slice(0, 4)}年${Number(hit.since.slice(5, 7))}月起` : '';
    return `表述已过时${since}应为“${hit.correct}”：“${hit.written}”（历史文稿可不改）`;
  }
  return `固定表述错误：“${hit.written}”应为“${hit.correct}”`;
}

/** Turns the hits of one check id into findings, block by block. Shared with the typo check. */
export function hitsToResults(
  dict: CompiledDictionary,
  blocks: readonly TextBlock[],
  check: 'expression' | 'typo',
  message: (hit: ExpressionHit) => string,
): CheckResult[] {
  const results: CheckResult[] = [];
  const hits = pageHits(dict, blocks);
  blocks.forEach((block, index) => {
    for (const hit of hits[index]!) {
      if (hit.check !== check) continue;
      results.push({
        check,
        severity: hit.severity,
        message: message(hit),
        subject: hit.written,
        excerpt: excerptAround(block.text, hit.start, hit.end),
        expected: hit.correct,
        location: { kind: 'text', block: index, start: hit.start, end: hit.end },
        ...(hit.kind === 'inferred' ? { inferred: true } : {}),
        detail: {
          category: hit.category,
          kind: hit.kind,
          ...(hit.edit ? { edit: hit.edit } : {}),
          ...(hit.since ? { since: hit.since } : {}),
          source: hit.source,
        },
      });
    }
  });
  return results;
}

/** The expression check over a compiled dictionary (default: the bundled one, compiled on first run). */
export function createExpressionCheck(dict?: CompiledDictionary): PageCheck {
  return {
    id: 'expression',
    run(snapshot) {
      return hitsToResults(dict ?? defaultCompiledDictionary(), snapshot.blocks, 'expression', expressionMessage);
    },
  };
}
