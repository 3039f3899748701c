import { describe, expect, it } from 'vitest';
import { checkPageLinks, createJobChecker } from '../../../lib/links/check-page-links';
import type { FetchOutcome, FetchRequest, Fetcher } from '../../../lib/links/fetcher';
import { LinkQueue } from '../../../lib/links/host-queue';
import { LinkCache } from '../../../lib/links/link-cache';
import type { CachedLinkEntry } from '../../../lib/links/link-cache';
import { link, makeSnapshot } from './make-snapshot';

/** Answers by path: /dead* → 404, everything else 200; records requests. */
function fakeSite(): Fetcher & { calls: FetchRequest[] } {
  const calls: FetchRequest[] = [];
  const fetcher = async (req: FetchRequest): Promise<FetchOutcome> => {
    calls.push(req);
    const status = new URL(req.url).pathname.startsWith('/dead') ? 404 : 200;
    return { ok: true, status, headers: { 'content-type': 'text/html' }, finalUrl: req.url, chain: [], bodyPrefix: new TextEncoder().encode('<title>页</title>') };
  };
  return Object.assign(fetcher, { calls });
}

describe('checkPageLinks', () => {
  it('requests same-site links with credentials and off-site links without, and reports dead ones', async () => {
    const fetcher = fakeSite();
    const queue = new LinkQueue({ check: createJobChecker(fetcher) });
    const report = await checkPageLinks(
      makeSnapshot({ links: [link('/a.html'), link('/dead.html', { text: '坏' }), link('https://www.gov.cn/'), link('#missing')] }),
      { queue },
    );
    expect(fetcher.calls.map((c) => [c.url, c.credentials])).toEqual([
      ['https://www.example.gov.cn/a.html', 'include'],
      ['https://www.example.gov.cn/dead.html', 'include'],
      ['https://www.gov.cn/', 'omit'],
    ]);
    expect(report.findings.map((f) => [f.subject, f.detail?.['reason']])).toEqual([
      ['https://www.example.gov.cn/zwgk/index.html#missing', 'missing-anchor'],
      ['https://www.example.gov.cn/dead.html', 'not-found'],
    ]);
  });

  it('requests nothing on an admin page', async () => {
    const fetcher = fakeSite();
    const queue = new LinkQueue({ check: createJobChecker(fetcher) });
    const report = await checkPageLinks(makeSnapshot({ url: 'https://www.example.gov.cn/admin/list.jsp', links: [link('/a.html')] }), { queue });
    expect(fetcher.calls).toEqual([]);
    expect(report.findings).toEqual([]);
  });
});

describe('createJobChecker', () => {
  it('answers from the cache on a second run', async () => {
    const map = new Map<string, CachedLinkEntry>();
    const cache = new LinkCache({ get: async (u) => map.get(u), put: async (e) => void map.set(e.url, e), delete: async (u) => void map.delete(u) });
    const fetcher = fakeSite();
    const page = makeSnapshot({ links: [link('/a.html'), link('/dead.html')] });
    await checkPageLinks(page, { queue: new LinkQueue({ check: createJobChecker(fetcher, cache) }) });
    const second = await checkPageLinks(page, { queue: new LinkQueue({ check: createJobChecker(fetcher, cache) }) });
    expect(fetcher.calls).toHaveLength(2);
    expect(second.findings[0]?.detail?.['fromCache']).toBe(true);
  });
});
