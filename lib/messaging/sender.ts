/** What we need to know about a message's sender (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** A sender we accept, with the page it speaks for (content scripts only). */
export type Sender = { kind: 'extension-page' } | { kind: 'content-script'; tabId: number; pageUrl: string };

/**
 * Accept only our own extension: its pages (same origin as the extension) and its content
 * scripts (same extension id, sent from a tab). Pages cannot reach runtime.onMessage without
 * externally_connectable, but the check stays so a misconfiguration cannot open the door.
 * A content script's page URL is the browser's word for the tab (sender.tab.url), never the page's.
 */
export function classifySender(
  sender: SenderInfo,
  extensionId: string,
  extensionOrigin: string,
): Sender | null {
  if (sender.id !== extensionId) return null;
  // Our pages opened in a tab have a tab too; their own URL tells them apart from content scripts.
  const from = sender.url ?? sender.origin ?? '';
  if (from === extensionOrigin || from.startsWith(`${extensionOrigin}/`)) return { kind: 'extension-page' };
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return null;
  // Without the tabs permission tab.url can be missing; the top frame's own URL is then the tab's.
  const pageUrl = sender.tab?.url ?? (sender.frameId === 0 ? sender.url : undefined) ?? '';
  return { kind: 'content-script', tabId, pageUrl };
}

/** True when the sender is our own extension (a page or a content script). */
export function isTrustedSender(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  return classifySender(sender, extensionId, extensionOrigin) !== null;
}
