/**
 * Progress of a run: a bar redrawn in place on a terminal, one plain line per mirror
 * otherwise (CI logs), and a summary of how many mirrors are in each state at the end.
 */
import { escapeLogText } from "../../src/core/log-text.ts";
import type { MirrorState, MirrorStatus, StatusFile } from "../../src/core/types.ts";

const STATES: readonly MirrorState[] = ["ok", "outdated", "broken", "unreachable"];

export interface Progress {
  mirror(name: string, status: MirrorStatus): void;
  end(): void;
}

/** Counts of mirrors per state. */
export function countStates(statuses: Iterable<MirrorStatus>): Record<MirrorState, number> {
  const counts: Record<MirrorState, number> = { ok: 0, outdated: 0, broken: 0, unreachable: 0 };
  for (const s of statuses) counts[s.state]++;
  return counts;
}

function countsLine(counts: Record<MirrorState, number>): string {
  return STATES.map((s) => `${s} ${counts[s]}`).join(", ");
}

/** Writes progress to `stream`: a bar when it is a terminal, lines when not. */
export function progressReporter(total: number, stream: NodeJS.WriteStream): Progress {
  const counts = countStates([]);
  let done = 0;
  const tty = stream.isTTY === true;
  const width = 30;
  return {
    mirror(name, status) {
      done++;
      counts[status.state]++;
      if (!tty) {
        stream.write(`${status.state.padEnd(11)} ${escapeLogText(name)}: ${escapeLogText(status.reason)}\n`);
        return;
      }
      const filled = Math.round((done / Math.max(1, total)) * width);
      const bar = `${"#".repeat(filled)}${".".repeat(width - filled)}`;
      stream.write(`\r[${bar}] ${done}/${total}  ${countsLine(counts)}\u001b[K`);
    },
    end() {
      if (tty) stream.write("\n");
    },
  };
}

/** The closing summary: how many mirrors in each state, and where the file went. */
export function summary(status: StatusFile, out: string, seconds: number): string {
  const counts = countStates(Object.values(status.mirrors));
  const total = Object.keys(status.mirrors).length;
  return `Checked ${total} mirrors in ${seconds.toFixed(1)} s: ${countsLine(counts)}. Wrote ${out}.`;
}
