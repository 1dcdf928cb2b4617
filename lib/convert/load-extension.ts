/** A `loadDict` for createConverterFactory that fetches `/dicts/<name>` packaged inside the extension. */
export function createExtensionDictLoader(
  fetchFn: typeof fetch,
  getURL: (path: string) => string,
): (name: string) => Promise<string> {
  return async (name) => {
    if (!/^[\w.+-]+$/.test(name)) throw new Error(`bad dictionary name ${name}`);
    const response = await fetchFn(getURL(`/dicts/${name}`));
    if (!response.ok) throw new Error(`dictionary ${name}: HTTP ${response.status}`);
    return response.text();
  };
}
