import { createHash, timingSafeEqual } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "~/db/client.server";
import { providerTokens } from "~/db/schema";
import { settings } from "~/settings.server";
import { messageIdOfTracking, providerRequestId, SEND_TIMEOUT_MS, type ChannelAdapter, type SendResult } from "../channels.server";
import type { MessageRow } from "../outbox.server";

/**
 * Zalo ZNS (INTEGRATIONS.md §4.1). Everything this module assumes about Zalo is here, marked as the
 * reference marks it ([C] confirmed in Zalo's docs, [I] inferred), so a live check corrects one place:
 * - [I] send: POST {ZALO_API_BASE}/message/template, header `access_token`, JSON
 *   { phone: "84…", template_id, template_data, tracking_id, mode? } → { error, message, data: { msg_id } };
 * - [C] phone as 84xxxxxxxxx; error codes -100…-112; [I] -114 user inactive/rejected, -118 no Zalo
 *   account (both: fall back to SMS), -124 access token invalid;
 * - [I] token: POST {ZALO_OAUTH_BASE}/v4/oa/access_token, header `secret_key`, form app_id,
 *   grant_type=refresh_token, refresh_token → { access_token, refresh_token, expires_in } (seconds);
 *   the refresh token is single-use, so the new pair is stored before it is used.
 */
const FALLBACK_TO_SMS = new Set([-114, -118]);
const TOKEN_INVALID = -124;
const PASSING = new Set([-100]);

const sendReply = z.object({
  error: z.coerce.number(),
  message: z.string().optional(),
  data: z.object({ msg_id: z.coerce.string() }).partial().optional(),
});
const tokenReply = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
});

type ZaloSettings = NonNullable<typeof settings.messages.zalo>;

export const znsAdapter: ChannelAdapter = {
  async send(message: MessageRow): Promise<SendResult> {
    const zalo = settings.messages.zalo;
    if (!zalo) return { outcome: "retry", reason: "Zalo is not configured" };
    const templateId = zalo.templates[message.kind];
    if (!templateId) return { outcome: "fallback", reason: `no Zalo template for ${message.kind}` };
    const token = await accessToken(zalo, Date.now());
    if (typeof token !== "string") return token;
    const templateData: unknown = JSON.parse(message.templateData);
    const response = await fetch(`${zalo.apiBase}/message/template`, {
      method: "POST",
      headers: { "content-type": "application/json", access_token: token },
      body: JSON.stringify({
        phone: message.recipientAddress,
        template_id: templateId,
        template_data: templateData,
        tracking_id: providerRequestId(message),
        ...(zalo.development ? { mode: "development" } : {}),
      }),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    if (!response.ok) return { outcome: "retry", reason: `Zalo HTTP ${response.status}` };
    const reply = sendReply.safeParse(await response.json().catch(() => null));
    if (!reply.success) return { outcome: "retry", reason: "Zalo: unreadable reply" };
    const { error, message: text = "", data } = reply.data;
    const reason = `Zalo ${error}: ${text}`.trim();
    if (error === 0) return { outcome: "accepted", providerId: data?.msg_id ?? providerRequestId(message) };
    if (FALLBACK_TO_SMS.has(error)) return { outcome: "fallback", reason };
    if (error === TOKEN_INVALID) {
      forgetAccessToken(token);
      return { outcome: "retry", reason };
    }
    return PASSING.has(error) ? { outcome: "retry", reason } : { outcome: "failed", reason };
  },
};

/** A live access token, refreshed (and the rotated refresh token stored) when it is missing or about to expire. */
async function accessToken(zalo: ZaloSettings, now: number): Promise<string | SendResult> {
  const db = getDb();
  db.insert(providerTokens).values({ provider: "zalo", refreshToken: zalo.refreshToken, updatedAt: now }).onConflictDoNothing().run();
  const stored = db.select().from(providerTokens).where(eq(providerTokens.provider, "zalo")).get()!;
  if (stored.accessToken && (stored.accessExpiresAt ?? 0) > now + 60_000) return stored.accessToken;

  const response = await fetch(`${zalo.oauthBase}/v4/oa/access_token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", secret_key: zalo.appSecret },
    body: new URLSearchParams({ app_id: zalo.appId, grant_type: "refresh_token", refresh_token: stored.refreshToken }),
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
  });
  const reply = tokenReply.safeParse(response.ok ? await response.json().catch(() => null) : null);
  if (!reply.success) return { outcome: "retry", reason: `Zalo token refresh refused (HTTP ${response.status})` };
  // Only over the refresh token we used: if another process rotated it meanwhile, its pair stands.
  db.update(providerTokens)
    .set({
      accessToken: reply.data.access_token,
      refreshToken: reply.data.refresh_token,
      accessExpiresAt: now + reply.data.expires_in * 1000,
      updatedAt: now,
    })
    .where(and(eq(providerTokens.provider, "zalo"), eq(providerTokens.refreshToken, stored.refreshToken)))
    .run();
  return reply.data.access_token;
}

function forgetAccessToken(token: string) {
  getDb()
    .update(providerTokens)
    .set({ accessToken: null, accessExpiresAt: null })
    .where(and(eq(providerTokens.provider, "zalo"), eq(providerTokens.accessToken, token)))
    .run();
}

/**
 * Zalo's delivery report (INTEGRATIONS.md §4.1, all [I]: a blog, not Zalo's docs): the OA webhook
 * posts JSON with `app_id`, `event_name`, `timestamp` and `message: { msg_id, tracking_id }`, signed
 * in `X-ZEvent-Signature: mac=<hex SHA-256 of app_id + raw body + timestamp + the OA secret key>`;
 * it wants 200 within 2 s. `user_received_message` is the delivery; other events change nothing.
 * Answers the message id it reports on (our tracking id), "unsigned", or null for an event of no use.
 */
const zaloEvent = z.object({
  app_id: z.coerce.string(),
  event_name: z.string(),
  timestamp: z.coerce.string(),
  message: z.object({ msg_id: z.coerce.string().optional(), tracking_id: z.string().optional() }).optional(),
});

export function readZaloDeliveryReport(rawBody: Buffer, signatureHeader: string | null): { messageId: number } | "unsigned" | "off" | null {
  const zalo = settings.messages.zalo;
  const oaSecretKey = zalo?.oaSecretKey;
  if (!zalo || !oaSecretKey) return "off";
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody.toString("utf8"));
  } catch {
    return "unsigned";
  }
  const event = zaloEvent.safeParse(parsed);
  if (!event.success || event.data.app_id !== zalo.appId) return "unsigned";
  const expected = createHash("sha256").update(`${event.data.app_id}${rawBody.toString("utf8")}${event.data.timestamp}${oaSecretKey}`).digest("hex");
  const given = /^mac=([0-9a-f]{64})$/i.exec(signatureHeader?.trim() ?? "")?.[1];
  if (!given || !timingSafeEqual(Buffer.from(expected, "hex"), Buffer.from(given.toLowerCase(), "hex"))) return "unsigned";
  if (event.data.event_name !== "user_received_message") return null;
  const messageId = messageIdOfTracking(event.data.message?.tracking_id ?? "");
  return messageId === null ? null : { messageId };
}
