import { Scene, type GameObjects } from 'phaser';
import { SCENE_KEYS } from '../keys.ts';
import type { DeskState } from '../../core/ports/desk.ts';
import { personaFor, type Persona } from '../../core/persona/persona.ts';
import { expressionFor, isBlinking, postureFor, reactionTo, type Reaction } from '../../core/persona/expression.ts';
import { CALLER_HIDDEN, deskLayout, type Box, type DeskLayout } from '../draw/layout.ts';
import { drawDeskFront, drawRoom } from '../draw/room.ts';
import { drawHead, drawLids, drawTorso, HEAD_Y } from '../draw/caller.ts';
import { clockText, phaseLabel, wallboardFigures } from '../draw/captions.ts';

const NEUTRAL_CALLER: Persona = personaFor({ customer: { name: 'Caller', role: 'holder', mood: 0, patience: 50 }, crm: { fields: [{ key: 'n', label: 'Name', value: 'Caller' }] } }, 2026);
const REACTION_MS = 900;
const MARKS: Record<Reaction, { text: string; colour: string }> = {
  nod: { text: '✓', colour: '#4ade80' },
  flinch: { text: '!', colour: '#f87171' },
  shrug: { text: '…', colour: '#cbd5e1' },
};
const TEXT = { fontFamily: 'system-ui, sans-serif', color: '#e2e8f0' } as const;

/**
 * The desk: the agent's wall (window, wallboard), desk (second screen, headset) and the caller in
 * the middle, whose face and posture follow mood and patience. It only draws what DeskState says.
 */
export class Desk extends Scene {
  private root!: GameObjects.Container;
  private room!: GameObjects.Graphics;
  private front!: GameObjects.Graphics;
  private caller!: GameObjects.Container;
  private torso!: GameObjects.Graphics;
  private head!: GameObjects.Container;
  private face!: GameObjects.Graphics;
  private lids!: GameObjects.Graphics;
  private meter!: GameObjects.Graphics;
  private ring!: GameObjects.Text;
  private bubble!: GameObjects.Text;
  private mark!: GameObjects.Text;
  private board!: GameObjects.Text;
  private screenText!: GameObjects.Text;
  private state: DeskState | null = null;
  private layout: DeskLayout | null = null;
  private drawn = '';
  private roomKey = '';
  private reaction: { kind: Reaction; at: number } | null = null;
  private reducedMotion = false;

  constructor() {
    super(SCENE_KEYS.desk);
  }

  create(): void {
    const motion = window.matchMedia('(prefers-reduced-motion: reduce)');
    this.reducedMotion = motion.matches;
    motion.addEventListener('change', (e) => { this.reducedMotion = e.matches; });
    this.room = this.add.graphics();
    this.torso = this.add.graphics();
    this.face = this.add.graphics();
    this.lids = this.add.graphics().setVisible(false);
    this.head = this.add.container(0, HEAD_Y, [this.face, this.lids]);
    this.caller = this.add.container(0, 0, [this.torso, this.head]);
    this.front = this.add.graphics();
    this.meter = this.add.graphics();
    this.board = this.add.text(0, 0, '', { ...TEXT, color: '#fbbf24' });
    this.screenText = this.add.text(0, 0, '', { ...TEXT, color: '#5eead4' });
    this.ring = this.add.text(0, 0, '☎', { ...TEXT, color: '#facc15' }).setOrigin(0.5);
    this.bubble = this.add.text(0, 0, '', { ...TEXT, color: '#0f1720', backgroundColor: '#f8fafc', padding: { x: 6, y: 3 } }).setOrigin(0.5, 1);
    this.mark = this.add.text(0, 0, '', { ...TEXT, fontStyle: 'bold' }).setOrigin(0.5);
    this.root = this.add.container(0, 0, [this.room, this.caller, this.front, this.meter, this.board, this.screenText, this.ring, this.bubble, this.mark]).setVisible(false);
    this.scale.on('resize', () => { this.roomKey = ''; this.draw(); });
    this.draw();
  }

  show(state: DeskState | null): void {
    const before = this.state;
    this.state = state;
    if (state !== null && before !== null && state.turn !== undefined && state.turn !== before.turn) {
      this.reaction = { kind: reactionTo(before, state), at: this.time.now };
    }
    this.draw();
  }

  private stageBox(state: DeskState): Box {
    if (state.area && state.area.width > 0 && state.area.height > 0) return { x: state.area.x, y: state.area.y, w: state.area.width, h: state.area.height };
    return { x: state.anchor.x - 320, y: state.anchor.y - 80, w: 640, h: 160 };
  }

