#!/usr/bin/env node
// The `baozhai` command: the same lib/ code as the extension, run on Node through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
