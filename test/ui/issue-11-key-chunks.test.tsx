/**
 * Issue 11, defect 4: keys that arrive in one read (`tmux send-keys jjjjj`, key repeat, a paste over SSH) all
 * count, in order, escape sequences kept whole. The split is checked against Ink itself: a character sent alone
 * must be described exactly as Ink describes it, and a chunk must act like its characters sent one by one.
 */
import React from 'react';
import { Text, useInput, type Key } from 'ink';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyOf, splitKeys } from '../../src/ui/hooks/key-chunks.ts';
import { closeTestStore, openTestStore, type TestStore } from '../helpers/store.ts';
import { seedDashboard } from './helpers/seed.ts';
import { plain, selectedLine, waitForFrame, waitForText } from './helpers/frames.ts';
import { mountApp } from './helpers/mount.ts';

/** Records every (input, key) Ink's useInput delivers. */
function Recorder({ events }: { events: { input: string; key: Key }[] }): React.JSX.Element {
  useInput((input, key) => {
    events.push({ input, key: { ...key } });
  });
  return <Text>recording</Text>;
}

/** The flags a key map can look at (Ink also reports eventType and the like for kitty keyboards). */
const FLAGS = ['upArrow', 'downArrow', 'leftArrow', 'rightArrow', 'pageDown', 'pageUp', 'home', 'end', 'return', 'escape', 'ctrl', 'shift', 'tab', 'backspace', 'delete', 'meta'] as const;
const flags = (key: Key) => Object.fromEntries(FLAGS.map((f) => [f, key[f]]));

async function inkEventsFor(chunks: readonly string[]): Promise<{ input: string; key: Key }[]> {
  const events: { input: string; key: Key }[] = [];
  const app = render(<Recorder events={events} />);
  try {
    for (const chunk of chunks) {
      const before = events.length;
      app.stdin.write(chunk);
      const deadline = Date.now() + 2_000;
      while (events.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    }
    return events;
  } finally {
    app.unmount();
  }
}

let store: TestStore;
beforeAll(async () => {
  store = await openTestStore();
  await seedDashboard(store);
});
afterAll(async () => closeTestStore(store));

describe('issue-11 keys that arrive in one read', () => {
  it('describes every character the way Ink does when it arrives alone', async () => {
    const chars = ['j', 'k', 'G', 'q', '?', '/', ' ', '1', '+', 'é', '👍', '\r', '\t', '\x7f', '\b', '\x03', '\x01'];
    const ink = await inkEventsFor(chars);
    expect(ink).toHaveLength(chars.length);
    chars.forEach((c, i) => {
      const mine = keyOf(c);
      expect({ input: mine.input, ...flags(mine.key) }, JSON.stringify(c)).toEqual({ input: ink[i]!.input, ...flags(ink[i]!.key) });
    });
  });

  it('Ink delivers a run of characters as one input: the split turns it back into keys, in order', async () => {
    const [run] = await inkEventsFor(['jj\rk\x03']);
    expect(run!.input).toBe('jj\rk\x03');
    const keys = splitKeys(run!.input, run!.key);
    expect(keys.map((k) => (k.key.return ? 'RET' : k.key.ctrl ? `C-${k.input}` : k.input))).toEqual(['j', 'j', 'RET', 'k', 'C-c']);
    // A special key is never split.
    const [down] = await inkEventsFor(['\x1b[B']);
    expect(splitKeys(down!.input, down!.key)).toHaveLength(1);
  });

  it('jj in one write moves the selection two rows; 2j switches tab, then moves', async () => {
    const app = mountApp(store);
    try {
      await waitForText(app.lastFrame, 'AlphaWhale');
      app.stdin.write('jj');
      await waitForFrame(app.lastFrame, (f) => selectedLine(f).includes('#3'));
      app.stdin.write('k\x1b[Ak');
      // An escape sequence in the middle stays one key (↑); the three moves clamp at the top.
      await waitForFrame(app.lastFrame, (f) => selectedLine(f).includes('AlphaWhale'));
      // Keys act on what is on screen: the j after 2 moves in tab 2's rows, once they are loaded (its count shows).
      await waitForFrame(app.lastFrame, (f) => /2 (Whale Activity|Whales) \(3\)/.test(f));
      app.stdin.write('2j');
      // Whale activity, newest first: AlphaWhale 2 min ago, then BetaBear an hour ago.
      await waitForFrame(app.lastFrame, (f) => f.includes('[REDEEM]') && selectedLine(f).includes('BetaBear'));
    } finally {
      app.done();
    }
  });

  it('a pasted filter lands whole, after the / that opened it', async () => {
    const app = mountApp(store);
    try {
      await waitForText(app.lastFrame, 'AlphaWhale');
      app.stdin.write('/beta');
      const frame = await waitForFrame(app.lastFrame, (f) => f.includes('/beta') && !f.includes('AlphaWhale'));
      expect(selectedLine(frame)).toContain('BetaBear');
    } finally {
      app.done();
    }
  });
});
