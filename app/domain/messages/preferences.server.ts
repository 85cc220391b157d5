import { eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { users } from "~/db/schema";
import type { MessageLocale } from "./kinds";

/**
 * The language a signed-in person chose on the site is the one their messages use: the choice is
 * a cookie for pages, and kept on the account for what reaches them away from the site.
 */
export function setMessageLocale(userId: number, locale: MessageLocale): void {
  getDb().update(users).set({ locale }).where(eq(users.id, userId)).run();
}
