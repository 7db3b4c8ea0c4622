/**
 * What a trainee receives: a classmate's review (named or not, as the trainer chose; withdrawn when
 * the trainer hid it) and the trainer's GROW notes, as feedback entries for their development plan.
 */
import type { DeliveredFeedback } from '../../shared/team-messages.ts';
import { growNoteText, peerReviewText } from '../../core/development/classroom-feedback.ts';
import type { StoredCoaching, StoredReview, StoredReviewRequest } from './team-store.ts';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `reviewerName` is '' when names are hidden. */
export function reviewFeedback(review: StoredReview, reviewerName: string): DeliveredFeedback {
  return {
    id: `peer-${review.requestId}`,
    from: 'peer',
    name: reviewerName,
    text: peerReviewText(review.wentWell, review.evenBetterIf),
    qaSection: review.qaSection,
    date: day(review.at),
    withdrawn: review.hidden,
  };
}

export function coachingFeedback(n: StoredCoaching): DeliveredFeedback {
  return { id: `grow-${n.noteId}`, from: 'trainer', name: 'Trainer', text: growNoteText({ about: n.aboutLabel, goal: n.goal, reality: n.reality, options: n.options, will: n.will }), qaSection: n.qaSection, date: day(n.at), withdrawn: false };
}

/** Everything one trainee has received: reviews of their calls, then coaching notes. */
export function feedbackOf(
  playerId: string,
  state: { readonly requests: ReadonlyMap<string, StoredReviewRequest>; readonly reviews: ReadonlyMap<string, StoredReview>; readonly coaching: readonly StoredCoaching[] },
  nameOf: (reviewer: string) => string,
): DeliveredFeedback[] {
  const peer = [...state.reviews.values()].flatMap((r) => {
    const request = state.requests.get(r.requestId);
    return request?.reviewee === playerId ? [reviewFeedback(r, nameOf(request.reviewer))] : [];
  });
  return [...peer, ...state.coaching.filter((n) => n.playerId === playerId).map(coachingFeedback)];
}
