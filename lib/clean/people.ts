/**
 * Officials named in an article with the offices the text gives them: a chain of offices, then the
 * name (省委书记、省人大常委会主任王某某), a collective role heading a list (省领导某某、某某), or a
 * name followed by its office (李某总理). Names and roles are returned exactly as printed.
 */
import type { Article, Person } from '../article/record.ts';
import { readBlockLines } from '../article/body-text.ts';
import { SURNAMES } from '../extract/byline.ts';
import { PEOPLE_FOLD } from './people-fold.ts';
import {
  ADDRESS_HEADS,
  COLLECTIVE_LEADERS,
  COMPOUND_SURNAMES,
  EXTRA_SURNAMES,
  HEADS,
  NAME_FOLLOWERS,
  NOT_IN_NAMES,
  NOT_NAME_ENDS,
  NOT_NAMES,
  NOT_ROLES,
  ROLE_STOPS,
} from './people-lexicon.ts';

/** Longest role we accept: real chains of bodies and offices stay well below this. */
const MAX_ROLE = 24;
const HAN = /\p{Script=Han}/u;
const MIDDLE_DOTS = '·・•‧⋅';

let foldTable: Uint16Array | undefined;
const utf16 = new TextDecoder('utf-16le');

function foldTableOf(): Uint16Array {
  if (foldTable) return foldTable;
  const table = new Uint16Array(0x10000);
  for (let i = 0; i < table.length; i++) table[i] = i;
  for (let i = 0; i + 1 < PEOPLE_FOLD.length; i += 2)
    table[PEOPLE_FOLD.charCodeAt(i)] = PEOPLE_FOLD.charCodeAt(i + 1);
  foldTable = table;
  return table;
}

/** Fold the lexicon's traditional characters to simplified, one code unit for one: offsets stay valid. */
export function foldForPeople(text: string): string {
  const table = foldTableOf();
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = table[text.charCodeAt(i)]!;
  return utf16.decode(out);
}

const byLength = (words: readonly string[]) => [...new Set(words)].sort((a, b) => b.length - a.length);
// 领导 ends a role only in a collective one (省领导), checked where the role is read.
const HEAD_LIST = byLength([...HEADS, '领导']);
const ADDRESS_LIST = byLength(ADDRESS_HEADS);
const FOLLOWER_LIST = byLength([...NAME_FOLLOWERS, ...HEADS]);
const STOP_LIST = byLength(ROLE_STOPS);
const NOT_IN_NAME = new Set(NOT_IN_NAMES);
const HEAD_PATTERN = new RegExp(HEAD_LIST.join('|'), 'g');
const ADDRESS_PATTERN = new RegExp(`(?:${ADDRESS_LIST.join('|')})`, 'g');
// Level markers that make 和/及 start a new phrase rather than join two bodies (住房和城乡建设厅).
const LEVEL_AFTER_AND = /^(?:省|市|县|区|州|乡|镇|全国|国务院|自治区)/;

const BODY_ENDS = '会局委部厅府院办处室';
// Words indexed by their first character: each position of a long text is checked against a few.
function indexByFirst(words: readonly string[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const w of words) index.set(w[0]!, [...(index.get(w[0]!) ?? []), w]);
  return index;
}
const FOLLOWERS_BY_FIRST = indexByFirst(FOLLOWER_LIST);
const STOPS_BY_FIRST = indexByFirst(STOP_LIST);
const wordAt = (index: Map<string, string[]>, text: string, at: number) =>
  index.get(text[at] ?? '')?.find((w) => text.startsWith(w, at));

const isHan = (c: string | undefined) => c !== undefined && HAN.test(c);
const isDot = (c: string | undefined) => c !== undefined && MIDDLE_DOTS.includes(c);

interface Found {
  name: string;
  roles: string[];
  at: number;
}

/** A name may start at `at` of the folded text: its length, or 0. */
function nameAt(folded: string, at: number, lengths: readonly number[] = [2, 3, 4]): number {
  const dotted = dottedNameAt(folded, at);
  if (dotted) return dotted;
  const valid = lengths.filter((n) => isNameShape(folded, at, n) && endsName(folded, at + n));
  if (valid.length === 0) return 0;
  if (valid.length === 1) return valid[0]!;
  // Two readings (王某说，/ 吴某作了): the shorter, unless the text prints the longer again and never
  // the shorter without that extra character.
  const short = valid[0]!;
  const long = valid[valid.length - 1]!;
  const extra = folded[at + short] ?? '';
  if ('说等称讲在'.includes(extra)) return short;
  const shortName = folded.slice(at, at + short);
  const longName = folded.slice(at, at + long);
  return countOf(folded, longName) >= 2 && countOf(folded, shortName) === countOf(folded, longName)
    ? long
    : short;
}

