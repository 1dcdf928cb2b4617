import type { Browser } from 'webextension-polyfill';
import { useMemo } from 'preact/hooks';
import type { ExportFile } from '../../lib/export/index';
import { createTranslate, type Translate } from '../../components/shared/translate';

// The browser side of the archive views (popup and archive page): i18n, tabs and downloads.

/** The extension's typed message lookup (plural forms by the UI language). */
export function makeTranslate(browser: Browser): Translate {
  return createTranslate(browser.i18n);
}

/** The browser's side of an archive view (useArchiveView): words, UI language, downloads, clipboard. */
export function useBrowserDeps(browser: Browser) {
  return useMemo(
    () => ({
      t: makeTranslate(browser),
      lang: browser.i18n.getUILanguage(),
      download: (file: ExportFile) => downloadExport(browser, file),
      copy: copyText,
    }),
    [browser],
  );
}

/** The reader page of a clipping. */
export function readerHref(browser: Browser, id: string): string {
  return browser.runtime.getURL(`/reader.html?id=${encodeURIComponent(id)}` as '/reader.html');
}

/** Open a clipping in the reader, in a new tab. */
export function openReader(browser: Browser, id: string): void {
  void browser.tabs.create({ url: readerHref(browser, id) });
}

/** Open the full-page archive view in a new tab. */
export function openArchivePage(browser: Browser): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/archive.html' as '/reader.html') });
}

/** Hand a finished export to the downloads API under its dated name. */
export async function downloadExport(browser: Browser, file: ExportFile): Promise<void> {
  const url = URL.createObjectURL(new Blob(file.parts, { type: file.type }));
  try {
    await browser.downloads.download({ url, filename: file.filename, saveAs: false });
  } finally {
    // The download has its own copy once started; keep the URL a while for slow disks.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** Put text on the clipboard (extension pages may write it during the reader's click). */
export function copyText(text: string): Promise<void> {
  return navigator.clipboard.writeText(text);
}
