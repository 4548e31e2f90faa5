/**
 * The edge's `/nearest/…` answer read defensively: only entries with a name and an http(s) URL,
 * at most five; anything else (a static host's page, a changed shape) gives none. No DOM.
 */

/** One mirror of the edge's answer, as far as the page uses it. */
export interface NearMirror {
  name: string;
  url: string;
  country?: string;
  city?: string;
}

/** The answer's mirrors that have the shape the page needs; anything else is dropped. */
export function nearMirrors(answer: unknown): NearMirror[] {
  if (typeof answer !== "object" || answer === null) return [];
  const mirrors = (answer as { mirrors?: unknown }).mirrors;
  if (!Array.isArray(mirrors)) return [];
  return mirrors.slice(0, 5).flatMap((entry: unknown) => {
    if (typeof entry !== "object" || entry === null) return [];
    const { name, url, country, city } = entry as Record<string, unknown>;
    if (typeof name !== "string" || typeof url !== "string" || !/^https?:\/\//i.test(url)) return [];
    return [
      {
        name,
        url,
        ...(typeof country === "string" && /^[A-Z]{2}$/.test(country) ? { country } : {}),
        ...(typeof city === "string" ? { city } : {}),
      },
    ];
  });
}
