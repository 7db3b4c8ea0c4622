/**
 * The caller as a drawn character, in caller units: the torso with its origin at the bottom centre
 * (180 units tall), the head with its origin at the head's centre. Faces follow `Expression`.
 */
import type { GameObjects } from 'phaser';
import type { Persona } from '../../core/persona/persona.ts';
import type { Expression, Posture } from '../../core/persona/expression.ts';

/** Where the head's centre sits above the torso's origin. */
export const HEAD_Y = -125;
const INK = 0x1f1720;
const MOUTH = 0x5a1e24;

const shade = (colour: number, by: number): number => {
  const c = (shift: number) => Math.max(0, Math.min(255, Math.round(((colour >> shift) & 0xff) * by)));
  return (c(16) << 16) | (c(8) << 8) | c(0);
};

export function drawTorso(g: GameObjects.Graphics, p: Persona, posture: Posture): void {
  g.clear();
  g.fillStyle(shade(p.skin, 0.9)).fillRect(-12, -96, 24, 24);
  g.fillStyle(p.top).fillRoundedRect(-76, -80, 152, 80, { tl: 32, tr: 32, bl: 0, br: 0 });
  g.fillStyle(p.skin).fillTriangle(-13, -80, 13, -80, 0, -60);
  if (posture === 'arms-crossed') {
    g.fillStyle(shade(p.top, 0.75)).fillRoundedRect(-62, -44, 124, 24, 12);
    g.fillStyle(shade(p.top, 0.85)).fillRoundedRect(-58, -36, 116, 22, 11);
    g.fillStyle(p.skin).fillCircle(-56, -30, 9).fillCircle(56, -38, 9);
  }
}

function drawHairBack(g: GameObjects.Graphics, p: Persona): void {
  g.fillStyle(p.hair);
  if (p.hairStyle === 'long') g.fillRoundedRect(-44, -36, 88, 92, 24);
  if (p.hairStyle === 'bun') g.fillCircle(0, -44, 13);
}

function drawHairFront(g: GameObjects.Graphics, p: Persona): void {
  g.fillStyle(p.hair);
  switch (p.hairStyle) {
    case 'receding':
      g.fillEllipse(-31, -12, 14, 30).fillEllipse(31, -12, 14, 30);
      break;
    case 'cropped':
      g.slice(0, -12, 36, Math.PI, 0, false).fillPath();
      break;
    case 'curly':
      for (let i = 0; i < 9; i += 1) {
        const a = Math.PI + (i / 8) * Math.PI;
        g.fillCircle(Math.cos(a) * 32, -12 + Math.sin(a) * 30, 12);
      }
      break;
    default:
      g.slice(0, -10, 39, Math.PI, 0, false).fillPath();
      g.fillEllipse(-20, -12, 34, 14);
  }
}

function eyeWhites(g: GameObjects.Graphics, look: number, pupil: number): void {
  for (const x of [-14, 14]) {
    g.fillStyle(0xffffff).fillEllipse(x, -2, 14, 10);
    g.fillStyle(INK).fillCircle(x + look * 3, -2, pupil);
  }
}

const brows = (g: GameObjects.Graphics, colour: number, width: number, inner: number, outer: number): void => {
  g.lineStyle(width, colour);
  g.lineBetween(-22, outer, -7, inner);
  g.lineBetween(22, outer, 7, inner);
};

