/**
 * `<nearest-mirrors data-src="/nearest/…" data-locale="…">`: asks the edge once for the nearest
 * mirrors whose copy of the page's folder is verified, and lists them. Anything but a JSON
 * answer of that shape (a static host's 404 page, an empty list, a network error) leaves the
 * block hidden, with nothing logged. Text only through `textContent`; links only http(s).
 */

import { type NearMirror, nearMirrors } from "./near-mirrors.ts";

class NearestMirrors extends HTMLElement {
  connectedCallback(): void {
    const src = this.dataset.src;
    // Only a path of this site: the attribute is ours, but a copied page must not ask elsewhere.
    if (!src?.startsWith("/nearest/")) return;
    fetch(src, { headers: { Accept: "application/json" } })
      .then((response) =>
        response.ok && (response.headers.get("Content-Type") ?? "").includes("application/json")
          ? response.json()
          : null,
      )
      .then((answer: unknown) => this.fill(nearMirrors(answer)))
      .catch(() => {
        // No worker on this host, or no network: the page works without the block.
      });
  }

  private fill(mirrors: NearMirror[]): void {
    const list = this.querySelector("ol");
    if (!list || mirrors.length === 0) return;
    let regions: Intl.DisplayNames | null = null;
    try {
      regions = new Intl.DisplayNames([this.dataset.locale ?? "en"], { type: "region" });
    } catch {
      // An unknown locale: the code stands for the country.
    }
    for (const mirror of mirrors) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = mirror.url;
      link.rel = "noopener";
      link.dir = "ltr";
      link.textContent = mirror.name;
      item.append(link);
      const country = mirror.country ? (regions?.of(mirror.country) ?? mirror.country) : undefined;
      const place = [mirror.city, country].filter(Boolean).join(", ");
      if (place) {
        const where = document.createElement("span");
        where.textContent = ` (${place})`;
        item.append(where);
      }
      list.append(item);
    }
    this.hidden = false;
  }
}

customElements.define("nearest-mirrors", NearestMirrors);
