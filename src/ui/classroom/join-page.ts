/**
 * The trainee's page (/classroom/join.html?join=CODE): join, then the real game (DOM screens; the
 * Phaser desk joins when the game's own entry starts a classroom, see trainee-entry.ts) with a
 * PlayContext for this session. The session is exposed on window for the browser tests.
 */
import { startApp } from '../app.ts';
import '../styles.css';
import { byId } from './classroom-dom.ts';
import { startTraineeSession, type TraineeSession } from './trainee-entry.ts';

declare global {
  interface Window {
    __CLASSROOM__?: TraineeSession;
  }
}

const preset = new URLSearchParams(location.search).get('join') ?? '';
void startTraineeSession(byId('app'), (root, context) => startApp(root, context), preset).then((session) => (window.__CLASSROOM__ = session));
