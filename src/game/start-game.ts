/** Starts the Phaser desk behind the DOM screens and returns the handle the DOM layer draws through. */
import { AUTO, CANVAS, Game, Scale } from 'phaser';
import { Boot } from './scenes/boot.ts';
import { Preloader } from './scenes/preloader.ts';
import { Desk } from './scenes/desk.ts';
import { SCENE_KEYS } from './keys.ts';
import type { DeskDisplay, DeskState } from '../core/ports/desk.ts';

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
  return {
    show(state) {
      pending = state;
      const desk = game.scene.getScene(SCENE_KEYS.desk) as Desk | null;
      if (desk && game.scene.isActive(SCENE_KEYS.desk)) desk.show(pending);
    },
  };
}
