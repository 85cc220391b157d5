// The storefront's only script (ADR 0022). Storefront pages are whole HTML that works without
// JavaScript and ship no framework: this file adds what JS makes better, and nothing breaks without it.
// Plain JavaScript served as it is (no build step), for the phones our shoppers have.

// Search suggestions: the search box (components/search-box.tsx) is a combobox whose listbox this
// fills from /search/suggest as the shopper types; Enter without a choice submits the form as before.
function suggestAsYouType(input, list) {
  let timer;
  let controller;
  let active = -1;

  const options = () => [...list.querySelectorAll("[role=option]")];
  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const highlight = (index) => {
    const items = options();
    active = index;
    items.forEach((item, i) => {
      item.setAttribute("aria-selected", String(i === index));
      item.firstElementChild.classList.toggle("bg-brand-50", i === index);
    });
    if (index >= 0) input.setAttribute("aria-activedescendant", items[index].id);
    else input.removeAttribute("aria-activedescendant");
  };
  const show = (suggestions) => {
    list.replaceChildren(
      ...suggestions.map(({ slug, name }, i) => {
        const item = document.createElement("li");
        item.id = `${list.id}-${i}`;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        const link = document.createElement("a");
        link.href = `/products/${encodeURIComponent(slug)}`;
        link.className = "block px-3 py-2 text-stone-900 no-underline hover:bg-brand-50";
        // Product names are shoppers' and producers' text: set as text, never as markup.
        link.textContent = name;
        item.append(link);
        return item;
      }),
    );
    active = -1;
    list.hidden = suggestions.length === 0;
    input.setAttribute("aria-expanded", String(suggestions.length > 0));
  };
  const ask = (value) => {
    clearTimeout(timer);
    if (value.trim().length < 2) return close();
    // Wait for a pause in typing, so a slow phone on 4G sends one request, not one per key.
    timer = setTimeout(async () => {
      controller?.abort();
      controller = new AbortController();
      try {
        const res = await fetch(`/search/suggest?q=${encodeURIComponent(value)}`, { signal: controller.signal });
        if (res.ok) show((await res.json()).suggestions);
      } catch {
        // A newer query or a lost connection: the form still searches on Enter.
      }
    }, 150);
  };

  input.addEventListener("input", () => ask(input.value));
  input.addEventListener("keydown", (event) => {
    const count = options().length;
    if (!count) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      highlight((active + (event.key === "ArrowDown" ? 1 : -1) + count) % count);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      options()[active].firstElementChild.click();
    } else if (event.key === "Escape") {
      close();
    }
  });
  // Later than a tap on a suggestion, which must still reach its link.
  input.addEventListener("blur", () => setTimeout(close, 200));
  // Typed before this script arrived (a slow phone): suggest for it now.
  if (document.activeElement === input && input.value !== input.defaultValue) ask(input.value);
}

const search = document.getElementById("site-search");
const suggestions = search && document.getElementById(search.getAttribute("aria-controls"));
if (search && suggestions) suggestAsYouType(search, suggestions);

// Print buttons (the product label): without JS the browser's own print menu is the way.
for (const button of document.querySelectorAll("button[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

// Add to cart without leaving the page: the same form, posted in the background with `stay`, then
// the header's cart count and the confirmation. When the add itself fails (a size sold out meanwhile,
// no connection) the form is posted as without JS, so the cart page tells what happened; once the add
// has succeeded nothing is posted again, whatever happens to the count.
async function refreshCartCount() {
  // The add's answer was made before the cart's cookie existed (a first add): the cart page has the count.
  const page = new DOMParser().parseFromString(await (await fetch("/cart")).text(), "text/html");
  const count = page.querySelector("header a[href='/cart']");
  const mine = document.querySelector("header a[href='/cart']");
  if (count && mine) mine.replaceChildren(...count.childNodes);
}

for (const form of document.querySelectorAll("form[data-add-to-cart]")) {
  const status = form.querySelector("[role=status]");
  const added = form.querySelector("template[data-added]");
  const button = form.querySelector("button[type=submit]");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = new URLSearchParams(new FormData(form));
    body.set("stay", "1");
    button.disabled = true;
    const ok = await fetch(form.action, { method: "POST", body }).then((res) => res.ok, () => false);
    if (!ok) return form.submit();
    await refreshCartCount().catch(() => {});
    status.replaceChildren(added.content.cloneNode(true));
    button.disabled = false;
  });
}
