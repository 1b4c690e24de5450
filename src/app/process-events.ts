import type { Logger } from '../lib/log.ts';

/**
 * Nothing may write over the TUI: Node's own warnings go to the log instead of stderr, and a stray rejected
 * promise in background work is logged while the process goes on. An uncaught exception is a crash: it is
 * logged with its stack and handed to `onCrash`, which ends the process through the one shutdown (the terminal
 * is restored first). Returns a function that puts the listeners back as they were.
 */
export function routeProcessEventsToLog(logger: Logger, onCrash: (err: Error) => void): () => void {
  const previousWarnings = process.listeners('warning');
  const onWarning = (warning: Error): void => logger.warn('node warning', { name: warning.name, message: warning.message });
  const onRejection = (reason: unknown): void => logger.error('unhandled rejection', { err: reason });
  const onException = (err: Error): void => {
    logger.error('uncaught exception', { err, stack: err.stack });
    onCrash(err);
  };
  process.removeAllListeners('warning');
  process.on('warning', onWarning);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('warning', onWarning);
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
    for (const listener of previousWarnings) process.on('warning', listener);
  };
}
