import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findNewspaper,
  formatApa,
  formatCitations,
  formatGbt7714,
  formatGbtAuthors,
  formatRis,
  toCslItem,
  type CitedArticle,
} from '../../lib/export/cite.ts';
import { extractFromText } from '../../lib/clean/article.ts';
import { hasShared, repoRoot, sharedDir } from '../extract/shared.ts';
import { compileSchemaFile } from './ajv.ts';

const ACCESSED = new Date('2026-12-03T02:00:00Z');
const validateCsl = compileSchemaFile(repoRoot, 'tests/fixtures/csl/csl-data.schema.json');

// An invented article, as a city daily would publish it.
const DAILY: CitedArticle = {
  url: 'https://epaper.example.cn/html/2026-03/02/content_1.htm?from=share',
  canonicalUrl: 'https://epaper.example.cn/html/2026-03/02/content_1.htm',
  siteName: '示例日报电子版',
  title: '我市召开防汛工作会议',
  publishedAt: '2026-03-02T07:30:00+08:00',
  source: '示例日报',
  authors: ['周文', '吴晓明'],
  script: 'hans',
};

describe('GB/T 7714-2015', () => {
  it('cites a newspaper article online as [N/OL] with its newspaper, date and access date', () => {
    expect(formatGbt7714(DAILY, ACCESSED)).toBe(
      '周文, 吴晓明. 我市召开防汛工作会议[N/OL]. 示例日报, 2026-03-02[2026-12-03]. https://epaper.example.cn/html/2026-03/02/content_1.htm.',
    );
  });

  it('starts with the title when there is no author', () => {
    expect(formatGbt7714({ ...DAILY, authors: [] }, ACCESSED)).toBe(
      '我市召开防汛工作会议[N/OL]. 示例日报, 2026-03-02[2026-12-03]. https://epaper.example.cn/html/2026-03/02/content_1.htm.',
    );
  });

  it('lists three authors, and the first three followed by 等 when there are more', () => {
    expect(formatGbtAuthors(['甲一', '乙二', '丙三'])).toBe('甲一, 乙二, 丙三');
    expect(formatGbtAuthors(['甲一', '乙二', '丙三', '丁四'])).toBe('甲一, 乙二, 丙三, 等');
  });

  it('uses [EB/OL] with the date in brackets where no newspaper stands behind the site', () => {
    const site: CitedArticle = { ...DAILY, siteName: '示例市人民政府', source: '示例市政府网', authors: [] };
    expect(findNewspaper(site)).toBe('');
    expect(formatGbt7714(site, ACCESSED)).toBe(
      '我市召开防汛工作会议[EB/OL]. (2026-03-02)[2026-12-03]. https://epaper.example.cn/html/2026-03/02/content_1.htm.',
    );
  });

  it('gives the access date in China time', () => {
    expect(formatGbt7714(DAILY, new Date('2026-12-02T17:00:00Z'))).toContain('[2026-12-03]');
  });
});

describe('APA-style English', () => {
  it('names authors, date, title, outlet and URL', () => {
    expect(formatApa(DAILY)).toBe(
      '周文 & 吴晓明. (2026, March 2). 我市召开防汛工作会议. 示例日报. https://epaper.example.cn/html/2026-03/02/content_1.htm',
    );
    expect(formatApa({ ...DAILY, authors: ['甲一', '乙二', '丙三'], publishedAt: '' })).toMatch(
      /^甲一, 乙二, & 丙三\. \(n\.d\.\)\. /,
    );
  });

  it('moves the title first without an author', () => {
    expect(formatApa({ ...DAILY, authors: [] })).toBe(
      '我市召开防汛工作会议. (2026, March 2). 示例日报. https://epaper.example.cn/html/2026-03/02/content_1.htm',
    );
  });
});

