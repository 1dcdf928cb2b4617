/** Why an archive operation failed, for a message the reader can act on. */
export type ArchiveErrorCode = 'quota' | 'invalid' | 'not-found' | 'outdated' | 'failed';

/** An archive failure with a stable code (the popup and toolbar pick their message from it). */
export class ArchiveError extends Error {
  readonly code: ArchiveErrorCode;
  constructor(code: ArchiveErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ArchiveError';
    this.code = code;
  }
}

/** The error and the ones it wraps (Dexie's `inner`, the standard `cause`), a few levels deep. */
function* errorChain(error: unknown): Generator<unknown> {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    yield e;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
}

function isQuotaError(error: unknown): boolean {
  for (const e of errorChain(error)) if ((e as { name?: unknown }).name === 'QuotaExceededError') return true;
  return false;
}

/** Map a storage failure to an ArchiveError; quota errors get their own code and message. */
export function toArchiveError(error: unknown, action: string): ArchiveError {
  // Our own error, also when Dexie wraps it (an open refused in on('ready') becomes OpenFailedError).
  for (const e of errorChain(error)) if (e instanceof ArchiveError) return e;
  if (isQuotaError(error)) {
    return new ArchiveError(
      'quota',
      `The archive is out of storage space, so ${action} did not happen and nothing was changed. Free disk space or delete old clippings, then try again.`,
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new ArchiveError('failed', `${action} failed and nothing was changed: ${detail}`, { cause: error });
}
