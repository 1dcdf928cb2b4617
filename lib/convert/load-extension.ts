// Dictionary names are file names inside the package's dicts/ folder, never paths.
const DICT_NAME = /^[\w.+-]+$/;

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

/** The background's reply to a content script asking for one table. */
export type RelayedDict = { ok: true; text: string } | { ok: false; error: string };

/**
 * A `loadDict` for content scripts: `ask` sends the table's name to the background, which reads
 * the packaged file and replies with its text. Any reply that is not a table is an error.
 */
export function createRelayedDictLoader(
  ask: (name: string) => Promise<RelayedDict | undefined>,
): (name: string) => Promise<string> {
  return async (name) => {
    if (!DICT_NAME.test(name)) throw new Error(`bad dictionary name ${name}`);
    const reply = await ask(name);
    if (reply?.ok === true && typeof reply.text === 'string') return reply.text;
    throw new Error(`dictionary ${name}: ${reply?.ok === false ? reply.error : 'no reply'}`);
  };
}
