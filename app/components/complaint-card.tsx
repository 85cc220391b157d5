import type { ReactNode } from "react";
import { Price } from "~/components/ui/price";
import type { ComplaintView } from "~/domain/complaints/complaints.server";
import type { MessageKey } from "~/i18n/vi";
import { useFormat, useT } from "~/i18n/use-t";

/** One complaint as both sides see it: what was said, every step with its date, and the photos. */
export function ComplaintCard({ complaint, photoQuery = "", children }: { complaint: ComplaintView; photoQuery?: string; children?: ReactNode }) {
  const t = useT();
  const format = useFormat();
  const steps: [MessageKey, number | null][] = [
    ["complaint.openedAt", complaint.createdAt],
    ["complaint.answerDue", complaint.answeredAt === null && complaint.escalatedAt === null ? complaint.answerDueAt : null],
    ["complaint.answeredAt", complaint.answeredAt],
    ["complaint.escalatedAt", complaint.escalatedAt],
    ["complaint.decidedAt", complaint.decidedAt],
    ["complaint.closedAt", complaint.closedAt],
  ];
  return (
    <section id={`complaint-${complaint.id}`} aria-labelledby={`complaint-${complaint.id}-title`} className="space-y-2 rounded-lg border border-stone-200 bg-white p-4 text-sm">
      <h2 id={`complaint-${complaint.id}-title`} className="flex flex-wrap justify-between gap-2 text-base font-semibold">
        <span>
          {t("complaint.order", { code: complaint.orderCode })} · {complaint.producerName}
        </span>
        <Price vnd={complaint.partTotalVnd} />
      </h2>
      <p>
        <span className="font-medium">{t("complaint.status")}:</span>{" "}
        <span data-complaint-status={complaint.status} className="rounded bg-amber-50 px-2 py-0.5 font-semibold text-amber-900">
          {t(`complaint.status.${complaint.status}`)}
        </span>
      </p>
      <p>
        <span className="font-medium">{t("complaint.reason")}:</span> {t(`complaint.reason.${complaint.reason}`)}
      </p>
      <p className="whitespace-pre-line">{complaint.description}</p>
      {complaint.photoIds.length > 0 ? (
        <ul className="flex flex-wrap gap-2">
          {complaint.photoIds.map((id) => (
            <li key={id}>
              <a href={`/complaints/photos/${id}${photoQuery}`}>
                <img src={`/complaints/photos/${id}${photoQuery}`} alt={t("complaint.photos")} width={96} height={96} className="h-24 w-24 rounded object-cover" />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {complaint.producerAnswer ? (
        <p>
          <span className="font-medium">{t("complaint.producerAnswer")}:</span> {t(`complaint.answer.${complaint.producerAnswer}`)}
          {complaint.producerNote ? ` — ${complaint.producerNote}` : null}
        </p>
      ) : null}
      {complaint.staffDecision ? (
        <p>
          <span className="font-medium">{t("complaint.staffDecision")}:</span> {t(`complaint.decide.${complaint.staffDecision}`)}
          {complaint.staffNote ? ` — ${complaint.staffNote}` : null}
        </p>
      ) : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-stone-700">
        {steps
          .filter(([, at]) => at !== null)
          .map(([key, at]) => (
            <div key={key} className="contents">
              <dt>{t(key)}</dt>
              <dd>{format.dateTime(at!)}</dd>
            </div>
          ))}
      </dl>
      {children}
    </section>
  );
}
