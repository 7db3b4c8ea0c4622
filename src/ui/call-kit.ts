/**
 * What playing a call needs beyond the menu (the engine, scoring, the call and results screens),
 * gathered so the app loads it in one chunk when the first call starts, not before the menu.
 */
export { CallSession } from '../core/engine/call-session.ts';
export { scoreRun } from '../core/scoring/score.ts';
export { mountCallScreen } from './call-screen.ts';
export { resultsScreen } from './results-screen.ts';
