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
import mapCss from "./map.css?url";
import type { MapData, MapMirror } from "./map-data.ts";

export interface MapOptions {
  src: string;
  /** Path prefix of mirror pages in the page's locale. */
  base: string;
  /** Only this country's mirrors (lower or upper case ISO code), centred. */
  country: string | null;
  labels: Record<string, string>;
}

const pin = L.divIcon({ className: "map-pin", iconSize: [14, 14] });

export async function showMap(box: HTMLElement, options: MapOptions): Promise<void> {
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
  L.control.zoom({ position: rtl ? "topright" : "topleft" }).addTo(map);
  const credits = L.control.attribution({ position: rtl ? "bottomleft" : "bottomright" }).addTo(map);
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
  const shown = data.mirrors.filter((m) => !wanted || m[5] === wanted);
  const clusters = L.markerClusterGroup({ maxClusterRadius: 45, showCoverageOnHover: false });
  for (const mirror of shown) {
    const marker = L.marker([mirror[2], mirror[3]], { icon: pin, title: mirror[0], alt: mirror[0] });
    marker.bindPopup(() => popup(mirror, options));
    clusters.addLayer(marker);
  }
  map.addLayer(clusters);
  if (wanted && shown.length > 0) {
    map.fitBounds(L.latLngBounds(shown.map((m) => [m[2], m[3]])).pad(0.3), { maxZoom: 6 });
  } else {
    map.setView([30, 10], 2);
  }
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

function popup([name, sponsor, , , protocols]: MapMirror, options: MapOptions): HTMLElement {
  const root = document.createElement("div");
  root.className = "map-popup";
  const title = document.createElement("h3");
  title.textContent = name;
  const by = document.createElement("p");
  by.textContent = `${options.labels.sponsor ?? ""}: ${sponsor}`;
  const offers = document.createElement("p");
  const names = protocols.split(" ").map((p) => options.labels[`p_${p}`] ?? p);
  offers.textContent = `${options.labels.protocols ?? ""}: ${names.join(", ")}`;
  const link = document.createElement("a");
  link.href = `${options.base}${encodeURIComponent(name)}/`;
  link.textContent = options.labels.details ?? name;
  const more = document.createElement("p");
  more.append(link);
  root.append(title, by, offers, more);
  return root;
}
