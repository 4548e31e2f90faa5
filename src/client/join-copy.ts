/**
 * `<copy-code>`: shows the Copy button of a code block and copies the block's text, saying so
 * in its status line. Also exports `copyText`, which the join form's Copy button uses.
 */

/** Puts `text` on the clipboard; false when the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

class CopyCode extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>("button.copy");
    const code = this.querySelector("code");
    const status = this.querySelector(".copy-status");
    if (!button || !code || !status) return;
    button.hidden = false;
    button.addEventListener("click", async () => {
      const ok = await copyText(code.textContent ?? "");
      status.textContent = (ok ? this.dataset.copied : this.dataset.failed) ?? "";
      if (!ok) window.getSelection()?.selectAllChildren(code);
      setTimeout(() => {
        status.textContent = "";
      }, 3000);
    });
  }
}

if (!customElements.get("copy-code")) customElements.define("copy-code", CopyCode);
