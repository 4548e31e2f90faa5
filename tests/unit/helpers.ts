import { checkMirrorFile } from "../../src/core/mirror-file.ts";

/** A sound mirror file, to be varied by each test. */
export const SOUND = `---
name: mirror.example.org
address:
  http: http://mirror.example.org/almalinux/
  https: https://mirror.example.org/almalinux/
update_frequency: 3h
sponsor: Example Hosting
sponsor_url: https://example.org
email: noc@example.org
geolocation:
  country: DE
  state_province: Hesse
  city: Frankfurt
`;

/**
 * A sound mirror file for a site built in a test: the mirror `name` in Germany, at `city`, with
 * https and (unless `http` is false) http addresses, sponsored by "`name` Hosting".
 */
export function mirrorNamed(name: string, { city = "Berlin", http = true } = {}): string {
  return `---
name: ${name}
address:
${http ? `  http: http://${name}/almalinux/\n` : ""}  https: https://${name}/almalinux/
update_frequency: 3h
sponsor: ${name} Hosting
sponsor_url: https://${name}/
email: noc@example.org
geolocation:
  country: DE
  city: ${city}
`;
}

/** Checks `text` as `x.yml` and returns the mirror and compact "line:col severity code" lines. */
export function check(text: string) {
  const { mirror, diagnostics } = checkMirrorFile("x.yml", text);
  return {
    mirror,
    diagnostics,
    found: diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`),
  };
}

/** SOUND with extra lines appended at the top level. */
export function withLines(...lines: string[]): string {
  return `${SOUND}${lines.join("\n")}\n`;
}

/** SOUND with one top-level line replaced (matched by its key). */
export function replacing(key: string, replacement: string): string {
  return SOUND.replace(new RegExp(`^${key}:.*$`, "m"), replacement);
}
