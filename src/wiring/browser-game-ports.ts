/**
 * The browser's adapters for the game's ports: localStorage for settings, best results and the
 * saved call; IndexedDB for the development record; Howler (loaded on the first sound) for sound;
 * the classroom client for call tickets. Page entries call this; the screens never see the adapters.
 */
import type { GameObserver, GamePorts } from '../core/ports/game-ports.ts';
import type { DeskDisplay } from '../core/ports/desk.ts';
import { BROWSER_SETTINGS } from '../storage/settings.ts';
import { BROWSER_SAVED_CALL } from '../storage/saved-call.ts';
import { BROWSER_BEST_RESULTS } from '../storage/best-results.ts';
import { BROWSER_DEVELOPMENT_STORAGE } from '../storage/development-storage.ts';
import { lazySoundBoard } from '../audio/lazy-sound-board.ts';
import { startClassroomCall } from '../net/classroom-call.ts';

export function browserGamePorts(desk: () => Promise<DeskDisplay>, observer: GameObserver | null): GamePorts {
  return {
    sounds: lazySoundBoard(BROWSER_SETTINGS.load()),
    settings: BROWSER_SETTINGS,
    savedCall: BROWSER_SAVED_CALL,
    bestResults: BROWSER_BEST_RESULTS,
    tickets: { startCall: startClassroomCall },
    development: BROWSER_DEVELOPMENT_STORAGE,
    desk,
    observer,
  };
}
