/**
 * Everything the game's screens reach outside themselves, as ports. The page's entry (main.ts, the
 * classroom's join page) builds the browser's adapters and hands them to the app; the screens
 * never import storage, network or audio code themselves.
 */
import type { RunLog } from '../../shared/call-events.ts';
import type { Scorecard } from '../../shared/scorecard.ts';
import type { BestResultsStore } from './best-results.ts';
import type { CallTickets } from './call-tickets.ts';
import type { DeskDisplay } from './desk.ts';
import type { DevelopmentStorage } from './development-store.ts';
import type { SavedCallStore } from './saved-call.ts';
import type { SettingsStore } from './settings.ts';
import type { SoundBoard } from './sounds.ts';

/** Told what the game is doing (the browser tests read it through window.__HTL__ in test builds). */
export interface GameObserver {
  screen(name: string): void;
  run(run: RunLog | null): void;
  scorecard(card: Scorecard | null): void;
}

export interface GamePorts {
  readonly sounds: SoundBoard;
  readonly settings: SettingsStore;
  readonly savedCall: SavedCallStore;
  readonly bestResults: BestResultsStore;
  readonly tickets: CallTickets;
  readonly development: DevelopmentStorage;
  /** Starts loading the canvas desk; the app calls it once the menu is up (the DOM screens never wait for it). */
  readonly desk: () => Promise<DeskDisplay>;
  readonly observer: GameObserver | null;
}
