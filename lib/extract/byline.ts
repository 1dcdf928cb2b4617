/** Reading reporter, editor, source and original-title lines into metadata. */
import { keyOf, normalizeLine } from '../text/whitespace.ts';
import { PRINTED_DATE } from '../text/date.ts';

const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff';
// Common single-character surnames, to split names printed without a separator ("祁梦竹范俊生").
/** Common single-character surnames in both scripts. */
export const SURNAMES: ReadonlySet<string> = new Set(
  '王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊乐樂冀郁胥南班储儲原栗燕楚鄢劳勞谌諶奚皮粟冼蔺藺楼樓盘盤满滿闻聞位厉厲伊仝区區郜海阚闞花权權强強帅帥屠豆朴盖蓋练練廉禹井祖漆巴丰支卿国國狄平计計索宣晋晉相初门門云雲容敬来來扈晁芮都普阙闕浦戈伏鹿薄邸雍辜羊阿乌烏母裘亓修邰赫杭况況那宿鲜鮮印逯隆茹诸諸战戰慕危玉银銀亢嵇公哈湛宾賓戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴陰昝智幸奉植衡富尧堯闭閉由'.split(
    '',
  ),
);

const NAME_SPLIT = /[、，,;；／/|\s]+/;
const NAME_TAIL = /(摄影|攝影|报道|報道|摄|攝|等)$/;

