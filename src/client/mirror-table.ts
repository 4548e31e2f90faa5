/**
 * `<mirror-table>`: search, protocol and status filters, and column sorting over the server-
 * rendered table. The query lives in the URL (`?q=&p=&s=`) so a filtered view can be shared.
 * Each filtering fires `SHOWN_EVENT` (mirrors-shown.ts), which the map follows.
 */

import { SHOWN_EVENT, type ShownMirrors } from "./mirrors-shown.ts";

interface Row {
  el: HTMLTableRowElement;
  home: HTMLTableSectionElement;
  /** Lower-case text without accents: name, sponsor, location, country code and names. */
  text: string;
  protocols: string[];
  state: string;
  /** ISO country code, lower case; "" when the mirror has no location. */
  country: string;
}

/** Lower case without accents, so "zurich" finds "Zürich". */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * Whether `word` alone is a country code that some row has: then "de" means Germany, not every
 * name that contains "de" (Bangladesh, Sweden).
 */
function isCountryCode(word: string, rows: Row[]): boolean {
  return /^[a-z]{2}$/.test(word) && rows.some((row) => row.country === word);
}

class MirrorTable extends HTMLElement implements ShownMirrors {
  #rows: Row[] = [];
  #shown: ReadonlySet<string> | null = null;
  #flat = document.createElement("tbody");
  #form: HTMLFormElement | null = null;
  #announce = 0;