// 艾尔肯·吐尼亚孜: parts joined by a middle dot; the last part ends at the first place a name can.
function dottedNameAt(folded: string, at: number): number {
  let i = at;
  for (let parts = 1; parts <= 3; parts++) {
    let end = i;
    while (isHan(folded[end]) && !NOT_IN_NAME.has(folded[end]!) && end - i < 8) end++;
    if (end === i) return 0;
    if (isDot(folded[end]) && parts < 3) {
      i = end + 1;
      continue;
    }
    if (parts === 1) return 0;
    for (let stop = i + 1; stop <= end; stop++) if (endsName(folded, stop)) return stop - at;
    return 0;
  }
  return 0;
}

function isNameShape(folded: string, at: number, length: number): boolean {
  const name = folded.slice(at, at + length);
  if (name.length !== length || !Array.from(name).every((c) => isHan(c))) return false;
  const compound = COMPOUND_SURNAMES.includes(name.slice(0, 2));
  if (length === 4 && !compound) return false;
  if (!compound && !SURNAMES.has(name[0]!) && !EXTRA_SURNAMES.includes(name[0]!)) return false;
  if (NOT_NAMES.some((w) => name.startsWith(w)) || NOT_NAME_ENDS.some((w) => name.endsWith(w))) return false;
  // 总书记强调: a word that follows names is not a name (强 is also a surname).
  if (FOLLOWER_LIST.some((w) => w.length >= 2 && name.startsWith(w))) return false;
  return !Array.from(name.slice(1)).some((c) => NOT_IN_NAME.has(c));
}

/** What follows a name: punctuation, a digit, the end, or a word that follows names. */
function endsName(folded: string, end: number): boolean {
  const next = folded[end];
  if (next === undefined || !isHan(next)) return true;
  return wordAt(FOLLOWERS_BY_FIRST, folded, end) !== undefined;
}

function countOf(text: string, word: string): number {
  let count = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) count++;
  return count;
}

/** Start of the role that ends at `end` with an office, or -1; it never reaches back past `floor`. */
function roleStart(folded: string, end: number, floor: number): number {
  const head = HEAD_LIST.find((h) => folded.startsWith(h, end - h.length));
  if (!head) return -1;
  let start = end - head.length;
  while (start > floor && isHan(folded[start - 1]) && end - start < MAX_ROLE) start--;
  // Right after the previous official's name (甲和新华社社长乙): a joining word is no part of the role.
  if (start === floor && start > 0 && '和及与'.includes(folded[start] ?? '')) start++;
  // A run glued to a date (19日省委书记): the date's last character is not part of the role.
  if (/[\d０-９]/.test(folded[start - 1] ?? '') && /[日月年号]/.test(folded[start] ?? '')) start++;
  const bodyEnd = end - head.length;
  for (let i = bodyEnd - 1; i >= start; i--) {
    const stop = STOPS_BY_FIRST.get(folded[i]!)?.find(
      (w) => folded.startsWith(w, i) && i + w.length <= bodyEnd,
    );
    if (!stop) continue;
    // 和/与/及 join two bodies (住房和城乡建设厅) unless a level follows or a name precedes (甲与市长乙).
    const joins = '及和与'.includes(stop);
    if (joins && !LEVEL_AFTER_AND.test(folded.slice(i + 1)) && !isNameShape(folded, start, i - start))
      continue;
    return i + stop.length;
  }
  return start;
}

/** The chain of roles ending at `end` (市委常委、常务副市长、市政协副主席), first to last. */
function rolesEndingAt(text: string, folded: string, end: number, floor: number): string[] {
  const roles: string[] = [];
  let stop = end;
  for (;;) {
    const start = roleStart(folded, stop, floor);
    if (start < 0 || start >= stop || NOT_ROLES.includes(folded.slice(start, stop))) break;
    roles.unshift(text.slice(start, stop));
    const sep = folded[start - 1];
    if (sep !== '、' && sep !== '兼') break;
    stop = start - 1;
  }
  return roles;
}

// One space (新闻发言人 某某) or a short rank in brackets (主任（副部长级）某某) may stand before the name.
function nameStartAfter(folded: string, end: number): number {
  if (folded[end] === ' ' && isHan(folded[end + 1])) return end + 1;
  if (folded[end] === '（' || folded[end] === '(') {
    const close = folded.slice(end, end + 10).search(/[）)]/);
    if (close > 1) return end + close + 1;
  }
  return end;
}

