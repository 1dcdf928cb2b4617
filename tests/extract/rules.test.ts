// One test per extraction fix, each on the fixture written for it (tests/fixtures/pages).
import { describe, expect, it } from 'vitest';
import { bodyText } from '../../lib/article/body-text.ts';
import { extractFixture, type DomName } from './golden.ts';

const doms: DomName[] = ['jsdom', 'linkedom'];

describe.each(doms)('extraction rules under %s', (dom) => {
  it('reads a body that an inline style hides until the page script reveals it', () => {
    const a = extractFixture('hidden-body-recommend.html', dom);
    expect(bodyText(a)).toContain('优秀网格员');
  });

  it('never takes a longer recommended article for the body', () => {
    const a = extractFixture('hidden-body-recommend.html', dom);
    expect(bodyText(a)).not.toContain('推荐阅读');
    expect(bodyText(a)).not.toContain('游客');
  });

  it('skips video player furniture and survives a sidebar class on <body>', () => {
    const a = extractFixture('video-player-body.html', dom);
    const text = bodyText(a);
    expect(text).toContain('五位电影人');
    for (const junk of ['播放速度', '480P', '时长', '预告片']) expect(text).not.toContain(junk);
    expect(a.blocks.some((b) => b.type === 'figure')).toBe(false);
  });

  it('finds the dateline after a headline printed in a table cell, not the neighbours', () => {
    const a = extractFixture('table-layout-dateline.html', dom);
    expect(a.title).toBe('小区加装充电桩试点启动(图)');
    expect(a.publishedAt).toBe('2005-03-31T03:18:00+08:00');
    expect(bodyText(a)).not.toContain('example-old-portal');
    expect(bodyText(a)).not.toContain('二手房');
  });

  it('reads a date printed after the body in an element named for it, not from related links', () => {
    const a = extractFixture('date-after-body.html', dom);
    expect(a.publishedAt).toBe('2019-09-08T11:42:03+08:00');
  });

  it('keeps a byline box named like the article out of the body, taking its date', () => {
    const a = extractFixture('byline-box-sibling.html', dom);
    expect(a.publishedAt).toBe('2021-10-08T16:05:12+08:00');
    expect(bodyText(a)).not.toContain('原创');
    expect(bodyText(a)).not.toContain('乡村观察');
    expect(bodyText(a).startsWith('开学第一天')).toBe(true);
  });

  it('takes the people.com.cn dateline, headline group, editors and caption', () => {
    const a = extractFixture('people-rm-txt.html', dom);
    expect(a.kicker).toBe('青山县召开农村供水工作推进会');
    expect(a.subtitle).toBe('确保年底前全县自来水普及率达到百分之九十八');
    expect(a.publishedAt).toBe('2024-03-05T08:12:00+08:00');
    expect(a.editors).toEqual(['赵明', '钱芳']);
    expect(a.authors).toEqual(['林小川', '苗雨']);
    const figure = a.blocks.find((b) => b.type === 'figure');
    expect(figure).toMatchObject({ caption: '工作人员在青山县东坪乡检修供水设施。', credit: '林小川摄' });
    expect(figure && figure.type === 'figure' ? figure.src : '').toMatch(
      /^http:\/\/politics\.people\.com\.cn\//,
    );
    expect(bodyText(a)).not.toContain('相关新闻');
    // Short paragraphs stay (Readability's weakness).
    expect(bodyText(a)).toContain('据介绍，工程分三批实施。');
  });

  it('reads a dateline split over spans and keeps bold-only paragraphs as subheadings (news.cn)', () => {
    const a = extractFixture('xinhua-detail.html', dom);
    expect(a.publishedAt).toBe('2024-05-12T10:26:31+08:00');
    expect(a.source).toBe('新华网');
    expect(a.blocks.filter((b) => b.type === 'h').map((b) => (b.type === 'h' ? b.text : ''))).toEqual([
      '加装电梯解难题',
      '完善配套提品质',
    ]);
    expect(bodyText(a)).not.toContain('纠错');
    expect(bodyText(a)).not.toContain('上一篇');
  });

  it('cleans a gov.cn page: breadcrumb, font-size bar, editor, neighbour dates', () => {
    const a = extractFixture('gov-ucap-content.html', dom);
    expect(a.publishedAt).toBe('2024-05-10T16:05:00+08:00');
    expect(a.source).toBe('应急管理部网站');
    expect(a.editors).toEqual(['孙立']);
    const text = bodyText(a);
    for (const noise of ['当前位置', '字体', '分享', '上一篇', '下一篇']) expect(text).not.toContain(noise);
    expect(text.startsWith('各省、自治区、直辖市应急管理厅（局）：')).toBe(true);
  });

  it('cleans an unknown site by density: login, breadcrumb, link spam, back-links, comments, rankings', () => {
    const a = extractFixture('generic-city-daily.html', dom);
    expect(a.publishedAt).toBe('2024-04-18T07:45:00+08:00');
    expect(a.source).toBe('河湾日报');
    expect(a.authors).toEqual(['韩冬']);
    expect(a.editors).toEqual(['卢佳']);
    expect(a.siteName).toBe('河湾新闻网');
    const text = bodyText(a);
    for (const noise of [
      '怀山县',
      '返回首页',
      '网友评论',
      '点击排行',
      '相关新闻',
      '您的位置',
      '登录',
      '上一篇',
    ])
      expect(text).not.toContain(noise);
    expect(text).toContain('好！');
    expect(a.blocks).toContainEqual({ type: 'h', text: '先治“里子”再治“面子”' });
  });

  it('repairs pinyin and drops ranking, login and county spam on a mirror page', () => {
    const a = extractFixture('mirror-pinyin-spam.html', dom);
    expect(a.title).toBe('南坪市召開營商環境優化大會');
    expect(a.script).toBe('hant');
    expect(a.originalTitle).toBe('南坪市召開營商環境優化大會');
    expect(a.publishedAt).toBe('2023-09-01T09:15:00+08:00');
    expect(a.editors).toEqual(['汪洋', '石蕾']);
    const text = bodyText(a);
    for (const noise of ['(huán)', '排行榜', '通行證', '忘記密碼', '東河縣', '責編'])
      expect(text).not.toContain(noise);
  });

  it('closes a paragraph without its labelled bracket byline, the names going to authors', () => {
    const a = extractFixture('mirror-pinyin-spam.html', dom);
    expect(bodyText(a)).not.toContain('記者');
    expect(bodyText(a).endsWith('評價結果。')).toBe(true);
    expect(a.authors).toEqual(expect.arrayContaining(['丁原', '左青']));
  });

  it('merges a body split into like sections between ad slots', () => {
    const text = bodyText(extractFixture('split-sibling-sections.html', dom));
    expect(text.startsWith('经过八个月的施工')).toBe(true);
    for (const part of ['少拆多补', '生态护坡', '开放首日', '公交公司', '口袋公园'])
      expect(text).toContain(part);
    for (const junk of ['热门文章', '春季花展', '版权所有']) expect(text).not.toContain(junk);
  });

  it('keeps every item of a roundup, each with its heading', () => {
    const a = extractFixture('roundup-items.html', dom);
    const headings = a.blocks.flatMap((b) => (b.type === 'h' ? [b.text] : []));
    expect(headings).toEqual([
      '全省春播进度过半',
      '城市公交开通夜间线路',
      '博物馆推出周末研学活动',
      '高速公路服务区提质升级',
      '山区小学用上新图书室',
    ]);
    expect(bodyText(a)).toContain('每所学校新添图书两千册');
  });

  it('never reads hidden copies (inline style, stylesheet rule, aria-hidden) as body', () => {
    const a = extractFixture('hidden-mobile-copy.html', dom);
    expect(a.blocks.filter((b) => b.type === 'p')).toHaveLength(3);
  });

  it('never repeats a run of paragraphs printed twice', () => {
    const a = extractFixture('repeated-copy-unstyled.html', dom);
    expect(a.blocks.filter((b) => b.type === 'p')).toHaveLength(3);
    expect(bodyText(a).endsWith('又有文化味。')).toBe(true);
  });

  it('keeps the channel label, headline and dateline of a headline box out of the body and the title', () => {
    const a = extractFixture('headline-in-body.html', dom);
    expect(a.title).toBe('全省民营企业座谈会召开');
    expect(a.subtitle).toBe('听取企业家对优化营商环境的意见建议');
    expect(a.publishedAt).toBe('2023-12-01T14:43:00+08:00');
    expect(a.source).toBe('新华社');
    expect(bodyText(a).startsWith('12月1日，全省民营企业座谈会')).toBe(true);
    expect(bodyText(a)).not.toContain('今日关注');
  });

  it('takes the headline above the body when <title> is only the site name, its second line the subtitle', () => {
    const a = extractFixture('headline-br-subtitle.html', dom);
    expect(a.title).toBe('市政府常务会议研究部署夏季安全生产工作');
    expect(a.subtitle).toBe('强调守牢安全底线');
    expect(a.publishedAt).toBe('2024-07-08T00:00:00+08:00');
    expect(bodyText(a).startsWith('7月8日，市政府召开常务会议')).toBe(true);
  });

  it('reads a lead photo printed in its own box between the headline and the body', () => {
    const a = extractFixture('lead-figure-outside-body.html', dom);
    const figure = a.blocks[0];
    expect(figure?.type).toBe('figure');
    expect(figure?.type === 'figure' && figure.caption).toBe('河濱公園的櫻花步道吸引大批民眾前往。');
    expect(a.blocks.filter((b) => b.type === 'p')).toHaveLength(3);
  });

  it("keeps a notice's labelled lines, step headings and attachment links as body", () => {
    const text = bodyText(extractFixture('notice-label-lines.html', dom));
    for (const line of [
      '（一）网上注册和报名',
      '报名时间：2024年6月24日至2024年6月28日',
      '（二）网上打印准考证',
      '1．笔试考试时间',
      '附件1：某县2024年公开招聘社区工作者岗位表.xlsx',
      '附件2：报名登记表.doc',
    ])
      expect(text).toContain(line);
    expect(text).not.toContain('打印本页');
  });

  it('drops the headline group printed again atop the body, up to the dateline', () => {
    const a = extractFixture('headline-group-in-body.html', dom);
    expect(a.title).toBe('某某同志主持召开流域生态保护工作座谈会');
    expect(bodyText(a).startsWith('新华社某地5月20日电')).toBe(true);
  });

  it("ends an account's article at its follow prompt and a portal's disclaimer", () => {
    const a = extractFixture('account-follow-tail.html', dom);
    const text = bodyText(a);
    expect(text.endsWith('公交站点五百米覆盖率将进一步提高。')).toBe(true);
    expect(a.originalTitle).toBe('好消息！城区新增十条公交线路');
    for (const junk of ['来源|', '回复【', '在看', '特别声明']) expect(text).not.toContain(junk);
  });

  it("keeps the report's photo printed after a helpline notice, and drops the notice's lead-in", () => {
    const a = extractFixture('helpline-then-photo.html', dom);
    const text = bodyText(a);
    expect(text).not.toContain('提醒您');
    expect(text).not.toContain('1925');
    expect(text).not.toContain('版權所有');
    const figures = a.blocks.filter((b) => b.type === 'figure');
    expect(figures.map((f) => f.type === 'figure' && (f.caption ?? '') + (f.credit ?? ''))).toEqual([
      expect.stringContaining('河堤步道入夜後照明不足。'),
    ]);
  });
});
