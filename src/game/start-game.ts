/** Starts the Phaser desk behind the DOM screens and returns the handle the DOM layer draws through. */
import { AUTO, CANVAS, Game, Scale } from 'phaser';
import { Boot } from './scenes/boot.ts';
import { Preloader } from './scenes/preloader.ts';
import { Desk } from './scenes/desk.ts';
import { SCENE_KEYS } from './keys.ts';
import type { DeskDisplay, DeskState } from '../core/ports/desk.ts';

declare global {
  interface Window {
    /** The desk as the end-to-end tests see it: the last state shown, and a way to show another. */
    __HTL_DESK__?: { last: () => DeskState | null; show: (state: DeskState | null) => void };
  }
}

export function startGame(parent: HTMLElement, preferCanvas = true): DeskDisplay {
  const game = new Game({
    type: preferCanvas ? CANVAS : AUTO,
    parent,
    backgroundColor: '#0f1720',
    scale: { mode: Scale.RESIZE, width: parent.clientWidth || 1280, height: parent.clientHeight || 720 },
    scene: [Boot, Preloader, Desk],
    banner: false,
    audio: { noAudio: true },
  });
  let pending: DeskState | null = null;
  const desk = (): Desk | null => (game.scene.isActive(SCENE_KEYS.desk) ? (game.scene.getScene(SCENE_KEYS.desk) as Desk) : null);
  // The desk scene may start after the first state arrives: it picks up the pending one.
  game.events.once('ready', () => game.scene.getScene(SCENE_KEYS.desk)?.events.once('create', () => desk()?.show(pending)));
  const display: DeskDisplay = {
    show(state) {
      pending = state;
      desk()?.show(pending);
    },
  };
  window.__HTL_DESK__ = { last: () => pending, show: (s) => display.show(s) };
  return display;
}
