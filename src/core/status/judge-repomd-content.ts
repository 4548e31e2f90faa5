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
import { judgeRepodata, type Verdict, verdict } from "./classify.ts";
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
    const { label } = target;
    if (found.match === "current") return verdict("ok", "repomd-in-sync", { label });
    if (found.match === "alternate") {
      const behind = { repo: target.key, revision: found.revision, lag_seconds: found.lag_seconds };
      return { ...verdict("ok", "repomd-behind", { label, lag: found.lag_seconds }), behind };
    }
    const { revision } = history.current;
    const params = {
      label,
      url: outcome.url,
      allowed: reference.allowedSeconds,
      ...(revision === null ? { variant: "no-revision" } : { variant: "revision", revision }),
    };
    return verdict("outdated", "repomd-stale", params, { url: outcome.url, http_status: outcome.status });
  };
}
