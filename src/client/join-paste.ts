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

function codeSpan(text: string): HTMLElement {
  const code = document.createElement("code");
  code.dir = "ltr";
  code.textContent = text;
  return code;
}

/**
 * How far below the top of `box`'s text the caret at `offset` sits, in pixels: the height of a
 * hidden copy of the box (same width, font, padding and wrapping) holding the text before it.
 */
function caretTop(box: HTMLTextAreaElement, offset: number): number {
  const style = getComputedStyle(box);
  const copy = document.createElement("div");
  for (const name of ["font", "letterSpacing", "lineHeight", "padding", "border", "boxSizing", "tabSize"] as const) {
    copy.style[name] = style[name];
  }
  copy.style.width = `${box.clientWidth}px`;
  copy.style.whiteSpace = "pre-wrap";
  copy.style.overflowWrap = "break-word";
  copy.style.position = "absolute";
  copy.style.visibility = "hidden";
  copy.style.insetInlineStart = "-10000px";
  // The caret's own line counts: a character after the text ends that line.
  copy.textContent = `${box.value.slice(0, offset)}.`;
  document.body.append(copy);
  const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.2;
  const top = copy.scrollHeight - lineHeight;
  copy.remove();
  return top;
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
        // Only code is set in monospace: the place and the code as the CLI prints them, not the words.
        button.append(codeSpan(`${d.line}:${d.column}`), ` ${severity} `, codeSpan(d.code), " ");
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
    // Bring the caret into view, a third of the way down the box. Lines wrap, so the caret's
    // height is measured, not counted from its line number.
    text.scrollTop = Math.max(0, caretTop(text, offset) - text.clientHeight / 3);
    text.scrollIntoView({ block: "nearest" });
  }
}

if (!customElements.get("join-paste")) customElements.define("join-paste", JoinPaste);
