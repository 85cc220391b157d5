import { startSession } from "./domain/accounts/sessions.server";
import { adoptGuestCart } from "./domain/orders/cart.server";

/** Headers of a fresh sign-in: the new session, and the guest cart folded into the user's (its cookie cleared). */
export async function signInHeaders(userId: number, request: Request): Promise<Headers> {
  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(userId, request));
  const clearedCart = await adoptGuestCart(request, userId);
  if (clearedCart) headers.append("Set-Cookie", clearedCart);
  return headers;
}
