// The main flows in real Firefox ESR; tests/e2e/parity.e2e.test.ts runs the same ones in Chromium
// (both from tests/e2e/parity/main-flows.ts).
import { afterAll, beforeAll, describe } from 'vitest';
import { createConverterFactory, type ConvertFn } from '../../lib/convert/index';
import { createNodeDictLoader } from '../../lib/convert/load-node';
import { launchFirefoxDriver, type FirefoxDriver } from '../e2e/parity/firefox-driver';
import { routePages } from '../e2e/parity/flows';
import { defineMainFlows } from '../e2e/parity/main-flows';

describe('main flows in Firefox ESR', () => {
  let d: FirefoxDriver;
  let toHant: ConvertFn;

  beforeAll(async () => {
    toHant = await createConverterFactory(createNodeDictLoader()).get('cn', 'twp');
    d = await launchFirefoxDriver();
    routePages(d);
  });
  afterAll(async () => d?.close());

  defineMainFlows('firefox', () => ({ d, toHant }));
});
