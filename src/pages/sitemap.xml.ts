/** `/sitemap.xml`: every page of the site, in every locale. */
import type { APIRoute } from "astro";
import { LOCALES } from "../i18n/index.ts";
import { localePath, paths } from "../i18n/paths.ts";
import { siteInfo, siteMirrors } from "./_lib/data.ts";
import { isoReleases } from "./_lib/isos.ts";

export const GET: APIRoute = async ({ site }) => {
  const mirrors = await siteMirrors();
  const countries = new Set(mirrors.flatMap((m) => (m.mirror.location ? [m.mirror.location.country] : [])));
  const pagePaths = [
    paths.home,
    paths.kitten,
    paths.isos,
    paths.join,
    ...mirrors.map((m) => paths.mirror(m.mirror.name)),
    ...[...countries].map((cc) => paths.country(cc)),
    ...isoReleases((await siteInfo()).config).flatMap((r) => r.arches.map((a) => paths.iso(a, r.version))),
  ];
  const base = site ?? new URL("http://localhost/");
  const urls = LOCALES.flatMap((locale) =>
    pagePaths.map((path) => `<url><loc>${new URL(localePath(locale, path), base).href}</loc></url>`),
  );
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
  return new Response(xml, { headers: { "Content-Type": "application/xml" } });
};
