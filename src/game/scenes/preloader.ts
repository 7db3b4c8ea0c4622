import { Scene } from 'phaser';
import { SCENE_KEYS } from '../keys.ts';

/** Draws the desk's textures with a progress bar, then opens the desk. */
export class Preloader extends Scene {
  constructor() {
    super(SCENE_KEYS.preloader);
  }

  create(): void {
    const { width, height } = this.scale;
    const bar = this.add.rectangle(width / 2 - 150, height / 2, 4, 12, 0x5eead4).setOrigin(0, 0.5);
    this.add.rectangle(width / 2, height / 2, 304, 16).setStrokeStyle(1, 0x94a3b8);
    const g = this.make.graphics({}, false);
    g.fillStyle(0x1e293b).fillRoundedRect(0, 0, 120, 80, 10).fillStyle(0x334155).fillRoundedRect(10, 10, 100, 24, 6);
    g.generateTexture('phone', 120, 80);
    bar.width = 300;
    g.destroy();
    this.scene.start(SCENE_KEYS.desk);
  }
}
