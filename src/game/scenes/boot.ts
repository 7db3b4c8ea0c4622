import { Scene } from 'phaser';
import { SCENE_KEYS } from '../keys.ts';

/** Sets the background and moves on; the canvas is ambience, so nothing heavy loads here. */
export class Boot extends Scene {
  constructor() {
    super(SCENE_KEYS.boot);
  }

  create(): void {
    this.cameras.main.setBackgroundColor('#0f1720');
    this.scene.start(SCENE_KEYS.preloader);
  }
}
