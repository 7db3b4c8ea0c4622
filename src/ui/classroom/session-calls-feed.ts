/**
 * The calls the trainer adds to a running session, from the server's push to the trainee's menu:
 * each new list goes to the game, which fetches and checks the calls it lacks and puts them on the
 * menu at once (a call being played goes on); then the note above the game says once, politely,
 * what was added and whether it is ready, or what to do when this browser could not load it.
 * A push that arrives before the game has started waits for it.
 */
import type { RunningGame } from '../../core/ports/play-context.ts';
import { addedCallsText, type SessionCallTitle } from './trainee-notes.ts';

export class SessionCallsFeed {
  private game: RunningGame | null = null;
  /** The hashes the trainee has been told of (the menu's first list, then each push's). */
  private known: readonly string[] = [];
  private waiting: readonly SessionCallTitle[] | null = null;

  /** `note` is a polite live region, in the page from the start and empty until there is news. */
  constructor(private readonly note: HTMLElement) {}

  /** The game is running with the session's first list of calls. */
  started(game: RunningGame, hashes: readonly string[]): void {
    this.game = game;
    this.known = hashes;
    if (this.waiting !== null) this.changed(this.waiting);
    this.waiting = null;
  }

  /** The session's calls now (from the server's push, or its welcome after a reconnect). */
  changed(scenarios: readonly SessionCallTitle[]): void {
    if (this.game === null) {
      this.waiting = scenarios;
      return;
    }
    const fresh = scenarios.filter((s) => !this.known.includes(s.hash));
    this.known = scenarios.map((s) => s.hash);
    void this.game.sessionCallsChanged(this.known).then(
      (checked) => this.tell(addedCallsText(fresh, checked.playable, checked.onCall)),
      () => this.tell(addedCallsText(fresh, [], false)),
    );
  }

  private tell(text: string | null): void {
    if (text !== null) this.note.textContent = text;
  }
}
