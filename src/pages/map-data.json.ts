/** `/map-data.json`: the located public mirrors, fetched by the map island when it opens. */
import type { APIRoute } from "astro";
import { encodeMapMirror, type MapData } from "../core/map-data.ts";
import { PROTOCOLS } from "../core/types.ts";
import { publicMirrors, siteInfo } from "../site/data.ts";

export const GET: APIRoute = async () => {
  const data: MapData = { mirrors: [] };
  const hasReport = (await siteInfo()).checkedAt !== null;
  for (const { mirror, placement, status } of await publicMirrors()) {
    if (!placement || !mirror.location) continue;
    const row = encodeMapMirror({
      name: mirror.name,
      sponsor: mirror.sponsor,
      latitude: placement.latitude,
      longitude: placement.longitude,
      protocols: PROTOCOLS.filter((p) => mirror.urls[p]),
      country: mirror.location.country,
      health: !hasReport ? null : (status?.state ?? "notChecked"),
    });
    data.mirrors.push(row);
  }
  return new Response(JSON.stringify(data), { headers: { "Content-Type": "application/json" } });
};
