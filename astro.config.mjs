// @ts-check
import { defineConfig } from "astro/config";

export default defineConfig({
  output: "static",
  site: process.env.SITE_URL ?? "https://mirrors.almalinux.org",
  trailingSlash: "always",
});
