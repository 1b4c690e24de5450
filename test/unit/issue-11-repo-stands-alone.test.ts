/**
 * Issue 11, defect 8: a fresh clone with no sibling folders must pass `npm ci && npm test`, and nothing a user
 * reads may point at files they do not have. This scans the repository's own text (sources, tests, benches,
 * schema, CI, entry points, README, docs) for absolute paths of the build machine, for the sibling folders the
 * project was built beside, for the design documents' and interface notes' file names, and for relative module
 * paths or file URLs that climb out of the repository.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const SCANNED = ['src', 'test', 'bench', 'schema', 'bin', '.ci', 'docs', 'README.md', 'Dockerfile', 'docker-compose.yml', 'vitest.config.ts', 'package.json', 'tsconfig.json'];
/** The recorded responses are data, quoted byte for byte; their SOURCES.md names upstream repositories. */
const SKIPPED = new Set(['node_modules', '.git', join('test', 'fixtures', 'polymarket')]);
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|md|sql|ya?ml|sh)$|^(run|Dockerfile)$/;

function files(path: string): string[] {
  const rel = relative(ROOT, path);
  if (SKIPPED.has(rel) || SKIPPED.has(rel.split('/').pop() ?? '')) return [];
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return [];
  }
  if (stat.isDirectory()) return readdirSync(path).flatMap((name) => files(join(path, name)));
  return TEXT.test(path.split('/').pop() ?? '') ? [path] : [];
}

/** What must never appear: the build machine's folders and the names of files that live outside the repo. */
const FORBIDDEN: readonly { what: string; pattern: RegExp }[] = [
  { what: 'an absolute path of the build machine', pattern: /\/work\// },
  { what: 'a sibling folder of the checkout', pattern: /\.\.\/shared\b|\bshared\/(seeds|fixtures|POLYMARKET_API|HOUSE_STYLE)/ },
  { what: 'a design document by its file path', pattern: /\bseeds\/\d{3}|\bseeds\/README/ },
  { what: 'the interface notes of the build', pattern: /\binterfaces\.md\b/ },
];

/** Relative specifiers in imports and `new URL(…, import.meta.url)`, resolved against their file. */
const RELATIVE_REF = /(?:from\s+|import\(\s*|new URL\(\s*)['"](\.\.?\/[^'"]*)['"]/g;

describe('issue-11 the repository stands alone', () => {
  const all = SCANNED.flatMap((p) => files(join(ROOT, p)));

  it('scans the sources, tests and docs (the scan itself works)', () => {
    expect(all.some((f) => f.endsWith(join('src', 'cli.ts')))).toBe(true);
    expect(all.some((f) => f.endsWith('README.md'))).toBe(true);
    expect(all.length).toBeGreaterThan(200);
  });

  it('no file names a path outside the repository', () => {
    const hits: string[] = [];
    for (const file of all) {
      const text = readFileSync(file, 'utf8');
      text.split('\n').forEach((line, i) => {
        for (const { what, pattern } of FORBIDDEN) {
          // This file spells the patterns out; its own lines are the rule, not a reference.
          if (file === fileURLToPath(import.meta.url)) continue;
          if (pattern.test(line)) hits.push(`${relative(ROOT, file)}:${i + 1} ${what}: ${line.trim()}`);
        }
      });
    }
    expect(hits).toEqual([]);
  });

  it('no relative import or file URL climbs out of the repository', () => {
    const escapes: string[] = [];
    for (const file of all.filter((f) => /\.(ts|tsx|js|mjs)$/.test(f))) {
      for (const m of readFileSync(file, 'utf8').matchAll(RELATIVE_REF)) {
        const target = resolve(dirname(file), m[1]!);
        if (relative(ROOT, target).startsWith('..')) escapes.push(`${relative(ROOT, file)}: ${m[1]}`);
      }
    }
    expect(escapes).toEqual([]);
  });
});