describe('CSL-JSON', () => {
  it('writes article-newspaper items with literal Chinese names, valid against the CSL data schema', () => {
    const item = toCslItem({ ...DAILY, id: 'clip-1' }, ACCESSED);
    expect(item).toEqual({
      id: 'clip-1',
      type: 'article-newspaper',
      title: '我市召开防汛工作会议',
      'container-title': '示例日报',
      author: [{ literal: '周文' }, { literal: '吴晓明' }],
      issued: { 'date-parts': [[2026, 3, 2]] },
      accessed: { 'date-parts': [[2026, 12, 3]] },
      URL: 'https://epaper.example.cn/html/2026-03/02/content_1.htm',
      language: 'zh-CN',
      source: '示例日报电子版',
    });
    const file = JSON.parse(
      formatCitations('csl-json', [
        { article: DAILY, accessed: ACCESSED },
        { article: { ...DAILY, authors: [], publishedAt: '', script: 'hant' }, accessed: ACCESSED },
      ]),
    ) as unknown;
    expect(validateCsl(file), JSON.stringify(validateCsl.errors)).toBe(true);
  });

  it('the schema refuses what citeproc refuses', () => {
    expect(validateCsl([{ id: 'x', type: 'newspaper-article' }])).toBe(false);
    expect(validateCsl([{ id: 'x', type: 'article-newspaper', author: [{ name: '周文' }] }])).toBe(false);
    expect(validateCsl([{ type: 'article-newspaper' }])).toBe(false);
  });
});

describe('RIS', () => {
  it('writes a NEWS record with one AU line per author', () => {
    expect(formatRis(DAILY, ACCESSED).split('\r\n')).toEqual([
      'TY  - NEWS',
      'AU  - 周文',
      'AU  - 吴晓明',
      'TI  - 我市召开防汛工作会议',
      'T2  - 示例日报',
      'PY  - 2026',
      'DA  - 2026/03/02',
      'UR  - https://epaper.example.cn/html/2026-03/02/content_1.htm',
      'Y2  - 2026/12/03',
      'LA  - zh-CN',
      'ER  - ',
      '',
    ]);
  });
});

// The seeds are text captures without a URL: the citations end at the access date. Checked by hand
// against GB/T 7714-2015 §4.2 / §8 (order, punctuation, [N/OL] / [EB/OL], authors, 等).
describe.skipIf(!hasShared)('citations of the seeds (../shared/seeds)', () => {
  const seed = (prefix: string) => {
    const dir = path.join(sharedDir, 'seeds');
    const file = readdirSync(dir).find((f) => f.startsWith(prefix))!;
    return extractFromText(readFileSync(path.join(dir, file), 'utf8'));
  };
  const EXPECTED: Record<string, [string, string]> = {
    '000': [
      '四建磊, 庞超. 深入贯彻落实习近平生态文明思想 扎实推动首都“两区”建设迈上新台阶[EB/OL]. [2026-12-03].',
      '四建磊 & 庞超. (n.d.). 深入贯彻落实习近平生态文明思想 扎实推动首都“两区”建设迈上新台阶.',
    ],
    '001': [
      '四建磊, 尹翠莉. 河北省召開京津冀協同發展工作座談會[EB/OL]. (2022-02-26)[2026-12-03].',
      '四建磊 & 尹翠莉. (2022, February 26). 河北省召開京津冀協同發展工作座談會. 河北新聞網.',
    ],
    '002': [
      '乔龙飞. 朱晓东主持召开忻州市黄河流域生态保护和高质量发展领导小组全体会议[N/OL]. 忻州日报[2026-12-03].',
      '乔龙飞. (n.d.). 朱晓东主持召开忻州市黄河流域生态保护和高质量发展领导小组全体会议. 忻州日报.',
    ],
    '003': [
      '魏彧, 米哲, 于春灃. 市委市政府在靜海召開現場辦公會:推動綠色發展高質量發展[EB/OL]. [2026-12-03].',
      '魏彧, 米哲, & 于春灃. (n.d.). 市委市政府在靜海召開現場辦公會:推動綠色發展高質量發展.',
    ],
    '004': [
      '祁梦竹, 范俊生. 以生龙活虎的干劲抓好“疏整促”和生态环境建设[N/OL]. 北京晚报, 2022-02-22[2026-12-03].',
      '祁梦竹 & 范俊生. (2022, February 22). 以生龙活虎的干劲抓好“疏整促”和生态环境建设. 北京晚报.',
    ],
  };
  for (const [prefix, [gbt, apa]] of Object.entries(EXPECTED)) {
    it(`${prefix}: GB/T 7714 and APA`, () => {
      const article = seed(prefix);
      expect(formatGbt7714(article, ACCESSED)).toBe(gbt);
      expect(formatApa(article)).toBe(apa);
      expect(validateCsl([toCslItem(article, ACCESSED)])).toBe(true);
    });
  }
});
