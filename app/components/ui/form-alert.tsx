import type { MessageKey } from "~/i18n/vi";
import { useT } from "~/i18n/use-t";

/** A message about the whole form (not one field), announced as soon as the page shows it. */
export function FormAlert({ message, params }: { message?: string | null; params?: Record<string, string | number> }) {
  const t = useT();
  if (!message) return null;
  return (
    <p role="alert" className="rounded bg-red-50 p-3 text-red-800">
      {t(message as MessageKey, params)}
    </p>
  );
}
