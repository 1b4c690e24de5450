import { concentrationPane } from './Concentration/index.ts';
import { leaderboardPane } from './Leaderboard/index.ts';
import { liveSignalsPane } from './LiveSignals/index.ts';
import { smartMoneyPane } from './SmartMoney/index.ts';
import type { TablePaneSpec } from './types.ts';
import { whaleActivityPane } from './WhaleActivity/index.ts';

/** The five tabs' panes, in tab order. */
export const PANES: readonly TablePaneSpec<unknown>[] = [
  leaderboardPane,
  whaleActivityPane,
  smartMoneyPane,
  concentrationPane,
  liveSignalsPane,
] as unknown as readonly TablePaneSpec<unknown>[];
