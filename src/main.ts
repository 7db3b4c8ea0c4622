/**
 * Entry point and composition root of the game: builds the browser's adapters and hands them to
 * the DOM layer, which starts at once; the Phaser desk loads in its own chunk behind it. With
 * `?join=CODE` (the classroom's QR code) the trainee joins the class first, then plays the class's
 * calls in the same game. A test build (`vite build --mode e2e`) also installs the test hooks.
 */
import { SOLO_PLAY, type PlayContext } from './core/ports/play-context.ts';
import { startApp } from './ui/app.ts';
import { installTestHooks } from './ui/test-hooks.ts';
import { browserGamePorts } from './wiring/browser-game-ports.ts';
import './ui/styles.css';

const root = document.getElementById('app');
const canvas = document.getElementById('desk-canvas');
if (root === null || canvas === null) throw new Error('index.html lacks #app or #desk-canvas');
/** Phaser loads behind the menu: the app asks for the desk once the menu is up. */
const desk = () => import('./game/start-game.ts').then(({ startGame }) => startGame(canvas));
const observer = import.meta.env.MODE === 'e2e' ? installTestHooks() : null;
const start = (host: HTMLElement, context: PlayContext) => startApp(host, context, browserGamePorts(desk, observer));
const join = new URLSearchParams(location.search).get('join');
if (join !== null) {
  void Promise.all([import('./ui/classroom/trainee-entry.ts'), import('./net/trainee-client.ts'), import('./net/classroom-api.ts')]).then(([{ startTraineeSession }, { TraineeClient }, { api }]) =>
    startTraineeSession(root, start, join, TraineeClient, api),
  );
} else {
  start(root, SOLO_PLAY);
}
