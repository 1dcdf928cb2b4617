/** Dictionary names are file names inside the package's dicts/ folder, never paths. */
export const DICT_NAME = /^[\w.+-]+$/;

/**
 * Characters of a table per relayed message. The largest table (STPhrases, 409,000 characters) as
 * one message cost 60 ms of the worker's thread and 35 ms of the page's to pass (Chromium, busy
 * machine), and a save sent meanwhile waited behind both; in parts, a save waits for one part at most.
 */
export const DICT_PART_CHARS = 32_768;

/** At most this many parts make a table: more is no table of ours (the largest has 13). */
export const MAX_DICT_PARTS = 200;

/**
 * A `loadDict` for createConverterFactory that fetches `/dicts/<name>` packaged inside the
 * extension. Only extension pages and the background may use it: the tables are not
 * web-accessible, so a content script cannot fetch them (see createRelayedDictLoader).
 */
export function createExtensionDictLoader(
  fetchFn: typeof fetch,
  getURL: (path: string) => string,
): (name: string) => Promise<string> {
  return async (name) => {
    if (!DICT_NAME.test(name)) throw new Error(`bad dictionary name ${name}`);
    const response = await fetchFn(getURL(`/dicts/${name}`));
    if (!response.ok) throw new Error(`dictionary ${name}: HTTP ${response.status}`);
    return response.text();
  };
}

/**
 * Cut a table's text into parts of at most `size` characters that join back to it exactly. A cut
 * never falls inside a surrogate pair: a lone surrogate would not survive a message.
 */
export function splitDictText(text: string, size = DICT_PART_CHARS): string[] {
  if (size < 2) throw new Error('a part holds at least two characters');
  const parts: string[] = [];
  let start = 0;
  do {
    let end = Math.min(text.length, start + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    parts.push(text.slice(start, end));
    start = end;
  } while (start < text.length);
  return parts;
}

/** One part of a table, and how many parts the table has. */
export interface DictPart {
  text: string;
  parts: number;
}

/**
 * Serve tables in parts for the relay: each table is read once through `load` and kept, cut into
 * parts; a failed read is not kept, so the next request reads again.
 */
export function createDictPartServer(
  load: (name: string) => Promise<string>,
  size = DICT_PART_CHARS,
): (name: string, part: number) => Promise<DictPart> {
  const tables = new Map<string, Promise<string[]>>();
  return async (name, part) => {
    let parts = tables.get(name);
    if (!parts) {
      parts = load(name).then((text) => splitDictText(text, size));
      parts.catch(() => tables.delete(name));
      tables.set(name, parts);
    }
    const all = await parts;
    const text = all[part];
    if (text === undefined) throw new Error(`dictionary ${name}: no part ${part} of ${all.length}`);
    return { text, parts: all.length };
  };
}

/** The background's reply to a content script asking for one part of a table. */
export type RelayedDict = { ok: true; text: string; parts: number } | { ok: false; error: string };

/**
 * A `loadDict` for content scripts: `ask` sends the table's name and a part number to the
 * background, which reads the packaged file and replies with that part's text and the number of
 * parts. Parts are asked for one after another, so a save sent meanwhile waits for one part at most.
 * Any reply that is not a part of the table is an error.
 */
export function createRelayedDictLoader(
  ask: (name: string, part: number) => Promise<RelayedDict | undefined>,
): (name: string) => Promise<string> {
  return async (name) => {
    if (!DICT_NAME.test(name)) throw new Error(`bad dictionary name ${name}`);
    const texts: string[] = [];
    let count = 1;
    for (let part = 0; part < count; part++) {
      const reply = await ask(name, part);
      if (reply?.ok !== true || typeof reply.text !== 'string')
        throw new Error(`dictionary ${name}: ${reply?.ok === false ? reply.error : 'no reply'}`);
      if (part === 0) count = reply.parts;
      const valid = Number.isInteger(reply.parts) && reply.parts >= 1 && reply.parts <= MAX_DICT_PARTS;
      if (!valid || reply.parts !== count)
        throw new Error(`dictionary ${name}: part ${part} says ${reply.parts} parts`);
      texts.push(reply.text);
    }
    return texts.join('');
  };
}
