/** Weights of the MOD11 check on the first eight digits of a Norwegian organisation number (Brønnøysundregistrene). */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/**
 * An organisation number (organisasjonsnummer) as a unit is known by in the national school register:
 * nine digits whose last is the MOD11 check digit of the first eight. Spaces are allowed where a
 * spreadsheet puts them («974 567 890»); `normaliseOrgNumber` takes them away.
 */
export function isValidOrgNumber(text: string): boolean {
  const digits = normaliseOrgNumber(text);
  if (!/^\d{9}$/.test(digits)) return false;
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(digits[i]), 0);
  const check = (11 - (sum % 11)) % 11;
  // A remainder that would need the check digit 10 never names a valid number.
  return check !== 10 && check === Number(digits[8]);
}

/** The number without the spaces (and non-breaking spaces) a spreadsheet or a person puts between its groups. */
export const normaliseOrgNumber = (text: string) => text.replace(/[\s\u00a0]/g, '');

/** Why an organisation number is refused, in Norwegian, or null when it is valid. */
export function orgNumberProblem(text: string): string | null {
  const digits = normaliseOrgNumber(text);
  if (!/^\d{9}$/.test(digits)) return `Organisasjonsnummer må ha 9 siffer, ikke «${text}»`;
  if (!isValidOrgNumber(digits)) return `Organisasjonsnummeret ${digits} er ikke gyldig (kontrollsifferet stemmer ikke)`;
  return null;
}
