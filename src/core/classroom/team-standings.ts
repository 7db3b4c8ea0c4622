/**
 * Team standings on a balanced team score. Each call's composite already weighs QA, FCR, CSAT and
 * handle time equally and caps a fatal call (composite.ts). A team's score is the mean, over its
 * members who have played, of each member's mean composite: every member counts once however many
 * calls they took (one fast player cannot carry a team), and a mean rather than a sum lets teams of
 * different sizes compare. A team is ranked only once at least half its members have played, so a
 * team cannot lead on one good call.
 */
import type { TeamRow } from '../../shared/team-messages.ts';
import { callComposite } from './composite.ts';
import { teamName } from './team-members.ts';
import type { TeamCall } from './team-call.ts';

const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

export function teamStandings(members: Readonly<Record<string, number>>, calls: readonly TeamCall[], teams: number): TeamRow[] {
  const rows: TeamRow[] = [];
  for (let team = 1; team <= teams; team++) {
    const ids = Object.keys(members).filter((id) => members[id] === team);
    const mine = calls.filter((c) => members[c.playerId] === team);
    const perMember = ids.map((id) => mean(mine.filter((c) => c.playerId === id).map((c) => callComposite(c.kpis).composite))).filter((m): m is number => m !== null);
    const fcr = mine.filter((c) => c.kpis.fcr !== 'excluded');
    const ranked = ids.length > 0 && perMember.length * 2 >= ids.length;
    rows.push({
      team,
      name: teamName(team),
      members: ids.length,
      played: perMember.length,
      calls: mine.length,
      score: ranked ? round1(mean(perMember)) : null,
      rank: null,
      qa: round1(mean(mine.map((c) => c.kpis.qa))),
      fcrRate: fcr.length === 0 ? null : fcr.filter((c) => c.kpis.fcr === 'yes').length / fcr.length,
      csatTop2: mine.length === 0 ? null : mine.filter((c) => c.kpis.csatStars >= 4).length / mine.length,
      ahtSeconds: round1(mean(mine.map((c) => c.kpis.ahtTotal))),
    });
  }
  const order = rows.filter((r) => r.score !== null).sort((a, b) => b.score! - a.score! || a.team - b.team);
  return rows.map((r) => {
    const i = order.indexOf(r);
    return i < 0 ? r : { ...r, rank: order.findIndex((o) => o.score === r.score) + 1 };
  }).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.team - b.team);
}
