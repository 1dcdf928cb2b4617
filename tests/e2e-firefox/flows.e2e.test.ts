// The main flows in real Firefox ESR; tests/e2e/parity.e2e.test.ts runs the same ones in Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConverterFactory, type ConvertFn } from '../../lib/convert/index';
import { createNodeDictLoader } from '../../lib/convert/load-node';
import { launchFirefoxDriver, type FirefoxDriver } from '../e2e/parity/firefox-driver';
import {
  EXPECTED,
  flowExportImport,
  flowHostile,
  flowSaveListRead,
  flowToggle,
  flowToolbar,
  routePages,
} from '../e2e/parity/flows';

describe('main flows in Firefox ESR', () => {
  let d: FirefoxDriver;
  let toHant: ConvertFn;

  beforeAll(async () => {
    toHant = await createConverterFactory(createNodeDictLoader()).get('cn', 'twp');
    d = await launchFirefoxDriver();
    routePages(d);
  });
  afterAll(async () => d?.close());

  it('mounts the toolbar on a covered page with the detection badge, quiet on an index page', async () => {
    expect(await flowToolbar(d)).toMatchObject(EXPECTED.toolbar);
  });

  it('toggles a 10,000-character page to traditional and restores it exactly', async () => {
    const { outcome, firstChangeMs } = await flowToggle(d, toHant);
    process.stdout.write(`firefox toggle: first change ${firstChangeMs} ms after the click\n`);
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
});
