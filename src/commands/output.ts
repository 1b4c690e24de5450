/** Where commands print for a person (stdout for results, stderr for notes). Only commands hold one. */
export interface Output {
  /** A result line or block (stdout). */
  print(text: string): void;
  /** A progress or informational note (stderr, so stdout stays machine-readable). */
  info(text: string): void;
  /** A warning (stderr). */
  warn(text: string): void;
  /** An error in one line (stderr). */
  error(text: string): void;
}

/** The process's real streams. */
export function processOutput(): Output {
  return {
    print: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    info: (t) => process.stderr.write(`${t}\n`),
    warn: (t) => process.stderr.write(`whaletop: warning: ${t}\n`),
    error: (t) => process.stderr.write(`whaletop: ${t}\n`),
  };
}
