/**
 * Words and URL tokens of the gambling, pornography and fraud spam that hacked government pages carry (暗链,
 * injected titles). Chosen for precision: every entry must be abnormal in government text.
 *
 * Left out on purpose, because government pages use them legitimately:
 * - 彩票 / 福利彩票 / 体育彩票 / 快3 / 足彩 (official lotteries), 棋牌 alone (国家体育总局棋牌运动管理中心, 棋牌室 rules),
 * - 赌博 / 色情 / 诈骗 / 黄赌毒 (anti-crime news and warnings), 办证 (办证大厅, 办证指南), 刻章 (公章刻制 services),
 * - 发票代开 / 代开发票 (a tax-bureau service: 代开增值税发票), 套现 alone, 娱乐 alone, 彩金 (福彩 news), 电子游艺
 *   (文化市场 rules on 游艺娱乐场所), 太阳城 alone (a common name of housing estates and squares).
 * Entries that anti-crime news also uses (六合彩, 赌场, 代孕 …) are kept: the spam check ignores them in visible text
 * next to law-enforcement words (LAW_ENFORCEMENT_CONTEXT), never in hidden text, links or titles.
 */

export type SpamCategory = 'gambling' | 'porn' | 'fraud';

export const SPAM_CATEGORY_LABEL: Record<SpamCategory, string> = {
  gambling: '赌博',
  porn: '色情',
  fraud: '诈骗及违法广告',
};

export const SPAM_WORDS: Readonly<Record<SpamCategory, readonly string[]>> = {
  gambling: [
    '博彩', '百家乐', '赌场', '葡京', '新葡京', '体育投注', '足球投注', '真人视讯', '真人娱乐', '六合彩', '香港六合彩',
    '时时彩', '澳门赌场', '澳门威尼斯人', '威尼斯人娱乐', '线上娱乐城', '网上娱乐城', '娱乐城', '金沙娱乐', '银河娱乐',
    '太阳城娱乐', '太阳城集团', '皇冠体育', '皇冠投注', '老虎机', '真人棋牌', '棋牌游戏平台', '开元棋牌', '赌球', '外围投注',
    '注册送彩金', '首存送', '网投平台', '北京PK10', '北京赛车pk10', 'PK拾', '幸运飞艇', '大发快三', '亚博体育',
    '开云体育', '华体会', '乐鱼体育', '必威体育', '沙巴体育', 'AG真人', 'bet365', '188金宝博', '澳门银河', '永利娱乐',
    '美高梅娱乐', '捕鱼游戏平台', '赌博网站', '网上赌博平台',
  ],
  porn: [
    '裸聊', '约炮', '一夜情', '成人影院', '成人视频', '成人电影', '无码视频', '无码高清', '亚洲色图', '激情视频',
    '激情小说', 'AV女优', '国产自拍', '偷拍视频', '色情直播', '黄色网站', '午夜影院', '援交', '同城约炮', '少妇自拍',
  ],
  fraud: [
    '代孕', '办假证', '假证办理', '代办各类证件', '刻章办证', '办证刻章', '代开各类发票', '代开各地发票', '代开各种发票',
    '信用卡套现', '网赚', '日赚', '刷单兼职', '出售银行卡', '收购银行卡', '出售枪支', '枪支出售', '迷药', '催情药',
    '开房记录查询', '私家侦探', '窃听器', '黑客接单', '游戏私服', '传奇私服', '高仿手表',
  ],
};

/**
 * Tokens of spam domains and paths (pinyin and casino brands). A token is matched as a whole label part
 * (split at dots, hyphens, slashes and digit/letter boundaries); short tokens count only with digits in the same
 * label (hg0088, xpj8888, vns6766), because alone they are too common.
 */
export const SPAM_URL_TOKENS: Readonly<Record<SpamCategory, readonly string[]>> = {
  gambling: [
    'bocai', 'baijiale', 'duchang', 'pujing', 'xinpujing', 'yulecheng', 'zhenren', 'qipai', 'liuhecai', 'shishicai',
    'casino', 'bet365', 'betway', 'weinisiren', 'taiyangcheng', 'huangguan', 'jinshayule', 'yinheyule', 'amdc',
    'xsj', 'xpj', 'hg', 'vns', 'bwin', 'sbobet', 'yabo', 'kaiyun', 'huatihui', 'leyu', 'ag', 'pk10',
  ],
  porn: ['porn', 'xxx', 'sex', 'av', 'luoliao', 'yuepao', 'chengren', 'seqing', 'jav'],
  fraud: ['daiyun', 'banzheng', 'fapiao', 'sifu'],
};

/** Tokens that count only with digits beside them in the same label (see SPAM_URL_TOKENS). */
export const SHORT_URL_TOKENS: ReadonlySet<string> = new Set(['xsj', 'xpj', 'hg', 'vns', 'ag', 'av', 'amdc', 'leyu', 'yabo', 'sex', 'xxx', 'jav', 'sifu', 'fapiao']);

/** Tokens matched in host names only: as path segments they can be a government column (/fapiao/, /banzheng/, /qipai/). */
export const HOST_ONLY_URL_TOKENS: ReadonlySet<string> = new Set(['qipai', 'zhenren', 'huangguan', 'kaiyun', 'chengren', 'fapiao', 'banzheng', 'sifu', 'leyu']);

/**
 * Words of law-enforcement and warning texts (打击赌博, 破获一起网络赌场案, 警惕代孕骗局). A visible text block with
 * one of them is reporting on crime, not advertising it.
 */
export const LAW_ENFORCEMENT_CONTEXT: readonly string[] = [
  '打击', '查处', '抓获', '破获', '侦破', '捣毁', '犯罪', '案件', '涉案', '嫌疑人', '警方', '公安', '民警', '取缔', '整治',
  '判处', '违法', '非法', '严禁', '禁止', '举报', '防范', '警惕', '提醒', '骗局', '治理', '专项行动', '扫黄打非', '涉赌',
];
