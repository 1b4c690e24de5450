/**
 * Runs before Ink and chalk load (the first import of the UI entry), because both read the environment once, when
 * they are first imported: Ink (is-in-ci) draws only the final frame when `CI` or `CONTINUOUS_INTEGRATION` is set
 * to anything but `0`/`false`, and chalk (supports-color) turns colour off when `CI` is set at all, even to
 * `false`. A person at a terminal is never CI, whatever their shell exports (a CI job's interactive shell, a
 * container image that sets CI=true): when stdout is a terminal, both variables are removed from this process's
 * environment. Without a terminal (a real CI log) they stay, and Ink keeps its CI behaviour. NO_COLOR and
 * `--no-color` are not affected: the theme maps every tone to no colour, and supports-color reads `--no-color` from
 * the arguments itself.
 *
 * Ink 6.8 has no render option for this (its CI test is a module-level constant), so removing the variables is the
 * only way that reaches both libraries.
 */
import { isatty } from 'node:tty';

/** The variables Ink and chalk read to decide they run in CI. */
export const CI_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION'] as const;

/** Removes {@link CI_VARIABLES} from `env` when `interactive`; returns the names it removed. */
export function forgetCiAtTerminal(env: NodeJS.ProcessEnv, interactive: boolean): string[] {
  if (!interactive) return [];
  const removed = CI_VARIABLES.filter((name) => name in env);
  for (const name of removed) delete env[name];
  return removed;
}

forgetCiAtTerminal(process.env, isatty(1));
