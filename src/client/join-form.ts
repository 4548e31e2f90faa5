/**
 * `<join-form>`: turns the join form into the mirror's YAML as you type (the core's
 * `draftToYaml`), checks that YAML with the validator's own code (`checkMirrorFile`), lists the
 * findings as an error summary linked to the fields, and marks the fields concerned. A query
 * string with the form's field names prefills it (the edit links of the mirror pages). The
 * fields are the rows of the core's `MIRROR_FIELDS`; a diagnostic finds its field by value path.
 */

import type { Diagnostic } from "../core/diagnostics.ts";
import { draftToYaml } from "../core/mirror-draft.ts";
import { draftFromParams } from "../core/mirror-draft-query.ts";
import { FIELD_NAMES, fieldOfPath, MIRROR_FIELDS } from "../core/mirror-fields.ts";
import { checkMirrorFile } from "../core/mirror-file.ts";
import { copyText } from "./join-copy.ts";
import { appendDiagnosticMessage, plural } from "./join-text.ts";

interface Labels {
  errors: Record<string, string>;
  warnings: Record<string, string>;
  ok: string;
  /** Said before the visitor has touched the form. */
  waiting: string;
  line: string;
  error: string;
  warning: string;
  copied: string;
  failed: string;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** How long typing must pause before the count of problems is announced. */
const ANNOUNCE_DELAY_MS = 700;

class JoinForm extends HTMLElement {
  #form: HTMLFormElement | null = null;
  #labels: Labels | null = null;
  #yaml = "";
  #fileName = "";
  /** Fields the visitor has changed (or the link prefilled): only these are marked invalid. */
  #touched = new Set<string>();
  #announceTimer = 0;
  #announced = "";
  /**
   * A pointer is pressed on the checks list. Leaving a field (its `change`) comes between the
   * press and the release of a click on a check link: were the list rebuilt then, the link under
   * the pointer would be a new element and the click would never land. The rebuild waits.
   */
  #pressed = false;
  /**
   * The visitor has typed, chosen or pasted something (or the link prefilled the form): until
   * then an empty form's missing keys are not shown as errors, only a word on where checks appear.
   */
  #interacted = false;
  #deferredSummary: (() => void) | null = null;

