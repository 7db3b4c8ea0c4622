import { Scene, type GameObjects } from 'phaser';
import { SCENE_KEYS } from '../keys.ts';
import type { DeskState } from '../../core/ports/desk.ts';

/** The desk: a phone that shakes while ringing, the customer's face (mood) and patience bar. Thin: it only draws DeskState. */
export class Desk extends Scene {
  private phone!: GameObjects.Image;
  private face!: GameObjects.Graphics;
  private patience!: GameObjects.Graphics;
  private state: DeskState | null = null;
  private reducedMotion = false;

  constructor() {
    super(SCENE_KEYS.desk);
  }

  create(): void {
    this.reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.phone = this.add.image(0, 0, 'phone');
    this.face = this.add.graphics();
    this.patience = this.add.graphics();
    this.scale.on('resize', () => this.draw());
    this.draw();
  }

  show(state: DeskState | null): void {
    this.state = state;
    this.draw();
  }

  override update(time: number): void {
    const ringing = this.state?.phase === 'ringing';
    this.phone.setAngle(ringing && !this.reducedMotion ? Math.sin(time / 30) * 6 : 0);
  }

  private draw(): void {
    if (!this.phone) return;
    const x = (this.state?.anchor.x ?? 0) + 90;
    const y = this.state?.anchor.y ?? 0;
    this.phone.setPosition(x, y).setVisible(this.state !== null);
    this.face.clear();
    this.patience.clear();
    if (this.state === null) return;
    const mood = this.state.mood;
    const colour = mood < -1 ? 0xf87171 : mood > 1 ? 0x4ade80 : 0xfacc15;
    const cx = x - 180;
    this.face.fillStyle(colour, 0.9).fillCircle(cx, y, 34);
    this.face.fillStyle(0x0f1720).fillCircle(cx - 12, y - 10, 4).fillCircle(cx + 12, y - 10, 4);
    this.face.lineStyle(4, 0x0f1720);
    this.face.beginPath();
    const curve = mood / 5;
    this.face.moveTo(cx - 14, y + 14 - curve * 6);
    this.face.lineTo(cx, y + 14 + curve * 6);
    this.face.lineTo(cx + 14, y + 14 - curve * 6);
    this.face.strokePath();
    const share = this.state.patience / 100;
    this.patience.fillStyle(0x334155).fillRect(cx - 40, y + 48, 80, 8);
    this.patience.fillStyle(share < 0.3 ? 0xf87171 : 0x5eead4).fillRect(cx - 40, y + 48, 80 * share, 8);
  }
}
