import * as v from 'valibot';
import type { ArchiveDb } from '../archive/db';
import { toArchiveError } from '../archive/errors';
import { siteOf } from '../archive/tables/clippings';
import { buildFingerprintRow, writeLookupRows } from '../archive/tables/fingerprints';
import { buildSearchRow } from '../archive/tables/search-index';
import { updateOrder } from '../archive/tables/order';
import { packSearchRows } from '../archive/tables/search-packs';
import type { Clipping } from '../archive/types';
import { readArticlePeople } from '../clean/people';
import { normalisePublishedAt } from '../article/valid';
import { CLIPPINGS_FORMAT, CLIPPINGS_VERSION, ClippingSchema, MAX_IMPORT_CLIPPINGS } from './format';

/** Why a whole file was refused; `message` says what to fix, in English (the popup localises the code). */
export interface ImportProblem {
  code:
    | 'empty'
    | 'not-json'
    | 'truncated'
    | 'not-object'
    | 'wrong-format'
    | 'future-version'
    | 'bad-version'
    | 'no-clippings'
    | 'too-many'
    | 'bad-records'
    | 'duplicate-ids'
    | 'storage';
  message: string;
  /** Per-record problems, "clipping #3 (id …): title: …", first few only. */
  details: string[];
}

export type SkipReason = 'identical' | 'stored-is-newer' | 'duplicate-in-file';

export interface ImportReport {
  added: string[];
  updated: string[];
  skipped: Array<{ id: string; reason: SkipReason }>;
}

export type ParsedImport = { ok: true; clippings: Clipping[] } | { ok: false; problem: ImportProblem };

const MAX_DETAILS = 10;

function fail(code: ImportProblem['code'], message: string, details: string[] = []): ParsedImport {
  return { ok: false, problem: { code, message, details } };
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  if (issue.type === 'max_length' && typeof issue.input === 'string') {
    return `${path}: too long (${issue.input.length} characters, at most ${String(issue.requirement)})`;
  }
  if (issue.kind === 'schema' && issue.expected === 'never') return `${path}: unknown field`;
  if (issue.received === 'undefined' && issue.kind === 'schema') return `${path}: missing`;
  return `${path ? `${path}: ` : ''}${issue.message}`;
}

/**
 * A short description of any JSON value for a message: strings and numbers quoted as JSON, lists
 * and objects by kind only (stringifying a deeply nested one throws RangeError).
 */
function describeValue(value: unknown, max: number): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, max));
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
}

// A file cut short leaves a string or a bracket open; engines word that error differently, so
// decide from the text itself.
function looksTruncated(text: string): boolean {
  const open: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b)
      open.push(c + 2); // the matching } or ]
    else if (c === 0x7d || c === 0x5d) {
      // A wrong closer is a broken file, not a short one.
      if (open.pop() !== c) return false;
    }
  }
  return inString || open.length > 0;
}

/** Validate an export file completely, before anything is written; every refusal names its cause. */
export function parseClippingsFile(text: string): ParsedImport {
  if (text.trim() === '') return fail('empty', 'The file is empty.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (looksTruncated(text)) {
      return fail(
        'truncated',
        'The file ends too early: it looks cut off (an interrupted download or copy). Export again.',
        [detail],
      );
    }
    return fail('not-json', `The file is not valid JSON: ${detail}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return fail(
      'not-object',
      'This is not a Baozhai clippings export: the file should hold one JSON object.',
    );
  }
  const file = data as Record<string, unknown>;
  if (file.format !== CLIPPINGS_FORMAT) {
    return fail(
      'wrong-format',
      `This is not a Baozhai clippings export: its format is ${describeValue(file.format, 80)}, expected "${CLIPPINGS_FORMAT}".`,
    );
  }
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) {
    return fail(
      'bad-version',
      `The file's format version ${describeValue(file.version, 40)} is not a version Baozhai ever wrote.`,
    );
  }
  if (file.version > CLIPPINGS_VERSION) {
    return fail(
      'future-version',
      `The file was made by a newer Baozhai (format version ${file.version}; this one reads up to ${CLIPPINGS_VERSION}). Update Baozhai, then import again.`,
    );
  }
  if (!Array.isArray(file.clippings)) return fail('no-clippings', 'The file has no "clippings" list.');
  if (file.clippings.length > MAX_IMPORT_CLIPPINGS) {
    return fail(
      'too-many',
      `The file holds ${file.clippings.length} clippings; at most ${MAX_IMPORT_CLIPPINGS} can be imported at once.`,
    );
  }

  const clippings: Clipping[] = [];
  const details: string[] = [];
  let bad = 0;
  const version = file.version;
  file.clippings.forEach((record, i) => {
    const result = v.safeParse(ClippingSchema, upgradeRecord(record, version));
    if (result.success) {
      // Version 1 clippings carry no people: read them from the text, as extraction does.
      if (version === 1) result.output.people = readArticlePeople(result.output);
      clippings.push(result.output);
      return;
    }
    bad++;
    if (details.length < MAX_DETAILS) {
      const id =
        record && typeof record === 'object' && typeof (record as { id?: unknown }).id === 'string'
          ? ` (id ${(record as { id: string }).id.slice(0, 40)})`
          : '';
      const issues = result.issues.slice(0, 3).map(describeIssue).join('; ');
      details.push(`clipping #${i + 1}${id}: ${issues}`);
    }
  });
  if (bad > 0) {
    return fail(
      'bad-records',
      `${bad} of ${file.clippings.length} clippings have bad or missing fields, so nothing was imported.`,
      details,
    );
  }
  const firstAt = new Map<string, number>();
  const dupes: string[] = [];
  clippings.forEach((c, i) => {
    const first = firstAt.get(c.id);
    if (first === undefined) firstAt.set(c.id, i);
    else if (dupes.length < MAX_DETAILS)
      dupes.push(`clipping #${i + 1} repeats id ${c.id} of clipping #${first + 1}`);
  });
  if (dupes.length)
    return fail(
      'duplicate-ids',
      'Two or more clippings in the file share an id, so nothing was imported.',
      dupes,
    );
  return { ok: true, clippings };
}