  connectedCallback(): void {
    const form = this.querySelector("form");
    if (!form) return;
    this.#form = form;
    this.#labels = JSON.parse(this.dataset.labels ?? "{}") as Labels;
    for (const el of this.querySelectorAll<HTMLElement>(".no-js")) el.hidden = true;
    for (const el of this.querySelectorAll<HTMLElement>(".actions, .checks")) el.hidden = false;
    this.#prefill(new URLSearchParams(location.search));
    this.#interacted = this.#touched.size > 0;
    form.addEventListener("input", () => {
      this.#interacted = true;
      this.#update();
    });
    form.addEventListener("change", (event) => {
      const name = (event.target as Control).name;
      if (name) this.#touched.add(name);
      this.#interacted = true;
      this.#update();
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      location.assign(this.#link());
    });
    this.querySelector(".copy-yaml")?.addEventListener("click", () => void this.#copy());
    this.querySelector(".download-yaml")?.addEventListener("click", () => this.#download());
    const list = this.querySelector(".check-list");
    list?.addEventListener("click", (event) => this.#jump(event));
    list?.addEventListener("pointerdown", () => {
      this.#pressed = true;
    });
    // The click follows the release in the same task: the deferred rebuild runs after it.
    const release = () => {
      if (!this.#pressed) return;
      this.#pressed = false;
      setTimeout(() => {
        const render = this.#deferredSummary;
        this.#deferredSummary = null;
        render?.();
      }, 0);
    };
    document.addEventListener("pointerup", release);
    document.addEventListener("pointercancel", release);
    this.#update();
  }

  #control(name: string): Control | null {
    const el = this.#form?.elements.namedItem(name);
    return el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement
      ? el
      : null;
  }

  /** Fills the fields named in `params`; the others keep their defaults. */
  #prefill(params: URLSearchParams): void {
    for (const field of MIRROR_FIELDS) {
      const { name } = field;
      const control = this.#control(name);
      if (!control) continue;
      if (field.control.kind === "checkbox" && control instanceof HTMLInputElement) {
        control.checked = params.has(name);
        if (params.has(name)) this.#touched.add(name);
        continue;
      }
      const value = params.get(name);
      if (value === null) continue;
      if (control instanceof HTMLSelectElement && value && ![...control.options].some((o) => o.value === value)) {
        // A value the list lacks (an alias like `UK`) is kept, so that the checks can name it.
        control.add(new Option(value, value));
      }
      control.value = value;
      if (value) this.#touched.add(name);
    }
    // A prefilled field inside the advanced part opens it.
    for (const name of this.#touched) {
      const details = this.#control(name)?.closest("details");
      if (details) details.open = true;
    }
  }

  #params(): URLSearchParams {
    const params = new URLSearchParams();
    if (!this.#form) return params;
    for (const [name, value] of new FormData(this.#form)) if (typeof value === "string") params.append(name, value);
    return params;
  }

  /**
   * "Keep this form as a link": this page with the filled fields only (a plain GET submit would
   * also carry every empty one), at the form, so that the reload does not land at the page's top.
   */
  #link(): string {
    const filled = new URLSearchParams();
    for (const [name, value] of this.#params()) if (value.trim() !== "") filled.append(name, value);
    const query = filled.size > 0 ? `?${filled}` : "";
    return `${location.pathname}${query}#${this.#form?.id ?? ""}`;
  }

  #update(): void {
    const draft = draftFromParams(this.#params());
    this.#yaml = draftToYaml(draft);
    this.#fileName = `${draft.name.trim().toLowerCase() || "mirror.example.org"}.yml`;
    const code = this.querySelector("pre.yaml code");
    if (code) code.textContent = this.#yaml;
    const fileName = this.querySelector(".file-name");
    if (fileName) fileName.textContent = `mirrors.d/${this.#fileName}`;
    const { diagnostics: found } = checkMirrorFile(`mirrors.d/${this.#fileName}`, this.#yaml);
    const diagnostics = this.#interacted ? found : [];
    const byField = new Map<string, Diagnostic[]>();
    const unplaced: Diagnostic[] = [];
    for (const d of diagnostics) {
      const field = fieldOfPath(d.path);
      if (field === null || !this.#control(field)) unplaced.push(d);
      else byField.set(field, [...(byField.get(field) ?? []), d]);
    }
    this.#renderSummary(byField, unplaced);
    this.#markFields(byField);
    this.#scheduleAnnouncement(diagnostics);
  }

  #fieldLabel(name: string): string {
    const control = this.#control(name);
    const label = control?.labels?.[0]?.firstChild?.textContent ?? name;
    return label.trim();
  }

  #renderSummary(byField: Map<string, Diagnostic[]>, unplaced: Diagnostic[]): void {
    if (this.#pressed) {
      this.#deferredSummary = () => this.#renderSummary(byField, unplaced);
      return;
    }
    const list = this.querySelector(".check-list");
    const labels = this.#labels;
    if (!list || !labels) return;
    const items: HTMLLIElement[] = [];
    const item = (d: Diagnostic, field: string | null) => {
      const li = document.createElement("li");
      li.className = `sev-${d.severity}`;
      if (field) {
        const link = document.createElement("a");
        link.href = `#join-${field}`;
        link.dataset.field = field;
        link.textContent = this.#fieldLabel(field);
        li.append(link, ": ");
      } else {
        li.append(`${labels.line.replace("{{line}}", String(d.line))}: `);
      }
      appendDiagnosticMessage(li, d);
      const severity = document.createElement("span");
      severity.className = "sev";
      severity.textContent = ` (${d.severity === "error" ? labels.error : labels.warning})`;
      li.append(severity);
      items.push(li);
    };
    // Errors first, then in the order of the form.
    const ordered = FIELD_NAMES.flatMap((name) => (byField.get(name) ?? []).map((d) => ({ d, name })));
    for (const severity of ["error", "warning"]) {
      for (const { d, name } of ordered) if (d.severity === severity) item(d, name);
      for (const d of unplaced) if (d.severity === severity) item(d, null);
    }
    // Unchanged items stay the same elements, so focus and a pressed link survive an update.
    const current = [...list.children];
    if (current.length === items.length && items.every((li, i) => li.isEqualNode(current[i] ?? null))) return;
    list.replaceChildren(...items);
  }

  #markFields(byField: Map<string, Diagnostic[]>): void {
    for (const name of FIELD_NAMES) {
      const control = this.#control(name);
      const message = this.querySelector<HTMLElement>(`#join-${name}-msg`);
      if (!control || !message) continue;
      const found = this.#touched.has(name) ? (byField.get(name) ?? []) : [];
      const hint =
        control
          .getAttribute("aria-describedby")
          ?.split(" ")
          .filter((id) => id !== message.id) ?? [];
      message.replaceChildren();
      for (const d of found) {
        if (message.childNodes.length > 0) message.append(" ");
        appendDiagnosticMessage(message, d);
      }
      message.hidden = found.length === 0;
      const error = found.some((d) => d.severity === "error");
      message.className = `field-msg ${error ? "error" : "warning"}`;
      if (error) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
      const describedBy = found.length > 0 ? [...hint, message.id] : hint;
      if (describedBy.length > 0) control.setAttribute("aria-describedby", describedBy.join(" "));
      else control.removeAttribute("aria-describedby");
    }
  }

  /** Says the count of problems once typing pauses, and only when it changed. */
  #scheduleAnnouncement(diagnostics: readonly Diagnostic[]): void {
    const labels = this.#labels;
    const status = this.querySelector<HTMLElement>(".check-count");
    if (!labels || !status) return;
    const locale = this.dataset.locale ?? "en";
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    const warnings = diagnostics.length - errors;
    const text = !this.#interacted
      ? labels.waiting
      : diagnostics.length === 0
        ? labels.ok
        : [
            errors ? plural(locale, labels.errors, errors) : "",
            warnings ? plural(locale, labels.warnings, warnings) : "",
          ]
            .filter(Boolean)
            .join(", ");
    clearTimeout(this.#announceTimer);
    const show = () => {
      if (text === this.#announced) return;
      this.#announced = text;
      status.textContent = text;
      status.classList.toggle("ok", this.#interacted && diagnostics.length === 0);
    };
    // The first count is shown at once; later ones wait for a pause so that typing is not read out.
    if (this.#announced === "") show();
    else this.#announceTimer = window.setTimeout(show, ANNOUNCE_DELAY_MS);
  }

  #jump(event: Event): void {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>("a[data-field]");
    const control = link?.dataset.field ? this.#control(link.dataset.field) : null;
    if (!control) return;
    event.preventDefault();
    const details = control.closest("details");
    if (details) details.open = true;
    control.focus();
    control.scrollIntoView({ block: "center" });
  }

  async #copy(): Promise<void> {
    const ok = await copyText(this.#yaml);
    const status = this.querySelector(".actions .copy-status");
    if (status && this.#labels) status.textContent = ok ? this.#labels.copied : this.#labels.failed;
  }

  #download(): void {
    const url = URL.createObjectURL(new Blob([this.#yaml], { type: "application/yaml" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = this.#fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

if (!customElements.get("join-form")) customElements.define("join-form", JoinForm);
