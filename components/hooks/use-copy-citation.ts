import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { formatApa, formatGbt7714, type CitedArticle } from '../../lib/export/index';
import type { CiteStyle } from '../shared/cite-buttons';
import type { Translate } from '../shared/translate';

/** How long the "copied" confirmation stays, in ms: long enough to read, short enough to copy again. */
export const COPIED_FOR = 2500;

/** What a citation is made of: the record and when it was clipped (the access date). */
export type CitableClipping = CitedArticle & { savedAt: number };

/** The citation of a clipping in a style; it was accessed when it was clipped. */
export function formatCitation(style: CiteStyle, clipping: CitableClipping): string {
  return style === 'gbt7714' ? formatGbt7714(clipping, new Date(clipping.savedAt)) : formatApa(clipping);
}

/**
 * Copy a clipping's citation: `read` finds the clipping, `write` puts the text on the clipboard (both
 * from the glue); a failure reaches `onError` as a localised error. Remembers which clipping and style were just copied, for the confirmation.
 */
export function useCopyCitation(options: {
  t: Translate;
  read: (id: string) => Promise<CitableClipping | undefined>;
  write: (text: string) => Promise<void>;
  onError: (error: unknown) => void;
}) {
  const { t, read, write, onError } = options;
  const [copied, setCopied] = useState<{ id: string; style: CiteStyle } | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = useCallback(
    async (id: string, style: CiteStyle) => {
      try {
        const clipping = await read(id);
        if (!clipping) return;
        await write(formatCitation(style, clipping));
        clearTimeout(timer.current);
        setCopied({ id, style });
        timer.current = setTimeout(() => setCopied(undefined), COPIED_FOR);
      } catch (error) {
        onError(new Error(t('cite_failed', [error instanceof Error ? error.message : String(error)])));
      }
    },
    [t, read, write, onError],
  );
  return { copied, copy: (id: string, style: CiteStyle) => void copy(id, style) };
}
