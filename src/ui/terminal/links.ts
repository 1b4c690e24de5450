/**
 * Acting on what the screen shows (issue 15): the polymarket.com address of a wallet or market, built by us from
 * ids we validated (never a URL from the data), yanked to the clipboard with OSC 52 or opened in a browser.
 */
import { spawn } from 'node:child_process';

const WALLET = /^0x[0-9a-fA-F]{40}$/;
/** Polymarket slugs: lower-case words joined by hyphens (digits allowed). */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** polymarket.com profile of `wallet`, or null when it is not a 0x + 40 hex address. */
export function walletUrl(wallet: string): string | null {
  return WALLET.test(wallet) ? `https://polymarket.com/profile/${wallet.toLowerCase()}` : null;
}

/** polymarket.com page of the market `slug`, or null when the slug is not a plain slug (≤ 200 characters). */
export function marketUrl(slug: string): string | null {
  return slug.length <= 200 && SLUG.test(slug) ? `https://polymarket.com/market/${slug}` : null;
}

/**
 * OSC 52 "set clipboard" for `text`. tmux passes it on with `set-clipboard on` (and stores it as a buffer with
 * `external`); terminals that do not support it ignore it, which is why the status line shows the text too.
 */
export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/** An OSC 8 hyperlink showing `text` and pointing at `url` (only ever one of ours: see walletUrl/marketUrl). */
export function osc8(url: string, text = url): string {
  return `\u001b]8;;${url}\u001b\\${text}\u001b]8;;\u001b\\`;
}

/** Whether a browser can be opened here: a desktop session, not a shell over SSH. */
export function canOpenBrowser(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  if (env.SSH_CONNECTION || env.SSH_TTY) return false;
  if (platform === 'darwin') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Opens `url` with xdg-open/open, detached, output ignored; resolves false if the opener could not start. */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(platform === 'darwin' ? 'open' : 'xdg-open', [url], { detached: true, stdio: 'ignore' });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