function readChains(text: string, folded: string): Found[] {
  const found: Found[] = [];
  let lastNameEnd = 0;
  for (const match of folded.matchAll(HEAD_PATTERN)) {
    const end = match.index + match[0].length;
    const at = nameStartAfter(folded, end);
    const length = nameAt(folded, at);
    if (!length) continue;
    const roles = rolesEndingAt(text, folded, end, lastNameEnd);
    const role = roles[roles.length - 1];
    if (!role) continue;
    const collective = match[0] === '领导';
    if (collective && (roles.length > 1 || !COLLECTIVE_LEADERS.test(foldForPeople(role)))) continue;
    found.push({ name: text.slice(at, at + length), roles, at });
    lastNameEnd = at + length;
    if (collective) found.push(...readList(text, folded, at + length, role));
  }
  return found;
}

/** The names after the first one in a collective list: 省领导甲、乙、丙参加会议. */
function readList(text: string, folded: string, from: number, role: string): Found[] {
  const found: Found[] = [];
  let at = from;
  while (folded[at] === '、') {
    const length = nameAt(folded, at + 1, [2, 3, 4]) || listItemAt(folded, at + 1);
    if (!length) break;
    found.push({ name: text.slice(at + 1, at + 1 + length), roles: [role], at: at + 1 });
    at += 1 + length;
  }
  return found;
}

// Inside a list a name is bounded by 、 on both sides.
function listItemAt(folded: string, at: number): number {
  for (const n of [2, 3, 4]) if (isNameShape(folded, at, n) && folded[at + n] === '、') return n;
  return 0;
}

/** Names followed by an office of address (李某总理): only for names no chain gave a role. */
function readAddressed(text: string, folded: string, known: Set<string>): Found[] {
  const found: Found[] = [];
  for (const match of folded.matchAll(ADDRESS_PATTERN)) {
    const start = match.index;
    const end = start + match[0].length;
    // 副书记 / 省委书记: the office belongs to a body, not to a name before it.
    if (isHan(folded[end]) && nameAt(folded, end)) continue;
    for (const n of [3, 2]) {
      const at = start - n;
      if (at < 0 || !isNameShape(folded, at, n)) continue;
      const before = folded[at - 1];
      // Before the name: punctuation, a word that ends a phrase, or a body (联合会某某秘书长).
      const bounded =
        !isHan(before) ||
        BODY_ENDS.includes(before!) ||
        STOP_LIST.some((w) => folded.startsWith(w, at - w.length)) ||
        known.has(folded.slice(at, start));
      if (!bounded) continue;
      if (!known.has(folded.slice(at, start)))
        found.push({ name: text.slice(at, start), roles: [text.slice(start, end)], at });
      break;
    }
  }
  return found;
}

export interface PeopleOptions {
  /** Reporters and editors of the article: never officials. */
  exclude?: readonly string[];
}

/** Read the officials a text names, with their roles, in order of first mention. */
export function readPeople(text: string, options: PeopleOptions = {}): Person[] {
  const folded = foldForPeople(text);
  const exclude = new Set((options.exclude ?? []).map(foldForPeople));
  const chains = readChains(text, folded);
  const known = new Set(chains.map((f) => foldForPeople(f.name)));
  const all = [...chains, ...readAddressed(text, folded, known)].sort((a, b) => a.at - b.at);
  const people = new Map<string, Person & { first: number }>();
  for (const f of all) {
    const key = foldForPeople(f.name);
    if (exclude.has(key)) continue;
    const person = people.get(key);
    if (!person) {
      const roles: string[] = [];
      for (const role of f.roles) addRole(roles, role);
      people.set(key, { name: f.name, roles, mentions: 0, first: firstMention(folded, key, f.at) });
      continue;
    }
    for (const role of f.roles) addRole(person.roles, role);
  }
  return [...people.entries()]
    .map(([key, p]) => ({ name: p.name, roles: p.roles, mentions: countOf(folded, key), first: p.first }))
    .sort((a, b) => a.first - b.first)
    .map(({ name, roles, mentions }) => ({ name, roles, mentions }));
}

// The same office printed with and without its body (发言人 / 证监会发言人) is one role: the longer.
function addRole(roles: string[], role: string): void {
  const folded = foldForPeople(role);
  const i = roles.findIndex((r) => {
    const kept = foldForPeople(r);
    return kept.endsWith(folded) || folded.endsWith(kept);
  });
  if (i < 0) roles.push(role);
  else if (role.length > roles[i]!.length) roles[i] = role;
}

function firstMention(folded: string, key: string, fallback: number): number {
  const at = folded.indexOf(key);
  return at >= 0 ? at : fallback;
}

/** The officials of an article record: headline, body and captions read, reporters and editors left out. */
export function readArticlePeople(
  article: Pick<Article, 'kicker' | 'title' | 'subtitle' | 'blocks' | 'authors' | 'editors'>,
): Person[] {
  const lines = [article.kicker, article.title, article.subtitle, ...readBlockLines(article)];
  return readPeople(lines.filter(Boolean).join('\n'), { exclude: [...article.authors, ...article.editors] });
}
