/**
 * `<join-paste>`: checks the pasted mirror file with the validator's own code at every change
 * and lists each diagnostic as `npm run validate` prints it (without the file name), its message
 * in the page's language; choosing
 * one puts the caret at its line and column. Nothing leaves the browser.
 */
import type { Diagnostic } from "../core/diagnostics.ts";
import { checkMirrorFile } from "../core/mirror-file.ts";
import { appendDiagnosticMessage } from "./join-text.ts";

/** The offset in `text` of 1-based `line` and `column`, clamped to the text. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf("\n", offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf("\n", offset);
  return Math.min(offset + column - 1, end === -1 ? text.length : end);
}

class JoinPaste extends HTMLElement {
  #text: HTMLTextAreaElement | null = null;
  #diagnostics: Diagnostic[] = [];

  connectedCallback(): void {
    const section = this.querySelector("section");
    this.#text = this.querySelector("textarea");
    if (!section || !this.#text) return;
    section.hidden = false;
    this.#text.addEventListener("input", () => this.#check());
    this.querySelector(".paste-list")?.addEventListener("click", (event) => this.#jump(event));
    if (this.#text.value) this.#check();
  }

  #check(): void {
    const text = this.#text?.value ?? "";
    const list = this.querySelector(".paste-list");
    const status = this.querySelector(".paste-status");
    if (!list || !status) return;
    this.#diagnostics = text.trim() ? checkMirrorFile("pasted.yml", text).diagnostics : [];
    status.textContent = !text.trim()
      ? (this.dataset.empty ?? "")
      : this.#diagnostics.length === 0
        ? (this.dataset.ok ?? "")
        : "";
    list.replaceChildren(
      ...this.#diagnostics.map((d, i) => {
        const li = document.createElement("li");
        li.className = `sev-${d.severity}`;
        const button = document.createElement("button");
        button.type = "button";
        button.dataset.index = String(i);
        button.title = (this.dataset.goto ?? "")
          .replace("{{line}}", String(d.line))
          .replace("{{column}}", String(d.column));
        // The severity in the page's language; the code stays as the CLI prints it, to search for.
        const severity = (d.severity === "error" ? this.dataset.error : this.dataset.warning) ?? d.severity;
        button.append(`${d.line}:${d.column} ${severity} ${d.code} `);
        appendDiagnosticMessage(button, d);
        li.append(button);
        return li;
      }),
    );
  }

  #jump(event: Event): void {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>("button[data-index]");
    const d = this.#diagnostics[Number(button?.dataset.index)];
    const text = this.#text;
    if (!d || !text) return;
    const offset = offsetOf(text.value, d.line, d.column);
    text.focus();
    text.setSelectionRange(offset, offset);
    // Bring the line into view: the caret's line, a few lines from the top.
    const lineHeight = Number.parseFloat(getComputedStyle(text).lineHeight) || 20;
    text.scrollTop = Math.max(0, (d.line - 3) * lineHeight);
  }
}

if (!customElements.get("join-paste")) customElements.define("join-paste", JoinPaste);
