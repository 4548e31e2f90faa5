/**
 * The map island: Leaflet with marker clusters over Natural Earth country shapes served from our
 * own origin (no tiles unless `PUBLIC_MAP_TILES` names a tile URL). Popups are built from text
 * nodes, never from HTML strings holding data.
 */
import L from "leaflet";
import "leaflet.markercluster";
import { feature, mesh } from "topojson-client";
import type { GeometryObject, Topology } from "topojson-specification";
import worldUrl from "world-atlas/countries-110m.json?url";
import { decodeMapMirror, type MapData, type MapMirror } from "../core/map-data.ts";
import mapCss from "./map.css?url";

/** What the opened map offers its page: show only some mirrors. */
export interface MapView {
  /** Place only the mirrors named in `names` (all with null), and frame them. */
  showOnly(names: ReadonlySet<string> | null): void;
}

export interface MapOptions {
  src: string;
  /** Path prefix of mirror pages in the page's locale. */
  base: string;
  /** Only this country's mirrors (lower or upper case ISO code), centred. */
  country: string | null;
  labels: Record<string, string>;
  /** Place only these mirrors at first (all with null). */
  names: ReadonlySet<string> | null;
}

const pin = L.divIcon({ className: "map-pin", iconSize: [14, 14] });

/** Opens the map in `box`; it places the mirrors of `options.names`, then whatever `showOnly` says. */
export async function showMap(box: HTMLElement, options: MapOptions): Promise<MapView> {
  const [data, world] = await Promise.all([
    fetchJson<MapData>(options.src),
    fetchJson<Topology>(worldUrl),
    loadStylesheet(mapCss),
  ]);
  box.textContent = "";
  // Leaflet puts its controls on the left and right whatever the direction: mirror them in RTL.
  const rtl = getComputedStyle(box).direction === "rtl";
  const map = L.map(box, {
    minZoom: 1,
    maxZoom: 12,
    worldCopyJump: true,
    zoomSnap: 0.5,
    zoomControl: false,
    attributionControl: false,
  });
  // The box took the focus while the map loaded (mirror-map.ts); Leaflet's keyboard handler
  // listens only once it has seen a focus event, so it is told of the focus it already has.
  if (document.activeElement === box) box.dispatchEvent(new FocusEvent("focus"));
  const { labels } = options;
  L.control
    .zoom({ position: rtl ? "topright" : "topleft", zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut })
    .addTo(map);
  // Leaflet's own prefix carries an English title; the name alone needs no translation.
  const credits = L.control
    .attribution({
      position: rtl ? "bottomleft" : "bottomright",
      prefix: '<a href="https://leafletjs.com">Leaflet</a>',
    })
    .addTo(map);
  const attribution = ["Natural Earth"];
  const tiles = import.meta.env.PUBLIC_MAP_TILES;
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 12, attribution: import.meta.env.PUBLIC_MAP_ATTRIBUTION ?? "" }).addTo(map);
  } else {
    const countries: GeometryObject | undefined = world.objects.countries as GeometryObject | undefined;
    if (countries) {
      // Land without outlines, then only the borders between two countries: the outer rings
      // are cut along the antimeridian and would draw lines across the map.
      L.geoJSON(feature(world, countries), {
        interactive: false,
        style: { className: "map-land", stroke: false, fillOpacity: 1 },
      }).addTo(map);
      L.geoJSON(
        mesh(world, countries, (a, b) => a !== b),
        {
          interactive: false,
          style: { className: "map-border", weight: 0.6, fill: false },
        },
      ).addTo(map);
    }
  }
  credits.addAttribution(attribution.join(", "));

  const wanted = options.country?.toUpperCase() ?? null;
  const located = data.mirrors.map(decodeMapMirror).filter((m) => !wanted || m.country === wanted);
  const clusters = L.markerClusterGroup({
    maxClusterRadius: 45,
    showCoverageOnHover: false,
    iconCreateFunction: (cluster) => clusterIcon(cluster.getChildCount()),
  });
  const markers = new Map<string, L.Marker>();
  for (const mirror of located) {
    const marker = L.marker([mirror.latitude, mirror.longitude], { icon: pin, title: mirror.name });
    // A long sponsor name scrolls inside the popup: a popup taller than the map would pan its
    // marker out of view, where the cluster layer removes the marker and the popup closes.
    marker.bindPopup(() => popup(mirror, options), { maxHeight: 240 });
    markers.set(mirror.name, marker);
  }
  map.addLayer(clusters);
  map.on("popupopen", (event) => {
    event.popup
      .getElement()
      ?.querySelector(".leaflet-popup-close-button")
      ?.setAttribute("aria-label", labels.close ?? "");
  });
  roveMarkers(map, labels.cluster ?? "");

  // The table announces its rows on every keystroke; most keystrokes leave the same mirrors shown,
  // and redrawing (and refitting) the map for them would throw away where the reader has panned.
  let shownKey: string | null = null;
  const view: MapView = {
    showOnly(names) {
      const placed = located.filter((m) => !names || names.has(m.name));
      const key = `${names === null}|${placed.map((m) => m.name).join(" ")}`;
      if (key === shownKey) return;
      shownKey = key;
      clusters.clearLayers();
      clusters.addLayers(placed.flatMap((m) => markers.get(m.name) ?? []));
      if ((wanted || names) && placed.length > 0) {
        map.fitBounds(L.latLngBounds(placed.map((m) => [m.latitude, m.longitude])).pad(0.3), { maxZoom: 6 });
      } else {
        map.setView([30, 10], 2);
      }
    },
  };
  view.showOnly(options.names);
  return view;
}

