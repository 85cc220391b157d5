let next = 0;

/**
 * A mobile number no other buyer of this test process used: each checkout a test places is another
 * person's, as in a real market, where one phone may hold only 3 unpaid orders (checkout.server.ts).
 */
export function nextBuyerPhone(): string {
  return `0916${String(next++).padStart(6, "0")}`;
}
