/* Kiosk edition: on-screen Back, no zoom or context menu, and a reset after idle time.
   Runs on the loopback kiosk only; the web edition does not load it. */
(() => {
  "use strict";

  // A public screen: no context menu, no zoom by pinch, double tap or keyboard.
  document.addEventListener("contextmenu", (event) => event.preventDefault());
  document.addEventListener("gesturestart", (event) => event.preventDefault());
  document.addEventListener(
    "touchmove",
    (event) => { if (event.touches.length > 1) event.preventDefault(); },
    { passive: false },
  );
  document.addEventListener(
    "wheel",
    (event) => { if (event.ctrlKey) event.preventDefault(); },
    { passive: false },
  );
  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && ["+", "-", "=", "0"].includes(event.key)) {
      event.preventDefault();
    }
  });
  // Nothing opens a new window the reader could not close.
  for (const link of document.querySelectorAll("a[target]")) link.removeAttribute("target");
  // The next reader starts at the top of a page, not where the last one left it.
  if ("scrollRestoration" in history) history.scrollRestoration = "manual";

  const bar = document.getElementById("gl-kiosk");
  if (!bar) return;
  const start = bar.dataset.start;
  const home = bar.querySelector('[data-kiosk="home"]').getAttribute("href");
  bar.querySelector('[data-kiosk="back"]').addEventListener("click", () => {
    if (history.length > 1 && document.referrer.startsWith(location.origin)) history.back();
    else location.assign(home);
  });

  const idleMs = Number(bar.dataset.idle) * 1000;
  const countdownSeconds = Number(bar.dataset.countdown);
  const overlay = document.getElementById("gl-idle");
  const text = document.getElementById("gl-idle-text");
  // The countdown in the language's own digits, as the page gives them.
  const ten = bar.dataset.digits || "";
  const digits = {
    format: (n) => (ten.length === 10 ? String(n).replace(/[0-9]/g, (d) => ten[d]) : String(n)),
  };
  let idleTimer = 0;
  let tick = 0;
  let remaining = 0;

  function reset() {
    // Clear what the last reader left: typed searches, stored state, scroll position.
    for (const input of document.querySelectorAll("input")) input.value = "";
    try { localStorage.clear(); } catch (error) { /* storage may be disabled */ }
    try { sessionStorage.clear(); } catch (error) { /* storage may be disabled */ }
    window.scrollTo(0, 0);
    location.replace(start);
  }

  function showCountdown() {
    remaining = countdownSeconds;
    overlay.hidden = false;
    const render = () => {
      text.textContent = bar.dataset.idleText.replace("{seconds}", digits.format(remaining));
    };
    render();
    tick = window.setInterval(() => {
      remaining -= 1;
      if (remaining <= 0) {
        window.clearInterval(tick);
        reset();
      } else {
        render();
      }
    }, 1000);
    overlay.querySelector("button").focus();
  }

  function activity() {
    window.clearTimeout(idleTimer);
    window.clearInterval(tick);
    overlay.hidden = true;
    idleTimer = window.setTimeout(showCountdown, idleMs);
  }

  for (const type of ["pointerdown", "keydown", "wheel", "touchstart", "scroll", "input"]) {
    window.addEventListener(type, activity, { passive: true, capture: true });
  }
  overlay.querySelector("button").addEventListener("click", activity);
  activity();
})();
