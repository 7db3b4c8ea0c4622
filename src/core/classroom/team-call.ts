/** One accepted classroom call as team mode sees it: who took it, its figures, and (until scored) its run. */
import type { RunLog } from '../../shared/call-events.ts';
import type { CallKpis } from './call-kpis.ts';

export interface TeamCall {
  readonly submissionId: string;
  readonly playerId: string;
  readonly kpis: CallKpis;
  readonly run: RunLog;
  /** ms since epoch, when it was accepted. */
  readonly at: number;
}

/** A small stable seed from a session code, so a class's simulated queue is the same every time it is drawn. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}
