import { describe, expect, it } from 'vitest';
import { classifyNoise, isTerminator } from '../../lib/extract/noise.ts';

describe('classifyNoise', () => {
  it.each([
    ['当前位置：首页 > 要闻 > 正文', 'breadcrumb'],
    ['所在位置:首頁 > 地方新聞 > 正文', 'breadcrumb'],
    ['首页 › 政务 › 正文', 'breadcrumb'],
    ['上一篇：某县召开春耕动员会', 'prev-next'],
    ['下一篇 2023-04-02 09:10', 'prev-next'],
    ['相关推荐', 'related'],
    ['【相关新闻】', 'related'],
    ['发表回复', 'comment'],
    ['登录后才能评论', 'comment'],
    ['排行榜一天一周一月', 'ranking'],
    ['登录某某网通行证 立即注册', 'login'],
    ['忘记密码?', 'login'],
    ['（一）网上注册和报名', null],
    ['您所瀏覽的新聞已過查詢時效。建議您加入本社付費會員找尋您要的新聞。', 'members-only'],
    ['本新聞文字、照片專供會員閱覽，版權所有，禁止轉貼。', 'members-only'],
    ['扫描下方二维码关注我们，获取更多出行资讯', 'follow-prompt'],
    ['特别声明：以上文章内容仅代表作者本人观点，不代表示例网观点或立场。', 'disclaimer'],
    ['分享到： 微信 微博 QQ空间', 'share'],
    ['【字号 大 中 小】 打印 关闭', 'share'],
    ['返回首页 | 返回顶部', 'back-link'],
    ['返回某某晚报新闻｜返回首页', 'back-link'],
    ['东岭县| 西河市| 南山区| 北湖旗| 中川县|', 'link-spam'],
    ['首页｜新闻｜图片｜视频｜专题', 'link-spam'],
    ['(0)', 'counter'],
  ])('%s → %s', (line, kind) => {
    expect(classifyNoise(line)).toBe(kind);
  });

  it.each([
    '会议要求，各部门要压缩审批时限，推动更多事项网上办理。',
    '好！',
    '一、压实防汛责任。',
    '先治“里子”再治“面子”',
    '登录系统时遇到问题，可拨打服务热线咨询，工作人员将及时解答。',
    '他说：“分享经验，共同进步。”',
  ])('keeps content: %s', (line) => {
    expect(classifyNoise(line)).toBeNull();
  });

  it('treats related lists, neighbours, comments and rankings as the end of a capture', () => {
    expect(isTerminator('related')).toBe(true);
    expect(isTerminator('prev-next')).toBe(true);
    expect(isTerminator('share')).toBe(false);
  });
});
