import { useCallback, useState } from 'preact/hooks';
import { ArchiveError } from '../../lib/archive/index';
import type { Notice } from '../shared/notice-line';
import type { Translate } from '../shared/translate';

/** The status line of an archive view: progress, results, errors and the undo offer. */
export function useNotice(t: Translate) {
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const showError = useCallback(
    (error: unknown) => {
      const message =
        error instanceof ArchiveError && error.code === 'quota'
          ? t('archive_errorQuota')
          : error instanceof Error
            ? error.message
            : String(error);
      setNotice({ kind: 'error', message });
    },
    [t],
  );
  return { notice, setNotice, showError };
}
