/** `/map-data.json`: the located public mirrors, fetched by the map island when it opens. */
import type { APIRoute } from "astro";
import type { MapData } from "../core/map-data.ts";
import { PROTOCOLS } from "../core/types.ts";
import { publicMirrors } from "../site/data.ts";

export const GET: APIRoute = async () => {
  const data: MapData = { mirrors: [] };
  for (const { mirror, placement } of await publicMirrors()) {
    if (!placement || !mirror.location) continue;
    const protocols = PROTOCOLS.filter((p) => mirror.urls[p]).join(" ");
    data.mirrors.push([
      mirror.name,
      mirror.sponsor,
      placement.latitude,
      placement.longitude,
      protocols,
      mirror.location.country,
    ]);
  }
  return new Response(JSON.stringify(data), { headers: { "Content-Type": "application/json" } });
};
