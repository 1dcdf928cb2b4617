/** Run an archive query and record how long it took as a performance measure (read by the benchmark). */
export async function timed<T>(name: string, query: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await query();
  performance.measure(name, { start, end: performance.now() });
  return result;
}
