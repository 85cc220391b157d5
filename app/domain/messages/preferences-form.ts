import { z } from "zod";
import { MESSAGE_KINDS } from "./kinds";

/** A choice on /account/messages: the default route (""), one channel, or off. */
export const CHOICES = ["", "zalo", "sms", "email", "off"] as const;
export type Choice = (typeof CHOICES)[number];

/** One field per kind, named by the kind; an unknown field or choice is refused as a whole (400). */
export const preferencesSchema = z.record(z.enum(MESSAGE_KINDS), z.enum(CHOICES, { message: "messagePrefs.error.choice" }), { message: "messagePrefs.error.choice" });
