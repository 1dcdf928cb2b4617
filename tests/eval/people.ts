// People eval: the officials read from the gov-news pages of the corpus (title + truth body) against
// the hand-checked names and roles in tests/fixtures/people/corpus-truth.json.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPeople } from '../../lib/clean/people.ts';
import { foldForPeople } from '../../lib/clean/people.ts';
import { readTruth, repoRoot } from './corpus.ts';

interface TruthPerson {
  name: string;
  roles: string[];
}

export interface PeoplePage {
  id: string;
  found: TruthPerson[];
  missed: string[];
  extra: string[];
  roleMismatches: string[];
}

export interface PeopleEval {
  pages: PeoplePage[];
  truePositives: number;
  precision: number;
  recall: number;
  /** Of the officials found and expected, the share whose roles are exactly the expected ones. */
  roleAgreement: number;
}

/** Read the hand-checked truth: page id → officials with their roles. */
export function readPeopleTruth(): Record<string, TruthPerson[]> {
  const file = join(repoRoot, 'tests/fixtures/people/corpus-truth.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { pages: Record<string, TruthPerson[]> }).pages;
}

/** Score readPeople on every page of the truth file found in the corpus folder `dir`. */
export function evaluatePeople(dir: string): PeopleEval {
  const truth = readPeopleTruth();
  const pages: PeoplePage[] = [];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let rolesRight = 0;
  for (const [id, expected] of Object.entries(truth)) {
    if (!existsSync(join(dir, id, 'truth.json'))) continue;
    const t = readTruth(dir, id).truth;
    const text = [t.title ?? '', t.body ?? ''].join('\n');
    const found = readPeople(text, { exclude: t.author ? [t.author] : [] });
    const key = (name: string) => foldForPeople(name);
    const wanted = new Map(expected.map((p) => [key(p.name), p]));
    const got = new Map(found.map((p) => [key(p.name), p]));
    const page: PeoplePage = { id, found, missed: [], extra: [], roleMismatches: [] };
    for (const [k, p] of got) {
      const want = wanted.get(k);
      if (!want) {
        fp++;
        page.extra.push(p.name);
        continue;
      }
      tp++;
      if (JSON.stringify(p.roles) === JSON.stringify(want.roles)) rolesRight++;
      else page.roleMismatches.push(`${p.name}: ${p.roles.join('、')} ≠ ${want.roles.join('、')}`);
    }
    for (const [k, p] of wanted) {
      if (got.has(k)) continue;
      fn++;
      page.missed.push(p.name);
    }
    pages.push(page);
  }
  return {
    pages,
    truePositives: tp,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    roleAgreement: tp === 0 ? 1 : rolesRight / tp,
  };
}
