/** Builds findings for tests: only what a test states differs from a neutral open `link` finding. */
import type { Finding } from '../../../lib/checks/types';

let counter = 0;

export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  counter += 1;
  const key = overrides.key ?? `${overrides.check ?? 'link'}|http://www.example.gov.cn/p${counter}|s${counter}`;
  return {
    id: `2026Q4|${key}`,
    key,
    siteKey: 'www.example.gov.cn',
    quarter: '2026Q4',
    check: 'link',
    severity: 'major',
    status: 'open',
    pageUrl: `http://www.example.gov.cn/p${counter}.html`,
    pageTitle: '测试页面',
    message: '测试发现',
    subject: `subject-${counter}`,
    excerpt: '',
    firstSeen: '2026-10-10T00:00:00.000Z',
    lastSeen: '2026-10-10T00:00:00.000Z',
    ...overrides,
  };
}
