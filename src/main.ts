/** Entry point: the DOM layer starts at once; the Phaser desk loads in its own chunk behind it. */
import { SOLO_PLAY } from './core/ports/play-context.ts';
import { startApp } from './ui/app.ts';
import './ui/styles.css';

const root = document.getElementById('app');
const canvas = document.getElementById('desk-canvas');
if (root === null || canvas === null) throw new Error('index.html lacks #app or #desk-canvas');
const desk = import('./game/start-game.ts').then(({ startGame }) => startGame(canvas));
startApp(root, SOLO_PLAY, desk);
