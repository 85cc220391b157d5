import { timingSafeEqual } from "node:crypto";
import { CarrierError, type CarrierReply } from "./carrier";

/** Every call out to a carrier waits at most this long unless the caller's signal ends sooner. */
export const CARRIER_TIMEOUT_MS = 8_000;

/**
 * A JSON call to a carrier: a timeout always, the caller's signal when given. Network failures and
 * timeouts become CarrierError("unreachable"); the body is returned parsed, whatever the HTTP status
 * (carriers answer errors with 200 and an error flag, or 4xx with a JSON message).
 */
export async function carrierJson(url: string, init: RequestInit & { signal?: AbortSignal } = {}): Promise<{ status: number; body: unknown }> {
  const signal = init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(CARRIER_TIMEOUT_MS)]) : AbortSignal.timeout(CARRIER_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal });
  } catch (error) {
    throw new CarrierError("unreachable", `${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = await response.text();
  try {
    return { status: response.status, body: text === "" ? null : (JSON.parse(text) as unknown) };
  } catch {
    if (response.status >= 500) throw new CarrierError("unreachable", `${url}: HTTP ${response.status}`);
    throw new CarrierError("refused", `${url}: not JSON (HTTP ${response.status})`);
  }
}

/** A binary download (a label PDF); a JSON answer is the carrier's error. */
export async function carrierPdf(url: string, init: RequestInit = {}): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(CARRIER_TIMEOUT_MS) });
  } catch (error) {
    throw new CarrierError("unreachable", `${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const type = response.headers.get("content-type") ?? "";
  if (!response.ok || !type.includes("pdf")) throw new CarrierError("refused", `${url}: no label (${response.status} ${(await response.text()).slice(0, 200)})`);
  return new Uint8Array(await response.arrayBuffer());
}

export function sameSecret(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function jsonReply(status: number, body: unknown): CarrierReply {
  return { status, body: JSON.stringify(body), contentType: "application/json" };
}

/** "dd/MM/yyyy HH:mm:ss" in Vietnam's time (UTC+7, no daylight saving), as Viettel Post and EMS send it. */
export function parseVietnamDateTime(text: string): number | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [, d, mo, y, h, mi, s] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - 7, Number(mi), Number(s ?? 0));
  return Number.isFinite(ms) ? ms : null;
}

/** Cuts a string to at most `maxBytes` of UTF-8 without splitting a character (Viettel Post: 150 bytes). */
export function cutToBytes(text: string, maxBytes: number): string {
  let out = "";
  let bytes = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > maxBytes) break;
    out += ch;
    bytes += size;
  }
  return out;
}

/** Reads a form-encoded or JSON callback body into a flat record of strings and values. */
export function readBody(rawBody: string, contentType: string): Record<string, unknown> | null {
  if (contentType.includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(rawBody));
  }
  try {
    const parsed: unknown = JSON.parse(rawBody);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
