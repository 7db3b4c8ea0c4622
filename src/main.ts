/**
 * Entry point: the DOM layer starts at once; the Phaser desk loads in its own chunk behind it.
 * With `?join=CODE` (the classroom's QR code) the trainee joins the class first, then plays the
 * class's calls in the same game.
 */
import { SOLO_PLAY } from './core/ports/play-context.ts';
import { startApp } from './ui/app.ts';
import { whenMenuUsable } from './ui/after-menu.ts';
import './ui/styles.css';

const root = document.getElementById('app');
const canvas = document.getElementById('desk-canvas');
if (root === null || canvas === null) throw new Error('index.html lacks #app or #desk-canvas');
// The Phaser desk (the largest chunk) loads once the menu is usable, never ahead of it.
const desk = whenMenuUsable(root).then(() => import('./game/start-game.ts')).then(({ startGame }) => startGame(canvas));
const join = new URLSearchParams(location.search).get('join');
if (join !== null) {
  void import('./ui/classroom/trainee-entry.ts').then(({ startTraineeSession }) =>
    startTraineeSession(root, (r, context) => startApp(r, context, desk), join),
  );
} else {
  startApp(root, SOLO_PLAY, desk);
}
