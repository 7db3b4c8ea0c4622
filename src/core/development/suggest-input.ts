/** The goal suggester's input drawn from the whole record: calls, active goals, feedback and the trainee's own notes. */
import type { TraineeRecord } from './trainee-record.ts';
import type { SuggestInput } from './suggest-goals.ts';

export function suggestInputFrom(record: TraineeRecord, now: string): SuggestInput {
  const active = record.goals.filter((g) => g.state === 'active');
  return {
    cards: record.runs.map((r) => r.scorecard),
    activeAreas: active.map((g) => g.goal.area),
    usedFeedback: record.goals.flatMap((g) => (g.goal.source?.kind === 'feedback' && g.goal.source.ref !== undefined ? [g.goal.source.ref] : [])),
    feedback: record.feedback,
    ownNotes: record.runs.flatMap((r) => (r.rating === null || r.rating.toImprove.trim() === '' ? [] : [{ text: r.rating.toImprove, at: r.at, runId: r.id }])),
    now,
  };
}
