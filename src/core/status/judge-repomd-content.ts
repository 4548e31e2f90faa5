/**
 * A mirror's `repomd.xml` judged by its content, against the reference's history: the same
 * bytes as the current version (in sync), as an alternate (ok, and how far behind), or as
 * nothing the reference published within `allowed_outdate` (`outdated`). This is what librepo
 * will check for itself once dnf gets a metalink; the checker finds it first, so that such a
 * mirror is left out of every list. Pure.
 */
import { matchRepomd, type RepomdHistory } from "../repomd/repomd-history.ts";
import { digestRepomd } from "../repomd/repomd-record.ts";
import type { RepoBehind } from "../types.ts";
import type { CheckTarget } from "./check-targets.ts";
import { judgeRepodata, type Verdict } from "./classify.ts";
import { formatAge } from "./durations.ts";
import type { RequestOutcome } from "./request-outcome.ts";

/** What the reference published, and when and how strictly to compare. */
export interface RepomdReference {
  histories: ReadonlyMap<string, RepomdHistory>;
  /** The time of the check. */
  now: Date;
  allowedSeconds: number;
}

/** A verdict on one `repomd.xml`, with the repo it found behind when it matched an alternate. */
export interface RepomdVerdict extends Verdict {
  behind?: RepoBehind;
}

/** Judges a `repomd.xml` by its answer, then, when the reference knows its repo, by its bytes. */
export function repodataJudge(reference: RepomdReference | null) {
  return (target: CheckTarget, outcome: RequestOutcome): RepomdVerdict => {
    const answered = judgeRepodata(target, outcome);
    if (answered.state !== "ok" || reference === null || target.key === undefined) return answered;
    const history = reference.histories.get(target.key);
    if (history === undefined || outcome.kind !== "response" || outcome.bytes === undefined) return answered;
    const found = matchRepomd(history, digestRepomd(outcome.bytes), reference.now, reference.allowedSeconds);
    if (found.match === "current") {
      return {
        state: "ok",
        reason: `${target.label} is in sync with the origin`,
        code: "repomd-in-sync",
        params: { label: target.label },
      };
    }
    if (found.match === "alternate") {
      const behind = { repo: target.key, revision: found.revision, lag_seconds: found.lag_seconds };
      return {
        state: "ok",
        reason: `${target.label} is ${formatAge(found.lag_seconds)} behind the origin`,
        code: "repomd-behind",
        params: { label: target.label, lag: found.lag_seconds },
        behind,
      };
    }
    const current = history.current.revision === null ? "" : ` (its current revision is ${history.current.revision})`;
    return {
      state: "outdated",
      reason: `repodata/repomd.xml for ${target.label} is neither the origin's current one${current} nor any it published in the last ${formatAge(reference.allowedSeconds)}: ${outcome.url}. Sync the whole tree again; dnf would refuse this copy`,
      code: "repomd-stale",
      params: {
        label: target.label,
        url: outcome.url,
        allowed: reference.allowedSeconds,
        ...(history.current.revision === null
          ? { variant: "no-revision" }
          : { variant: "revision", revision: history.current.revision }),
      },
      url: outcome.url,
      http_status: outcome.status,
    };
  };
}