  connectedCallback(): void {
    const table = this.querySelector("table");
    if (!table) return;
    for (const el of table.querySelectorAll<HTMLTableRowElement>("tr[data-mirror]")) {
      const cells = [...el.cells].slice(0, 3).map((c) => c.textContent ?? "");
      this.#rows.push({
        el,
        home: el.parentElement as HTMLTableSectionElement,
        text: fold(`${el.dataset.mirror} ${cells.join(" ")} ${el.dataset.k ?? ""}`),
        protocols: (el.dataset.p ?? "").split(" "),
        state: el.dataset.s ?? "",
        // `data-k` starts with the country code (MirrorTable.astro).
        country: (el.dataset.k ?? "").split(" ")[0] ?? "",
      });
    }
    this.#flat.hidden = true;
    table.append(this.#flat);
    this.#setUpSorting(table);
    this.#setUpForm();
  }

  #setUpForm(): void {
    const form = this.querySelector("form");
    if (!form) return;
    this.#form = form;
    const params = new URLSearchParams(location.search);
    for (const name of ["q", "p", "s"]) {
      const field = form.elements.namedItem(name);
      const value = params.get(name);
      if (value && (field instanceof HTMLInputElement || field instanceof HTMLSelectElement)) {
        field.value = value;
      }
    }
    form.hidden = false;
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("input", () => this.#filter(true));
    if (params.size > 0) this.#filter(false);
    // The search listens: benches and tests wait for this.
    this.dataset.ready = "";
  }

  /** The names of the mirrors the filters leave shown; null while every row is. */
  get shown(): ReadonlySet<string> | null {
    return this.#shown;
  }

  #filter(updateUrl: boolean): void {
    const form = this.#form;
    if (!form) return;
    const data = new FormData(form);
    const words = fold(String(data.get("q") ?? ""))
      .split(/\s+/)
      .filter(Boolean);
    const protocol = String(data.get("p") ?? "");
    const state = String(data.get("s") ?? "");
    const country = words.length === 1 && isCountryCode(words[0] ?? "", this.#rows) ? words[0] : null;
    const names = new Set<string>();
    for (const row of this.#rows) {
      const visible =
        (country ? row.country === country : words.every((w) => row.text.includes(w))) &&
        (!protocol || row.protocols.includes(protocol)) &&
        (!state || row.state === state);
      row.el.hidden = !visible;
      if (visible) names.add(row.el.dataset.mirror ?? "");
    }
    const shown = names.size;
    this.#shown = shown === this.#rows.length ? null : names;
    this.dispatchEvent(new CustomEvent(SHOWN_EVENT, { bubbles: true }));
    this.#hideEmptyGroups();
    const none = this.querySelector<HTMLElement>(".none");
    if (none) none.hidden = shown > 0;
    if (updateUrl) {
      const params = new URLSearchParams();
      for (const [key, value] of data) if (value) params.set(key, String(value));
      const query = params.toString();
      history.replaceState(null, "", query ? `?${query}` : location.pathname);
    }
    // Announce once typing pauses, not on every key.
    clearTimeout(this.#announce);
    this.#announce = window.setTimeout(() => this.#announceCount(shown), 250);
  }

  #announceCount(shown: number): void {
    const status = this.querySelector(".count");
    if (!status) return;
    const forms = JSON.parse(this.dataset.shown ?? "{}") as Record<string, string>;
    const locale = this.dataset.locale ?? "en";
    const category = new Intl.PluralRules(locale).select(shown);
    const number = new Intl.NumberFormat(locale);
    const values: Record<string, number> = { count: shown, total: this.#rows.length };
    status.textContent = (forms[category] ?? forms.other ?? "").replace(
      /\{\{(\w+)(?:, *number)?\}\}/g,
      (_, name: string) => number.format(values[name] ?? 0),
    );
  }

  /** A country or continent heading stays only while one of its mirrors is shown. */
  #hideEmptyGroups(): void {
    const bodies = [...this.querySelectorAll<HTMLTableSectionElement>("tbody[data-c]")];
    const liveContinents = new Set<string>();
    for (const body of bodies) {
      if (body.classList.contains("g")) continue;
      const live = [...body.rows].some((r) => r.dataset.mirror && !r.hidden);
      body.hidden = !live || !this.#flat.hidden;
      if (live) liveContinents.add(body.dataset.c ?? "");
    }
    for (const body of bodies) {
      if (body.classList.contains("g")) {
        body.hidden = !liveContinents.has(body.dataset.c ?? "") || !this.#flat.hidden;
      }
    }
  }

  #setUpSorting(table: HTMLTableElement): void {
    const headers = [...(table.tHead?.rows[0]?.cells ?? [])];
    headers.forEach((th, index) => {
      const kind = th.dataset.sort;
      if (!kind) return;
      const button = document.createElement("button");
      button.type = "button";
      button.append(...th.childNodes);
      th.append(button);
      button.addEventListener("click", () => {
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        for (const other of headers) other.removeAttribute("aria-sort");
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        this.#sort(index, kind, ascending);
      });
    });
  }

  /**
   * The state's words, then the lag as a number ("Up to date 0" before "Up to date 10800"), so
   * that "in sync" comes first and "2 days behind" after "3 hours behind"; no lag, no number.
   */
  #statusKey(row: Row, column: number): string {
    const state = row.el.cells[column]?.querySelector("[class^='st-']")?.textContent ?? "";
    return `${fold(state).trim()} ${row.el.dataset.lag ?? ""}`.trim();
  }

  /** Sorting by place restores the grouped order; any other column lists the rows flat. */
  #sort(column: number, kind: string, ascending: boolean): void {
    if (kind === "place" && ascending) {
      for (const row of this.#rows) row.home.append(row.el);
      this.#flat.hidden = true;
    } else {
      const key = (row: Row): string | number => {
        if (kind === "place") return this.#rows.indexOf(row);
        if (kind === "freq") return Number(row.el.dataset.f ?? 0);
        // The 30-day share of ok checks; a mirror without one sorts below 0 %.
        if (kind === "availability") return Number(row.el.dataset.a ?? -1);
        if (kind === "status") return this.#statusKey(row, column);
        return fold(row.el.cells[column]?.textContent ?? "").trim();
      };
      const compare = new Intl.Collator(this.dataset.locale, { numeric: true }).compare;
      const sorted = [...this.#rows].sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        const order = typeof ka === "number" && typeof kb === "number" ? ka - kb : compare(String(ka), String(kb));
        return ascending ? order : -order;
      });
      this.#flat.append(...sorted.map((r) => r.el));
      this.#flat.hidden = false;
    }
    this.#hideEmptyGroups();
  }
}

customElements.define("mirror-table", MirrorTable);
