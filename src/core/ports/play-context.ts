/**
 * The port through which something outside the game (a classroom session) shapes what the game
 * offers and hears about finished calls. The game reads it; the classroom client provides it.
 * With no classroom, the game uses SOLO_PLAY.
 */
import type { RunLog } from '../../shared/call-events.ts';
import type { Scorecard } from '../../shared/scorecard.ts';

export interface PlayContext {
  /** Content hashes of the calls the menu offers, in order (a call's one identity); null offers the whole library. */
  readonly scenarioHashes: readonly string[] | null;
  /** Scenario files to load besides the shipped library (a trainer's uploads), as file name and text. */
  readonly extraScenarios: readonly { readonly file: string; readonly text: string }[];
  /** A short line the game shows at the top, e.g. "Class K7QP-2M · playing as Sam". */
  readonly banner: string | null;
  /** The pace the trainer chose for the session; absent: the trainee's own setting (untimed by default). */
  readonly pace?: 'live' | 'untimed';
  /**
   * Fetches one of the session's calls by hash, for a call the game neither ships nor was given in
   * `extraScenarios` (the classroom server's library may be newer than this page); null when it cannot.
   */
  readonly sessionFile?: (hash: string) => Promise<{ readonly file: string; readonly text: string } | null>;
  /** Told after each call's wrap-up, with the run log and the core's scorecard. */
  callFinished(run: RunLog, scorecard: Scorecard): void;
}

/** What the game made of the session's calls after the trainer changed them. */
export interface SessionCallsChecked {
  /** The content hashes of the session's calls now on the menu, ready to play. */
  readonly playable: readonly string[];
  /** What the trainee should do about calls this browser could not load; null when none. */
  readonly note: string | null;
  /** The trainee is on a call (which goes on; the menu shows the new calls when it ends). */
  readonly onCall: boolean;
}

/** The running game, as the page that started it holds it. */
export interface RunningGame {
  /**
   * The trainer changed the session's calls: the menu offers these (by content hash, in this
   * order) from now on, fetching and checking the ones it lacks. A call being played goes on.
   */
  sessionCallsChanged(hashes: readonly string[]): Promise<SessionCallsChecked>;
}

export const SOLO_PLAY: PlayContext = Object.freeze({
  scenarioHashes: null,
  extraScenarios: [],
  banner: null,
  callFinished: () => undefined,
});
