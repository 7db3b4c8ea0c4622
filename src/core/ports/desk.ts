/** Port: what the DOM layer tells the canvas desk (the ambience). The Phaser game implements it. */
import type { Persona } from '../persona/persona.ts';

export interface DeskArea {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DeskState {
  readonly phase: string;
  readonly mood: number;
  readonly patience: number;
  readonly talk: number;
  readonly hold: number;
  readonly target: number;
  /** The centre of the stage, in canvas pixels (kept for callers that know no more). */
  readonly anchor: { readonly x: number; readonly y: number };
  /** The stage the scene fills, in canvas pixels; absent: a default box around `anchor`. */
  readonly area?: DeskArea;
  /** Who is calling; absent: a neutral caller. */
  readonly persona?: Persona;
  /** How many actions the trainee has taken: each new one gets a visible reaction. */
  readonly turn?: number;
  /** The line has gone quiet and the caller is asking whether anyone is there (live pace). */
  readonly prompting?: boolean;
}

export interface DeskDisplay {
  show(state: DeskState | null): void;
}

export const NO_DESK: DeskDisplay = Object.freeze({ show: () => undefined });

/**
 * A desk to draw on now, while the real one (the Phaser chunk) is still loading: it keeps the last
 * state and shows it as soon as the desk arrives, so a call started early still gets its scene.
 */
export function deskRelay(desk: Promise<DeskDisplay>): DeskDisplay {
  let target: DeskDisplay = NO_DESK;
  let last: DeskState | null = null;
  void desk.then((d) => {
    target = d;
    d.show(last);
  }).catch(() => {
    target = NO_DESK;
  });
  return {
    show(state) {
      last = state;
      target.show(state);
    },
  };
}
