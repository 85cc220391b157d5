import { rateLimiter } from "./rate-limit.server";

/** Sign-in attempts: 10 per 15 minutes for one login from one address, 50 for one address overall. */
const perLogin = rateLimiter({ limit: 10, windowMs: 15 * 60_000 });
const perAddress = rateLimiter({ limit: 50, windowMs: 15 * 60_000 });
/** Sign-ups: 10 an hour from one address. */
const signUps = rateLimiter({ limit: 10, windowMs: 60 * 60_000 });

export function allowLoginAttempt(clientIp: string, login: string): boolean {
  return perAddress.attempt(clientIp) && perLogin.attempt(`${clientIp}|${login.trim().toLowerCase()}`);
}

export function allowSignUp(clientIp: string): boolean {
  return signUps.attempt(clientIp);
}
