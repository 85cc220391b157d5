import type { ProducerIdentity } from "~/domain/producers/identity.server";
import { useFormat, useT } from "~/i18n/use-t";

/** Whether staff verified a seller's identity, how, by whom and when. */
export function IdentityStatus({ identity }: { identity: ProducerIdentity }) {
  const t = useT();
  const format = useFormat();
  return (
    <p data-identity-status className={identity.method ? "text-green-800" : "text-amber-800"}>
      {identity.method && identity.checkedAt !== null
        ? t("identity.checked", { method: t(`identity.method.${identity.method}`), by: identity.checkedByName ?? "—", at: format.dateTime(identity.checkedAt, { day: true }) })
        : t("identity.notChecked")}
    </p>
  );
}
