import { parseLoginId } from "./login-id";
import { addressKey, rateLimiter } from "./rate-limit.server";

/**
 * Sign-in attempts per 15 minutes: 10 for one login from one address, 50 from one address overall.
 * The login is keyed in its canonical form, so "0912 345 678" and "+84912345678" share one count.
 */
const perLogin = rateLimiter({ name: "login.account", limit: 10, windowMs: 15 * 60_000 });
const perAddress = rateLimiter({ name: "login.address", limit: 50, windowMs: 15 * 60_000 });
/** Sign-ups: 10 an hour from one address. */
const signUps = rateLimiter({ name: "signup.address", limit: 10, windowMs: 60 * 60_000 });

export function allowLoginAttempt(clientIp: string, login: string): boolean {
  const key = parseLoginId(login)?.value ?? login.trim().toLowerCase();
  const address = addressKey(clientIp);
  return perAddress.attempt(address) && perLogin.attempt(`${address}|${key}`);
}

export function allowSignUp(clientIp: string): boolean {
  return signUps.attempt(addressKey(clientIp));
}

/** Wrong current passwords when confirming a sensitive change (the payout account): 10 per 15 minutes per account. */
const wrongConfirmations = rateLimiter({ name: "confirmation.account", limit: 10, windowMs: 15 * 60_000 });

/** False once an account has given 10 wrong current passwords in 15 minutes: a stolen session cannot guess on. */
export function mayConfirmPassword(userId: number): boolean {
  return !wrongConfirmations.exhausted(String(userId));
}

export function recordWrongConfirmation(userId: number) {
  wrongConfirmations.attempt(String(userId));
}
