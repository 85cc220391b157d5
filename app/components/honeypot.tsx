import { useT } from "~/i18n/use-t";

/**
 * A field only bots fill in: off screen, out of the tab order, labelled for the rare person who meets it.
 * A page with two public forms gives the second its own `id`, so no two controls share one.
 */
export function Honeypot({ id = "f-website" }: { id?: string }) {
  const t = useT();
  return (
    <div className="absolute -left-[9999px]" aria-hidden="true">
      <label htmlFor={id}>{t("account.honeypot")}</label>
      <input id={id} name="website" type="text" tabIndex={-1} autoComplete="off" />
    </div>
  );
}
