/**
 * What a reviewer is shown of a classmate's call: the scorecard's headline figures, the transcript
 * and the things a comment can be tied to (each QA item that applied, each key moment), and the
 * label a chosen reference reads as in the feedback.
 */
import type { Scorecard } from '../../shared/scorecard.ts';
import type { TranscriptTurn } from '../../core/scoring/transcript.ts';
import type { FeedbackRef, ReviewRequest } from '../../shared/team-messages.ts';

export interface ScoredCall {
  readonly card: Scorecard;
  readonly transcript: readonly TranscriptTurn[];
  readonly composite: number;
  readonly title: string;
}

const MARK_WORDS = Object.freeze({ met: 'done', partial: 'partly done', missed: 'missed', na: 'not applicable' } as const);
const MAX_TURNS = 120;

export function refChoices(card: Scorecard): { ref: FeedbackRef; label: string; section: string | null }[] {
  const qa = card.qa.sections.flatMap((s) =>
    s.items.filter((i) => i.mark !== 'na').map((i) => ({ ref: { kind: 'qa' as const, id: i.id }, label: `${s.label}: ${i.text} (${MARK_WORDS[i.mark]})`, section: s.id })),
  );
  const moments = card.keyMoments.map((m, i) => ({ ref: { kind: 'moment' as const, id: String(i) }, label: `Key moment: ${m.text}`, section: null }));
  return [...qa, ...moments];
}

/** The chosen reference's label and QA section, or null when it is not one of the call's choices. */
export function resolveRef(card: Scorecard, ref: FeedbackRef): { label: string; section: string | null } | null {
  const found = refChoices(card).find((c) => c.ref.kind === ref.kind && c.ref.id === ref.id);
  return found === undefined ? null : { label: found.label.replace(/ \((done|partly done|missed)\)$/, ''), section: found.section };
}

export function reviewRequest(requestId: string, callOf: string | null, scored: ScoredCall): ReviewRequest {
  const c = scored.card;
  return {
    requestId,
    callOf,
    scenarioTitle: scored.title,
    scorecard: { qa: c.qa.score, fcr: c.fcr.value, csatStars: c.csat.stars, ahtSeconds: c.aht.total, ahtTarget: c.aht.target, outcome: c.endingSummary },
    transcript: scored.transcript.slice(0, MAX_TURNS).map((t) => ({ speaker: t.speaker, text: t.text })),
    choices: refChoices(c).map(({ ref, label }) => ({ ref, label })),
  };
}
