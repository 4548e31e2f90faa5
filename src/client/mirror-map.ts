/**
 * `<mirror-map>`: loads the Leaflet island (a separate chunk with its CSS) only when the visitor
 * opens the map, or, with `data-auto`, when it scrolls into view.
 */
class MirrorMap extends HTMLElement {
  #started = false;

  connectedCallback(): void {
    const button = this.querySelector("button");
    button?.addEventListener("click", () => this.#open());
    if (this.dataset.auto !== undefined) {
      const observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          this.#open();
        }
      });
      observer.observe(this);
    }
  }

  async #open(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    const box = this.querySelector<HTMLElement>(".map-box");
    const button = this.querySelector("button");
    if (!box) return;
    const labels = JSON.parse(this.dataset.labels ?? "{}") as Record<string, string>;
    button?.closest("p")?.setAttribute("hidden", "");
    box.textContent = labels.loading ?? "";
    try {
      const { showMap } = await import("./map-island.ts");
      await showMap(box, {
        src: this.dataset.src ?? "/map-data.json",
        base: this.dataset.base ?? "/mirrors/",
        country: this.dataset.country ?? null,
        labels,
      });
      this.dataset.ready = "";
    } catch (error) {
      box.textContent = labels.failed ?? "";
      console.warn(error);
    }
  }
}

customElements.define("mirror-map", MirrorMap);
