// Run by test/ui/cached-widest-line.test.ts through bin/run-ts.js (the entry points' set-up): renders one Ink
// frame and prints how many texts the cached widest-line measured, which is 0 unless Ink's import reached it.
import { EventEmitter } from 'node:events';
import React from 'react';
import { render, Text } from 'ink';

class Terminal extends EventEmitter {
  columns = 80;
  rows = 24;
  isTTY = false;
  write = (): boolean => true;
}

const instance = render(<Text>whale… 漢字 63¢</Text>, { stdout: new Terminal() as unknown as NodeJS.WriteStream, patchConsole: false });
await new Promise((resolve) => setTimeout(resolve, 50));
instance.unmount();
// Imported only now, as the app does never: the module must have been loaded through Ink's import alone.
const { measuredTexts } = await import('../../src/ui/ink/cached-widest-line.ts');
process.stdout.write(`${measuredTexts()}\n`);
