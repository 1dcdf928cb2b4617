import type { Translate } from './translate';

/** A line in the status area: progress, results, errors, and the undo offer. */
export type Notice =
  | { kind: 'exporting'; done: number; total: number }
  | { kind: 'exported'; count: number; filename: string }
  | { kind: 'importing' }
  | { kind: 'imported'; added: number; updated: number; skipped: number; reasons: string[] }
  | { kind: 'import-failed'; message: string; details: string[] }
  | { kind: 'deleted'; count: number }
  | { kind: 'tagged'; count: number }
  | { kind: 'error'; message: string };

/** The per-record lines under an import notice, if any. */
function Details({ lines }: { lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <ul class="bz-details">
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}

function describe(t: Translate, notice: Notice): string {
  switch (notice.kind) {
    case 'exporting':
      return t('archive_exporting', [notice.done, notice.total]);
    case 'exported':
      return t('archive_exported', [notice.count, notice.filename], notice.count);
    case 'importing':
      return t('archive_importing');
    case 'imported':
      return t('archive_imported', [notice.added, notice.updated, notice.skipped]);
    case 'import-failed':
      return t('archive_importFailed', [notice.message]);
    case 'deleted':
      return t('archive_deleted', [notice.count], notice.count);
    case 'tagged':
      return t('archive_tagged', [notice.count], notice.count);
    case 'error':
      return notice.message;
  }
}

/** The status line: what happened, with undo after a delete and dismiss after results and errors. */
export function NoticeLine(props: {
  t: Translate;
  notice: Notice;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  const { t, notice } = props;
  const failed = notice.kind === 'error' || notice.kind === 'import-failed';
  const dismissable = !['exporting', 'importing', 'deleted'].includes(notice.kind);
  return (
    <div
      class={failed ? 'bz-notice bz-error' : 'bz-notice'}
      role={failed ? 'alert' : 'status'}
      data-testid="bz-notice"
      data-kind={notice.kind}
    >
      <span>{describe(t, notice)}</span>
      {notice.kind === 'exporting' && <progress max={notice.total || 1} value={notice.done} />}
      {notice.kind === 'imported' && <Details lines={notice.reasons} />}
      {notice.kind === 'import-failed' && <Details lines={notice.details} />}
      {notice.kind === 'deleted' && (
        <button type="button" class="bz-primary" data-testid="bz-undo" onClick={props.onUndo}>
          {t('archive_undo')}
        </button>
      )}
      {dismissable && (
        <button type="button" class="bz-link" onClick={props.onDismiss}>
          {t('archive_dismiss')}
        </button>
      )}
    </div>
  );
}
