import type { Config } from '../config/index.ts';
import { errorMessage } from '../lib/error-message.ts';
import { fileLogger } from '../lib/log.ts';
import { sanitizeText } from '../lib/sanitize.ts';
import { findWalletsByName } from '../store/queries/search.ts';
import {
  WALLET_ADDRESS,
  followWallet,
  listFollowedWallets,
  setFollowAlertSettings,
  unfollowWallet,
  type FollowedWallet,
} from '../store/state/followed-wallets.ts';
import type { Store } from '../store/types.ts';
import { openConfiguredStore } from './store.ts';
import type { Output } from './output.ts';

/** One followed wallet as a line: address, name, alert settings. */
export function describeFollowed(f: FollowedWallet): string {
  const alerts = f.alertsEnabled
    ? `alerts on${f.minTradeUsd > 0 ? ` ≥ $${f.minTradeUsd}` : ''}${f.quietSeconds !== null ? `, quiet ${f.quietSeconds} s` : ''}`
    : 'alerts off';
  return `${f.wallet}  ${f.label || '—'}  (${alerts})`;
}

/** A wallet address, or the one wallet the store knows by that name; an error line otherwise. */
async function resolveWallet(store: Store, target: string): Promise<{ wallet: string; label: string } | { error: string }> {
  if (WALLET_ADDRESS.test(target.trim())) return { wallet: target.trim().toLowerCase(), label: '' };
  const hits = await findWalletsByName(store, target);
  const shown = sanitizeText(target);
  if (hits.length === 0) return { error: `no wallet named '${shown}' in the store; give its address (0x + 40 hex digits)` };
  if (hits.length > 1) return { error: `'${shown}' names ${hits.length} wallets: ${hits.map((h) => h.key).join(', ')}; give the address` };
  return { wallet: hits[0]!.key, label: hits[0]!.label };
}

/**
 * `whaletop follow [<wallet|name>] [--alerts on|off] [--min-trade USDC] [--quiet S]` and
 * `whaletop unfollow <wallet|name>`: the shell's side of `w` in the TUI. Without a wallet, `follow` lists the
 * followed wallets. A running monitor picks a change up at its next watchlist refresh and position-sync run.
 */
export async function followCommand(config: Config, out: Output): Promise<number> {
  const logger = fileLogger(config.logFile as string, config.logLevel);
  try {
    const opened = await openConfiguredStore(config, logger, out);
    if (!opened) return 1;
    const { store } = opened;
    try {
      if (config.followTarget === undefined) {
        const all = await listFollowedWallets(store);
        out.print(all.length === 0 ? 'no followed wallets (whaletop follow <wallet|name>, or `w` in the TUI)' : all.map(describeFollowed).join('\n'));
        return 0;
      }
      const resolved = await resolveWallet(store, config.followTarget);
      if ('error' in resolved) {
        out.error(resolved.error);
        return 2;
      }
      if (config.command === 'unfollow') {
        const was = await unfollowWallet(store, resolved.wallet);
        out.print(was ? `unfollowed ${resolved.wallet}` : `${resolved.wallet} was not followed`);
        return 0;
      }
      let followed = await followWallet(store, resolved.wallet, { label: resolved.label });
      const settings = {
        ...(config.followAlerts !== undefined ? { alertsEnabled: config.followAlerts } : {}),
        ...(config.followMinTrade !== undefined ? { minTradeUsd: config.followMinTrade } : {}),
        ...(config.followQuiet !== undefined ? { quietSeconds: config.followQuiet } : {}),
      };
      if (Object.keys(settings).length > 0) followed = await setFollowAlertSettings(store, resolved.wallet, settings);
      out.print(`following ${describeFollowed(followed)}`);
      return 0;
    } catch (err) {
      out.error(`${config.command}: ${errorMessage(err)}`);
      return 1;
    } finally {
      await store.close();
    }
  } finally {
    await logger.close();
  }
}
