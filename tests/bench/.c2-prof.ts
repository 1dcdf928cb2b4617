import type { Article } from '../../lib/article/record';
import type { Clipping } from '../../lib/archive/types';
import * as v from 'valibot';
import { ClippingSchema } from '../../lib/export/format';
import { parseClippingsFile } from '../../lib/export/import';
import { foldText } from '../../lib/archive/fold';
import { buildSearchText } from '../../lib/archive/search-text';
const TARGET_CHARS = 5000;
const WORDS: Array<[string, string]> = [
  ['发展', '發展'], ['经济', '經濟'], ['会议', '會議'], ['建设', '建設'], ['改革', '改革'], ['国家', '國家'],
  ['人民', '人民'], ['政府', '政府'], ['工作', '工作'], ['报告', '報告'], ['创新', '創新'], ['科技', '科技'],
  ['教育', '教育'], ['文化', '文化'], ['卫生', '衛生'], ['农业', '農業'], ['交通', '交通'], ['能源', '能源'],
  ['环境', '環境'], ['保护', '保護'], ['市场', '市場'], ['企业', '企業'], ['投资', '投資'], ['服务', '服務'],
  ['质量', '質量'], ['安全', '安全'], ['城市', '城市'], ['乡村', '鄉村'], ['振兴', '振興'], ['数字', '數字'],
  ['网络', '網絡'], ['产业', '產業'], ['推进', '推進'], ['落实', '落實'], ['加强', '加強'], ['完善', '完善'],
  ['体系', '體系'], ['制度', '制度'], ['治理', '治理'], ['现代化', '現代化'], ['开放', '開放'], ['合作', '合作'],
  ['区域', '區域'], ['协调', '協調'], ['绿色', '綠色'], ['低碳', '低碳'], ['民生', '民生'], ['就业', '就業'],
  ['医疗', '醫療'], ['养老', '養老'], ['住房', '住房'], ['水利', '水利'], ['防汛', '防汛'], ['粮食', '糧食'],
  ['生产', '生產'], ['标准', '標準'], ['监管', '監管'], ['财政', '財政'], ['预算', '預算'], ['税收', '稅收'],
  ['统计', '統計'], ['数据', '數據'], ['平台', '平台'], ['项目', '項目'], ['资金', '資金'], ['规划', '規劃'],
  ['实施', '實施'], ['方案', '方案'], ['部署', '部署'], ['要求', '要求'], ['强调', '強調'], ['指出', '指出'],
  ['召开', '召開'], ['举行', '舉行'], ['出席', '出席'], ['讲话', '講話'], ['代表', '代表'], ['委员', '委員'],
  ['领导', '領導'], ['干部', '幹部'], ['群众', '群眾'], ['社会', '社會'], ['历史', '歷史'], ['机制', '機制'],
  ['长效', '長效'], ['稳步', '穩步'], ['全面', '全面'], ['深化', '深化'], ['持续', '持續'], ['优化', '優化'],
];
const SITES = ['示范日报网', '云川市人民政府', '清河县融媒体中心', '示例省发展改革委', '臺北市政府新聞處', '港島新聞網'];

function createRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

function generateClipping(i: number, random: () => number): Clipping {
  const roll = random();
  const script = roll < 0.7 ? 'hans' : roll < 0.95 ? 'hant' : 'mixed';
  const pick = () => {
    const [simp, trad] = WORDS[Math.floor(random() * WORDS.length)]!;
    if (script === 'hans') return simp;
    if (script === 'hant') return trad;
    return random() < 0.5 ? simp : trad;
  };
  const sentence = (n: number) => Array.from({ length: n }, pick).join('') + (random() < 0.3 ? '，' : '');
  const blocks: Article['blocks'] = [];
  let chars = 0;
  while (chars < TARGET_CHARS) {
    let text = '';
    const sentences = 6 + Math.floor(random() * 8);
    for (let k = 0; k < sentences; k++) text += sentence(4 + Math.floor(random() * 8)) + '。';
    blocks.push({ type: 'p', text });
    chars += text.length;
    if (random() < 0.1) blocks.push({ type: 'h', text: sentence(3) });
  }
  blocks.push({ type: 'p', text: `（文件编号：甲${i}号）` });
  const savedAt = Date.UTC(2025, 0, 1) + i * 3_600_000;
  const day = new Date(savedAt).toISOString().slice(0, 10);
  return {
    id: `bench-${i}`,
    url: `https://www.example.gov.cn/bench/${i}.html`,
    canonicalUrl: `https://www.example.gov.cn/bench/${i}.html`,
    siteName: SITES[i % SITES.length]!,
    title: `${sentence(3)}${sentence(2)}（第${i}号）`.replace(/，/g, ''),
    kicker: '',
    subtitle: random() < 0.3 ? sentence(4) : '',
    originalTitle: '',
    publishedAt: `${day}T09:00:00+08:00`,
    source: SITES[(i + 1) % SITES.length]!,
    authors: ['记者甲', '记者乙'],
    editors: ['编辑丙'],
    blocks,
    script,
    detection: { isArticle: true, isGovNews: true, score: 0.8, reasons: ['bench'] },
    extractedAt: new Date(savedAt).toISOString(),
    contentHash: (0x10000000 + i).toString(16).padStart(16, '0'),
    savedAt,
    updatedAt: savedAt,
    tags: i % 7 === 0 ? ['民生'] : i % 11 === 0 ? ['经济', '重点'] : [],
    note: '',
  };
}

const random = createRandom(20261121);
const N = 10000;
const clippings = Array.from({ length: N }, (_, i) => generateClipping(i, random));
let t = performance.now();
const text = JSON.stringify({ format: 'baozhai-clippings', version: 1, exportedAt: new Date(0).toISOString(), clippings });
const lap = (name: string) => { const n = performance.now(); console.log(name, Math.round(n - t)); t = n; };
lap('stringify ' + text.length);
const data = JSON.parse(text);
lap('parse');
for (const c of data.clippings) v.safeParse(ClippingSchema, c);
lap('valibot');
const r = parseClippingsFile(text);
lap('parseClippingsFile ' + r.ok);
const st = data.clippings.map((c: Clipping) => buildSearchText(c));
lap('searchText');
const f = st.map(foldText);
lap('fold');
for (const c of data.clippings) JSON.stringify(c);
lap('stringify each');
