import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * The largest page the CLI reads. The largest saved news page we know is 2.4 MB; a 100 MB file
 * took 21 s and 2.5 GB of memory in jsdom, so anything far past real pages is refused up front.
 */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024;

/** A problem with one input file, worded for the user; the CLI prints it and goes on. */
export class InputError extends Error {}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Read a regular file of at most `maxBytes`. Devices (/dev/zero), pipes, sockets and folders are
 * refused: they have no size to check and may never end. Opened without blocking, so a named pipe
 * with no writer is refused instead of waiting forever.
 */
export async function readPageFile(path: string, maxBytes: number = MAX_PAGE_BYTES): Promise<Uint8Array> {
  const file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = await file.stat();
    if (stat.isDirectory()) throw new InputError('is a folder, not a file');
    if (!stat.isFile())
      throw new InputError('is not a regular file (a device, pipe or socket); save the page to a file first');
    if (stat.size > maxBytes)
      throw new InputError(
        `is ${formatMegabytes(stat.size)}, more than the ${formatMegabytes(maxBytes)} a page may have`,
      );
    // One byte more than the size: a file that grows while read is refused, not cut short.
    const buffer = new Uint8Array(stat.size + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read)
      ({ bytesRead: read } = await file.read(buffer, length, buffer.length - length, null));
    if (length > stat.size) throw new InputError('changed while being read');
    return buffer.subarray(0, length);
  } finally {
    await file.close();
  }
}
