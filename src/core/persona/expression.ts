/**
 * How the caller looks at a moment of the call, from mood (-5…+5) and patience (0-100): the face,
 * the posture, and how they react to what the agent just did. Pure, so the desk scene only draws.
 */
export type Expression = 'delighted' | 'pleased' | 'neutral' | 'worried' | 'annoyed' | 'furious';
export type Posture = 'relaxed' | 'upright' | 'leaning-in' | 'slumped' | 'arms-crossed';
export type Reaction = 'nod' | 'flinch' | 'shrug';

export const EXPRESSIONS: readonly Expression[] = ['delighted', 'pleased', 'neutral', 'worried', 'annoyed', 'furious'];

export function expressionFor(mood: number): Expression {
  if (mood >= 3) return 'delighted';
  if (mood >= 1) return 'pleased';
  if (mood === 0) return 'neutral';
  if (mood === -1) return 'worried';
  if (mood >= -3) return 'annoyed';
  return 'furious';
}

/** Body language: patience running out shows before the words do. */
export function postureFor(mood: number, patience: number): Posture {
  if (patience < 25) return mood <= -2 ? 'arms-crossed' : 'slumped';
  if (mood <= -3) return 'leaning-in';
  if (mood >= 2) return 'relaxed';
  return 'upright';
}

/** The visible reaction to a turn: a nod when it went down well, a flinch when it did not, else a shrug. */
export function reactionTo(before: { mood: number; patience: number }, after: { mood: number; patience: number }): Reaction {
  const change = (after.mood - before.mood) * 10 + (after.patience - before.patience) / 2;
  if (change > 0) return 'nod';
  if (change < 0) return 'flinch';
  return 'shrug';
}

/** Blinks: every few seconds, a little irregular but the same for the same caller (no randomness). */
export function isBlinking(timeMs: number, seed: number): boolean {
  const period = 2800 + (seed % 1700);
  const cycle = Math.floor(timeMs / period);
  const offset = ((cycle * 7919 + seed) % 900);
  const local = timeMs - cycle * period - offset;
  return local >= 0 && local < 140;
}
