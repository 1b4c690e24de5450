import { ClickHouseError } from '@clickhouse/client';
import { describe, expect, it } from 'vitest';
import { StoreError, isTransientStoreError, toStoreError } from '../../src/store/errors.ts';

const chError = (code: number, type: string): Error => new ClickHouseError({ message: `boom ${type}`, code: String(code), type });
const netError = (code: string): Error => Object.assign(new Error(`connect ${code}`), { code });

describe('isTransientStoreError', () => {
  it('retries busy-server ClickHouse codes', () => {
    for (const [code, type] of [
      [159, 'TIMEOUT_EXCEEDED'],
      [202, 'TOO_MANY_SIMULTANEOUS_QUERIES'],
      [209, 'SOCKET_TIMEOUT'],
      [210, 'NETWORK_ERROR'],
      [241, 'MEMORY_LIMIT_EXCEEDED'],
      [242, 'TABLE_IS_READ_ONLY'],
      [252, 'TOO_MANY_PARTS'],
    ] as const) {
      expect(isTransientStoreError(chError(code, type))).toBe(true);
    }
  });

  it('does not retry syntax, unknown table, type mismatch', () => {
    expect(isTransientStoreError(chError(62, 'SYNTAX_ERROR'))).toBe(false);
    expect(isTransientStoreError(chError(60, 'UNKNOWN_TABLE'))).toBe(false);
    expect(isTransientStoreError(chError(53, 'TYPE_MISMATCH'))).toBe(false);
  });

  it('retries socket failures by code, also when wrapped as a cause', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'UND_ERR_SOCKET']) expect(isTransientStoreError(netError(code))).toBe(true);
    expect(isTransientStoreError(new Error('outer', { cause: netError('ECONNRESET') }))).toBe(true);
    expect(isTransientStoreError(new Error('no code at all'))).toBe(false);
  });
});

describe('toStoreError', () => {
  it('keeps the ClickHouse code and name', () => {
    const e = toStoreError(chError(241, 'MEMORY_LIMIT_EXCEEDED'), 'insert into t', false);
    expect([e.code, e.clickhouseCode, e.clickhouseType, e.transient]).toEqual(['CLICKHOUSE', 241, 'MEMORY_LIMIT_EXCEEDED', true]);
    expect(e.message).toBe('insert into t: ClickHouse error 241 (MEMORY_LIMIT_EXCEEDED): boom MEMORY_LIMIT_EXCEEDED');
  });

  it('calls an uncoded failure of a server unreachable, of the embedded engine unknown', () => {
    expect(toStoreError(new Error('Timeout error.'), 'query', true)).toMatchObject({ code: 'STORE_UNREACHABLE', transient: true });
    expect(toStoreError(new Error('engine hiccup'), 'query', false)).toMatchObject({ code: 'STORE_UNKNOWN', transient: false });
  });

  it('reports an aborted call as aborted', () => {
    const controller = new AbortController();
    controller.abort();
    expect(toStoreError(new Error('The user aborted a request.'), 'query', true, controller.signal).code).toBe('STORE_ABORTED');
  });

  it('passes a StoreError through', () => {
    const e = new StoreError('STORE_CLOSED', 'closed');
    expect(toStoreError(e, 'x', true)).toBe(e);
  });
});
