/**
 * `<mirror-map>`: loads the Leaflet island (a separate chunk with its CSS) only when the visitor
 * opens the map, or, with `data-auto`, when it scrolls into view. It places the mirrors that the
 * page's `<mirror-table>` shows, and follows its filters.
 */
import { SHOWN_EVENT, type ShownMirrors } from "./mirrors-shown.ts";

class MirrorMap extends HTMLElement {
  #started = false;

  connectedCallback(): void {
    const button = this.querySelector("button");
    button?.addEventListener("click", () => this.#open(true));
    if (this.dataset.auto !== undefined) {
      const observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          this.#open(false);
        }
      });
      observer.observe(this);
    }
  }

  /** Opens the map; `focus`: the visitor asked for it, and the focus follows into the map. */
  async #open(focus: boolean): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    const box = this.querySelector<HTMLElement>(".map-box");
    const button = this.querySelector("button");
    if (!box) return;
    const labels = JSON.parse(this.dataset.labels ?? "{}") as Record<string, string>;
    button?.closest("p")?.setAttribute("hidden", "");
    box.textContent = labels.loading ?? "";
    // The button is gone: the focus goes to the map rather than falling back to <body>.
    box.tabIndex = -1;
    if (focus) box.focus();
    const table = document.querySelector<ShownMirrors>("mirror-table");
    try {
      const { showMap } = await import("./map-island.ts");
      const view = await showMap(box, {
        src: this.dataset.src ?? "/map-data.json",
        base: this.dataset.base ?? "/mirrors/",
        country: this.dataset.country ?? null,
        labels,
        names: table?.shown ?? null,
      });
      table?.addEventListener(SHOWN_EVENT, () => view.showOnly(table.shown));
      this.dataset.ready = "";
    } catch (error) {
      box.textContent = labels.failed ?? "";
      console.warn(error);
    }
  }
}

customElements.define("mirror-map", MirrorMap);
