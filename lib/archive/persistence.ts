/** Ask the browser to keep the archive when disk runs low (navigator.storage.persist); false when refused. */
export async function requestPersistence(storage: StorageManager | undefined): Promise<boolean> {
  if (!storage?.persist) return false;
  try {
    if (await storage.persisted?.()) return true;
    return await storage.persist();
  } catch {
    // Some contexts (service workers in older Chromium) throw instead of answering; treat as refused.
    return false;
  }
}