/** A cluster's round icon with its count (markercluster's own adds an English "markers"). */
function clusterIcon(count: number): L.DivIcon {
  const size = count < 10 ? "small" : count < 100 ? "medium" : "large";
  const inner = document.createElement("div");
  const number = document.createElement("span");
  number.textContent = String(count);
  inner.append(number);
  return L.divIcon({ html: inner, className: `marker-cluster marker-cluster-${size}`, iconSize: L.point(40, 40) });
}

/**
 * A roving tab stop over the markers and clusters in view: the map is one Tab stop, the next
 * Tab reaches one marker, the arrow keys go to the marker nearest in screen order (west to east,
 * then north to south), Home and End to the first and last, Escape back to the map.
 */
function roveMarkers(map: L.Map, clusterLabel: string): void {
  const container = map.getContainer();
  const pane = map.getPane("markerPane");
  if (!pane) return;
  let current: HTMLElement | null = null;
  const icons = (): HTMLElement[] =>
    [...pane.querySelectorAll<HTMLElement>(".leaflet-marker-icon")]
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .sort((a, b) => a.box.left - b.box.left || a.box.top - b.box.top)
      .map(({ el }) => el);
  const settle = (): void => {
    const all = icons();
    if (!current || !all.includes(current)) current = all[0] ?? null;
    for (const icon of all) {
      icon.tabIndex = icon === current ? 0 : -1;
      // A cluster's name, "Mirrors here: 12" (a pin has its mirror's name as its title).
      if (icon.classList.contains("marker-cluster") && !icon.hasAttribute("aria-label")) {
        icon.setAttribute("aria-label", clusterLabel.replace("{{count}}", icon.textContent?.trim() ?? ""));
      }
    }
  };
  // Leaflet gives every icon a tab stop when it adds it, and redraws the clusters as the map
  // moves: take the stops back and name the new clusters after each redraw.
  new MutationObserver(settle).observe(pane, { childList: true });
  pane.addEventListener("focusin", (event) => {
    if (event.target instanceof HTMLElement && event.target.classList.contains("leaflet-marker-icon")) {
      current = event.target;
      settle();
    }
  });
  pane.addEventListener("keydown", (event) => {
    const all = icons();
    const at = current ? all.indexOf(current) : -1;
    const next: Record<string, number> = {
      ArrowRight: at + 1,
      ArrowDown: at + 1,
      ArrowLeft: at - 1,
      ArrowUp: at - 1,
      Home: 0,
      End: all.length - 1,
    };
    if (event.key === "Escape") {
      container.focus();
    } else if (event.key in next) {
      const target = all[Math.min(Math.max(next[event.key] ?? 0, 0), all.length - 1)];
      target?.focus({ preventScroll: true });
    } else {
      return;
    }
    // The map's own keyboard handler would pan instead.
    event.preventDefault();
    event.stopPropagation();
  });
}

/*
 * Leaflet's CSS is linked here rather than imported: an imported stylesheet of a lazy chunk is
 * hoisted into every page's <head>, and the home page would pay for it before the map opens.
 */
function loadStylesheet(href: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`${href} did not load`));
    document.head.append(link);
  });
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** `text` in a `<bdi>`: its direction its own (or `dir`), apart from the text around it. */
function isolated(text: string, dir?: "ltr"): HTMLElement {
  const bdi = document.createElement("bdi");
  if (dir) bdi.dir = dir;
  bdi.textContent = text;
  return bdi;
}

/** The state's sign, beside its word (never colour alone), as the pages' status badges show it. */
const HEALTH_ICONS: Record<string, string> = { ok: "✔", outdated: "⏱", broken: "✖", unreachable: "⚠" };

function popup({ name, sponsor, protocols, health }: MapMirror, options: MapOptions): HTMLElement {
  const root = document.createElement("div");
  root.className = "map-popup";
  // Host, sponsor and protocol names keep their own direction inside a right-to-left popup.
  const title = document.createElement("h3");
  title.append(isolated(name, "ltr"));
  const by = document.createElement("p");
  by.append(`${options.labels.sponsor ?? ""}: `, isolated(sponsor));
  const offers = document.createElement("p");
  offers.append(`${options.labels.protocols ?? ""}: `);
  protocols.forEach((p, i) => {
    offers.append(...(i > 0 ? [", "] : []), isolated(options.labels[`p_${p}`] ?? p));
  });
  const state = document.createElement("p");
  if (health) {
    const badge = document.createElement("span");
    badge.className = `st-${health}`;
    badge.textContent = `${HEALTH_ICONS[health] ?? ""} ${options.labels[`s_${health}`] ?? health}`.trim();
    state.dataset.health = health;
    state.append(`${options.labels.status ?? ""}: `, badge);
  }
  const link = document.createElement("a");
  link.href = `${options.base}${encodeURIComponent(name)}/`;
  link.textContent = options.labels.details ?? name;
  const more = document.createElement("p");
  more.append(link);
  root.append(title, by, offers, ...(health ? [state] : []), more);
  return root;
}
