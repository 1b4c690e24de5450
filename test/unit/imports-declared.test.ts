/**
 * Every package the code imports is declared in package.json (issue 16: strip-ansi was used but undeclared, so
 * it worked only while another package happened to pull it in). What ships (src/, bin/whaletop.js) may import
 * only dependencies and optional dependencies; tests, benchmarks and scripts may use dev dependencies too.
 * Imports are read by TypeScript's own pre-processor (static, dynamic and type-only imports alike).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/lib/package-root.ts';

const root = packageRoot();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
const shipped = new Set([...Object.keys(pkg['dependencies'] ?? {}), ...Object.keys(pkg['optionalDependencies'] ?? {})]);
const all = new Set([...shipped, ...Object.keys(pkg['devDependencies'] ?? {})]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'fixtures' ? [] : sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** The package an import specifier names (`@scope/name/sub` → `@scope/name`), or null for a relative or built-in one. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return builtinModules.includes(name) ? null : name;
}

function undeclared(files: string[], declared: Set<string>): string[] {
  const missing: string[] = [];
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      const name = packageOf(fileName);
      if (name !== null && !declared.has(name)) missing.push(`${relative(root, file)}: ${fileName}`);
    }
  }
  return missing;
}

describe('imports are declared in package.json', () => {
  it('what ships imports only dependencies and optional dependencies', () => {
    const files = [...sourceFiles(join(root, 'src')), join(root, 'bin/whaletop.js')];
    expect(files.length).toBeGreaterThan(50);
    expect(undeclared(files, shipped)).toEqual([]);
  });

  it('tests, benchmarks and scripts import only declared packages', () => {
    const files = ['test', 'bench', 'scripts', 'bin'].flatMap((dir) => sourceFiles(join(root, dir)));
    expect(undeclared(files, all)).toEqual([]);
  });

  it('the check sees a package that is not declared', () => {
    expect(packageOf('@alcalzone/ansi-tokenize/sub')).toBe('@alcalzone/ansi-tokenize');
    expect(packageOf('fs')).toBeNull();
    expect(packageOf('./x.ts')).toBeNull();
    const file = join(root, 'test/unit/imports-declared.test.ts');
    expect(undeclared([file], new Set(['vitest']))).toEqual(expect.arrayContaining(['test/unit/imports-declared.test.ts: typescript']));
  });
});
