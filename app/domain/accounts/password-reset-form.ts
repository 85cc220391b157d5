import { z } from "zod";
import { message, required } from "../shared/form-messages";

/** Bots fill every field; people never see this one. */
const honeypot = z.string().max(0, message("account.error.bot")).optional();

export const forgotPasswordSchema = z.object({
  login: z.string(required).trim().max(254, message("account.error.login")),
  website: honeypot,
});

export const resetPasswordSchema = z.object({
  login: z.string(required).trim().max(254, message("account.error.login")),
  code: z
    .string(required)
    .trim()
    .regex(/^\d{6}$/, message("reset.error.codeFormat")),
  password: z
    .string(required)
    .min(8, message("account.error.passwordShort"))
    .max(128, message("account.error.passwordLong")),
  website: honeypot,
});
