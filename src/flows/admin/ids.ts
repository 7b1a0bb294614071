const ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
const MIXED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** `length` characters from `alphabet`, by rejection sampling (no modulo bias). */
function randomText(random: (n: number) => Buffer, alphabet: string, length: number): string {
  let out = "";
  const limit = 256 - (256 % alphabet.length);
  while (out.length < length) {
    for (const byte of random(length * 2)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** Cognito-shaped ids: pool `<region>_<9 alnum>`, client 26 lowercase alnum, secret 52 lowercase alnum. */
export const newPoolId = (random: (n: number) => Buffer, region: string) => `${region}_${randomText(random, MIXED, 9)}`;
export const newClientId = (random: (n: number) => Buffer) => randomText(random, ALNUM, 26);
export const newClientSecret = (random: (n: number) => Buffer) => randomText(random, ALNUM, 52);
