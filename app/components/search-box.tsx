import { Form, Link, useFetcher, useLocation, useSearchParams } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import type { Language } from "~/i18n/translate";
import { useT } from "~/i18n/use-t";

interface Suggestion {
  slug: string;
  name: string;
}

/**
 * A plain GET form to /products (full results without JS); with JS it also suggests products
 * as you type, from /search/suggest. On storefront pages, which ship no framework (ADR 0022),
 * app/enhance/storefront.js does the suggesting on this same markup; keep the two alike.
 */
export function SearchBox({ lang }: { lang: Language }) {
  const t = useT();
  const [params] = useSearchParams();
  const fetcher = useFetcher<{ suggestions: Suggestion[] }>();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const listId = useId();
  const suggestions = open ? (fetcher.data?.suggestions ?? []) : [];

  const location = useLocation();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => () => clearTimeout(timer.current), []);
  // A search submitted or a suggestion followed: the list must not cover the next page.
  useEffect(() => {
    clearTimeout(timer.current);
    setOpen(false);
  }, [location.key]);
  // Typed before the page's script woke up (a slow phone): suggest for it now, not at the next key.
  // After the effect above, which would otherwise cancel it on this first run.
  useEffect(() => {
    const field = input.current;
    if (field && document.activeElement === field && field.value !== field.defaultValue) onInput(field.value);
    // Once, at hydration: later typing goes through onChange.
  }, []);

  function onInput(value: string) {
    clearTimeout(timer.current);
    setActive(-1);
    if (value.trim().length < 2) {
      setOpen(false);
      return;
    }
    // Wait for a pause in typing so a slow phone on 4G sends one request, not one per key.
    timer.current = setTimeout(() => {
      fetcher.load(`/search/suggest?q=${encodeURIComponent(value)}`);
      setOpen(true);
    }, 150);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (!suggestions.length) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + suggestions.length) % suggestions.length);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      document.getElementById(`${listId}-${active}`)?.querySelector("a")?.click();
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  return (
    <Form method="get" action="/products" role="search" className="relative flex" onSubmit={() => setOpen(false)}>
      <label htmlFor="site-search" className="sr-only">
        {t("search.label")}
      </label>
      <input
        ref={input}
        id="site-search"
        type="search"
        name="q"
        defaultValue={params.get("q") ?? ""}
        placeholder={t("search.placeholder")}
        autoComplete="off"
        maxLength={100}
        role="combobox"
        aria-expanded={suggestions.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        onChange={(e) => onInput(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 200)}
        className="min-w-0 flex-1 rounded-l border-0 bg-white px-3 py-2 text-stone-900 placeholder:text-stone-600"
      />
      <button type="submit" className="rounded-r bg-amber-400 px-4 py-2 font-semibold text-stone-900 hover:bg-amber-300">
        {t("search.submit")}
      </button>
      <ul
        id={listId}
        role="listbox"
        aria-label={t("search.suggestions")}
        hidden={suggestions.length === 0}
        className="absolute left-0 right-0 top-full z-20 mt-1 overflow-hidden rounded border border-stone-200 bg-white text-stone-900 shadow-lg"
      >
        {suggestions.map((s, i) => (
          <li key={s.slug} id={`${listId}-${i}`} role="option" aria-selected={i === active}>
            <Link
              to={`/products/${s.slug}`}
              className={`block px-3 py-2 text-stone-900 no-underline hover:bg-brand-50 ${i === active ? "bg-brand-50" : ""}`}
            >
              {s.name}
            </Link>
          </li>
        ))}
      </ul>
    </Form>
  );
}
