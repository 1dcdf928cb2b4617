/** What we need to know about a message's sender (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
}

/**
 * Accept only our own extension: its pages (same origin as the extension) and its content
 * scripts (same extension id, sent from a tab). Pages cannot reach runtime.onMessage without
 * externally_connectable, but the check stays so a misconfiguration cannot open the door.
 */
export function isTrustedSender(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  if (sender.tab) return true;
  const from = sender.origin ?? sender.url ?? '';
  return from === extensionOrigin || from.startsWith(`${extensionOrigin}/`);
}
