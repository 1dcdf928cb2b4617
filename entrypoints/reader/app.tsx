import type { Browser } from 'webextension-polyfill';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Article } from '../../lib/article/record';
import type { ArchiveDb, Clipping } from '../../lib/archive/index';
import { convertArticle, createConverterFactory, type ConverterFactory } from '../../lib/convert/index';
import { createExtensionDictLoader } from '../../lib/convert/load-extension';
import { ReaderView } from '../../components/reader/reader-view';
import { createTranslate } from '../../components/shared/translate';

/** The reader page's glue: load one clipping, convert it on demand with the packaged dictionaries. */
export function ReaderApp(props: { db: ArchiveDb; browser: Browser; id: string }) {
  const { db, browser, id } = props;
  const t = useMemo(() => createTranslate(browser.i18n), [browser]);
  const [clipping, setClipping] = useState<Clipping | null | undefined>(undefined);
  const [shown, setShown] = useState<Article | undefined>();
  const [converting, setConverting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const factory = useRef<ConverterFactory | undefined>(undefined);

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
    />
  );
}