function drawFeatures(g: GameObjects.Graphics, p: Persona, e: Expression, look: number): void {
  const brow = shade(p.hair, 0.7);
  switch (e) {
    case 'delighted':
      g.lineStyle(3, INK);
      for (const x of [-14, 14]) {
        g.beginPath();
        g.arc(x, 1, 7, Math.PI * 1.1, Math.PI * 1.9, false);
        g.strokePath();
      }
      brows(g, brow, 3, -18, -17);
      g.fillStyle(MOUTH).slice(0, 12, 15, 0, Math.PI, false).fillPath();
      g.fillStyle(0xffffff).fillRect(-10, 12, 20, 3);
      g.fillStyle(0xf49a9a, 0.35).fillEllipse(-22, 10, 12, 7).fillEllipse(22, 10, 12, 7);
      break;
    case 'pleased':
      eyeWhites(g, look, 3.5);
      brows(g, brow, 3, -15, -15);
      g.lineStyle(3, MOUTH);
      g.beginPath();
      g.arc(0, 10, 12, Math.PI * 0.2, Math.PI * 0.8, false);
      g.strokePath();
      break;
    case 'neutral':
      eyeWhites(g, look, 3.5);
      brows(g, brow, 3, -14, -14);
      g.lineStyle(3, MOUTH).lineBetween(-9, 19, 9, 19);
      break;
    case 'worried':
      eyeWhites(g, look, 3);
      brows(g, brow, 3, -19, -13);
      g.lineStyle(3, MOUTH);
      g.beginPath();
      g.arc(0, 27, 8, Math.PI * 1.2, Math.PI * 1.8, false);
      g.strokePath();
      break;
    case 'annoyed':
      eyeWhites(g, look, 3);
      g.fillStyle(p.skin).fillRect(-22, -8, 16, 4).fillRect(6, -8, 16, 4);
      brows(g, brow, 4, -11, -17);
      g.lineStyle(3, MOUTH);
      g.beginPath();
      g.arc(0, 30, 12, Math.PI * 1.15, Math.PI * 1.85, false);
      g.strokePath();
      break;
    case 'furious':
      g.fillStyle(0xd9443a, 0.22).fillEllipse(0, 4, 64, 72);
      g.fillStyle(0xd9443a, 0.4).fillEllipse(-21, 9, 16, 10).fillEllipse(21, 9, 16, 10);
      eyeWhites(g, 0, 2.5);
      g.fillStyle(p.skin).fillRect(-22, -8, 16, 4).fillRect(6, -8, 16, 4);
      brows(g, brow, 5, -9, -21);
      // Shouting: a wide mouth, corners pulled down, teeth showing.
      g.fillStyle(MOUTH).fillRoundedRect(-13, 14, 26, 15, { tl: 4, tr: 4, bl: 9, br: 9 });
      g.fillStyle(0xffffff).fillRect(-10, 14, 20, 3).fillRect(-8, 26, 16, 2);
      g.lineStyle(2.5, INK).lineBetween(-13, 15, -17, 20).lineBetween(13, 15, 17, 20);
      break;
  }
}

/** The head: hair, face, features, glasses, beard and the phone held to the ear. */
export function drawHead(g: GameObjects.Graphics, p: Persona, e: Expression, look: number): void {
  g.clear();
  drawHairBack(g, p);
  g.fillStyle(shade(p.skin, 0.92)).fillEllipse(-35, 2, 12, 18).fillEllipse(35, 2, 12, 18);
  g.fillStyle(p.skin).fillEllipse(0, 0, 68, 82);
  if (p.beard) g.fillStyle(p.hair).slice(0, 6, 33, 0.05 * Math.PI, 0.95 * Math.PI, false).fillPath();
  if (p.age === 'older') {
    g.lineStyle(1.5, shade(p.skin, 0.8));
    g.lineBetween(-10, -24, 10, -24);
    g.lineBetween(-28, 4, -24, 8).lineBetween(28, 4, 24, 8);
  }
  drawHairFront(g, p);
  g.lineStyle(2, shade(p.skin, 0.75)).lineBetween(0, 0, -3, 9).lineBetween(-3, 9, 2, 10);
  drawFeatures(g, p, e, look);
  if (p.glasses) {
    g.lineStyle(2, 0x111111).strokeCircle(-14, -2, 10).strokeCircle(14, -2, 10).lineBetween(-4, -3, 4, -3);
  }
  // The phone at the right ear, and the hand holding it.
  g.fillStyle(0x1f2937).fillRoundedRect(30, -16, 11, 40, 4);
  g.fillStyle(p.skin).fillEllipse(40, 16, 16, 22);
}

/** Closed eyelids, drawn over the eyes while blinking. */
export function drawLids(g: GameObjects.Graphics, p: Persona): void {
  g.clear();
  g.fillStyle(p.skin).fillEllipse(-14, -2, 17, 13).fillEllipse(14, -2, 17, 13);
  g.lineStyle(2, INK).lineBetween(-20, 0, -8, 0).lineBetween(8, 0, 20, 0);
}
