/**
 * The words the officials grammar (people.ts) is built from, all in simplified script: text is
 * folded to simplified through PEOPLE_FOLD (generated from this file) before it is matched.
 */

/** Offices that end a role and stand right before a name: 省委书记王某, 副省长李某, 发言人张某. */
export const HEADS = [
  // party
  '总书记', '书记', '常委', '委员', '组长', '主委',
  // government
  '总理', '国务委员', '省长', '市长', '县长', '区长', '州长', '盟长', '旗长', '镇长', '乡长', '村长',
  '部长', '厅长', '局长', '处长', '科长', '司长', '署长', '主任', '秘书长', '专员', '巡视员', '发言人',
  '特派员', '关长', '所长', '站长', '馆长', '社长', '台长', '校长', '大使', '总领事', '行长', '团长',
  '总编辑', '外长',
  // congress, CPPCC, mass organisations
  '委员长', '主任委员', '主席', '会长', '理事长',
  // courts and procuratorates
  '院长', '检察长', '庭长',
  // military and police
  '司令员', '政委', '参谋长', '政治委员', '督察长',
];

/** Offices that also follow a name as a form of address: 李某总理, 王某书记. */
export const ADDRESS_HEADS = [
  '总书记', '书记', '总理', '主席', '委员长', '省长', '市长', '县长', '区长', '州长', '镇长', '乡长',
  '部长', '厅长', '局长', '院长', '检察长', '秘书长', '主任', '司令员', '政委', '行长', '会长', '社长',
  '大使',
];

/** A level or body before 领导 makes a collective role that heads a list of names: 省领导某某、某某. */
export const COLLECTIVE_LEADERS = /(?:省|市|县|区|州|盟|旗|自治区|中央|国家|全国|镇|乡|街道)领导(?:同志)?$/;

/**
 * Words that end what comes before a role: a role starts after the last of them in the run of
 * Han characters before its office (会议由省委书记某某主持 → 省委书记).
 */
export const ROLE_STOPS = [
  '了', '的', '在', '由', '是', '被', '将', '向', '给', '据', '请', '从', '受', '把', '让', '等', '及',
  '与', '暨', '兼', '并', '又', '也', '还', '即', '现任', '曾任', '时任', '担任', '出任', '任命', '听取',
  '会见', '会晤', '看望', '慰问', '陪同', '邀请', '获悉', '率领', '带领', '表示', '指出', '强调', '介绍',
  '同志', '以及', '上午', '下午', '晚上', '当天', '当日', '昨天', '今天', '近日', '日前', '期间', '会上',
  '会后', '同时', '主持', '出席', '参加', '召开', '宣布', '致辞', '讲话', '发表', '签署', '接见',
  '按照', '根据', '对于', '关于', '其中', '分别', '先后', '一行', '随后', '首先', '最后', '还有',
  '得到', '受到', '获得', '赢得', '得', '获', '而',
];

/** Words that may follow a name (besides punctuation, digits and offices): 某某主持, 某某强调. */
export const NAME_FOLLOWERS = [
  '在', '主持', '出席', '强调', '指出', '讲话', '表示', '说', '等', '参加', '部署', '安排', '到', '赴',
  '来', '调研', '会见', '会晤', '一行', '同志', '作', '做', '对', '就', '代表', '致辞', '致词', '宣布',
  '宣读', '率', '率领', '带领', '带队', '陪同', '考察', '召开', '介绍', '认为', '提及', '提出', '要求',
  '希望', '听取', '前往', '深入', '看望', '慰问', '一同', '同', '为', '主讲', '发言', '回答', '答', '通报',
  '解读', '总结', '及', '和', '与', '向', '分别', '先后', '也', '还', '又', '近日', '日前', '今天',
  '昨天', '上午', '下午', '晚', '称', '讲', '谈', '已', '曾', '是', '签署', '接受', '主政', '任', '担任',
  '兼任', '兼', '走访', '检查', '督导', '实地', '视察', '来到', '参观', '观看', '颁发', '作出', '批示',
  '专程', '一起', '共同', '带来', '用', '此前', '此外', '近期', '先生', '女士', '同期', '专门', '亲自', '充分', '高度', '首先', '随后', '最后',
  '详细', '仔细', '逐一', '的', '了', '所', '将', '则', '并', '即', '于', '以', '从', '把', '给', '向',
  '被', '由', '所作', '会上', '对此', '透露', '坦言', '补充', '告诉', '解释', '主张', '说明', '回应',
  '宣告', '出任', '当选', '辞去', '落马', '接待', '带头', '牵头', '挂帅', '听', '看', '问', '询问',
  '肯定', '感谢', '祝贺', '勉励', '叮嘱', '鼓励', '号召', '呼吁', '倡议', '建议', '提醒', '警示',
];

/** Surnames of two characters; a name may then have four characters (欧阳某某). */
export const COMPOUND_SURNAMES = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒',
  '夏侯', '令狐', '端木', '申屠', '独孤', '南宫', '西门', '百里', '呼延', '万俟', '澹台', '轩辕',
];

/**
 * Characters that belong to offices and bodies, not to names: a name candidate holding one
 * (省委, 党组, 市政府) is part of a role.
 */
export const NOT_IN_NAMES = '委局厅部省市县区镇乡村府办处科署室院组团队副总级届党会议员次位';

/** Surnames officials bear that the reporters' list (byline.ts) leaves out. */
export const EXTRA_SURNAMES = '习傅栗郇逄隗矫郄';

/** Words shaped like a name that are not one: 国家主席 is an office, not 国家 the 主席. */
export const NOT_NAMES = ['国家', '全国', '时任', '现任', '原任', '党和', '万人', '车间'];

/** Countries end a word that looks like a name (但法国总理): a name never ends in one. */
export const NOT_NAME_ENDS = ['法国', '德国', '美国', '英国', '韩国', '泰国', '中国', '俄国', '本国', '各国', '两国', '该国', '我国'];

/** Words ending in an office that name no office of a public body. */
export const NOT_ROLES = ['班主任', '主任医师', '车间主任'];
