import { describe, expect, it } from 'vitest';
import { anySpamWord, findSpamInUrl, findSpamWords, hasLawEnforcementContext } from '../../../lib/risk/spam-match';

describe('findSpamWords', () => {
  it.each<[string, [string, string][]]>([
    ['澳门新葡京官网，百家乐真人视讯，注册送彩金', [['新葡京', 'gambling'], ['百家乐', 'gambling'], ['真人视讯', 'gambling'], ['注册送彩金', 'gambling']]],
    ['澳门赌场', [['澳门赌场', 'gambling']]],
    ['同城约炮 裸聊', [['同城约炮', 'porn'], ['裸聊', 'porn']]],
    ['代孕咨询 刻章办证', [['代孕', 'fraud'], ['刻章办证', 'fraud']]],
    ['BET365 体育', [['BET365', 'gambling']]],
  ])('%s', (text, expected) => {
    expect(findSpamWords(text).map((h) => [h.word, h.category])).toEqual(expected);
  });

  it('sees through spaced-out and zero-width-split words and maps offsets back', () => {
    const text = '点击进入百 家\u200b乐官网';
    const [hit] = findSpamWords(text);
    expect(hit?.word).toBe('百家乐');
    expect(text.slice(hit?.start, hit?.end)).toBe('百 家\u200b乐');
  });

  it.each([
    '福利彩票发行中心开展即开型彩票公益宣传',
    '体育彩票公益金使用情况公示',
    '国家体育总局棋牌运动管理中心',
    '办证大厅地址及办证指南',
    '纳税人可在电子税务局申请代开增值税发票，发票代开流程如下',
    '公章刻制备案',
    '太阳城小区征收补偿方案',
    '游艺娱乐场所管理办法',
  ])('finds nothing in ordinary government text: %s', (text) => {
    expect(findSpamWords(text)).toEqual([]);
  });
});

describe('hasLawEnforcementContext', () => {
  it.each([
    ['我局破获一起开设赌场案', true],
    ['警惕代孕骗局', true],
    ['百家乐真人视讯 注册就送', false],
  ])('%s → %s', (text, yes) => {
    expect(hasLawEnforcementContext(text)).toBe(yes);
  });
});

describe('findSpamInUrl', () => {
  it.each([
    ['https://www.bocai88.com/', 'bocai', 'host'],
    ['http://aomenbocai.net/', 'bocai', 'host'],
    ['http://xpj8888.cc/reg', 'xpj', 'host'],
    ['http://hg0088.com/', 'hg', 'host'],
    ['http://vns6766.vip/', 'vns', 'host'],
    ['http://www.baijiale-online.com/', 'baijiale', 'host'],
    ['http://www.xsj77.com/', 'xsj', 'host'],
    ['https://www.example.gov.cn/upload/bocai/1.html', 'bocai', 'path'],
    ['https://www.example.gov.cn/s?q=%E7%99%BE%E5%AE%B6%E4%B9%90', '百家乐', 'path'],
    ['https://porn-site.example/', 'porn', 'host'],
  ])('%s → %s in %s', (url, token, part) => {
    expect(findSpamInUrl(url)).toMatchObject({ token, part });
  });

  it.each([
    'https://www.gov.cn/',
    'http://www.duchang.gov.cn/',
    'https://www.hg.gov.cn/',
    'https://www.example.gov.cn/fapiao/index.html',
    'https://www.example.gov.cn/qipai/news.html',
    'https://www.example.gov.cn/ag/index.html',
    'https://www.sport.org.cn/qipai2024/',
    'https://hg.example.com/',
    'https://www.12371.cn/',
    'https://www.example.gov.cn/zwgk/xxgk/2024/12345.html',
    'not a url',
  ])('%s is clean', (url) => {
    expect(findSpamInUrl(url)).toBeUndefined();
  });
});

describe('anySpamWord: the one test over all of a page\'s blocks', () => {
  it('finds a spaced-out word inside one block and nothing in clean text', () => {
    expect(anySpamWord(['政务公开', '欢迎访问百 家 乐官网'])).toBe(true);
    expect(anySpamWord(['政务公开', '依法打击违法犯罪', ''])).toBe(false);
  });

  it('never joins a word across two blocks', () => {
    expect(anySpamWord(['百家'])).toBe(false);
    expect(anySpamWord(['百家', '乐'])).toBe(false);
    expect(anySpamWord(['百家乐'])).toBe(true);
  });
});
