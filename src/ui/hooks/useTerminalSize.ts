import { useStdout } from 'ink';
import { useEffect, useReducer } from 'react';

/**
 * Terminal size, read from the stream on every render (so it is never stale) and re-rendered at once on
 * 'resize'. Falls back to 80×24 when the stream does not say (not a TTY).
 */
export function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    stdout.on('resize', bump);
    return () => {
      stdout.off('resize', bump);
    };
  }, [stdout]);
  return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}