// A version 1 record has no people field; give it an empty one to validate against today's shape.
function upgradeRecord(record: unknown, version: number): unknown {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return record;
  const upgraded: Record<string, unknown> = version === 1 ? { ...record, people: [] } : { ...record };
  // Files written before publication times had one form (or edited by hand) keep their date.
  if (typeof upgraded.publishedAt === 'string')
    upgraded.publishedAt = normalisePublishedAt(upgraded.publishedAt);
  return upgraded;
}

function matchesContent(a: Clipping, b: Clipping): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Merge validated clippings into the archive in ONE transaction: a clipping matching a stored one
 * (by id, then URL, then content hash on the same site) replaces it only when newer, keeping the
 * stored id; otherwise it is added. Any failure rolls everything back.
 */
export async function mergeClippings(db: ArchiveDb, clippings: readonly Clipping[]): Promise<ImportReport> {
  const report: ImportReport = { added: [], updated: [], skipped: [] };
  try {
    const tables = [
      ...[db.clippings, db.searchIndex, db.searchPacks],
      ...[db.fingerprints, db.people, db.minhashes, db.meta],
    ];
    await db.transaction('rw', tables, async () => {
      // The same identity as saving: the same id, else the same URL, else the same content hash on
      // the same site. A canonical link is the page's claim and never merges clippings.
      const byUrl = new Map<string, string>();
      const urlOf = new Map<string, string>();
      const byHash = new Map<string, string>();
      // Index walks only: reading whole clippings (their bodies) here would cost seconds.
      await db.clippings.orderBy('url').eachKey((key, cursor) => {
        urlOf.set(String(cursor.primaryKey), String(key));
        if (key !== '') byUrl.set(String(key), String(cursor.primaryKey));
      });
      await db.clippings.orderBy('contentHash').eachKey((key, cursor) => {
        const site = siteOf(urlOf.get(String(cursor.primaryKey)) ?? '');
        if (site) byHash.set(`${site} ${String(key)}`, String(cursor.primaryKey));
      });
      const existingIds = new Set(urlOf.keys());
      const matches = clippings.map((c) => {
        if (existingIds.has(c.id)) return c.id;
        const site = siteOf(c.url);
        return (
          (c.url ? byUrl.get(c.url) : undefined) ??
          (site ? byHash.get(`${site} ${c.contentHash}`) : undefined)
        );
      });
      const stored = new Map(
        (await db.clippings.bulkGet(matches.filter((m): m is string => m !== undefined)))
          .filter((c): c is Clipping => !!c)
          .map((c) => [c.id, c]),
      );
      const puts: Clipping[] = [];
      // New clippings' rows go into packs (fast to write and load); an update writes a single row,
      // which overrides the clipping's older packed row.
      const added: Clipping[] = [];
      const updated: Clipping[] = [];
      // Clippings earlier in the file claim their target and URL: a later one with either is a
      // duplicate. A content hash claims nothing: one archive may hold the same text from two pages.
      const claimed = new Set<string>();
      clippings.forEach((incoming, i) => {
        const targetId = matches[i];
        const current = targetId === undefined ? undefined : stored.get(targetId);
        const keys = [`id:${targetId ?? incoming.id}`];
        if (incoming.url) keys.push(`url:${incoming.url}`);
        if (keys.some((k) => claimed.has(k)))
          return report.skipped.push({ id: incoming.id, reason: 'duplicate-in-file' });
        keys.forEach((k) => claimed.add(k));
        if (!current) {
          puts.push(incoming);
          added.push(incoming);
          return report.added.push(incoming.id);
        }
        const merged: Clipping = {
          ...incoming,
          id: current.id,
          savedAt: Math.min(current.savedAt, incoming.savedAt),
        };
        if (matchesContent(merged, current))
          return report.skipped.push({ id: incoming.id, reason: 'identical' });
        if (incoming.updatedAt <= current.updatedAt)
          return report.skipped.push({ id: incoming.id, reason: 'stored-is-newer' });
        puts.push(merged);
        updated.push(merged);
        report.updated.push(current.id);
      });
      // Dexie sends the puts at once; folding synchronously while IndexedDB writes them keeps the
      // transaction open (it has requests pending) and overlaps the two (~0.6 s at 10,000 clippings).
      const written = db.clippings.bulkPut(puts);
      const rows = updated.map((c) => buildSearchRow(c, db.fold));
      const packs = packSearchRows(added.map((c) => buildSearchRow(c, db.fold)));
      const fingerprints = puts.map((c) => buildFingerprintRow(c, db.fold));
      await Promise.all([
        written,
        db.searchIndex.bulkPut(rows),
        db.searchPacks.bulkPut(packs),
        // Added clippings have no row to read back: only updated ones' people counts change twice.
        writeLookupRows(db, fingerprints, { newIds: new Set(added.map((c) => c.id)) }),
        updateOrder(db, { put: puts }),
      ]);
    });
  } catch (error) {
    throw toArchiveError(error, 'the import');
  }
  return report;
}

/** Validate a file, then merge it; a refused file leaves the archive untouched. */
export async function importClippingsText(
  db: ArchiveDb,
  text: string,
): Promise<{ ok: true; report: ImportReport } | { ok: false; problem: ImportProblem }> {
  const parsed = parseClippingsFile(text);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, report: await mergeClippings(db, parsed.clippings) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { code: 'storage', message, details: [] } };
  }
}
