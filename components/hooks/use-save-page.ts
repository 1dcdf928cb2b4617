import { useState } from 'preact/hooks';
import type { SavePageReply } from '../../lib/messaging/contract';
import type { SavePageState } from '../popup/save-page';

/** Asks the current tab to save its page; null when no content script can answer there. */
export type SaveCurrentPage = (options: { ask: boolean; asPage: boolean }) => Promise<SavePageReply | null>;

/** The popup's "save this page": save, ask first when the page is not an article, report. */
export function useSavePage(saveCurrentPage: SaveCurrentPage) {
  const [state, setState] = useState<SavePageState>({ kind: 'idle' });
  const run = async (asPage: boolean) => {
    setState({ kind: 'saving' });
    try {
      const reply = await saveCurrentPage({ ask: true, asPage });
      if (!reply) setState({ kind: 'unavailable' });
      else if (reply.status === 'not-article') setState({ kind: 'ask' });
      else if (reply.status === 'saved') setState({ kind: 'saved', asPage: reply.asPage });
      else setState({ kind: 'failed', code: reply.code });
    } catch {
      // The tab did not answer (its content script went away mid-save).
      setState({ kind: 'failed', code: 'no-reply' });
    }
  };
  return {
    state,
    save: () => void run(false),
    confirmPage: () => void run(true),
    cancel: () => setState({ kind: 'idle' }),
  };
}
