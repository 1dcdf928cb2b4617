/**
 * Pages that carry news words but are documents or listings: procurement notices (招标、中标、采购结果),
 * penalty-decision tables (行政处罚决定) and shop pages. Each is told by the form fields it is built
 * from, which an article only names in passing: a field is a label that opens a text node (a table
 * cell or a "label：value" line), so prose that mentions 采购人 once does not count.
 */

export type DocumentKind = 'procurement' | 'penalty' | 'product';

export interface PageKind {
  kind: DocumentKind;
  /** The fields or words found, for the reason shown. */
  found: string[];
}

const PROCUREMENT_FIELDS = [
  '项目编号',
  '项目名称',
  '采购人',
  '采购单位',
  '采购代理机构',
  '采购方式',
  '预算金额',
  '最高限价',
  '中标金额',
  '成交金额',
  '中标价',
  '中标供应商',
  '成交供应商',
  '中标人',
  '中标单位',
  '中标候选人',
  '投标人',
  '招标人',
  '开标时间',
  '开标地点',
  '投标截止时间',
  '评标委员会成员',
  '采購人',
  '項目編號',
  '項目名稱',
  '預算金額',
  '中標金額',
  '中標人',
  '招標人',
];
const NOTICE_HEADLINE =
  /(中标|中標|成交|招标|招標|采购|採購|询价|詢價|竞争性磋商|竞争性谈判|比选|竞价)[^，。]{0,12}?(公告|公示)/;
const PENALTY_FIELDS = [
  '行政处罚决定书文号',
  '处罚决定书文号',
  '决定书文号',
  '行政相对人名称',
  '当事人',
  '当事人名称',
  '被处罚人',
  '统一社会信用代码',
  '法定代表人',
  '违法行为类型',
  '主要违法事实',
  '违法事实',
  '处罚依据',
  '处罚类别',
  '处罚种类',
  '处罚内容',
  '处罚结果',
  '罚款金额',
  '处罚机关',
  '处罚决定日期',
  '作出处罚决定的日期',
  '當事人',
  '處罰依據',
  '處罰內容',
  '統一社會信用代碼',
];
const PENALTY_HEADLINE = /行政处罚|行政處罰|处罚决定|處罰決定|处罚信息|處罰信息/;
const SHOP_WORDS = [
  '加入购物车',
  '立即购买',
  '购物车',
  '商品编号',
  '商品详情',
  '规格参数',
  '累计评价',
  '月销',
  '库存',
  '运费',
  '包邮',
  '促销价',
  '优惠券',
  'SKU',
  '加入購物車',
  '立即購買',
  '購物車',
  '商品編號',
  '運費',
  '庫存',
  'Add to cart',
];
// Each run of spaces has one place to go, so a label followed by a long blank stays linear.
const PRICE = /[¥￥]\s*\d|(?:价格|價格|售价|售價|单价|單價|促销价|促銷價)\s*(?:[：:]\s*)?(?:[¥￥]\s*)?\d/;
const MIN_FIELDS = 3;

/**
 * One pattern per label, built once: the label opening a line, then a colon or the line's end.
 * Spaces around the label never cross a line break, so a run of blank lines costs one step each.
 */
const LINE_SPACE = '[^\\S\\n\\r\\u2028\\u2029]';
const FIELD_PATTERNS = new Map(
  [...PROCUREMENT_FIELDS, ...PENALTY_FIELDS].map((field) => [
    field,
    new RegExp(`^${LINE_SPACE}*${field}${LINE_SPACE}*(?:[:：]|$)`, 'm'),
  ]),
);

/** Labels from `fields` that open a line of `text` (a text node or a "label：value" line). */
function findFields(text: string, fields: readonly string[]): string[] {
  return fields.filter((field) => FIELD_PATTERNS.get(field)?.test(text));
}

/** Tell a procurement notice, penalty table or product page from the page's text and headline. */
export function readPageKind(pageText: string, headline: string): PageKind | null {
  const procurement = findFields(pageText, PROCUREMENT_FIELDS);
  const notice = NOTICE_HEADLINE.exec(headline)?.[0];
  if (procurement.length >= MIN_FIELDS || (notice && procurement.length >= 1))
    return { kind: 'procurement', found: notice ? [notice, ...procurement] : procurement };
  const penalty = findFields(pageText, PENALTY_FIELDS);
  if (penalty.length >= MIN_FIELDS || (PENALTY_HEADLINE.test(headline) && penalty.length >= 2))
    return { kind: 'penalty', found: penalty };
  const shop = SHOP_WORDS.filter((w) => pageText.includes(w));
  if (shop.length >= 2 && PRICE.test(pageText)) return { kind: 'product', found: shop };
  return null;
}
