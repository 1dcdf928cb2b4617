// The main flows in Chromium; tests/e2e-firefox/flows.e2e.test.ts runs the same ones in Firefox ESR
// and both compare with the same expected outcome (parity/main-flows.ts).
import { afterAll, beforeAll, describe } from 'vitest';
import { createConverterFactory, type ConvertFn } from '../../lib/convert/index';
import { createNodeDictLoader } from '../../lib/convert/load-node';
import { launchChromiumDriver, type ChromiumDriver } from './parity/chromium-driver';
import { routePages } from './parity/flows';
import { defineMainFlows } from './parity/main-flows';

describe('main flows in Chromium, as in Firefox', () => {
  let d: ChromiumDriver;
  let toHant: ConvertFn;

  beforeAll(async () => {
    toHant = await createConverterFactory(createNodeDictLoader()).get('cn', 'twp');
    d = await launchChromiumDriver();
    routePages(d);
  });
  afterAll(async () => d?.close());

  defineMainFlows('chromium', () => ({ d, toHant }));
});
