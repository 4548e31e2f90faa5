/**
 * `<mirror-table>`: search, protocol and status filters, and column sorting over the server-
 * rendered table (MirrorTable.astro). The query lives in the URL (`?q=&p=&s=`) so a filtered
 * view can be shared. Each filtering fires `SHOWN_EVENT` (mirrors-shown.ts), which the map follows.
 *
 * Quick to start and cheap per keystroke, the first one included: the table listens as soon as
 * it has found its rows and groups; the text of every row (and its protocols and frequency) is
 * gathered once in the first idle moment after that (the build puts the keys that are not on
 * screen, a country's code and English name, on its group), or by the first filtering if that
 * comes sooner. A keystroke then compares strings, changes only the rows and groups whose
 * visibility changes, in one pass, and reads no layout.
 */

import { SHOWN_EVENT, type ShownMirrors } from "./mirrors-shown.ts";

interface Row {
  el: HTMLTableRowElement;
  /** The mirror's name (`data-mirror`). */
  name: string;
  /** Its country group: where the row goes back to when the grouped order returns. */
  group: Group;
  /** Lower-case text without accents: name, sponsor, location, country code and names (`#read`). */
  text: string;
  /** The protocols it serves, by id ("https"), read from its protocols cell (`#read`). */
  protocols: readonly string[];
  /** Its update frequency in minutes, read from its cell ("6h"); 0 when unreadable (`#read`). */
  minutes: number;
  /** The country's search keys from its group, added to `text`. */
  keys: string;
  state: string;
  /** ISO country code, lower case; "" when the mirror has no location. */
  country: string;
  shown: boolean;
}

interface Group {
  body: HTMLTableSectionElement;
  /** The continent's heading (`tbody.g`), when the table is grouped. */
  heading: HTMLTableSectionElement | null;
  /** How many of its rows are shown. */
  live: number;
}

/** Lower case without accents, so "zurich" finds "Zürich" (ASCII text skips the Unicode work). */
function fold(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range starts at U+0000
  return /[^\u0000-\u007f]/.test(text)
    ? text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
    : text.toLowerCase();
}

/** "6h", "30m", "1d" in minutes; 0 for anything else. */
function minutes(frequency: string): number {
  const match = /^(\d+)\s*([mhd])/.exec(frequency.trim());
  const unit = match?.[2] === "d" ? 1440 : match?.[2] === "h" ? 60 : 1;
  return match ? Number(match[1]) * unit : 0;
}

/** Sort order of the states, best first; then the lag. */
const STATE_RANK: Record<string, number> = { ok: 0, outdated: 1, broken: 2, unreachable: 3 };

class MirrorTable extends HTMLElement implements ShownMirrors {
  #rows: Row[] = [];
  #groups: Group[] = [];
  #countries = new Set<string>();
  #shown: ReadonlySet<string> | null = null;
  #flat = document.createElement("tbody");
  #form: HTMLFormElement | null = null;
  #announce = 0;
  /** Whether `#read` has gathered the rows' text. */
  #read = false;

  connectedCallback(): void {
    const table = this.querySelector("table");
    if (!table) return;
    this.#index(table);
    this.#flat.hidden = true;
    table.append(this.#flat);
    this.#setUpSorting(table);
    this.#setUpForm();
    // The search listens: benches and tests wait for this.
    this.dataset.ready = "";
    const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1));
    idle(() => this.#readRows());
  }

