import type { Browser } from 'webextension-polyfill';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Article } from '../../lib/article/record';
import type { ArchiveDb, Clipping } from '../../lib/archive/index';
import { convertArticle, createConverterFactory, type ConverterFactory } from '../../lib/convert/index';
import { createExtensionDictLoader } from '../../lib/convert/load-extension';
import { FONT_SIZES, ReaderView } from '../../components/reader/reader-view';
import { langOfScript } from '../../components/shared/script-badge';
import { createTranslate } from '../../components/shared/translate';
import { useCopyCitation } from '../../components/hooks/use-copy-citation';
import { useStoryCopies, type AskCopies } from '../../components/hooks/use-story-copies';
import { sendRequest } from '../../lib/messaging/contract';
import { copyText } from '../popup/glue';

/** The reader page's glue: load one clipping, convert it on demand with the packaged dictionaries. */
export function ReaderApp(props: { db: ArchiveDb; browser: Browser; id: string }) {
  const { db, browser, id } = props;
  const t = useMemo(() => createTranslate(browser.i18n), [browser]);
  const [clipping, setClipping] = useState<Clipping | null | undefined>(undefined);
  const [shown, setShown] = useState<Article | undefined>();
  const [converting, setConverting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const factory = useRef<ConverterFactory | undefined>(undefined);
  const [fontSize, setFontSize] = useState(readFontSize);
  // A failed lookup only leaves "also published by" out. Asked of the worker from the first render,
  // beside the clipping: read in this page after the first paint, the copies' reads queued behind
  // the article being drawn.
  const copiesOptions = useMemo(() => ({ atOnce: true, ask: askCopies(browser) }), [browser]);
  const copies = useStoryCopies(db, id, ignore, copiesOptions);
  const script = (shown ?? clipping)?.script;
  // The stored record is cited, whichever script is shown: a reference gives the text as published.
  const cite = useCopyCitation({
    t,
    read: useCallback(async () => clipping ?? undefined, [clipping]),
    write: copyText,
    onError: useCallback((e: unknown) => setError(e instanceof Error ? e.message : String(e)), []),
  });

  // The page language follows the text shown (fonts, hyphenation, screen readers), not the UI.
  useEffect(() => {
    if (script) document.documentElement.lang = langOfScript(script);
  }, [script]);

  useEffect(() => {
    db.clippings
      .get(id)
      .then((c) => {
        setClipping(c ?? null);
        if (c) document.title = c.title;
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [db, id]);

  if (clipping === undefined) return error ? <p class="bz-error">{error}</p> : null;
  if (clipping === null) {
    return (
      <p class="bz-missing" data-testid="bz-reader-missing">
        {t('reader_notFound')}
      </p>
    );
  }

  const toHant = clipping.script !== 'hant';
  const onToggle = async () => {
    if (shown) {
      setShown(undefined);
      return;
    }
    setConverting(true);
    setError(undefined);
    try {
      factory.current ??= createConverterFactory(
        createExtensionDictLoader(fetch, (p) => browser.runtime.getURL(p as '/')),
      );
      const convert = await factory.current.get(toHant ? 'cn' : 'tw', toHant ? 'tw' : 'cn');
      setShown(convertArticle(clipping, convert));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setConverting(false);
    }
  };

  return (
    <ReaderView
      t={t}
      article={shown ?? clipping}
      savedAt={clipping.savedAt}
      tags={clipping.tags}
      note={clipping.note}
      toggle={shown ? 'original' : toHant ? 'to-hant' : 'to-hans'}
      converting={converting}
      error={error}
      onToggle={() => void onToggle()}
      fontSize={fontSize}
      id={id}
      copies={copies ?? []}
      copied={cite.copied?.style}
      onCite={(style) => cite.copy(id, style)}
      onFontSize={(px) => {
        setFontSize(px);
        localStorage.setItem(FONT_KEY, String(px));
      }}
    />
  );
}

function ignore(): void {}

/** The worker's lookup of a clipping's copies (the `copies` message). */
function askCopies(browser: Browser): AskCopies {
  return async (id) =>
    (await sendRequest((message) => browser.runtime.sendMessage(message), { type: 'copies', id })).copies;
}

const FONT_KEY = 'bz-reader-font-size';

/** The reader's remembered text size, within bounds. */
function readFontSize(): number {
  const stored = Number(localStorage.getItem(FONT_KEY));
  return Number.isInteger(stored) && stored >= FONT_SIZES.min && stored <= FONT_SIZES.max
    ? stored
    : FONT_SIZES.initial;
}
