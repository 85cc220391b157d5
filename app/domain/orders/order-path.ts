/** The order page's address (or one of its sub-resources); a guest's carries the secret token of their link. */
export function orderPath(code: string, accessToken: string | null, suffix = ""): string {
  return `/orders/${code}${suffix}${accessToken ? `?token=${encodeURIComponent(accessToken)}` : ""}`;
}