  private draw(): void {
    if (!this.root) return;
    const s = this.state;
    this.root.setVisible(s !== null);
    if (s === null) return;
    const persona = s.persona ?? NEUTRAL_CALLER;
    const l = deskLayout(this.stageBox(s));
    this.layout = l;
    const ringing = s.phase === 'ringing';
    const roomKey = `${l.stage.x},${l.stage.y},${l.stage.w},${l.stage.h},${persona.room},${ringing}`;
    if (roomKey !== this.roomKey) {
      drawRoom(this.room, l, persona.room, ringing);
      drawDeskFront(this.front, l, ringing);
      this.roomKey = roomKey;
    }
    const expression = expressionFor(s.mood);
    const posture = postureFor(s.mood, s.patience);
    const look = s.phase === 'hold' ? -1 : 0;
    const key = `${persona.name}|${expression}|${posture}|${look}`;
    if (key !== this.drawn) {
      drawTorso(this.torso, persona, posture);
      drawHead(this.face, persona, expression, look);
      drawLids(this.lids, persona);
      this.drawn = key;
    }
    this.caller.setVisible(!ringing);
    this.ring.setVisible(ringing).setPosition(l.caller.x + l.caller.w / 2, l.caller.y + l.caller.h / 2).setFontSize(Math.round(l.caller.h * 0.45));
    this.drawScreen(s, l);
    this.label(s, l);
    this.place(this.time.now);
  }

  private drawScreen(s: DeskState, l: DeskLayout): void {
    const m = l.monitor;
    const size = Math.max(9, Math.round(Math.min(m.h * 0.24, m.w * 0.12)));
    this.screenText.setFontSize(size).setPosition(m.x + m.w * 0.07, m.y + m.h * 0.08).setText(`${phaseLabel(s.phase)}\n${clockText(s.talk, s.target)}`)
      .setColor(s.talk > s.target ? '#fbbf24' : '#5eead4');
    const share = Math.max(0, Math.min(1, s.patience / 100));
    const barY = m.y + m.h * 0.78;
    this.meter.clear();
    this.meter.fillStyle(0x334155).fillRect(m.x + m.w * 0.07, barY, m.w * 0.86, Math.max(3, m.h * 0.1));
    this.meter.fillStyle(share < 0.3 ? 0xf87171 : share < 0.6 ? 0xfacc15 : 0x4ade80).fillRect(m.x + m.w * 0.07, barY, m.w * 0.86 * share, Math.max(3, m.h * 0.1));
    const wb = l.wallboard;
    this.board.setFontSize(Math.max(9, Math.round(Math.min(wb.h * 0.2, wb.w * 0.09)))).setPosition(wb.x + wb.w * 0.06, wb.y + wb.h * 0.1).setText(wallboardFigures(s.talk));
  }

  /** Positions the caller for this frame: posture, breathing, the reaction to the last turn. */
  private place(time: number): void {
    const s = this.state;
    const l = this.layout;
    if (s === null || l === null) return;
    const c = l.caller;
    const posture = postureFor(s.mood, s.patience);
    const still = this.reducedMotion;
    const breath = still ? 0 : Math.sin(time / 900) * 1.5;
    let headX = 0;
    let headY = HEAD_Y + (posture === 'slumped' ? 8 : 0) + breath;
    let angle = posture === 'relaxed' ? 3 : posture === 'slumped' ? -4 : 0;
    let shoulders = 0;
    const r = this.reaction;
    const age = r === null ? Infinity : this.time.now - r.at;
    if (r !== null && age < REACTION_MS && !still) {
      const wave = Math.sin((age / REACTION_MS) * Math.PI * 2);
      if (r.kind === 'nod') headY += wave * 6;
      else if (r.kind === 'flinch') { headX = Math.sin((age / REACTION_MS) * Math.PI * 6) * 5; angle -= 3; }
      else shoulders = -Math.abs(wave) * 6;
    }
    const zoom = l.scale * (posture === 'leaning-in' ? 1.05 : 1);
    this.caller.setPosition(c.x + c.w / 2, c.y + c.h + CALLER_HIDDEN * l.scale).setScale(zoom);
    this.torso.setY(shoulders);
    this.head.setPosition(headX, headY + shoulders).setAngle(angle);
    this.lids.setVisible(!still && isBlinking(time, persona(s).voice.pick * 331 + 17));
    // Text is laid out only when the state changes (see `label`); each frame only moves or hides it.
    this.mark.setVisible(r !== null && age < REACTION_MS * 2 && s.phase !== 'ringing');
    this.bubble.setY(c.y + c.h * 0.22 + (s.phase === 'hold' && !still ? Math.sin(time / 400) * 3 : 0));
  }

  /** The reaction mark and the speech bubble: laid out once per state change, not per frame. */
  private label(s: DeskState, l: DeskLayout): void {
    const c = l.caller;
    const r = this.reaction;
    if (r !== null) {
      this.mark.setText(MARKS[r.kind].text).setColor(MARKS[r.kind].colour).setFontSize(Math.round(c.h * 0.2))
        .setPosition(c.x + c.w * 0.82, c.y + c.h * 0.18);
    }
    const prompt = s.prompting ? 'Hello? Are you still there?' : s.phase === 'hold' ? '♪ ♫ ♪' : '';
    this.bubble.setVisible(prompt !== '').setText(prompt).setFontSize(Math.max(10, Math.round(c.h * 0.1)))
      .setPosition(c.x + c.w / 2, c.y + c.h * 0.22);
  }

  override update(time: number): void {
    if (this.state === null) return;
    this.place(time);
    if (this.state.phase === 'ringing' && !this.reducedMotion) this.ring.setAngle(Math.sin(time / 30) * 10);
    else this.ring.setAngle(0);
  }
}

function persona(s: DeskState): Persona {
  return s.persona ?? NEUTRAL_CALLER;
}
