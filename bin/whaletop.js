#!/usr/bin/env node
// Entry point of the `whaletop` executable.
import './setup.js';

await import('../src/cli.ts');
