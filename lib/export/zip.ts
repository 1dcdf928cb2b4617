/** One file of a zip archive. */
export interface ZipEntry {
  /** Path inside the archive, '/'-separated; stored as UTF-8. */
  name: string;
  data: Uint8Array<ArrayBuffer>;
  modified: Date;
}

// The classic zip format counts entries in 16 bits and offsets in 32 (zip64 lifts both; not needed
// for an archive of clippings, which stays far below either).
const MAX_ENTRIES = 0xffff;
const MAX_OFFSET = 0xffffffff;

let crcTable: Uint32Array | undefined;

function buildCrcTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** CRC-32 (ISO 3309, the zip and PNG checksum) of some bytes. */
export function computeCrc32(data: Uint8Array): number {
  const table = (crcTable ??= buildCrcTable());
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS time and date fields of a zip header, in local time; years before 1980 cannot be written. */
function toDosTime(date: Date): { time: number; day: number } {
  const year = Math.min(2107, Math.max(1980, date.getFullYear()));
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  const day = ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  return { time, day };
}

/**
 * The Info-ZIP Unicode Path extra field: Info-ZIP's unzip (Linux distributions) ignores the UTF-8
 * flag and shows Chinese names garbled unless the name is repeated here.
 */
function buildUnicodePathField(name: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const field = new Uint8Array(9 + name.length);
  const view = new DataView(field.buffer);
  view.setUint16(0, 0x7075, true);
  view.setUint16(2, 5 + name.length, true);
  view.setUint8(4, 1);
  view.setUint32(5, computeCrc32(name), true);
  field.set(name, 9);
  return field;
}

/**
 * A zip archive of the entries, stored without compression (every unzip tool reads it; the text
 * compresses well, but a dependency-free writer stays small), as parts for a Blob.
 */
export function writeZip(entries: readonly ZipEntry[]): Array<Uint8Array<ArrayBuffer>> {
  if (entries.length > MAX_ENTRIES) {
    throw new RangeError(`A zip file holds at most ${MAX_ENTRIES} files; export fewer clippings at once.`);
  }
  const encoder = new TextEncoder();
  const parts: Array<Uint8Array<ArrayBuffer>> = [];
  const central: Array<Uint8Array<ArrayBuffer>> = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const extra = buildUnicodePathField(name);
    const crc = computeCrc32(entry.data);
    const { time, day } = toDosTime(entry.modified);
    const size = entry.data.length;
    if (offset + 30 + name.length + extra.length + size > MAX_OFFSET) {
      throw new RangeError('The export is larger than 4 GB; export fewer clippings at once.');
    }
    const local = new Uint8Array(30 + name.length + extra.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true); // version needed: 2.0
    lv.setUint16(6, 0x0800, true); // bit 11: the name is UTF-8
    lv.setUint16(8, 0, true); // stored
    lv.setUint16(10, time, true);
    lv.setUint16(12, day, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, size, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, extra.length, true);
    local.set(name, 30);
    local.set(extra, 30 + name.length);

    const head = new Uint8Array(46 + name.length + extra.length);
    const cv = new DataView(head.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, 0, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, day, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, size, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, extra.length, true);
    // Comment, disk number, internal and external attributes: all zero.
    cv.setUint32(42, offset, true);
    head.set(name, 46);
    head.set(extra, 46 + name.length);

    parts.push(local, entry.data);
    central.push(head);
    offset += local.length + size;
  }
  const centralSize = central.reduce((sum, h) => sum + h.length, 0);
  if (offset + centralSize > MAX_OFFSET) {
    throw new RangeError('The export is larger than 4 GB; export fewer clippings at once.');
  }
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  return [...parts, ...central, end];
}
