/**
 * Counts attempts per key in fixed windows, in memory: enough for one server process, and
 * forgetting on restart only gives an attacker one more window.
 */
export function rateLimiter({ limit, windowMs }: { limit: number; windowMs: number }) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Records an attempt; false when the key has used up its window. */
    attempt(key: string, now = Date.now()): boolean {
      if (windows.size > 10_000) {
        for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
      }
      const current = windows.get(key);
      if (!current || now - current.start >= windowMs) {
        windows.set(key, { start: now, count: 1 });
        return true;
      }
      current.count++;
      return current.count <= limit;
    },
    /**
     * True when the key has used up its window, without counting anything: for limits that count
     * failures only (check this first, then `attempt` after each failure).
     */
    exhausted(key: string, now = Date.now()): boolean {
      const current = windows.get(key);
      return current !== undefined && now - current.start < windowMs && current.count >= limit;
    },
  };
}

/**
 * The part of a client's address that one subscriber controls, as a rate-limit key: the whole IPv4
 * address, but an IPv6 address's /64, since one home or phone is given a /64 and can use any address
 * in it (counting each would give it 2⁶⁴ separate limits).
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("%")[0]!.split("::");
  const left = head ? head.split(":") : [];
  const right = ip.includes("::") && tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
