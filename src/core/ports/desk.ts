/** Port: what the DOM layer tells the canvas desk (the ambience). The Phaser game implements it. */
export interface DeskState {
  readonly phase: string;
  readonly mood: number;
  readonly patience: number;
  readonly talk: number;
  readonly hold: number;
  readonly target: number;
  /** Where to draw the customer and phone, in canvas pixels. */
  readonly anchor: { readonly x: number; readonly y: number };
}

export interface DeskDisplay {
  show(state: DeskState | null): void;
}

export const NO_DESK: DeskDisplay = Object.freeze({ show: () => undefined });
