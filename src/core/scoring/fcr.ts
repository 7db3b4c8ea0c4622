/** First contact resolution for one call, with its reason. */
import type { Scorecard } from '../../shared/scorecard.ts';
import type { CallContext } from '../engine/call-context.ts';

export function firstContactResolution(context: CallContext): Scorecard['fcr'] {
  if (context.breaches.length > 0) {
    return { value: 'no', reason: 'A compliance breach means the call has to be put right in another contact.' };
  }
  if (context.routeTeamRight === false) {
    return { value: 'no', reason: 'The call went to a team that does not handle this, so the customer will be passed on again.' };
  }
  switch (context.outcome) {
    case 'resolved':
      return { value: 'yes', reason: 'The customer’s need was met on this call with nothing left for them to chase.' };
    case 'refused':
      return {
        value: 'excluded',
        reason: 'Refusing was the right outcome and the route was explained, so the call is left out of the FCR rate.',
      };
    case 'follow-up':
      return { value: 'no', reason: 'Another contact is needed. You own the follow-up, so the customer will not have to chase it.' };
    case 'escalated':
      return { value: 'no', reason: 'A team leader has to finish this, so it was not resolved at the first point of contact.' };
    case 'transferred':
      return { value: 'no', reason: 'Another team has to finish this. A warm transfer helps the customer, but it is not your resolution.' };
    case 'hung-up':
      return { value: 'no', reason: 'The customer hung up with their need unmet, so they will have to call again.' };
    case 'unresolved':
    case null:
      return { value: 'no', reason: 'The customer’s need was left unmet.' };
  }
}
