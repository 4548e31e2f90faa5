/** The reference's repomd.xml history: describing, carrying over, aging and matching. */
import { describe, expect, it } from "vitest";
import { advanceHistory, matchRepomd, type RepomdHistory } from "../../src/core/repomd/repomd-history.ts";
import { describeRepomd, digestRepomd } from "../../src/core/repomd/repomd-record.ts";

const HOUR = 3600;
const ALLOWED = 12 * HOUR;
const at = (hours: number) => new Date(Date.UTC(2026, 11, 1) + hours * HOUR * 1000);

/** A repomd.xml as createrepo_c writes it, varied by its revision. */
function repomd(revision: number): Uint8Array {
  return new TextEncoder().encode(
    `<?xml version="1.0" encoding="UTF-8"?>\n<repomd xmlns="http://linux.duke.edu/metadata/repo">\n  <revision>${revision}</revision>\n  <data type="primary"><timestamp>${1_780_000_000 + revision}</timestamp></data>\n  <data type="filelists"><timestamp>${1_780_000_100 + revision}</timestamp></data>\n</repomd>\n`,
  );
}

describe("describeRepomd", () => {
  it("gives lower-case hex digests, the size, the revision and the newest timestamp", () => {
    const record = describeRepomd(repomd(7), at(0).toISOString());
    expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(record.sha512).toMatch(/^[0-9a-f]{128}$/);
    expect(record.size).toBe(repomd(7).byteLength);
    expect(record.revision).toBe("7");
    expect(record.timestamp).toBe(1_780_000_107);
    expect(record.first_seen).toBe("2026-12-01T00:00:00.000Z");
  });

  it("reads no revision or timestamp out of markup that is not one", () => {
    const record = describeRepomd(new TextEncoder().encode("<revision><script>x</script></revision>"), "t");
    expect(record.revision).toBeNull();
    expect(record.timestamp).toBeNull();
  });
});

describe("advanceHistory", () => {
  const first = describeRepomd(repomd(1), at(0).toISOString());
  const second = describeRepomd(repomd(2), at(5).toISOString());
  const third = describeRepomd(repomd(3), at(8).toISOString());

  it("starts with the first version seen and keeps it while it is current", () => {
    const history = advanceHistory(undefined, first, at(0), ALLOWED);
    expect(history).toEqual({ current: first, alternates: [] });
    expect(advanceHistory(history, { ...first, first_seen: at(3).toISOString() }, at(3), ALLOWED)).toEqual(history);
  });

  it("keeps a replaced version as an alternate, newest first, until allowed_outdate has passed", () => {
    let history = advanceHistory(undefined, first, at(0), ALLOWED);
    history = advanceHistory(history, second, at(5), ALLOWED);
    history = advanceHistory(history, third, at(8), ALLOWED);
    expect(history?.current.sha256).toBe(third.sha256);
    expect(history?.alternates.map((a) => [a.revision, a.superseded_at])).toEqual([
      ["2", at(8).toISOString()],
      ["1", at(5).toISOString()],
    ]);
    // 12 h after revision 1 was replaced (at 5 h), it leaves; revision 2 stays until 20 h.
    expect(advanceHistory(history, third, at(17.5), ALLOWED)?.alternates.map((a) => a.revision)).toEqual(["2"]);
    expect(advanceHistory(history, third, at(20.5), ALLOWED)?.alternates).toEqual([]);
  });

  it("keeps the history as it was when the reference cannot be read, only aged", () => {
    const history = advanceHistory(advanceHistory(undefined, first, at(0), ALLOWED), second, at(5), ALLOWED);
    expect(advanceHistory(history, null, at(6), ALLOWED)).toEqual(history);
    expect(advanceHistory(history, null, at(18), ALLOWED)?.alternates).toEqual([]);
    expect(advanceHistory(undefined, null, at(6), ALLOWED)).toBeUndefined();
  });

  it("makes a version the reference went back to current again, and not also an alternate", () => {
    let history = advanceHistory(undefined, first, at(0), ALLOWED);
    history = advanceHistory(history, second, at(5), ALLOWED);
    history = advanceHistory(history, { ...first, first_seen: at(6).toISOString() }, at(6), ALLOWED);
    expect(history?.current).toEqual(first);
    expect(history?.alternates.map((a) => a.revision)).toEqual(["2"]);
  });
});

describe("matchRepomd", () => {
  const first = describeRepomd(repomd(1), at(0).toISOString());
  const second = describeRepomd(repomd(2), at(5).toISOString());
  const history = advanceHistory(advanceHistory(undefined, first, at(0), ALLOWED), second, at(5), ALLOWED);

  it("tells current, alternate with its lag, and unknown apart", () => {
    const h = history as RepomdHistory;
    expect(matchRepomd(h, digestRepomd(repomd(2)), at(6), ALLOWED)).toEqual({ match: "current" });
    expect(matchRepomd(h, digestRepomd(repomd(1)), at(8), ALLOWED)).toEqual({
      match: "alternate",
      revision: "1",
      lag_seconds: 3 * HOUR,
    });
    expect(matchRepomd(h, digestRepomd(repomd(9)), at(6), ALLOWED)).toEqual({ match: "none" });
  });

  it("refuses an alternate that aged out since the history was written", () => {
    expect(matchRepomd(history as RepomdHistory, digestRepomd(repomd(1)), at(17.1), ALLOWED)).toEqual({
      match: "none",
    });
  });
});
