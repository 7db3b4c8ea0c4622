/** The agent's side of the desk: wall, window, wallboard, desk, second screen and headset. Drawn once per resize. */
import type { GameObjects } from 'phaser';
import type { DeskLayout } from './layout.ts';

const WALL = 0x1b2633;
const DESK = 0x5b4636;
const DESK_EDGE = 0x3f3026;

export function drawRoom(g: GameObjects.Graphics, l: DeskLayout, callerRoom: number, ringing: boolean): void {
  g.clear();
  const { stage: s, window: win, wallboard: wb, monitor: m, caller: c, headset: hs } = l;
  g.fillStyle(WALL).fillRoundedRect(s.x, s.y, s.w, s.h, 10);
  // A strip of acoustic panelling along the wall.
  g.fillStyle(0x223042).fillRect(s.x, s.y + s.h * 0.55, s.w, s.h * 0.25);

  // The window: sky, a far skyline, the frame and its cross bars.
  // Sky in bands, lighter towards the horizon (gradient fills are WebGL-only; this is drawn on a canvas).
  const bands = [0x7fb3d9, 0x94c1e0, 0xaacee6, 0xbfdaec];
  bands.forEach((colour, i) => g.fillStyle(colour).fillRect(win.x, win.y + (win.h * i) / bands.length, win.w, win.h / bands.length + 1));
  g.fillStyle(0xffffff, 0.7).fillEllipse(win.x + win.w * 0.3, win.y + win.h * 0.25, win.w * 0.3, win.h * 0.1);
  g.fillStyle(0x8aa0b4);
  const towers = [0.12, 0.3, 0.22, 0.4, 0.18, 0.34, 0.26];
  towers.forEach((t, i) => {
    const bw = win.w / towers.length;
    g.fillRect(win.x + i * bw, win.y + win.h * (1 - t), bw - 1, win.h * t);
  });
  g.lineStyle(Math.max(2, win.w * 0.03), 0xe2e8f0).strokeRect(win.x, win.y, win.w, win.h);
  g.lineBetween(win.x + win.w / 2, win.y, win.x + win.w / 2, win.y + win.h);
  g.lineBetween(win.x, win.y + win.h / 2, win.x + win.w, win.y + win.h / 2);

  // The wallboard: a dark panel; the figures are text the scene writes on it.
  g.fillStyle(0x0b1118).fillRoundedRect(wb.x, wb.y, wb.w, wb.h, 4);
  g.lineStyle(2, 0x334155).strokeRoundedRect(wb.x, wb.y, wb.w, wb.h, 4);

  // The caller's own room, framed like the contact card on the agent's screen.
  g.fillStyle(callerRoom).fillRoundedRect(c.x, c.y, c.w, c.h, 8);
  g.fillStyle(0xffffff, 0.06).fillRect(c.x + c.w * 0.7, c.y + c.h * 0.12, c.w * 0.18, c.h * 0.22);
  g.fillStyle(0xfde68a, 0.18).fillCircle(c.x + c.w * 0.14, c.y + c.h * 0.2, c.w * 0.09);
  g.lineStyle(ringing ? 4 : 2, ringing ? 0xfacc15 : 0x475569).strokeRoundedRect(c.x, c.y, c.w, c.h, 8);

}

/** What stands in front of the caller: the desk surface, the second screen and the headset. */
export function drawDeskFront(g: GameObjects.Graphics, l: DeskLayout, ringing: boolean): void {
  g.clear();
  const { stage: s, monitor: m, headset: hs } = l;
  g.fillStyle(DESK).fillRect(s.x, l.deskTop, s.w, s.y + s.h - l.deskTop);
  g.fillStyle(DESK_EDGE).fillRect(s.x, l.deskTop, s.w, Math.max(2, s.h * 0.025));

  // The second screen on its stand.
  g.fillStyle(0x111827).fillRect(m.x + m.w * 0.45, m.y + m.h, m.w * 0.1, l.deskTop - m.y - m.h + 2);
  g.fillStyle(0x111827).fillRoundedRect(m.x + m.w * 0.3, l.deskTop - 3, m.w * 0.4, 5, 2);
  g.fillStyle(0x0f172a).fillRoundedRect(m.x, m.y, m.w, m.h, 4);
  g.lineStyle(3, 0x111827).strokeRoundedRect(m.x, m.y, m.w, m.h, 4);

  // The headset resting on the desk: band, two ear cups and the microphone boom.
  g.lineStyle(Math.max(2, hs.r * 0.22), 0x4b5563);
  g.beginPath();
  g.arc(hs.x, hs.y, hs.r, Math.PI, 0, false);
  g.strokePath();
  g.fillStyle(0x374151).fillEllipse(hs.x - hs.r, hs.y, hs.r * 0.55, hs.r * 0.8).fillEllipse(hs.x + hs.r, hs.y, hs.r * 0.55, hs.r * 0.8);
  g.lineStyle(Math.max(1.5, hs.r * 0.12), 0x6b7280).lineBetween(hs.x - hs.r, hs.y + hs.r * 0.2, hs.x - hs.r * 0.2, hs.y + hs.r * 0.55);
  g.fillStyle(ringing ? 0xfacc15 : 0x4ade80).fillCircle(hs.x - hs.r * 0.15, hs.y + hs.r * 0.55, Math.max(1.5, hs.r * 0.14));
}
