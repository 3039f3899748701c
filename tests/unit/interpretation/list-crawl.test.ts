import { describe, expect, it } from 'vitest';
import { ListCrawl, nextByPattern, readListPage } from '../../../lib/interpretation/list-crawl';
import type { ColumnRef } from '../../../lib/interpretation/site-columns';
import type { ListItem } from '../../../lib/scan/snapshot-types';
import { block, link, snapshot } from './make-snapshot';

const H = 'http://www.qingshan.gov.cn';

function items(from: number, n: number): ListItem[] {
  return Array.from({ length: n }, (_, i) => ({ text: `青山市第${from + i}号政策文件标题 2026-03-01`, url: `${H}/zcwj/t${from + i}.html`, list: 0, region: 'main' as const }));
}

describe('nextByPattern', () => {
  it.each([
    [`${H}/zcwj/index.html`, `${H}/zcwj/index_1.html`],
    [`${H}/zcwj/index_1.html`, `${H}/zcwj/index_2.html`],
    [`${H}/zcwj/`, `${H}/zcwj/index_1.html`],
    [`${H}/zcwj/page_2.html`, `${H}/zcwj/page_3.html`],
    [`${H}/col/col1229/index.html?uid=5432&pageNum=2`, `${H}/col/col1229/index.html?uid=5432&pageNum=3`],
    [`${H}/list.jsp?page=2`, `${H}/list.jsp?page=3`],
  ])('%s → %s', (url, next) => {
    expect(nextByPattern(url)).toBe(next);
  });
});

describe('readListPage', () => {
  it('follows a 下一页 link and reads the dated items of the longest list', () => {
    const page = readListPage(
      snapshot({
        url: `${H}/zcwj/index.html`,
        listItems: [...items(1, 5), { text: '首页推荐的一条', url: `${H}/x.html`, list: 1, region: 'main' }],
        links: [link('下一页', `${H}/zcwj/index_1.html`)],
        blocks: [block('共3页')],
      }),
    );
    expect(page.items).toHaveLength(5);
    expect(page.items[0]).toEqual({ title: '青山市第1号政策文件标题', url: `${H}/zcwj/t1.html`, date: '2026-03-01' });
    expect(page).toMatchObject({ next: `${H}/zcwj/index_1.html`, totalPages: 3 });
  });

  it('guesses index_1.html when a script-drawn pager left no link', () => {
    const page = readListPage(snapshot({ url: `${H}/zcwj/`, listItems: items(1, 3), blocks: [block('共 4 页 尾页')] }));
    expect(page).toMatchObject({ next: `${H}/zcwj/index_1.html`, guessed: true });
  });

  it('has no next page without a pager', () => {
    expect(readListPage(snapshot({ url: `${H}/zcwj/`, listItems: items(1, 3) })).next).toBeUndefined();
  });
});

const column: ColumnRef = { kind: 'policy', name: '政策文件', url: `${H}/zcwj/index.html`, source: 'nav' };

describe('ListCrawl', () => {
  it('walks the pages of a column until the pager ends', () => {
    const crawl = new ListCrawl([column]);
    const pages: Record<string, number> = { [`${H}/zcwj/index.html`]: 1, [`${H}/zcwj/index_1.html`]: 11 };
    let step;
    while ((step = crawl.next())) {
      const from = pages[step.url];
      const last = from === 11;
      crawl.accept(
        step.url,
        from ? snapshot({ url: step.url, listItems: items(from, 10), links: last ? [] : [link('下一页', `${H}/zcwj/index_1.html`)] }) : null,
      );
    }
    expect(crawl.items()).toHaveLength(20);
    expect(crawl.items()[0]).toMatchObject({ kind: 'policy', column: '政策文件' });
    expect(crawl.progress()).toMatchObject({ pagesFetched: 2, stopped: 'done', loops: [] });
  });

  it('stops a pagination loop (next page pointing back) and a page repeating earlier items', () => {
    const crawl = new ListCrawl([column]);
    let step;
    let n = 0;
    while ((step = crawl.next()) && n++ < 20) {
      const second = step.url.includes('index_1');
      crawl.accept(
        step.url,
        snapshot({ url: step.url, listItems: items(1, 10), links: [link('下一页', second ? `${H}/zcwj/index_2.html` : `${H}/zcwj/index_1.html`)] }),
      );
    }
    expect(crawl.progress().loops).toEqual([`${H}/zcwj/index_1.html`]);
    expect(crawl.items()).toHaveLength(10);

    const back = new ListCrawl([column]);
    step = back.next()!;
    back.accept(step.url, snapshot({ url: step.url, listItems: items(1, 5), links: [link('下一页', `${H}/zcwj/index_1.html`)] }));
    step = back.next()!;
    back.accept(step.url, snapshot({ url: step.url, listItems: items(6, 5), links: [link('下一页', `${H}/zcwj/index.html`)] }));
    expect(back.next()).toBeNull();
    expect(back.progress().loops).toEqual([`${H}/zcwj/index.html`]);
  });

  it('respects the page and item bounds of a huge column, and cancel', () => {
    const crawl = new ListCrawl([column], { maxPages: 3, maxItems: 1000 });
    let step;
    let k = 0;
    while ((step = crawl.next())) {
      crawl.accept(step.url, snapshot({ url: step.url, listItems: items(k * 20, 20), links: [link('下一页', `${H}/zcwj/index_${++k}.html`)] }));
    }
    expect(crawl.progress()).toMatchObject({ pagesFetched: 3, items: 60, stopped: 'max-pages' });

    const few = new ListCrawl([column], { maxPages: 50, maxItems: 15 });
    step = few.next()!;
    few.accept(step.url, snapshot({ url: step.url, listItems: items(1, 20), links: [link('下一页', `${H}/zcwj/index_1.html`)] }));
    expect(few.next()).toBeNull();
    expect(few.progress()).toMatchObject({ items: 15, stopped: 'max-items' });

    const cancelled = new ListCrawl([column]);
    cancelled.cancel();
    expect(cancelled.next()).toBeNull();
    expect(cancelled.progress().stopped).toBe('cancelled');
  });
});
