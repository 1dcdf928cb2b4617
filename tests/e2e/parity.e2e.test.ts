// The main flows in Chromium; tests/e2e-firefox/flows.e2e.test.ts runs the same ones in Firefox ESR
// and both compare with the same expected outcome.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConverterFactory, type ConvertFn } from '../../lib/convert/index';
import { createNodeDictLoader } from '../../lib/convert/load-node';
import { launchChromiumDriver, type ChromiumDriver } from './parity/chromium-driver';
import {
  EXPECTED,
  EXPECTED_MORE,
  flowNonArticle,
  flowShortcutsAndLabels,
  flowSiteChoices,
  flowExportImport,
  flowHostile,
  flowSaveListRead,
  flowToggle,
  flowToolbar,
  routePages,
} from './parity/flows';

describe('main flows in Chromium, as in Firefox', () => {
  let d: ChromiumDriver;
  let toHant: ConvertFn;

  beforeAll(async () => {
    toHant = await createConverterFactory(createNodeDictLoader()).get('cn', 'twp');
    d = await launchChromiumDriver();
    routePages(d);
  });
  afterAll(async () => d?.close());

  it('mounts the toolbar on a covered page with the detection badge, quiet on an index page', async () => {
    expect(await flowToolbar(d)).toMatchObject(EXPECTED.toolbar);
  });

  it('toggles a 10,000-character page to traditional and restores it exactly', async () => {
    const { outcome, firstChangeMs } = await flowToggle(d, toHant);
    process.stdout.write(`chromium toggle: first change ${firstChangeMs} ms after the click\n`);
    expect(outcome).toMatchObject(EXPECTED.toggle);
    expect(outcome.langAfter).toMatch(/^zh-(Hant|TW|HK)/);
  });

  it('saves from the toolbar, lists in the popup, reads and converts in the reader', async () => {
    expect((await flowSaveListRead(d)).outcome).toEqual(EXPECTED.saveListRead);
  });

  it('exports through the downloads API and imports into a fresh profile', async () => {
    expect(await flowExportImport(d)).toEqual(EXPECTED.exportImport);
  });

  it('clips a hostile page and nothing from it runs or renders as markup', async () => {
    expect(await flowHostile(d)).toEqual(EXPECTED.hostile);
  });

  it('binds Alt+Shift+J / K in this browser and the toggle names what a click does, with the key', async () => {
    expect(await flowShortcutsAndLabels(d, toHant)).toEqual(EXPECTED_MORE.shortcuts);
  });

  it('asks before saving a page that is no article, then saves it marked as a page', async () => {
    const outcome = await flowNonArticle(d);
    expect(outcome).toMatchObject(EXPECTED_MORE.nonArticle);
    expect(outcome.rowDateText).toMatch(/^保存于 \d{4}-\d{2}-\d{2}$/);
  });

  it('remembers collapsing and hiding the toolbar per site, listed and undone on the options page', async () => {
    expect(await flowSiteChoices(d)).toEqual(EXPECTED_MORE.siteChoices);
  });
});
