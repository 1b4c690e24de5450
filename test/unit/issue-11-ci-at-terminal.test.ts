/**
 * Issue 11, defect 1: at a terminal, CI variables must not reach Ink or chalk (chalk turns colour off when CI is
 * set at all, even to 'false'). The tmux e2e checks the colours on screen; this pins the rule itself.
 */
import { describe, expect, it } from 'vitest';
import { forgetCiAtTerminal } from '../../src/ui/terminal-env.ts';

describe('issue-11 CI variables at a terminal', () => {
  it('removes CI and CONTINUOUS_INTEGRATION, whatever their value, when stdout is a terminal', () => {
    const env: NodeJS.ProcessEnv = { CI: 'false', CONTINUOUS_INTEGRATION: 'true', NO_COLOR: '1', HOME: '/home/x' };
    expect(forgetCiAtTerminal(env, true)).toEqual(['CI', 'CONTINUOUS_INTEGRATION']);
    expect(env).toEqual({ NO_COLOR: '1', HOME: '/home/x' });
  });

  it('keeps them without a terminal (a CI log), so Ink keeps its CI mode there', () => {
    const env: NodeJS.ProcessEnv = { CI: 'true' };
    expect(forgetCiAtTerminal(env, false)).toEqual([]);
    expect(env).toEqual({ CI: 'true' });
  });
});
