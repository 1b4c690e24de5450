import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * whaletop's own directory (the one holding its package.json and schema/): the nearest ancestor of this module
 * with a package.json. Found by walking up, because this code runs from src/lib/ under tsx and from a chunk in
 * dist/ once built, at different depths.
 */
export function packageRoot(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(from)}`);
    dir = parent;
  }
  return dir;
}
