import { describe, expect, it } from 'vitest';
import { assignFolderNames, safeName, siteFolderBase } from '../../../lib/bundle/site-folder';

describe('site folder names', () => {
  it('uses the 网站标识码, else the host', () => {
    expect(siteFolderBase({ siteCode: '1101000001', homeUrl: 'https://www.a.gov.cn/' })).toBe('1101000001');
    expect(siteFolderBase({ siteCode: ' ', homeUrl: 'https://www.a.gov.cn/index.html' })).toBe('www.a.gov.cn');
    expect(siteFolderBase({ siteCode: '', homeUrl: 'https://政府.中国/' })).toMatch(/^xn--[a-z0-9.-]+$/);
  });

  it('makes hostile names safe: no dots first, no slashes, no “..”', () => {
    for (const raw of ['../../etc', '..', '/abs', 'C:\\x', 'a/b', '名称<>:"|?*', '.hidden', '']) {
      const name = safeName(raw);
      expect(name).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
      expect(name).not.toContain('..');
    }
    expect(safeName('x'.repeat(200)).length).toBeLessThanOrEqual(64);
  });

  it('makes names unique, ignoring case', () => {
    const names = assignFolderNames([
      { siteCode: '', homeUrl: 'https://a.gov.cn/' },
      { siteCode: '', homeUrl: 'http://A.gov.cn/x' },
      { siteCode: 'a.gov.cn', homeUrl: '' },
    ]);
    expect(names).toEqual(['a.gov.cn', 'a.gov.cn-2', 'a.gov.cn-3']);
  });
});
