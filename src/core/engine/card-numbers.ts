/** Spots card data in free text: a Luhn-valid 13-19 digit number, or a security code given as such. */

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const DIGIT_RUN = /\d(?:[ -]?\d){12,18}/g;
const SECURITY_CODE = /\b(?:cvv2?|cvc2?|csc|security code|security number|3[- ]digit code)\b\D{0,12}\d{3,4}\b/i;

export function containsCardData(text: string): boolean {
  for (const match of text.matchAll(DIGIT_RUN)) {
    const digits = match[0].replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) return true;
  }
  return SECURITY_CODE.test(text);
}
