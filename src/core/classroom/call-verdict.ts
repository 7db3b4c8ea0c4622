/**
 * The classroom's verdict on a finished call: the KPIs the leaderboard needs (QA, FCR, CSAT, AHT),
 * or why the run was refused. The server works it out on the pure runner without per-step
 * records, key moments or transcript (src/server/verify/run-verdict.ts); a test holds its figures
 * equal to the full `scoreRun` on every shipped call.
 */
import type { CallKpis } from './call-kpis.ts';

export type CallVerdict = { ok: true; kpis: CallKpis } | { ok: false; error: string };
