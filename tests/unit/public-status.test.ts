/** The status as the site publishes it: only what its schema names, at every depth. */
import { describe, expect, it } from "vitest";
import { publicStatus } from "../../src/core/status/public-status.ts";
import type { StatusFile } from "../../src/core/types.ts";

describe("publicStatus", () => {
  it("keeps every named key, history included, and leaves out the others at every depth", () => {
    const status = JSON.parse(`{
      "checked_at": "2026-12-01T00:00:00Z",
      "operator": "root@example.org",
      "mirrors": {
        "__proto__": { "state": "ok", "reason": "fine", "checked_at": "2026-12-01T00:00:00Z" },
        "a.example.org": {
          "state": "broken",
          "reason": "down",
          "checked_at": "2026-12-01T00:00:00Z",
          "contact": "admin@example.org",
          "addresses": { "ipv4": ["192.0.2.1"], "ipv6": [], "owner": "noc@example.org" },
          "history": {
            "changes": [{ "at": "2026-12-01T00:00:00Z", "from": "ok", "to": "broken", "reason": "down", "by": "x@example.org" }],
            "days": [{ "day": "2026-12-01", "checks": 2, "ok": 1, "note": "y@example.org" }]
          }
        }
      }
    }`) as StatusFile;
    const published = publicStatus(status);
    expect(JSON.stringify(published)).not.toContain("@");
    expect(Object.hasOwn(published.mirrors, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(published.mirrors)).toBe(Object.prototype);
    expect(published.mirrors["a.example.org"]).toEqual({
      state: "broken",
      reason: "down",
      checked_at: "2026-12-01T00:00:00Z",
      addresses: { ipv4: ["192.0.2.1"], ipv6: [] },
      history: {
        changes: [{ at: "2026-12-01T00:00:00Z", from: "ok", to: "broken", reason: "down" }],
        days: [{ day: "2026-12-01", checks: 2, ok: 1 }],
      },
    });
  });
});
