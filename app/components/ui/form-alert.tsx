import { useMessage } from "~/i18n/use-t";

/**
 * A message about the whole form (not one field), announced as soon as the page shows it. Takes a
 * message key or the form's errors as Conform keeps them (`form.errors`, the "" entry of a reply).
 */
export function FormAlert({ message, params }: { message?: string | string[] | null; params?: Record<string, string | number> }) {
  const text = useMessage()(Array.isArray(message) ? message[0] : message, params);
  if (!text) return null;
  return (
    <p role="alert" className="rounded bg-red-50 p-3 text-red-800">
      {text}
    </p>
  );
}
