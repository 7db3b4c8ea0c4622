/**
 * The team view of the debrief: which behaviours moved the class's numbers most. For each QA item,
 * the class's calls are split into those where it was done (met) and those where it was not
 * (missed or partly done); the points it cost the team are the gap in mean composite between the
 * two, times the share of calls that missed it. An item everyone did, or everyone missed, has no
 * gap to measure and is listed by its misses alone. Key moments (the turns that moved the caller's
 * mood) are summed by what was said, so the class sees the moments that helped and hurt most often.
 */
import type { Scorecard } from '../../shared/scorecard.ts';

export interface ScoredTeamCall {
  readonly card: Scorecard;
  readonly composite: number;
}

export interface ItemImpact {
  readonly id: string;
  readonly label: string;
  readonly section: string;
  readonly calls: number;
  readonly missed: number;
  readonly meanWhenMet: number | null;
  readonly meanWhenMissed: number | null;
  /** Composite points the class's mean lost to this item; null when there is no gap to measure. */
  readonly pointsLost: number | null;
}

export interface MomentImpact {
  readonly text: string;
  readonly times: number;
  /** Sum of the moment's effect on the caller over the class's calls (negative: it hurt). */
  readonly total: number;
}

export interface TeamBehaviours {
  readonly calls: number;
  readonly items: ItemImpact[];
  readonly helped: MomentImpact[];
  readonly hurt: MomentImpact[];
}

const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
const round1 = (x: number) => Math.round(x * 10) / 10;

export function teamBehaviours(calls: readonly ScoredTeamCall[], top = 5): TeamBehaviours {
  const items = new Map<string, { label: string; section: string; met: number[]; missed: number[] }>();
  const moments = new Map<string, MomentImpact>();
  for (const { card, composite } of calls) {
    for (const section of card.qa.sections) {
      for (const item of section.items) {
        if (item.mark === 'na') continue;
        const entry = items.get(item.id) ?? { label: item.text, section: section.label, met: [], missed: [] };
        (item.mark === 'met' ? entry.met : entry.missed).push(composite);
        items.set(item.id, entry);
      }
    }
    for (const m of card.keyMoments) {
      const seen = moments.get(m.text) ?? { text: m.text, times: 0, total: 0 };
      moments.set(m.text, { text: m.text, times: seen.times + 1, total: seen.total + m.impact });
    }
  }
  const impacts: ItemImpact[] = [...items.entries()].filter(([, e]) => e.missed.length > 0).map(([id, e]) => {
    const met = mean(e.met);
    const missed = mean(e.missed);
    const gap = met === null || missed === null ? null : met - missed;
    return {
      id,
      label: e.label,
      section: e.section,
      calls: e.met.length + e.missed.length,
      missed: e.missed.length,
      meanWhenMet: met === null ? null : round1(met),
      meanWhenMissed: missed === null ? null : round1(missed),
      pointsLost: gap === null ? null : round1((gap * e.missed.length) / calls.length),
    };
  });
  impacts.sort((a, b) => (b.pointsLost ?? -Infinity) - (a.pointsLost ?? -Infinity) || b.missed - a.missed || a.id.localeCompare(b.id));
  const all = [...moments.values()].map((m) => ({ ...m, total: round1(m.total) }));
  return {
    calls: calls.length,
    items: impacts.slice(0, top),
    helped: all.filter((m) => m.total > 0).sort((a, b) => b.total - a.total).slice(0, top),
    hurt: all.filter((m) => m.total < 0).sort((a, b) => a.total - b.total).slice(0, top),
  };
}
