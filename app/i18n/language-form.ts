import { z } from "zod";
import { LANGUAGES } from "./translate";

/**
 * `POST /lang`: the language to switch to and the page to go back to. Anything else is not an error a
 * person could fix: an unknown language keeps the current one, a foreign or odd path goes home.
 */
export const languageSchema = z.object({
  lang: z.enum(LANGUAGES).optional().catch(undefined),
  redirectTo: z.string().optional().catch(undefined),
});
