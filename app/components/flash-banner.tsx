import { useLocation } from "@remix-run/react";
import { useRef } from "react";

/**
 * The confirmation of the form just sent ("Đã lưu bộ sưu tập."), at the top of the page it led to.
 * The status region is always there, so a screen reader announces the text when a navigation with
 * JavaScript puts it in. The root's data is not reloaded on every navigation, so the message is
 * kept to the page (history entry) it arrived with: following a link hides it.
 */
export function FlashBanner({ flash }: { flash: { id: string; text: string } | null }) {
  const location = useLocation();
  const arrivedAt = useRef(new Map<string, string>());
  let shown = false;
  if (flash) {
    const at = arrivedAt.current.get(flash.id) ?? location.key;
    arrivedAt.current.set(flash.id, at);
    shown = at === location.key;
  }
  return (
    <div id="flash" role="status">
      {shown && flash ? (
        <p className="mb-4 rounded-lg border border-brand-700/30 bg-brand-50 p-3 font-medium text-brand-800">{flash.text}</p>
      ) : null}
    </div>
  );
}
