/** Builds the desk scene's state from the call view and where the stage sits on the page. */
import type { CallView } from '../core/engine/call-view.ts';
import type { Persona } from '../core/persona/persona.ts';
import type { DeskState } from '../core/ports/desk.ts';

export function deskStateFor(view: CallView, persona: Persona, turn: number, stage: Element | null, prompting = false): DeskState {
  const box = stage?.getBoundingClientRect() ?? { left: 0, top: 0, width: 0, height: 0 };
  const canvas = document.getElementById('desk-canvas')?.getBoundingClientRect() ?? { left: 0, top: 0 };
  const x = box.left - canvas.left;
  const y = box.top - canvas.top;
  return {
    phase: view.phase, mood: view.mood, patience: view.patience,
    talk: view.clock.talk, hold: view.clock.hold, target: view.clock.target,
    anchor: { x: x + box.width / 2, y: y + box.height / 2 },
    area: { x, y, width: box.width, height: box.height },
    persona, turn, prompting,
  };
}
