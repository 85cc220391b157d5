import type { EntityType } from "~/domain/producers/entity-types";
import { TRACKED_FIELDS, type ProfileChanges, type TrackedField } from "~/domain/producers/profile-changes";
import type { MessageKey } from "~/i18n/vi";
import { useT } from "~/i18n/use-t";

const LABEL: Record<TrackedField, MessageKey> = {
  name: "verify.changed.name",
  entityType: "verify.changed.entityType",
  provinceCode: "verify.changed.provinceCode",
  wardCode: "verify.changed.wardCode",
  addressLine: "verify.changed.addressLine",
  phone: "verify.changed.phone",
  story: "verify.changed.story",
  bankAccount: "verify.changed.bankAccount",
};
// Shown with their old and new values; the rest (codes, long text, account numbers) by name only.
const WITH_VALUES = new Set<TrackedField>(["name", "entityType", "provinceCode", "addressLine", "phone"]);

/** What a producer changed since staff last decided, for the verification queue and review page. */
export function ProfileChangesList({ changes, provinceNames }: { changes: ProfileChanges; provinceNames: Record<string, string> }) {
  const t = useT();
  const fields = TRACKED_FIELDS.filter((field) => changes[field]);
  if (fields.length === 0) return null;
  const shown = (field: TrackedField, value: string | null) => {
    if (value === null || value === "") return "—";
    if (field === "entityType") return t(`entity.${value as EntityType}`);
    if (field === "provinceCode") return provinceNames[value] ?? value;
    return value;
  };
  return (
    <div className="mt-1 rounded bg-amber-50 p-2 text-sm text-amber-950">
      <p className="font-medium">{t("verify.changedSince")}</p>
      <ul className="list-disc pl-5">
        {fields.map((field) => {
          const change = changes[field]!;
          return (
            <li key={field} data-changed={field}>
              {t(LABEL[field])}
              {WITH_VALUES.has(field) ? (
                <>
                  : <s>{shown(field, change.before)}</s> → <strong>{shown(field, change.after)}</strong>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
