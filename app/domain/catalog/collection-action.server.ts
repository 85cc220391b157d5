import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import type { SessionUser } from "../accounts/sessions.server";
import { collectionSchema } from "./collection-form";
import { saveCollection } from "./collections.server";

const REFUSAL_MESSAGE = {
  unknown: "collection.error.unknown",
  uncertified: "collection.error.uncertified",
  outOfProvince: "collection.error.outOfProvince",
} as const;

/** The create and edit forms' shared action: 400 with the message by the field, or back to the list. */
export function handleCollectionForm(staff: SessionUser, collectionId: number | null, formData: FormData) {
  const submission = parseWithZod(formData, { schema: collectionSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), refusal: null }, { status: 400 });
  const saved = saveCollection(staff, collectionId, submission.value);
  if (!saved.ok) {
    if (saved.problem === "notFound") throw new Response("Not found", { status: 404 });
    return data({ result: submission.reply(), refusal: { message: REFUSAL_MESSAGE[saved.problem], slugs: saved.slugs.join(", ") } }, { status: 400 });
  }
  return redirect("/staff/collections", 303);
}
