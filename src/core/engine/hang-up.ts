/** The wrap-up offered when the customer hangs up, whatever the scenario. */
export const HANG_UP_DISPOSITIONS = Object.freeze([
  Object.freeze({ code: 'customer-ended-call', label: 'Customer ended the call', correct: true }),
  Object.freeze({ code: 'query-resolved', label: 'Query resolved', correct: false }),
  Object.freeze({ code: 'callback-arranged', label: 'Callback arranged', correct: false }),
]);
export const HANG_UP_LINE = "Forget it. I've had enough of this.";
export const HANG_UP_SUMMARY = 'The customer ran out of patience and hung up before their need was met.';
