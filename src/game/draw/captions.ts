/** The words the desk scene writes on its screens: plain functions of the call's numbers. */
const PHASES: Record<string, string> = {
  ringing: 'Incoming call', talk: 'On the call', idv: 'ID&V', hold: 'On hold', lookup: 'Knowledge base',
  transfer: 'Transferring', escalate: 'Escalating', callback: 'Booking a callback', wrapup: 'Wrap-up', done: 'Call ended',
};

export const phaseLabel = (phase: string): string => PHASES[phase] ?? phase;

const mmss = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export const clockText = (talk: number, target: number): string => `${mmss(talk)} / ${mmss(target)}`;

/** The wallboard's queue: it fills as the call runs on, so a long call is felt on the floor. */
export function wallboardFigures(talk: number): string {
  const waiting = 2 + Math.floor(talk / 90);
  const level = Math.max(55, 88 - Math.floor(talk / 45) * 3);
  return `QUEUE\nWaiting ${waiting}\nSL ${level}%`;
}
