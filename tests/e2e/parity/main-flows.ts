// The main flows as tests, written once: tests/e2e/parity.e2e.test.ts registers them for Chromium and
// tests/e2e-firefox/flows.e2e.test.ts for Firefox ESR, each inside its own describe with its driver.
import { expect, it } from 'vitest';
import type { ConvertFn } from '../../../lib/convert/index';
import type { BrowserDriver } from './driver';
import {
  EXPECTED,
  EXPECTED_MORE,
  flowNonArticle,
  flowShortcutsAndLabels,
  flowSiteChoices,
  flowStoryCopies,
  flowExportImport,
  flowHostile,
  flowSaveListRead,
  flowToggle,
  flowToolbar,
} from './flows';

/** Register the main flows' tests; `use` gives the browser's driver and the reference converter. */
export function defineMainFlows(
  browserName: string,
  use: () => { d: BrowserDriver; toHant: ConvertFn },
): void {
  it('mounts the toolbar on a covered page with the detection badge, quiet on an index page', async () => {
    expect(await flowToolbar(use().d)).toMatchObject(EXPECTED.toolbar);
  });

  it('toggles a 10,000-character page to traditional and restores it exactly', async () => {
    const { d, toHant } = use();
    const { outcome, firstChangeMs } = await flowToggle(d, toHant);
    process.stdout.write(`${browserName} toggle: first change ${firstChangeMs} ms after the click\n`);
    expect(outcome).toMatchObject(EXPECTED.toggle);
    expect(outcome.langAfter).toMatch(/^zh-(Hant|TW|HK)/);
  });

  it('saves from the toolbar, lists in the popup, reads and converts in the reader', async () => {
    expect((await flowSaveListRead(use().d)).outcome).toEqual(EXPECTED.saveListRead);
  });

  it('exports through the downloads API and imports into a fresh profile', async () => {
    expect(await flowExportImport(use().d)).toEqual(EXPECTED.exportImport);
  });

  it('clips a hostile page and nothing from it runs or renders as markup', async () => {
    expect(await flowHostile(use().d)).toEqual(EXPECTED.hostile);
  });

  it('binds Alt+Shift+J / K in this browser and the toggle names what a click does, with the key', async () => {
    const { d, toHant } = use();
    expect(await flowShortcutsAndLabels(d, toHant)).toEqual(EXPECTED_MORE.shortcuts);
  });

  it('asks before saving a page that is no article, then saves it marked as a page', async () => {
    const outcome = await flowNonArticle(use().d);
    expect(outcome).toMatchObject(EXPECTED_MORE.nonArticle);
    expect(outcome.rowDateText).toMatch(/^保存于 \d{4}-\d{2}-\d{2}$/);
  });

  it('remembers collapsing and hiding the toolbar per site, listed and undone on the options page', async () => {
    expect(await flowSiteChoices(use().d)).toEqual(EXPECTED_MORE.siteChoices);
  });

  it('lists the saved copies of a story in the reader, the original first', async () => {
    expect(await flowStoryCopies(use().d)).toEqual(EXPECTED_MORE.storyCopies);
  });
}
