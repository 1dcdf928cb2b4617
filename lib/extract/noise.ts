/** Line-level noise rules shared by DOM and plain-text extraction. */
import { keyOf } from '../text/whitespace.ts';

export type NoiseKind =
  | 'breadcrumb'
  | 'prev-next'
  | 'related'
  | 'comment'
  | 'login'
  | 'ranking'
  | 'share'
  | 'back-link'
  | 'link-spam'
  | 'counter'
  | 'app-promo'
  | 'disclaimer'
  | 'members-only'
  | 'follow-prompt';

const BREADCRUMB_LABEL =
  /^(?:您?(?:的|现在|現在)?(?:所在|当前|當前)?(?:的)?位置|当前页|當前頁|当前阅读|當前閱讀)\s*[:：]/;
// (?<!\s): start only where a run of spaces starts, or a long run is rescanned from each space.
const CRUMB_SEP = /(?<!\s)\s*(?:>|＞|›|»|→|》|\/)\s*/;
const PREV_NEXT =
  /^[【[]?\s*(?:上一篇|下一篇|上一條|下一條|上一条|下一条|上篇|下篇|上一页|下一页|上一頁|下一頁|上一个|下一个)\s*[】\]]?\s*[:：]?/;
const RELATED =
  /^[【[]?\s*(?:相关|相關|延伸|推荐|推薦|热门|熱門|热点|熱點|精彩|更多|猜你|为你|為你|最新|今日|编辑|編輯)(?:推荐|推薦|新闻|新聞|阅读|閱讀|文章|链接|鏈接|报道|報道|稿件|专题|專題|视频|視頻|图片|圖片|喜欢|喜歡|推送)*\s*(?:[】\]]\s*)?[:：]?$/;
const COMMENT =
  /^(?:发表(?:回复|回覆|评论|評論)|網友評論|网友评论|我要评论|我要評論|全部评论|全部評論|最新评论|最新評論|热门评论|評論|评论|登录后才能评论|登錄後才能評論|已有\d+(?:人|条)(?:参与|评论)|\d+\s*条评论|查看评论|写评论|写下你的评论)/;
const LOGIN =
  /(?:登录|登錄|注册|註冊|忘记密码|忘記密碼|通行证|通行證|用户名|用戶名|密码|密碼|立即登|退出登录)/;
const LOGIN_WORDS = new RegExp(LOGIN.source, 'g');
const RANKING =
  /^(?:排行榜|排行|点击排行|點擊排行|热门排行|熱門排行|阅读排行|閱讀排行|热度排行|一天|一周|一月|24小时|周排行|月排行)/;
const SHARE_WORDS = new Set([
  '分享',
  '分享到',
  '微信',
  '微博',
  'qq',
  'qq空间',
  'qzone',
  '朋友圈',
  '扫一扫',
  '掃一掃',
  '打印',
  '打印本页',
  '关闭',
  '關閉',
  '关闭窗口',
  '收藏',
  '纠错',
  '糾錯',
  '字号',
  '字號',
  '大',
  '中',
  '小',
  '默认',
  '复制链接',
  '複製鏈接',
  '分享至',
  '新浪微博',
  '腾讯微博',
  '人人网',
  '豆瓣',
  '抖音',
  '客户端',
  '手机看',
  '手機看',
  '举报',
  '舉報',
  '点赞',
  '點贊',
  '顶部',
  '頂部',
  '返回',
  '返回顶部',
  '返回頂部',
  '返回首页',
  '返回首頁',
  '返回列表',
  '返回目录',
  'top',
  '分享到微信',
  '分享到微博',
  '微信扫一扫',
  '用微信扫描二维码',
  '二维码',
  '手机版',
  '電腦版',
  '电脑版',
  '评论',
  '評論',
  '字体',
  '字體',
  '放大',
  '缩小',
  '縮小',
  '关注',
  '關注',
]);
const BACK_LINK = /^(?:返回|回到)\S{0,12}$/;

// Suicide-reporting guidelines (WHO; Taiwan's and Hong Kong's press codes) make news sites append a
// helpline notice: "自殺防治專線：1925", "生命線：1995", led by a line such as "《某報》關心您".
const HELPLINE = /^[^。，！？]{0,16}(?:專線|专线|熱線|热线|生命線|生命线)[^。，！？\d]{0,6}\d[\d-]{2,}/;
const CARE_TOPIC = /(?:自殺|自杀|輕生|轻生|珍惜生命|生命線|生命线|心理諮詢|心理咨询|心理援助)/;
const CARE_PHRASE = /(?:關心您|关心您|關心你|关心你|珍惜生命|(?:給|给)自己(?:一次)?(?:機會|机会))/;
// "歡迎下載某某APP", "iOS載點 https://…": the outlet's app promotion closing the article.
const APP_PROMO =
  /(?:下載|下载|安裝|安装)[^。，！？]{0,16}(?:APP|App|app|客戶端|客户端)|(?:載點|载点|下载地址|下載地址)/;

// A portal's reprint disclaimer closing the article: "特别声明：以上文章内容仅代表作者本人观点，不代表某网观点".
const DISCLAIMER =
  /(?:仅代表|僅代表)(?:原?作者)(?:本人|个人|個人)?的?(?:观点|觀點|立场|立場)|不代表本?[\u3400-\u9fff]{0,6}(?:网|網|站|平台|号|號)的?(?:观点|觀點|立场|立場)/;
