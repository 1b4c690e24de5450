/** Frame helpers for ink-testing-library tests: wait on a predicate with a deadline, print the frame on failure. */
import stripAnsi from 'strip-ansi';

/** Waits until `predicate(lastFrame())` holds; throws with the last frame (ANSI stripped) after `timeoutMs`. */
export async function waitForFrame(
  lastFrame: () => string | undefined,
  predicate: (frame: string) => boolean,
  timeoutMs = 5_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = lastFrame() ?? '';
    if (predicate(stripAnsi(frame))) return frame;
    if (Date.now() > deadline) {
      throw new Error(`frame did not match within ${timeoutMs} ms; last frame:\n${stripAnsi(frame)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits for plain `text` in the frame. */
export const waitForText = (lastFrame: () => string | undefined, text: string, timeoutMs?: number): Promise<string> =>
  waitForFrame(lastFrame, (f) => f.includes(text), timeoutMs);

/** The frame with ANSI removed. */
export const plain = (frame: string | undefined): string => stripAnsi(frame ?? '');

/** The selected row of a frame (the line with the `›` gutter), plain; '' when none. */
export const selectedLine = (frame: string | undefined): string => plain(frame).split('\n').find((l) => l.startsWith('›')) ?? '';
