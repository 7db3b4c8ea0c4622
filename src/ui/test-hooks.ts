/**
 * Read-only state for the browser tests (window.__HTL__). Only a test build (`vite build --mode
 * e2e`) installs it: the page's entry checks the mode, so a production bundle has none of it.
 */
import type { GameObserver } from '../core/ports/game-ports.ts';
import type { RunLog } from '../shared/call-events.ts';
import type { Scorecard } from '../shared/scorecard.ts';

export interface TestHooks {
  screen: string;
  runLog: RunLog | null;
  scorecard: Scorecard | null;
}

declare global {
  interface Window {
    __HTL__?: TestHooks;
  }
}

export function installTestHooks(): GameObserver {
  const hooks: TestHooks = { screen: 'loading', runLog: null, scorecard: null };
  window.__HTL__ = hooks;
  return {
    screen: (name) => { hooks.screen = name; },
    run: (run) => { hooks.runLog = run; },
    scorecard: (card) => { hooks.scorecard = card; },
  };
}
