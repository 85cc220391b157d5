import type { Language } from "~/i18n/translate";
import { useFormat, useT } from "~/i18n/use-t";

export function SiteFooter({ lang, snapshot }: { lang: Language; snapshot?: string }) {
  const t = useT();
  const format = useFormat();
  return (
    <footer className="no-print mt-8 border-t border-stone-200 bg-white text-sm text-stone-700">
      <div className="mx-auto max-w-6xl space-y-1 px-4 py-6">
        <p>{t("footer.about")}</p>
        {snapshot ? <p>{t("footer.data", { date: format.date(snapshot) })}</p> : null}
        <p>{t("footer.openSource")}</p>
      </div>
    </footer>
  );
}
