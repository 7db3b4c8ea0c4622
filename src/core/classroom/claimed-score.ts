/** What a trainee's browser claims about a call, taken from its own scorecard; the server checks it by replay. */
import type { ClaimedScore } from '../../shared/classroom-http.ts';
import type { Scorecard } from '../../shared/scorecard.ts';

export function claimFrom(card: Scorecard): ClaimedScore {
  return { qa: card.qa.score, csatStars: card.csat.stars, ahtTotal: card.aht.total, fcr: card.fcr.value };
}
