/** How the shift screens write their numbers. */
import { formatDuration } from '../format.ts';

export const pct = (share: number | null, digits = 0): string => (share === null ? '—' : `${(share * 100).toFixed(digits)} %`);
export const secs = (seconds: number | null): string => (seconds === null ? '—' : `${Math.round(seconds)} s`);
export const clock = (seconds: number | null): string => (seconds === null ? '—' : formatDuration(seconds));
export const mins = (minutes: number): string => `${Math.round(Math.abs(minutes))} min`;
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
/** "+60 s" / "−12 s" */
export const signedSecs = (seconds: number): string => `${seconds < 0 ? '−' : '+'}${Math.round(Math.abs(seconds))} s`;
