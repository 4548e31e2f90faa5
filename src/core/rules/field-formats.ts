/**
 * Rule: two free-text fields that upstream's schema leaves open, held to the form they have in
 * the real registry, with a warning (upstream accepts them, so a file is never refused for
 * these): `update_frequency` is a whole number and a unit (`3h`, `30m`, `1d`: every file of the
 * registry writes it so), and `email` is one e-mail address (the only way to reach a mirror's
 * owner, and never published: the warning does not repeat its value).
 */
import type { FileReporter } from "./reporter.ts";

/** `3h`, `30m`, `1d`: the forms the real registry uses, and the only ones it uses. */
const SYNC_INTERVAL = /^[0-9]{1,4}[mhd]$/;
/** One address: a local part, `@`, and a domain of at least two labels, with no space anywhere. */
const EMAIL_ADDRESS = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function checkFieldFormats(r: FileReporter): void {
  const { update_frequency: frequency, email } = r.source.value;
  // Values of the wrong type or empty are the schema's to report.
  if (typeof frequency === "string" && frequency.trim() !== "" && !SYNC_INTERVAL.test(frequency.trim())) {
    r.report("warning", "update-frequency-format", ["update_frequency"], { value: frequency.trim() });
  }
  if (typeof email === "string" && email.trim() !== "" && !EMAIL_ADDRESS.test(email.trim())) {
    r.report("warning", "email-not-address", ["email"]);
  }
}
