import type { Table } from 'dexie';
import type { Article } from '../../article/record';
import { bandsOf, fingerprintArticle, type Fingerprint } from '../fingerprint';
import type { FoldFn } from '../fold';

/**
 * What the reprint lookup and the person view show of a clipping, kept beside its lookup keys so
 * neither reads whole clippings (a body is ~5,000 characters; this is ~200).
 */
export interface ClippingSummary {
  title: string;
  siteName: string;
  /** The canonical URL when the page gave one, else the URL it was saved from. */
  url: string;
  publishedAt: string;
  savedAt: number;
  /** The people it names, as printed, with the roles it gives them. */
  named: Array<{ name: string; roles: string[] }>;
}

/** A clipping's lookup keys, one row per clipping: body fingerprint, band keys, people, summary. */
export interface FingerprintRow {
  id: string;
  minhash: Fingerprint;
  /** The people it names, each folded to one script (王東峰 and 王东峰 are one key). */
  people: string[];
  /** LSH band keys of the fingerprint (multiEntry index: the reprint lookup reads 32 of them). */
  bands: string[];
  summary: ClippingSummary;
}

export type FingerprintsTable = Table<FingerprintRow, string>;

/**
 * Dexie spec: rows by clipping id, by the people each names (the facet counts its keys, the person
 * view reads one) and by band key (the reprint lookup); IndexedDB keeps both indexes in the same
 * write, so a save or an import never reads band lists back to extend them.
 */
export const FINGERPRINTS_STORE = 'id, *people, *bands';

/** The key of a person: the name folded to one script and case, so either script finds both. */
export function personKey(name: string, fold: FoldFn): string {
  return fold(name.trim());
}

type Summarised = Pick<
  Article,
  'title' | 'siteName' | 'url' | 'canonicalUrl' | 'publishedAt' | 'people' | 'blocks'
> & { id: string; savedAt: number };

/** The summary row part of a clipping. */
export function summariseClipping(c: Omit<Summarised, 'blocks'>): ClippingSummary {
  return {
    title: c.title,
    siteName: c.siteName,
    url: c.canonicalUrl || c.url,
    publishedAt: c.publishedAt,
    savedAt: c.savedAt,
    named: (c.people ?? []).map((p) => ({ name: p.name, roles: p.roles })),
  };
}

/** The lookup keys of an article (the costly part: fold and fingerprint its body). */
export function buildLookupKeys(
  article: Pick<Article, 'blocks' | 'people'>,
  fold: FoldFn,
): Pick<FingerprintRow, 'minhash' | 'people' | 'bands'> {
  const people = [...new Set((article.people ?? []).map((p) => personKey(p.name, fold)))].filter(Boolean);
  const minhash = fingerprintArticle(article, fold);
  return { minhash, people, bands: bandsOf(minhash) };
}

/** The fingerprint row of a clipping. */
export function buildFingerprintRow(clipping: Summarised, fold: FoldFn): FingerprintRow {
  return { id: clipping.id, ...buildLookupKeys(clipping, fold), summary: summariseClipping(clipping) };
}
