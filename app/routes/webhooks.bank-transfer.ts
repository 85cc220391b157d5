import type { ActionFunctionArgs } from "@remix-run/node";
import { bankNotificationSchema, bankSignatureIsValid, receiveBankTransfer } from "~/domain/payments/bank-transfer.server";
import { readRawBody } from "~/request.server";
import { settings } from "~/settings.server";

const MAX_BODY_BYTES = 16 * 1024;

/** The bank's signed notification of an incoming transfer (PRODUCT.md §5). Every transfer is kept. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return Response.json({ error: "method not allowed" }, { status: 405 });
  const secret = settings.bankWebhookSecret;
  if (!secret) return Response.json({ error: "BANK_WEBHOOK_SECRET is not set" }, { status: 503 });
  const rawBody = await readRawBody(request, MAX_BODY_BYTES);
  if (!rawBody) return Response.json({ error: "body too large" }, { status: 413 });
  if (!bankSignatureIsValid(rawBody, request.headers.get("X-Signature"), secret)) {
    return Response.json({ error: "invalid signature" }, { status: 401 });
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString("utf8"));
  } catch {
    return Response.json({ error: "body is not JSON" }, { status: 400 });
  }
  const parsed = bankNotificationSchema.safeParse(json);
  if (!parsed.success) {
    return Response.json({ error: "invalid notification", issues: parsed.error.issues.map((i) => i.path.join(".")) }, { status: 400 });
  }
  const result = receiveBankTransfer(parsed.data);
  return Response.json(result, { status: 200 });
}

export function loader() {
  return Response.json({ error: "method not allowed" }, { status: 405, headers: { Allow: "POST" } });
}
