import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../lib/archive/fold.ts';
import { computePeopleFold } from '../../scripts/people-fold.ts';
import { PEOPLE_FOLD } from '../../lib/clean/people-fold.ts';
import { foldForPeople, readArticlePeople, readPeople } from '../../lib/clean/people.ts';
import { extractFromText } from '../../lib/clean/article.ts';
import { evaluatePeople } from '../eval/people.ts';
import { hasShared, sharedDir } from '../extract/shared.ts';

const names = (text: string) => readPeople(text).map((p) => p.name);
const roles = (text: string) => Object.fromEntries(readPeople(text).map((p) => [p.name, p.roles]));

describe('the people fold table', () => {
  it('is what the generator makes from the lexicon and opencc-js', async () => {
    expect(PEOPLE_FOLD).toBe(await computePeopleFold());
  });

  it('folds each traditional form as the archive search folds it', () => {
    for (let i = 0; i < PEOPLE_FOLD.length; i += 2) {
      const trad = PEOPLE_FOLD[i]!;
      expect(foldForPeople(trad), trad).toBe(PEOPLE_FOLD[i + 1]);
    }
    expect(foldForPeople('市委書記、市長張國清')).toBe(foldText('市委書記、市長張國清'));
  });
});

// Sentences written for these tests in the form government news uses.
describe('readPeople', () => {
  it('reads a chain of offices before a name and counts later mentions', () => {
    const text =
      '6月3日，全市工作会议召开。市委书记、市人大常委会主任周明远出席并讲话，市委副书记、市长韩立新主持会议。周明远指出，要抓好落实。按照周明远书记要求，韩立新作了部署。';
    expect(readPeople(text)).toEqual([
      { name: '周明远', roles: ['市委书记', '市人大常委会主任'], mentions: 3 },
      { name: '韩立新', roles: ['市委副书记', '市长'], mentions: 2 },
    ]);
  });

  it('reads 兼 chains, rank prefixes and bodies joined by 和', () => {
    expect(roles('省委常委、宣传部部长兼省文明办主任冯晓岚，省住房和城乡建设厅厅长钱振国出席。')).toEqual({
      冯晓岚: ['省委常委', '宣传部部长', '省文明办主任'],
      钱振国: ['省住房和城乡建设厅厅长'],
    });
    expect(roles('县委常委、常务副县长孔德平，县政协名誉主席杜海川，市委第一副书记石磊参加。')).toEqual({
      孔德平: ['县委常委', '常务副县长'],
      杜海川: ['县政协名誉主席'],
      石磊: ['市委第一副书记'],
    });
  });

  it('gives every name of an attendee list its collective role', () => {
    expect(readPeople('区领导汤志刚、蒋文华、欧阳晓明参加会议。')).toEqual([
      { name: '汤志刚', roles: ['区领导'], mentions: 1 },
      { name: '蒋文华', roles: ['区领导'], mentions: 1 },
      { name: '欧阳晓明', roles: ['区领导'], mentions: 1 },
    ]);
  });

  it('reads traditional script with names and roles as printed', () => {
    expect(roles('昨天，市委書記梁永康，市委副書記、市長鄧國華到區裡調研。')).toEqual({
      梁永康: ['市委書記'],
      鄧國華: ['市委副書記', '市長'],
    });
  });

  it('cuts the role at the words before it and the name at the words after it', () => {
    expect(roles('会议由自治区党委书记艾尔肯·吐尼亚孜主持。')).toEqual({
      '艾尔肯·吐尼亚孜': ['自治区党委书记'],
    });
    expect(roles('在省委书记潘建设的陪同下，代表团参观了园区。')).toEqual({ 潘建设: ['省委书记'] });
    expect(roles('外交部发言人戴明说，双方将继续沟通。')).toEqual({ 戴明: ['外交部发言人'] });
    expect(roles('国务院总理贾立群强调，要稳住经济大盘。')).toEqual({ 贾立群: ['国务院总理'] });
  });

  it('reads a name before its office of address when no chain named it', () => {
    expect(roles('记者获悉，冉启明总理2日在会上表示，要扩大开放。')).toEqual({ 冉启明: ['总理'] });
  });

  it('finds no official in offices without a name, in words after an office, or in reporters', () => {
    expect(names('市委常委、副市长，市直有关部门主要负责同志参加会议。')).toEqual([]);
    expect(names('会议强调，要落实市委书记讲话精神。总书记强调，要团结奋斗。')).toEqual([]);
    expect(names('（本报记者 齐思远、杭雪）')).toEqual([]);
    expect(readPeople('市长孙立平出席。记者孙立平', { exclude: ['孙立平'] })).toEqual([]);
  });
});

