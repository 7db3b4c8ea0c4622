/**
 * Fatal compliance breaches. Any one of them sets the call's QA score to zero and flags it.
 * Some the engine detects itself (`auto`); the others a scenario declares on the choice that
 * commits them, and such a choice must be declared a trap.
 */
export const BREACHES = Object.freeze({
  'data-before-idv': {
    text: 'Personal data disclosed before the caller passed ID&V',
    auto: true,
  },
  'third-party-disclosure': {
    text: 'Account details disclosed to a third party with no authority on file',
    auto: true,
  },
  'unauthorised-change': {
    text: 'Account changed at the request of someone not authorised to change it',
    auto: false,
  },
  'card-read-back': {
    text: 'Card number or security code read aloud',
    auto: false,
  },
  'outside-authority': {
    text: 'Account details disclosed beyond what the caller is authorised to see',
    auto: true,
  },
  'card-on-recording': {
    text: 'Card number or security code taken while the call recording was running (PCI DSS v4.0.1 req. 3.3.1)',
    auto: false,
  },
  'card-in-notes': {
    text: 'Card number or security code written in the call notes',
    auto: true,
  },
  'abusive-language': {
    text: 'Abusive or insulting language towards the customer',
    auto: false,
  },
} as const);

export type BreachCode = keyof typeof BREACHES;
export const BREACH_CODES = Object.freeze(Object.keys(BREACHES) as [BreachCode, ...BreachCode[]]);
export const DECLARABLE_BREACHES = Object.freeze(
  BREACH_CODES.filter((code) => !BREACHES[code].auto) as [BreachCode, ...BreachCode[]],
);
