/**
 * Build-time generator of `lib/expressions/data/confusion.json`: which characters an input method or a tired eye
 * confuses. Run: `npx tsx bench/build/build-confusion.ts`. Only the JSON is bundled, so the
 * extension needs neither pinyin-pro (143 KB gzipped) nor iconv-lite at run time.
 *
 * - `pinyin`: toneless syllable → the GB2312 characters (the 6,763 common characters a pinyin IME offers first)
 *   with that reading, all readings of polyphones included, plus every character of the dictionary.
 * - `shapes`: groups of look-alike characters, written by hand (Wubi and OCR confusions seen in the sources:
 *   治/冶, 沪/泸, 栗/粟, 岐/歧, 己/已, 戊/戍 …). A small hand-made list is used because the open shape sets are
 *   noisy (research notes §c3).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { pinyin } from 'pinyin-pro';

/** The repository's lib/expressions/data, found from this file (bench/build/), never from an absolute path. */
const dataDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../lib/expressions/data');
const SHAPES = `治冶 沪泸 栗粟 岐歧 己已巳 戊戍戌 未末 人入八 士土 日曰 大太犬 厉励 辩辨辫 侯候 析折 拨拔 崇祟 券卷 竞竟 徒徙
暇瑕 茸葺 贬砭 膊搏博 驰弛 萃粹 憾撼 旷犷 裹果 管菅 俊竣峻 巢窠 烩脍 梁粱 笼龙 戳戮 孪挛 仑轮 蚂马 糜靡 缅湎 默墨
沤呕 磬罄 雀鹊 韧轫 崇祟 径胫 骛鹜 洁沽 宵霄 渲宣 喧暄 弦旋 膺赝 尤犹 芋竽 脏赃 醮蘸 蜇蛰 祯帧 鸠鸩 贪贫 杜社
攻政 险除 姐组 冶治 园院 庭厅 员院 堂常 厂常 戴代 整政 党当 科斗 穴学 句局 姿资 菊局 建监 往住 系息 回会 徽会
浴预 玉预 房防 管关 里理 激急 完院 萎委 为委 歌改 台治 豪毫 室宝 怪泽 泽择 坡皮 斗科 共恭 合和 大太 丽例 列例
桌作 剑验 甲押 誉举 杆标 怠殆 觉党 中申 申审 由甲 田由 千干 于干 子孑 冈岗 奥粤 翼冀 弯湾 带代 州洲 斤近 今令
候侯 宫官 秉禀 复覆 免兔 鸟乌 哈恰 末未 体休 木本 朱未 设没 雪雷 历厉 民氏 日目 白百 问间 休体 干千 王玉 主王
壮状 贝见 兵乒乓 住往 准淮 汨汩 揽篮 倶俱 峰锋 汪江 哀衰 衷哀 析柝 折拆 祟崇 采彩 戎戒 拔拨 渴喝 喝竭 侍待 持恃`;

const gb2312: string[] = [];
for (let cp = 0x4e00; cp <= 0x9fa5; cp++) {
  const ch = String.fromCharCode(cp);
  // iconv-lite's gb2312 is really GBK; GB2312 proper is the block of lead bytes B0–F7 and trail bytes A1–FE.
  const bytes = iconv.encode(ch, 'gbk');
  const [lead = 0, trail = 0] = bytes;
  if (bytes.length === 2 && lead >= 0xb0 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) gb2312.push(ch);
}
const dictionaryChars = new Set<string>();
const expressions = JSON.parse(readFileSync(resolve(dataDir, 'expressions.json'), 'utf8')) as {
  entries: { correct: string }[];
};
for (const e of expressions.entries) for (const ch of e.correct) if (/\p{Script=Han}/u.test(ch)) dictionaryChars.add(ch);

const bySyllable = new Map<string, Set<string>>();
for (const ch of new Set([...gb2312, ...dictionaryChars])) {
  const readings = pinyin(ch, { toneType: 'none', multiple: true, type: 'array' });
  for (const r of readings) {
    if (!/^[a-zü]+$/.test(r)) continue;
    let set = bySyllable.get(r);
    if (!set) bySyllable.set(r, (set = new Set()));
    set.add(ch);
  }
}
const pinyinTable = Object.fromEntries([...bySyllable].sort().map(([s, chars]) => [s, [...chars].join('')]));
const shapes = [...new Set(SHAPES.split(/\s+/).filter((g) => [...g].length > 1))];
const out = {
  generator: 'pinyin-pro 3.29 (toneless, all readings) over GB2312 + dictionary characters; shapes by hand',
  pinyin: pinyinTable,
  shapes,
};
writeFileSync(resolve(dataDir, 'confusion.json'), JSON.stringify(out) + '\n');
console.log(`gb2312 ${gb2312.length}, syllables ${bySyllable.size}, shape groups ${shapes.length}`);
