import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "~/db/client.server";
import { policyVersions } from "~/db/schema";
import { recordAudit } from "../accounts/audit.server";
import type { SessionUser } from "../accounts/sessions.server";
import { message, required } from "../shared/form-messages";

/** The platform's policies shoppers are shown (issue 19): one page per topic, every edit a new version. */
export const POLICY_TOPICS = ["delivery", "returns", "complaints"] as const;
export type PolicyTopic = (typeof POLICY_TOPICS)[number];

export function isPolicyTopic(value: string): value is PolicyTopic {
  return (POLICY_TOPICS as readonly string[]).includes(value);
}

export type PolicyVersion = typeof policyVersions.$inferSelect;

/** The newest version of a topic's policy. */
export function currentPolicy(topic: PolicyTopic): PolicyVersion | null {
  return getDb().select().from(policyVersions).where(eq(policyVersions.topic, topic)).orderBy(desc(policyVersions.version)).limit(1).get() ?? null;
}

export const policySchema = z.object({
  topic: z.enum(POLICY_TOPICS, { errorMap: () => ({ message: message("form.invalid") }) }),
  titleVi: z.string(required).trim().min(3, message("policy.error.title")).max(150, message("policy.error.title")),
  titleEn: z.string(required).trim().min(3, message("policy.error.title")).max(150, message("policy.error.title")),
  bodyVi: z.string(required).trim().min(20, message("policy.error.body")).max(20_000, message("policy.error.body")),
  bodyEn: z.string(required).trim().min(20, message("policy.error.body")).max(20_000, message("policy.error.body")),
});

/** Central staff publish a new version; older ones stay as they were. Null for anyone else. */
export function publishPolicy(staff: SessionUser, input: z.infer<typeof policySchema>, now = Date.now()): PolicyVersion | null {
  if (staff.role !== "central_staff") return null;
  return getDb().transaction(
    (tx) => {
      const last = tx
        .select({ version: sql<number>`coalesce(max(${policyVersions.version}), 0)` })
        .from(policyVersions)
        .where(and(eq(policyVersions.topic, input.topic)))
        .get()!.version;
      const created = tx
        .insert(policyVersions)
        .values({ ...input, version: last + 1, editedBy: staff.id, createdAt: now })
        .returning()
        .get();
      recordAudit(staff, { action: "policy.publish", subjectType: "policy", subjectId: input.topic, provinceCode: null, before: { version: last }, after: { version: last + 1 } }, now);
      return created;
    },
    { behavior: "immediate" },
  );
}
