/** `baozhai similar FILE... [--threshold T]`: group pages and captures into stories, one JSON line per story. */
import { parseCommandArgs } from '../args.ts';
import { foldText } from '../../archive/fold.ts';
import { fingerprintArticle, SAME_STORY, similarity, type Fingerprint } from '../../archive/fingerprint.ts';
import { extractFile } from './extract.ts';

const USAGE = `usage: baozhai similar FILE... [--threshold T]
  Groups HTML pages and text captures that tell the same story (a mirror, a reprint, the other
  script). One JSON line per story: its members with their similarity to the first member.
`;

interface Member {
  file: string;
  title: string;
  site: string;
  publishedAt: string;
  fingerprint: Fingerprint;
}

/** Group the named files into stories; resolves to the exit code. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('similar', USAGE, args, {
    allowPositionals: true,
    options: { threshold: { type: 'string' } },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const threshold = values.threshold === undefined ? SAME_STORY : Number(values.threshold);
  if (positionals.length === 0 || !(threshold > 0 && threshold <= 1)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const members: Member[] = [];
  let failed = 0;
  for (const file of positionals) {
    try {
      const article = await extractFile(file, undefined);
      members.push({
        file,
        title: article.title,
        site: article.siteName,
        publishedAt: article.publishedAt,
        fingerprint: fingerprintArticle(article, foldText),
      });
    } catch (error) {
      failed++;
      process.stderr.write(
        `baozhai similar: ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
  }
  for (const [n, group] of groupStories(members, threshold).entries()) {
    const first = group[0]!;
    const line = {
      story: n + 1,
      members: group.map((m) => ({
        file: m.file,
        title: m.title,
        site: m.site,
        publishedAt: m.publishedAt,
        similarity: Math.round(similarity(first.fingerprint, m.fingerprint) * 1000) / 1000,
      })),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return failed ? 1 : 0;
}

/** Single-link groups: members at least `threshold` similar to any member of a group join it. */
function groupStories(members: Member[], threshold: number): Member[][] {
  const parent = members.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (let i = 0; i < members.length; i++)
    for (let j = i + 1; j < members.length; j++)
      if (similarity(members[i]!.fingerprint, members[j]!.fingerprint) >= threshold)
        parent[root(j)] = root(i);
  const groups = new Map<number, Member[]>();
  members.forEach((m, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), m]));
  return [...groups.values()];
}