describe.skipIf(!hasShared)('people in the seeds (../shared/seeds)', () => {
  const seed = (prefix: string) => {
    const dir = path.join(sharedDir, 'seeds');
    const file = readdirSync(dir).find((f) => f.startsWith(prefix))!;
    return extractFromText(readFileSync(path.join(dir, file), 'utf8'));
  };
  const table = (prefix: string) => Object.fromEntries(seed(prefix).people.map((p) => [p.name, p.roles]));

  it('000: the three provincial leaders with their roles, the attendees, no reporter', () => {
    const article = seed('000');
    expect(table('000')).toEqual({
      王东峰: ['省委书记', '省人大常委会主任'],
      许勤: ['省委副书记', '省长'],
      袁桐利: ['省委常委', '常务副省长'],
      高志立: ['省领导'],
      时清霜: ['省领导'],
    });
    expect(article.people[0]).toMatchObject({ name: '王东峰', mentions: 10 });
    for (const reporter of ['赵威', '四建磊', '庞超'])
      expect(article.people.map((p) => p.name)).not.toContain(reporter);
  });

  it('001: the traditional mirror, leaders and the attendee list as printed, no editor', () => {
    const people = table('001');
    expect(people['王東峰']).toEqual(['省委書記', '省人大常委會主任']);
    expect(people['王正譜']).toEqual(['省委副書記', '省長']);
    expect(people['廉毅敏']).toEqual(['省委副書記']);
    for (const name of ['張超超', '劉昌林', '張政', '葛海蛟', '柯俊', '董曉宇', '高云霄', '胡啟生', '張古江'])
      expect(people[name]).toEqual(['省領導']);
    for (const staff of ['趙威', '四建磊', '尹翠莉', '何美萱', '施云娟'])
      expect(people[staff]).toBeUndefined();
  });

  it('002: the city leaders, the attendee list and the secretary-general', () => {
    expect(table('002')).toEqual({
      朱晓东: ['忻州市委书记'],
      李建国: ['市委副书记', '市长'],
      温建军: ['市领导'],
      罗志宏: ['市领导'],
      郭建平: ['市领导'],
      崔峥岭: ['市领导'],
      张艮生: ['市政府秘书长'],
    });
  });

  it('003: the four Tianjin leaders in traditional script, no reporter', () => {
    expect(table('003')).toEqual({
      李鴻忠: ['市委書記'],
      張國清: ['市委副書記', '市長'],
      段春華: ['市人大常委會主任'],
      盛茂林: ['市政協主席'],
    });
  });

  it('004: the seven officials with their roles, no reporter', () => {
    expect(table('004')).toEqual({
      蔡奇: ['市委书记'],
      陈吉宁: ['市委副书记', '市长'],
      李伟: ['市人大常委会主任'],
      魏小东: ['市政协主席'],
      张延昆: ['市委副书记', '市人大常委会副主任'],
      邹晓东: ['中央和国家机关工委副书记'],
      崔述强: ['市委常委', '常务副市长', '市政协副主席'],
    });
  });

  it('readArticlePeople reads the record the same way extraction does', () => {
    const article = seed('004');
    expect(readArticlePeople(article)).toEqual(article.people);
  });
});

describe.skipIf(!hasShared)('people on the hand-checked gov-news pages of the corpus', () => {
  it('precision ≥ 0.95 and recall ≥ 0.9', () => {
    const result = evaluatePeople(path.join(sharedDir, 'corpus'));
    expect(result.truePositives).toBeGreaterThanOrEqual(70);
    expect(result.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.recall).toBeGreaterThanOrEqual(0.9);
  });
});
