/**
 * The class's most common mistakes: the same choice on the same scenario that led to a fatal or
 * critical item, counted over every call, most frequent (and fatal first) on top.
 */
import type { CallMistake, CommonMistake } from '../../shared/classroom-results.ts';

export interface PlayerCallMistakes {
  readonly playerId: string;
  readonly scenarioId: string;
  readonly mistakes: readonly CallMistake[];
}

export function commonMistakes(calls: Iterable<PlayerCallMistakes>, limit = 10): CommonMistake[] {
  const byKey = new Map<string, CommonMistake & { who: Set<string> }>();
  for (const call of calls) {
    for (const m of call.mistakes) {
      const key = `${call.scenarioId}\u0000${m.severity}\u0000${m.choice}`;
      let entry = byKey.get(key);
      if (entry === undefined) {
        entry = { scenarioId: call.scenarioId, choice: m.choice, severity: m.severity, items: [...m.items], times: 0, players: 0, teach: m.teach, who: new Set() };
        byKey.set(key, entry);
      }
      entry.times += 1;
      entry.who.add(call.playerId);
      entry.players = entry.who.size;
      for (const item of m.items) if (!entry.items.includes(item)) entry.items.push(item);
    }
  }
  const severityOrder = { fatal: 0, critical: 1 } as const;
  return [...byKey.values()]
    .sort((a, b) => b.players - a.players || b.times - a.times || severityOrder[a.severity] - severityOrder[b.severity] || a.choice.localeCompare(b.choice))
    .slice(0, limit)
    .map(({ who: _who, ...rest }) => rest);
}
