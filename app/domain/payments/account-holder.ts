import { foldVietnamese } from "../catalog/fold";

/**
 * An account holder's name as Vietnamese banks hold it: capitals without tone or vowel marks, đ as D,
 * single spaces ("Hợp tác xã Ông Cua" → "HOP TAC XA ONG CUA"). A banking app shows the beneficiary
 * name this way and an interbank transfer is checked against it, so we store the name in the same
 * alphabet (A–Z, digits, spaces); punctuation a person types ("Cty TNHH A.B.C") is not part of it.
 */
export function accountHolderName(text: string): string {
  return foldVietnamese(text)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, " ")
    .trim();
}
