/**
 * The trainee's page (/classroom/join.html?join=CODE), and its composition root: join, then the
 * real game (DOM screens; the Phaser desk joins when the game's own entry starts a classroom, see
 * main.ts) with a PlayContext for this session and the browser's adapters. A test build exposes
 * the session and the game's state on window for the browser tests.
 */
import { startApp } from '../app.ts';
import '../styles.css';
import { NO_DESK } from '../../core/ports/desk.ts';
import { TraineeClient } from '../../net/trainee-client.ts';
import { api } from '../../net/classroom-api.ts';
import { browserGamePorts } from '../../wiring/browser-game-ports.ts';
import { installTestHooks } from '../test-hooks.ts';
import { byId } from './classroom-dom.ts';
import { startTraineeSession, type TraineeSession } from './trainee-entry.ts';

declare global {
  interface Window {
    __CLASSROOM__?: TraineeSession<TraineeClient>;
  }
}

const testBuild = import.meta.env.MODE === 'e2e';
const observer = testBuild ? installTestHooks() : null;
const preset = new URLSearchParams(location.search).get('join') ?? '';
void startTraineeSession(byId('app'), (root, context) => startApp(root, context, browserGamePorts(() => Promise.resolve(NO_DESK), observer)), preset, TraineeClient, api)
  .then((session) => { if (testBuild) window.__CLASSROOM__ = session; });
