import { useT } from "~/i18n/use-t";

/** A field only bots fill in: off screen, out of the tab order, labelled for the rare person who meets it. */
export function Honeypot() {
  const t = useT();
  return (
    <div className="absolute -left-[9999px]" aria-hidden="true">
      <label htmlFor="f-website">{t("account.honeypot")}</label>
      <input id="f-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
    </div>
  );
}
