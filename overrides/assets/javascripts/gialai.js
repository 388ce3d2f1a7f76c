/* The site's script on every page: it only waits. The search code and index are fetched
   when a reader starts to search (focus, typing or a query in the address), never on
   page load, so a page costs nothing extra on a slow connection. */
(() => {
  "use strict";
  for (const form of document.querySelectorAll("form[data-gl-search]")) {
    const input = form.querySelector("input[type=search]");
    let started = null;
    const start = () => {
      // A relative import() would resolve against this script, not the page.
      started ??= import(new URL(form.dataset.module, document.baseURI).href)
        .then((search) => search.attach(form))
        .catch(() => {
          const status = form.querySelector(".gl-search__status");
          const panel = form.querySelector(".gl-search__panel");
          if (status) status.textContent = form.dataset.offline;
          if (panel) panel.hidden = false;
        });
      return started;
    };
    input.addEventListener("focus", start, { once: true });
    input.addEventListener("input", start, { once: true });
    const query = new URLSearchParams(location.search).get("q");
    if (form.hasAttribute("data-page") && query) {
      input.value = query;
      start();
    }
  }
})();
