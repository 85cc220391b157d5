/** What a webhook adapter answers its provider: the status and JSON body of its reply contract (null: no body). */
export interface ProviderReply {
  status: number;
  body: Record<string, unknown> | null;
}

/** The raw body as JSON, or undefined when it is not JSON. */
export function parseJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}
