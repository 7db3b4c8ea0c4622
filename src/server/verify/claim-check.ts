/**
 * The replay's verdict held against what the browser claimed: a forged score, or an impossible
 * run, is refused with a reason the trainee can read; otherwise the replay's KPIs are what counts.
 */
import type { CallKpis } from '../../core/classroom/call-kpis.ts';
import type { CallVerdict } from '../../core/classroom/call-verdict.ts';
import type { ClaimedScore } from '../../shared/classroom-http.ts';

export type Verdict = { ok: true; kpis: CallKpis } | { ok: false; reason: string };

/** Scores differ only in the last decimal from rounding at most. */
const close = (a: number, b: number) => Math.abs(a - b) < 0.05;

export function checkClaim(replayed: CallVerdict, claimed: ClaimedScore): Verdict {
  if (!replayed.ok) return { ok: false, reason: `impossible run: ${replayed.error}` };
  const k = replayed.kpis;
  const differences: string[] = [];
  if (!close(k.qa, claimed.qa)) differences.push(`QA ${claimed.qa} sent, ${k.qa} on replay`);
  if (k.csatStars !== claimed.csatStars) differences.push(`CSAT ${claimed.csatStars} sent, ${k.csatStars} on replay`);
  if (!close(k.ahtTotal, claimed.ahtTotal)) differences.push(`AHT ${claimed.ahtTotal} s sent, ${k.ahtTotal} s on replay`);
  if (k.fcr !== claimed.fcr) differences.push(`FCR "${claimed.fcr}" sent, "${k.fcr}" on replay`);
  if (differences.length > 0) return { ok: false, reason: `the score sent does not match the server's replay of the call: ${differences.join('; ')}` };
  return { ok: true, kpis: k };
}
