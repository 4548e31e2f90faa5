/**
 * The language switcher keeps the page's URL state: the links to the other locales get the
 * current query and fragment (`?q=…`, the join form's fields) when the menu opens and when one
 * is followed, since the table and the form update the URL after the page was built.
 */
const switcher = document.querySelector<HTMLDetailsElement>("details.langs");

function carryState(): void {
  for (const link of switcher?.querySelectorAll<HTMLAnchorElement>("a[hreflang]") ?? []) {
    link.search = location.search;
    link.hash = location.hash;
  }
}

switcher?.addEventListener("toggle", carryState);
// Capturing: the link's href is current before the browser follows it.
switcher?.addEventListener("click", carryState, { capture: true });
