import { describe, expect, it } from 'vitest';
import { splitStatements } from '../../src/store/migrate.ts';

describe('splitStatements', () => {
  it('splits at semicolons outside comments and quotes', () => {
    const sql = [
      '-- header; with a semicolon',
      'CREATE TABLE a (x String DEFAULT \';\') ENGINE = Memory; -- trailing; comment',
      '/* block; comment */ CREATE TABLE b (`we;ird` UInt8) ENGINE = Memory;',
      "INSERT INTO a VALUES ('it\\'s -- not a comment');",
      '-- only a comment at the end;',
    ].join('\n');
    expect(splitStatements(sql)).toEqual([
      "CREATE TABLE a (x String DEFAULT ';') ENGINE = Memory",
      'CREATE TABLE b (`we;ird` UInt8) ENGINE = Memory',
      "INSERT INTO a VALUES ('it\\'s -- not a comment')",
    ]);
  });

  it('keeps a last statement without a semicolon and drops empty ones', () => {
    expect(splitStatements(';;\nSELECT 1;\n\nSELECT 2')).toEqual(['SELECT 1', 'SELECT 2']);
  });
});
