import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 16 ("Layers"): SQL lives in `src/store/`; jobs, live, commands and the UI call named store functions.
 * Only string literals and template texts are read (through the TypeScript parser), so comments and prose never
 * count; SQL keywords are matched upper-case, the way every statement here is written, so "Select a row" does not.
 */
const SRC = join(import.meta.dirname, '../../src');
/** Folders allowed to hold SQL: the store, and the simulator (it plays Polymarket, not our database). */
const ALLOWED = ['store/', 'sim/'];

const SQL_PATTERNS: readonly RegExp[] = [
  /^\s*(SELECT|WITH\s+\w+\s+AS\s*\()\s/,
  /\bSELECT\b[\s\S]*\bFROM\b/,
  /\bINSERT\s+INTO\b/,
  /\b(ALTER|CREATE|DROP|TRUNCATE|OPTIMIZE|RENAME)\s+(TABLE|DATABASE|DICTIONARY|VIEW|MATERIALIZED\s+VIEW)\b/,
  /\bFROM\s+[\w.`]+(\s+FINAL)?\s+(WHERE|GROUP\s+BY|ORDER\s+BY|LIMIT)\b/,
  /\bSYSTEM\s+(RELOAD|FLUSH|STOP|START|DROP)\b/,
  /\{\w+:\s*(String|U?Int\d+|Float\d+|DateTime(64)?|Date|Array|Identifier|Bool|Decimal)\b/,
];

/** Whether a literal's text reads as a SQL statement (or a fragment bound with ClickHouse placeholders). */
function looksLikeSql(text: string): boolean {
  return SQL_PATTERNS.some((p) => p.test(text));
}

/** Every string literal and template text of one source file, with its line. */
function literals(file: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
    } else if (ts.isTemplateExpression(node)) {
      // The template's fixed parts joined, so a statement split by `${…}` is still seen whole.
      const text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ? ');
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('SQL lives in src/store (issue 16)', () => {
  it('the detector flags statements and placeholders, not prose', () => {
    expect(looksLikeSql('SELECT count() AS n FROM sync_state FINAL WHERE scope = {scope:String}')).toBe(true);
    expect(looksLikeSql(`\n  SELECT job, rows\n  FROM job_runs FINAL\n  ORDER BY job`)).toBe(true);
    expect(looksLikeSql('WITH board AS (SELECT 1) SELECT * FROM board')).toBe(true);
    expect(looksLikeSql('ALTER TABLE t ADD COLUMN c String')).toBe(true);
    expect(looksLikeSql('proxy_wallet IN {wallets:Array(String)}')).toBe(true);
    expect(looksLikeSql('Select a market from the list, then press Enter')).toBe(false);
    expect(looksLikeSql('rows from the store where the key matches')).toBe(false);
    expect(looksLikeSql('top holders, where smart money sits')).toBe(false);
  });

  it('no string literal outside src/store (and the simulator) holds SQL', () => {
    const offenders = sourceFiles(SRC)
      .map((file) => ({ file, rel: relative(SRC, file).split('\\').join('/') }))
      .filter(({ rel }) => !ALLOWED.some((dir) => rel.startsWith(dir)))
      .flatMap(({ file, rel }) =>
        literals(file)
          .filter((l) => looksLikeSql(l.text))
          .map((l) => `src/${rel}:${l.line}: ${l.text.trim().split('\n')[0]}`),
      );
    expect(offenders).toEqual([]);
  });
});
