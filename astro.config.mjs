// @ts-check
import { defineConfig } from "astro/config";
import mirrorlistExport from "./src/integrations/mirrorlist-export.ts";

export default defineConfig({
  output: "static",
  site: process.env.SITE_URL ?? "https://mirrors.almalinux.org",
  trailingSlash: "always",
  integrations: [mirrorlistExport()],
});