  /** Reads the rows once: their text, keys and groups. */
  #index(table: HTMLTableElement): void {
    const headings = new Map<string, HTMLTableSectionElement>();
    for (const body of table.querySelectorAll<HTMLTableSectionElement>("tbody.g")) {
      headings.set(body.dataset.c ?? "", body);
    }
    for (const body of table.tBodies) {
      if (body.classList.contains("g")) continue;
      const keys = body.dataset.k ?? "";
      const country = keys.split(" ")[0] ?? "";
      if (country) this.#countries.add(country);
      const group: Group = { body, heading: headings.get(body.dataset.c ?? "") ?? null, live: 0 };
      this.#groups.push(group);
      for (const el of body.querySelectorAll<HTMLTableRowElement>("tr[data-mirror]")) {
        const name = el.dataset.mirror ?? "";
        this.#rows.push({
          el,
          name,
          group,
          text: "",
          protocols: [],
          minutes: 0,
          keys,
          state: el.dataset.s ?? "",
          country,
          shown: true,
        });
        group.live++;
      }
    }
  }

  /** Gathers what the filters and sorting compare from the rows' cells, once. */
  #readRows(): void {
    if (this.#read) return;
    this.#read = true;
    // The protocols cell names them as the protocol filter's options do: name → id.
    const protocolIds = new Map(
      [...this.querySelectorAll<HTMLOptionElement>("select[name=p] option")].map((o) => [o.text, o.value]),
    );
    for (const row of this.#rows) {
      const cells = row.el.cells;
      row.text = `${fold(`${cells[0]?.textContent} ${cells[1]?.textContent} ${cells[2]?.textContent}`)} ${row.keys}`;
      row.protocols = (cells[3]?.textContent ?? "").split(" ").flatMap((label) => protocolIds.get(label) || []);
      row.minutes = minutes(cells[4]?.textContent ?? "");
    }
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
  }

  /** The names of the mirrors the filters leave shown; null while every row is. */
  get shown(): ReadonlySet<string> | null {
    return this.#shown;
  }

  #filter(updateUrl: boolean): void {
    const form = this.#form;
    if (!form) return;
    this.#readRows();
    const data = new FormData(form);
    const words = fold(String(data.get("q") ?? ""))
      .split(/\s+/)
      .filter(Boolean);
    const protocol = String(data.get("p") ?? "");
    const state = String(data.get("s") ?? "");
    // A lone word that is a country code some row has means that country: "de" is Germany,
    // not every name that contains "de" (Bangladesh, Sweden).
    const word = words.length === 1 ? (words[0] ?? "") : "";
    const country = /^[a-z]{2}$/.test(word) && this.#countries.has(word) ? word : null;
    const names = new Set<string>();
    for (const row of this.#rows) {
      const visible =
        (country ? row.country === country : words.every((w) => row.text.includes(w))) &&
        (!protocol || row.protocols.includes(protocol)) &&
        (!state || row.state === state);
      if (visible) names.add(row.name);
      if (visible === row.shown) continue;
      row.shown = visible;
      row.el.hidden = !visible;
      row.group.live += visible ? 1 : -1;
    }
    const shown = names.size;
    this.#shown = shown === this.#rows.length ? null : names;
    this.#showGroups();
    this.dispatchEvent(new CustomEvent(SHOWN_EVENT, { bubbles: true }));
    const none = this.querySelector<HTMLElement>(".none");
    if (none) none.hidden = shown > 0;
    // Announce the count and write the URL once typing pauses, not on every key.
    clearTimeout(this.#announce);
    this.#announce = window.setTimeout(() => {
      this.#announceCount(shown);
      if (updateUrl) this.#writeUrl(data);
    }, 250);
  }

  /** The filters as the page's query (`?q=…&p=…&s=…`), so the view can be shared. */
  #writeUrl(data: FormData): void {
    const params = new URLSearchParams();
    for (const [key, value] of data) if (value) params.set(key, String(value));
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
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

  /**
   * A country or continent heading stays only while one of its mirrors is shown; none while the
   * rows are listed flat. Only what changes is written.
   */
  #showGroups(): void {
    const grouped = this.#flat.hidden;
    const liveHeadings = new Set<HTMLTableSectionElement>();
    for (const group of this.#groups) {
      const hidden = !grouped || group.live === 0;
      if (group.body.hidden !== hidden) group.body.hidden = hidden;
      if (!hidden && group.heading) liveHeadings.add(group.heading);
    }
    for (const heading of new Set(this.#groups.map((g) => g.heading))) {
      if (heading && heading.hidden !== !liveHeadings.has(heading)) heading.hidden = !liveHeadings.has(heading);
    }
  }

  /** Every `data-sort` of the header (a heading, or a part of one) becomes a sort button. */
  #setUpSorting(table: HTMLTableElement): void {
    const header = table.tHead?.rows[0];
    if (!header) return;
    const headers = [...header.cells];
    for (const target of header.querySelectorAll<HTMLElement>("[data-sort]")) {
      const kind = target.dataset.sort ?? "";
      const th = target.closest("th");
      if (!th) continue;
      const button = document.createElement("button");
      button.type = "button";
      button.append(...target.childNodes);
      if (target === th) th.append(button);
      else target.replaceWith(button);
      button.addEventListener("click", () => {
        const ascending = !(th.getAttribute("aria-sort") === "ascending" && th.dataset.sorted === kind);
        for (const other of headers) other.removeAttribute("aria-sort");
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        th.dataset.sorted = kind;
        this.#sort(headers.indexOf(th), kind, ascending);
      });
    }
  }

  /** Sorting by place restores the grouped order; any other column lists the rows flat. */
  #sort(column: number, kind: string, ascending: boolean): void {
    this.#readRows();
    if (kind === "place" && ascending) {
      for (const row of this.#rows) row.group.body.append(row.el);
      this.#flat.hidden = true;
    } else {
      const key = (row: Row, index: number): string | number => {
        const data = row.el.dataset;
        if (kind === "place") return index;
        if (kind === "name") return row.name;
        if (kind === "freq") return row.minutes;
        // The 30-day share of ok checks; a mirror without one sorts below 0 %.
        if (kind === "availability") return Number(data.a ?? -1);
        // The state, best first, then the lag; a mirror without a lag after those with one.
        if (kind === "status") return (STATE_RANK[row.state] ?? 4) * 1e9 + Number(data.lag ?? 1e8);
        // A page's own column with numbers (`data-x0` …); a mirror without one sorts last ascending.
        if (kind.startsWith("x")) return Number(data[kind] ?? Number.POSITIVE_INFINITY);
        return fold(row.el.cells[column]?.textContent ?? "").trim();
      };
      const compare = new Intl.Collator(this.dataset.locale, { numeric: true }).compare;
      const keyed = this.#rows.map((row, index) => ({ row, key: key(row, index) }));
      keyed.sort((a, b) => {
        const order =
          typeof a.key === "number" && typeof b.key === "number"
            ? a.key - b.key
            : compare(String(a.key), String(b.key));
        return ascending ? order : -order;
      });
      this.#flat.append(...keyed.map((k) => k.row.el));
      this.#flat.hidden = false;
    }
    this.#showGroups();
  }
}

customElements.define("mirror-table", MirrorTable);
