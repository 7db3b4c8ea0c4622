/** Where each part of the desk scene sits inside the stage, in canvas pixels. Plain numbers, no Phaser. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface DeskLayout {
  readonly stage: Box;
  readonly window: Box;
  readonly wallboard: Box;
  readonly caller: Box;
  readonly monitor: Box;
  /** The top of the desk surface. */
  readonly deskTop: number;
  readonly headset: { readonly x: number; readonly y: number; readonly r: number };
  /** Caller drawing units to pixels: the panel shows the top `CALLER_UNITS` of the caller. */
  readonly scale: number;
}

export const CALLER_UNITS = 135;
/** How much of the caller's torso the desk hides, in caller units. */
export const CALLER_HIDDEN = 34;

export function deskLayout(stage: Box): DeskLayout {
  const { x, y } = stage;
  const w = Math.max(stage.w, 240);
  const h = Math.max(stage.h, 110);
  const deskTop = y + h * 0.8;
  const callerW = Math.min(w * 0.36, h * 1.25);
  const caller = { x: x + w / 2 - callerW / 2, y: y + h * 0.05, w: callerW, h: deskTop - y - h * 0.05 };
  const side = (w - callerW) / 2;
  return {
    stage: { x, y, w, h },
    window: { x: x + side * 0.08, y: y + h * 0.08, w: side * 0.62, h: h * 0.62 },
    wallboard: { x: x + w - side * 0.92, y: y + h * 0.08, w: side * 0.84, h: h * 0.36 },
    caller,
    monitor: { x: x + w - side * 0.86, y: y + h * 0.5, w: side * 0.6, h: h * 0.32 },
    deskTop,
    headset: { x: x + side * 0.8, y: deskTop - h * 0.02, r: Math.min(h * 0.1, side * 0.12) },
    scale: caller.h / CALLER_UNITS,
  };
}
