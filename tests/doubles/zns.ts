import { createHash, randomBytes } from "node:crypto";
import { listen, reply, type Double } from "./http-double";

/**
 * Zalo ZNS and its OA token endpoint as INTEGRATIONS.md §4.1 describes them:
 * - POST /v4/oa/access_token (header secret_key; form app_id, grant_type=refresh_token, refresh_token)
 *   → { access_token, refresh_token, expires_in }; a refresh token works once (it rotates);
 * - POST /message/template (header access_token; JSON phone, template_id, template_data, tracking_id)
 *   → { error: 0, data: { msg_id } }; -124 for an unknown access token, -118 for a phone in `noZalo`,
 *   and a tracking_id seen before is not sent twice.
 * One server plays both hosts (ZALO_API_BASE and ZALO_OAUTH_BASE point at it).
 */
export interface ZnsSent {
  phone: string;
  template_id: string;
  template_data: Record<string, string>;
  tracking_id: string;
  msg_id: string;
}

export interface ZnsDouble extends Double {
  sent: ZnsSent[];
  /** The OA webhook's delivery report for a sent message, signed as INTEGRATIONS.md §4.1 says ([I]). */
  deliveryReport(trackingId: string, oaSecretKey: string): { body: string; signature: string };
  noZalo: Set<string>;
  refreshes: number;
  /** The refresh token the double will accept next. */
  refreshToken: string;
}

export async function startZnsDouble(app: { appId: string; appSecret: string; refreshToken: string }): Promise<ZnsDouble> {
  const sent: ZnsSent[] = [];
  const noZalo = new Set<string>();
  const state = { refreshToken: app.refreshToken, refreshes: 0, accessTokens: new Set<string>() };
  const double = await listen((request, raw, response) => {
    if (request.method === "POST" && request.url === "/v4/oa/access_token") {
      const form = new URLSearchParams(raw);
      if (request.headers["secret_key"] !== app.appSecret || form.get("app_id") !== app.appId) return reply(response, 200, { error: -14002, message: "Invalid secret key" });
      if (form.get("grant_type") !== "refresh_token" || form.get("refresh_token") !== state.refreshToken) {
        return reply(response, 200, { error: -14014, message: "Invalid refresh token" });
      }
      state.refreshes++;
      const accessToken = randomBytes(12).toString("hex");
      state.refreshToken = randomBytes(12).toString("hex");
      state.accessTokens.add(accessToken);
      return reply(response, 200, { access_token: accessToken, refresh_token: state.refreshToken, expires_in: "90000" });
    }
    if (request.method === "POST" && request.url === "/message/template") {
      const token = request.headers["access_token"];
      if (typeof token !== "string" || !state.accessTokens.has(token)) return reply(response, 200, { error: -124, message: "Access token is invalid" });
      const body: unknown = JSON.parse(raw);
      const field = (name: string): unknown => (typeof body === "object" && body !== null ? Reflect.get(body, name) : undefined);
      const phone = String(field("phone") ?? "");
      if (!/^84\d{9}$/.test(phone)) return reply(response, 200, { error: -108, message: "Phone number is invalid" });
      if (noZalo.has(phone)) return reply(response, 200, { error: -118, message: "Zalo account not existed" });
      const trackingId = String(field("tracking_id") ?? "");
      const earlier = sent.find((message) => message.tracking_id === trackingId);
      if (earlier) return reply(response, 200, { error: 0, message: "Success", data: { msg_id: earlier.msg_id } });
      const data = field("template_data");
      const message: ZnsSent = {
        phone,
        template_id: String(field("template_id") ?? ""),
        template_data: typeof data === "object" && data !== null ? Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v)])) : {},
        tracking_id: trackingId,
        msg_id: `zns-${sent.length + 1}`,
      };
      sent.push(message);
      return reply(response, 200, { error: 0, message: "Success", data: { msg_id: message.msg_id, sent_time: String(Date.now()) } });
    }
    reply(response, 404, {});
  });
  return {
    url: double.url,
    close: double.close,
    sent,
    noZalo,
    deliveryReport(trackingId, oaSecretKey) {
      const message = sent.find((m) => m.tracking_id === trackingId);
      const timestamp = String(Date.now());
      const body = JSON.stringify({
        app_id: app.appId,
        event_name: "user_received_message",
        timestamp,
        message: { msg_id: message?.msg_id ?? "unknown", tracking_id: trackingId },
        delivery_time: timestamp,
      });
      return { body, signature: `mac=${createHash("sha256").update(app.appId + body + timestamp + oaSecretKey).digest("hex")}` };
    },
    get refreshes() {
      return state.refreshes;
    },
    get refreshToken() {
      return state.refreshToken;
    },
  };
}