// An account's closing call to follow it ("扫描下方二维码解锁更多技能", "长按识别二维码关注我们"): what
// follows is the account's menu, not the article.
const FOLLOW_PROMPT =
  /(?:扫描|掃描|长按|長按|识别|識別|扫码|掃碼|扫一扫|掃一掃)[^。！？]{0,10}(?:关注|關注|订阅|訂閱|解锁更多|解鎖更多|获取更多|獲取更多|了解更多)/;

// A notice that the text is for paying members ("本新聞文字、照片專供會員閱覽", "已過查詢時效，請加入付費會員").
const MEMBERS_ONLY =
  /(?:會員|会员)[^。！？]{0,12}(?:閱覽|阅览|閱讀|阅读|找尋|找寻|收看)|(?:已過|已过)(?:查詢|查询)(?:時效|时效)/;

/** A helpline line of a suicide-prevention notice, given the lines just before it. */
export function isHelplineNotice(line: string, before: string[]): boolean {
  if (line.length > 60 || !HELPLINE.test(line)) return false;
  return CARE_TOPIC.test(line) || before.some((b) => CARE_TOPIC.test(b) || CARE_PHRASE.test(b));
}

/** A short lead-in line of a helpline notice ("《某報》關心您", "請珍惜生命。"). */
export function isCareLeadIn(line: string): boolean {
  return line.length <= 40 && CARE_PHRASE.test(line);
}

/** Classify a line of page text as a known kind of boilerplate, or null when it may be content. */
export function classifyNoise(line: string): NoiseKind | null {
  const text = line.trim();
  if (!text) return 'counter';
  if (text.length <= 200 && isBreadcrumb(text)) return 'breadcrumb';
  if (text.length <= 120 && PREV_NEXT.test(text)) return 'prev-next';
  if (text.length <= 20 && RELATED.test(text)) return 'related';
  if (text.length <= 30 && COMMENT.test(text)) return 'comment';
  if (text.length <= 30 && RANKING.test(text)) return 'ranking';
  if (isLinkSpam(text)) return 'link-spam';
  if (text.length <= 40 && isBackLinks(text)) return 'back-link';
  if (text.length <= 40 && isShareBar(text)) return 'share';
  if (text.length <= 30 && isLoginBar(text)) return 'login';
  if (text.length <= 80 && APP_PROMO.test(text)) return 'app-promo';
  if (text.length <= 200 && DISCLAIMER.test(text)) return 'disclaimer';
  if (text.length <= 80 && MEMBERS_ONLY.test(text)) return 'members-only';
  if (text.length <= 40 && FOLLOW_PROMPT.test(text)) return 'follow-prompt';
  if (/^[(（[]?\s*(?:\d{1,6}\s*)?[)）\]]?$/.test(text)) return 'counter';
  return null;
}

/** Lines after which, once a body is under way, the rest of a capture is page furniture. */
export function isTerminator(kind: NoiseKind | null): boolean {
  return (
    kind === 'prev-next' ||
    kind === 'related' ||
    kind === 'comment' ||
    kind === 'ranking' ||
    kind === 'app-promo' ||
    kind === 'disclaimer' ||
    kind === 'follow-prompt'
  );
}

// A login bar is made of its words ("登录 | 注册", "忘记密码？"); a notice's step "（一）网上注册和报名"
// names registration among other words and is body.
function isLoginBar(text: string): boolean {
  if (!LOGIN.test(text) || /[。！？]/.test(text)) return false;
  return (text.match(LOGIN_WORDS)?.length ?? 0) >= 2 || keyOf(text.replace(LOGIN_WORDS, '')).length <= 4;
}

function isBreadcrumb(text: string): boolean {
  if (BREADCRUMB_LABEL.test(text)) return true;
  const parts = text.split(CRUMB_SEP).filter(Boolean);
  // "首页 > 要闻 > 正文": several short segments, one of them a home or body marker.
  return (
    parts.length >= 3 &&
    parts.every((p) => p.length <= 12) &&
    parts.some((p) => /^(首页|首頁|主页|主頁|正文|网站首页|網站首頁|home)$/i.test(p))
  );
}

function isLinkSpam(text: string): boolean {
  const parts = text.split(/(?<!\s)\s*[|｜]\s*/).filter(Boolean);
  if (parts.length < 4) return false;
  const short = parts.filter((p) => p.length <= 10 && !/[。，！？]/.test(p)).length;
  return short / parts.length >= 0.8;
}

const SHARE_BAR_SPLIT = /[\s|｜:：,，、/·•]+/;

// Every token a share word; keyed one by one, so a sentence stops at its first token.
function isShareBar(text: string): boolean {
  let tokens = 0;
  for (const part of text.split(SHARE_BAR_SPLIT)) {
    const token = keyOf(part);
    if (!token) continue;
    if (!SHARE_WORDS.has(token)) return false;
    tokens++;
  }
  return tokens > 0;
}

function isBackLinks(text: string): boolean {
  const tokens = text.split(/\s*[|｜\s]\s*/).filter(Boolean);
  return (
    tokens.some((t) => BACK_LINK.test(t)) &&
    tokens.every((t) => BACK_LINK.test(t) || SHARE_WORDS.has(keyOf(t)))
  );
}