/** Split a run of names into one name per entry ("四建磊、庞超", "魏彧 米哲", "祁梦竹范俊生"). */
export function splitNames(text: string): string[] {
  const names: string[] = [];
  for (const raw of normalizeLine(text).split(NAME_SPLIT)) {
    const name = raw
      .replace(/^[\u3400-\u9fff]{0,10}?(记者|記者|通讯员|通訊員|实习生|實習生)/, '')
      .replace(NAME_TAIL, '');
    if (!name) continue;
    if (/^[\u3400-\u9fff]+$/.test(name)) names.push(...splitGluedNames(name));
    else if (/^[A-Za-z][A-Za-z .'-]{1,40}$/.test(name)) names.push(name);
  }
  return [...new Set(names)].filter((n) => !/^(记者|記者|通讯员|通訊員|编辑|編輯|责编|責編)$/.test(n));
}

// Chinese personal names are two to three characters; longer runs are several names glued together.
function splitGluedNames(run: string): string[] {
  if (run.length <= 4) return [run];
  if (run.length === 6 && SURNAMES.has(run[3] ?? '')) return [run.slice(0, 3), run.slice(3)];
  if (run.length === 5) {
    if (SURNAMES.has(run[2] ?? '')) return [run.slice(0, 2), run.slice(2)];
    if (SURNAMES.has(run[3] ?? '')) return [run.slice(0, 3), run.slice(3)];
  }
  return run.length <= 8 ? [run] : [];
}

export interface BylineFacts {
  authors: string[];
  editors: string[];
  source: string;
  originalTitle: string;
}

const EDITOR = new RegExp(
  `(?:责任编辑|責任編輯|责编|責編|编辑|編輯|值班编辑)\\s*(?:[:：]\\s*)?([${HAN}A-Za-z·、，, ]{2,40}?)(?=[)）\\]】]|\\s{2,}|$|\\s*(?:审核|審核|校对|校對|来源|來源|作者|记者|記者))`,
);
const SOURCE = new RegExp(
  `(?:文章来源|文章來源|新闻来源|新聞來源|稿件来源|信息来源|资料来源|来源|來源|稿源)\\s*[:：|｜]\\s*([^\\s)）\\]】|｜]{2,40}(?: (?!\\d)[^\\s)）\\]】【\\[|｜:：]{1,20})?)`,
);
const AUTHOR_LABEL = new RegExp(
  `(?:^|[\\s(（\\[【])(?:作者|撰文|文)\\s*[:：/／]\\s*([${HAN}A-Za-z·、，, ]{2,40}?)(?=[)）\\]】]|\\s{2,}|$|\\s+(?:来源|來源|编辑|編輯|责任编辑|发布|發布|时间|時間))`,
);
const REPORTER = new RegExp(
  `(?:本报|本報|新华社|新華社|央视网|中新网|中新社)?(?:特约)?(?:记者|記者|通讯员|通訊員)\\s*(?:[:：]\\s*)?((?:[${HAN}]{2,4}[、，, ]*){1,6})`,
  'g',
);
// Only the label is matched: a lazy capture before optional trailing spaces backtracks quadratically.
const ORIGINAL_TITLE = /^\s*(?:[(（【[]\s*)?(?:本文)?原(?:标题|標題|题|題)\s*[:：]/;

/** Read an original-title line ("原标题：…"), or '' when the line is something else. */
export function readOriginalTitle(line: string): string {
  const match = ORIGINAL_TITLE.exec(line);
  if (!match) return '';
  const title = line
    .slice(match[0].length)
    .trim()
    .replace(/[)）】\]]$/, '')
    .trim()
    .replace(/^《([^《》]*)》$/, '$1');
  return /[\n\r\u2028\u2029]/.test(title) ? '' : title;
}

/** Find editors named in a line (责编 / 责任编辑 / 编辑). */
export function readEditors(line: string): string[] {
  const match = EDITOR.exec(line);
  return match?.[1] ? splitNames(match[1]) : [];
}

/** Find the source named in a line (来源 / 文章来源), trimmed of trailing labels. */
export function readSource(line: string): string {
  const match = SOURCE.exec(line);
  if (!match?.[1] || /[:：]/.test(match[1])) return '';
  return match[1]
    .replace(/(作者|记者|記者|编辑|編輯|责任编辑|責任編輯|发布时间|時間|时间|点击|字号).*$/s, '')
    .trim();
}

/** Find reporters named in a line: "记者 X、Y", "（记者 X Y）", "本报记者 X", "作者：X". */
export function readAuthors(line: string): string[] {
  const names: string[] = [];
  const labelled = AUTHOR_LABEL.exec(line);
  if (labelled?.[1]) names.push(...splitNames(labelled[1]));
  for (const match of line.matchAll(REPORTER)) {
    const group = match[1] ?? '';
    // Stop at a verb or a date glued to the names: "记者王某报道" / "记者 张三 1月2日电".
    const clean = group.replace(/(报道|報道|摄影|攝影|摄|攝|电|電|讯|訊|发|發)$/, '');
    names.push(...splitNames(clean));
  }
  return [...new Set(names)];
}

// A paper's name with its reporters in brackets opening the lead: 某州日报(某某)6月20日，… / 本报讯（记者 某某）
const LEAD_BYLINE = new RegExp(
  `^[^，。,()（）]{2,30}?\\s*[(（]\\s*(?:(?:记者|記者|通讯员|通訊員)\\s*([${HAN}、，, ]{2,30})|([${HAN}、，, ]{2,30})(?=[)）]\\s*(?:\\d{1,2}月|[电電讯訊]|昨|今|近日)))[)）]`,
);
// Trailing bracketed names closing the text: …(魏彧 米哲 于春灃) / （河北日报记者四建磊、庞超）
const TRAIL_BYLINE = new RegExp(
  `[。！？”]\\s*[(（]((?:[${HAN}]{0,8}(?:记者|記者|通讯员|通訊員))?\\s*[${HAN}]{2,4}(?:[、，, ]+[${HAN}]{2,4}){0,6})[)）]\\s*$`,
);
// A reporter credit glued after the last sentence: …出席。本报记者祁梦竹范俊生
const TAIL_REPORTER = new RegExp(`[。！？”]\\s*((?:本报|本報)?(?:记者|記者)\\s*[${HAN}、 ]{2,20})$`);

// A labelled credit in brackets closing a paragraph: …设分会场。（某某日报记者甲乙、丙丁） / (作者：某某)
const CREDIT_LABEL = `(?:[${HAN}]{0,10}?(?:记者|記者|通讯员|通訊員|实习生|實習生)|作者|撰文|文/图|文／图|图/文|圖/文|文(?=\\s*[:：]))`;
const TRAIL_CREDIT = new RegExp(
  `([。！？”」])\\s*[(（]\\s*(${CREDIT_LABEL}\\s*[:：/／]?\\s*[${HAN}·]{2,5}(?:[、，, ]+(?:${CREDIT_LABEL}\\s*[:：]?\\s*)?[${HAN}·]{2,5}){0,7})\\s*[)）]\\s*$`,
);

/** Reporters credited at the opening or closing of a body paragraph. */
export function readInlineByline(paragraph: string): string[] {
  const lead = LEAD_BYLINE.exec(paragraph);
  const leadNames = lead?.[1] ?? lead?.[2];
  if (leadNames) return splitNames(leadNames);
  const credit = TRAIL_CREDIT.exec(paragraph);
  if (credit?.[2]) return readCreditNames(credit[2]);
  const trail = TRAIL_BYLINE.exec(paragraph);
  if (trail?.[1] && !/(摄|攝|图|圖)$/.test(trail[1])) return splitNames(trail[1]);
  const tail = TAIL_REPORTER.exec(paragraph);
  if (tail?.[1]) return splitNames(tail[1]);
  return [];
}

/** Strip a reporter credit closing a paragraph: glued after the last sentence, or labelled in brackets. */
export function stripTailReporter(paragraph: string): string {
  const credit = TRAIL_CREDIT.exec(paragraph);
  if (credit?.[1]) return paragraph.slice(0, credit.index + credit[1].length);
  const tail = TAIL_REPORTER.exec(paragraph);
  return tail?.[1] ? paragraph.slice(0, paragraph.length - tail[1].length).trimEnd() : paragraph;
}

const CREDIT_LABEL_SPLIT = new RegExp(`${CREDIT_LABEL}\\s*[:：/／]?`);

// "河北日报记者甲乙、丙丁" / "作者：某某" / "记者 甲 通讯员 乙" → the names alone.
function readCreditNames(credit: string): string[] {
  const names = credit.split(CREDIT_LABEL_SPLIT).flatMap((part) => splitNames(part));
  return [...new Set(names)];
}

// Labels naming who and where from may follow any word ("新华社记者"); the plain words (时间, 打印,
// 发布) only where a label starts or before a colon, so "考试时间" and "网上打印准考证" stay body.
const PERSON_LABELS =
  '文章来源|文章來源|新闻来源|新聞來源|稿件来源|信息来源|来源|來源|稿源|作者|撰文|本报记者|本報記者|记者|記者|通讯员|通訊員|实习生|責任編輯|责任编辑|责编|責編|值班编辑|编辑|編輯|出处|出處|供稿';
const WORD_LABELS =
  '审核|審核|校对|校對|发布时间|發布時間|发布日期|發布日期|發佈時間|更新时间|时间|時間|日期|浏览次数|浏览量|浏览|瀏覽|点击数|点击量|点击|點擊|阅读量|阅读|閱讀|字号|字號|分享到|打印|关闭|關閉|发布|發布';
const META_LABELS = new RegExp(
  `(?:${PERSON_LABELS}|(?<![\\u3400-\\u9fff])(?:${WORD_LABELS})|(?:${WORD_LABELS})(?=[:：]))\\s*[:：|｜]?\\s*[^\\s)）\\]】|｜,，]*`,
  'g',
);
// A line opening "label：": metadata only when the label is one of the above, perhaps with a prefix
// naming what it dates or credits ("信息来源", "本文作者"); "报名时间：…" in a notice is body.
const LEADING_LABEL = /^[(（【[]?([\u3400-\u9fff]{2,10})[)）】\]]?[:：]/;
const META_LABEL_NAME = new RegExp(
  `^(?:信息|文章|新闻|新聞|稿件|资料|資料|网站|網站|本文|页面|頁面|发稿|發稿|图片|圖片|视频|視頻)?(?:${PERSON_LABELS}|${WORD_LABELS})(?:次数|次數|数|數|量|率|者|人)?$`,
);
const DATE_TEXT = new RegExp(PRINTED_DATE.source, 'g');

/** A short line made only of dates, 来源, 作者, 编辑 and counters: metadata, not body. */
export function isMetaLine(line: string): boolean {
  if (line.length > 120) return false;
  if (/[。！？]$/.test(line) && line.length > 40) return false;
  const label = LEADING_LABEL.exec(line);
  if (label && label[0].length < line.length && !META_LABEL_NAME.test(label[1]!)) return false;
  const residue = line
    .replace(/(https?:\/\/)?(?<![\w-])[\w-]+(\.[\w-]+){2,}\S*/g, ' ')
    .replace(DATE_TEXT, ' ')
    .replace(META_LABELS, ' ')
    .replace(/\b(大|中|小)\b/g, ' ');
  const rest = keyOf(residue).replace(/\d+/g, '');
  const changed = keyOf(line).length - keyOf(residue).length;
  return changed > 0 && rest.length <= 4;
}
