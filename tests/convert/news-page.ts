// Invented news pages for the live-toggle tests and benches (never corpus text), modelled on a
// state-media article's markup.
import { createRandom } from './random-text';

const SENTENCES = [
  '记者从市政府新闻发布会上获悉，今年前三季度全市经济运行总体平稳。',
  '会议强调，要着力推进高质量发展，统筹发展和安全。',
  '相关负责人表示，将进一步优化营商环境，支持民营企业发展壮大。',
  '据介绍，新建的数据中心已经投入使用，软件和信息服务业收入稳步增长。',
  '专家认为，乡村振兴需要人才、资金和技术的共同支撑。',
  '该项目总投资约十二亿元，预计明年年底前完工并投入运营。',
  '各级干部要深入基层，倾听群众意见，切实解决群众急难愁盼问题。',
  '在生态环境保护方面，全区森林覆盖率达到百分之四十三。',
  '学校后面的公园里，一只猫正在晒太阳，孩子们在草地上游戏。',
  '发言人指出，这些措施将在下个月正式实施，并接受社会监督。',
  '着眼长远，当地制定了十年发展规划，重点发展先进制造业。',
  '网络安全周期间，志愿者向市民讲解如何防范电信诈骗。',
  '新闻中心的打印机出了问题，工作人员正在联系厂家维修。',
  '图书馆里收藏着大量历史档案，为研究人员提供了宝贵资料。',
  '面对复杂严峻的外部环境，经济发展韧性持续显现。',
];

/** Paragraphs of invented sentences, at least `chars` characters in all, the same for the same seed. */
export function inventParagraphs(chars: number, seed: number): string[] {
  const random = createRandom(seed);
  const paragraphs: string[] = [];
  let total = 0;
  while (total < chars) {
    let p = '';
    const count = 2 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) p += SENTENCES[Math.floor(random() * SENTENCES.length)];
    paragraphs.push(p);
    total += p.length;
  }
  return paragraphs;
}

/** A page shaped like a state-media article: navigation, attributes, code, a translate=no footer. */
export function renderNewsPage(title: string, paragraphs: string[]): string {
  const body = paragraphs
    .map((p, i) =>
      i % 40 === 7
        ? `<p>${p}</p><figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="会议现场图片${i}" title="图片说明${i}"><figcaption>新华社记者 摄</figcaption></figure>`
        : `<p>${p}</p>`,
    )
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width"></head><body>
<div class="header"><nav aria-label="网站导航"><a href="/" title="返回人民网首页">首页</a> <a href="/politics/">时政</a>
<input type="search" placeholder="搜索新闻" value="输入框里的内容"></nav></div>
<div class="main">
<div class="rm_txt" id="article"><h1>${title}</h1>
<div class="col-1-1">2026年11月20日 08:15 | 来源：人民网－人民日报</div>
<div class="rm_txt_con">
${body}
<p><code>var 数据 = "不转换";</code></p>
</div><div class="edit">（责编：王小明、李华）</div></div></div>
<div class="footer" translate="no">人民网版权所有，未经书面授权禁止使用</div>
</body></html>`;
}
