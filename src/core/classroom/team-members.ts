/**
 * Who is in which team. A new player joins the smallest team (ties: the lowest number), so teams
 * stay within one member of each other; a change in the number of teams deals everyone out again in
 * join order. Teams are numbered from 1.
 */
export const TEAM_NAMES = Object.freeze(['Amber', 'Blue', 'Coral', 'Dune', 'Emerald', 'Fern', 'Gold', 'Heather', 'Indigo', 'Jade', 'Kestrel', 'Lime']);

export const teamName = (team: number): string => `Team ${TEAM_NAMES[team - 1] ?? team}`;

/** Each player's team, keeping earlier places when the number of teams is unchanged. */
export function assignTeams(playersInJoinOrder: readonly string[], previous: Readonly<Record<string, number>>, teams: number): Record<string, number> {
  const out: Record<string, number> = {};
  const sizes = new Array<number>(teams + 1).fill(0);
  for (const id of playersInJoinOrder) {
    const team = previous[id];
    if (team !== undefined && team >= 1 && team <= teams) {
      out[id] = team;
      sizes[team]! += 1;
    }
  }
  for (const id of playersInJoinOrder) {
    if (out[id] !== undefined) continue;
    let smallest = 1;
    for (let t = 2; t <= teams; t++) if (sizes[t]! < sizes[smallest]!) smallest = t;
    out[id] = smallest;
    sizes[smallest]! += 1;
  }
  return out;
}
