import { describe, expect, it } from 'vitest';
import { escapeHtml, linkOrText, safeHref } from '../../../lib/bundle/escape-html';

describe('escapeHtml', () => {
  it('escapes every character that can open a tag or leave an attribute', () => {
    expect(escapeHtml('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(escapeHtml(`' onerror='x' \` &amp;`)).toBe('&#39; onerror=&#39;x&#39; &#96; &amp;amp;');
    expect(escapeHtml('中文，无需转义')).toBe('中文，无需转义');
  });

  it('prints null and undefined as nothing and numbers as text', () => {
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(404)).toBe('404');
  });
});

describe('safeHref', () => {
  it('accepts only absolute http(s) URLs', () => {
    expect(safeHref('https://www.gov.cn/a?b=1')).toBe('https://www.gov.cn/a?b=1');
    expect(safeHref('http://x.gov.cn')).toBe('http://x.gov.cn/');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///C:/Windows',
    '/relative/path',
    '',
    'not a url',
  ])('refuses %j', (url) => {
    expect(safeHref(url)).toBeUndefined();
  });
});

describe('linkOrText', () => {
  it('links a safe URL with its text escaped', () => {
    expect(linkOrText('https://a.gov.cn/?q="x"', '<b>')).toBe(
      '<a href="https://a.gov.cn/?q=%22x%22" rel="noreferrer noopener">&lt;b&gt;</a>',
    );
  });

  it('prints an unsafe URL as inert text', () => {
    const out = linkOrText('javascript:alert(document.cookie)');
    expect(out).toBe('javascript:alert(document.cookie)');
    expect(out).not.toContain('<a');
  });
});
