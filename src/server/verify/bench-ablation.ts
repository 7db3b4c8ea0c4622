/**
 * Bench-only switches for the burst's ablation ladder (`tools/bench-classroom.ts --burst … --ladder`):
 * HTL_BENCH_ABLATE="verdict" gives every submission a constant verdict (the claimed figures, no
 * replay); "store" answers result writes at once without SQLite; "verdict,store" both. Read once,
 * here only. Unset (as `npm start` leaves it), nothing is switched off; the bench sets it on the
 * child server it starts and nowhere else.
 */
import type { CallKpis } from '../../core/classroom/call-kpis.ts';
import type { ClaimedScore } from '../../shared/classroom-http.ts';

const switches = new Set((process.env.HTL_BENCH_ABLATE ?? '').split(',').map((s) => s.trim()));

export const benchAblation = Object.freeze({
  /** The verdict replaced by a constant: the claimed figures taken as they are. */
  verdict: switches.has('verdict'),
  /** The result write replaced by a no-op. */
  store: switches.has('store'),
});

/** The constant verdict: the claim's own figures (so the board still moves), no replay. */
export function constantVerdict(scenarioId: string, claimed: ClaimedScore): { ok: true; kpis: CallKpis } {
  return { ok: true, kpis: { scenarioId, qa: claimed.qa, fatal: false, fcr: claimed.fcr, csatStars: claimed.csatStars, ahtTotal: claimed.ahtTotal, ahtTarget: 300, timed: true } };
}
