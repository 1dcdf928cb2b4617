import { useCallback, useState } from 'preact/hooks';
import { ArchiveError } from '../../lib/archive/index';
import { MAX_NOTE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS } from '../../lib/article/valid';
import type { Notice } from '../shared/notice-line';
import type { Translate } from '../shared/translate';

/** The reader's words for a failed archive change: each error code has its localised message. */
export function describeArchiveError(t: Translate, error: unknown): string {
  const code = error instanceof ArchiveError ? error.code : 'failed';
  if (code === 'quota') return t('archive_errorQuota');
  if (code === 'invalid') return t('archive_errorInvalid', [MAX_TAGS, MAX_TAG_LENGTH, MAX_NOTE_LENGTH]);
  if (code === 'not-found') return t('archive_errorNotFound');
  if (code === 'outdated') return t('archive_errorOutdated');
  // The browser's own words, in brackets, help a bug report; the sentence around them is the reader's.
  const detail = error instanceof Error ? (error.cause instanceof Error ? error.cause : error).name : '';
  return t('archive_errorFailed', [detail || 'Error']);
}

/** The status line of an archive view: progress, results, errors and the undo offer. */
export function useNotice(t: Translate) {
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const showError = useCallback(
    (error: unknown) => setNotice({ kind: 'error', message: describeArchiveError(t, error) }),
    [t],
  );
  return { notice, setNotice, showError };
}
