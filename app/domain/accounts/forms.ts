import { z } from "zod";
import { parseLoginId } from "./login-id";
import { message, required } from "../shared/form-messages";


const loginId = z.string(required).transform((value, ctx) => {
  const id = parseLoginId(value);
  if (!id) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: message("account.error.login") });
    return z.NEVER;
  }
  return id;
});

/** Bots fill every field; people never see this one. */
const honeypot = z.string().max(0, message("account.error.bot")).optional();

export const signUpSchema = z.object({
  fullName: z.string(required).trim().min(2, message("account.error.fullName")).max(100, message("account.error.fullName")),
  login: loginId,
  password: z
    .string(required)
    .min(8, message("account.error.passwordShort"))
    .max(128, message("account.error.passwordLong")),
  role: z.enum(["shopper", "producer", "helper"], { errorMap: () => ({ message: message("account.error.role") }) }),
  website: honeypot,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const logInSchema = z.object({
  login: z.string(required).max(254, message("account.error.login")),
  password: z.string(required).max(128, message("account.error.wrongPassword")),
  redirectTo: z.string().optional(),
  website: honeypot,
});
