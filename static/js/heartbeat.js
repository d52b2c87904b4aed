// Honest active time: every 30 s, while the tab is visible and the person has moved, typed,
// scrolled or touched in the last minute, tell the server. Without JavaScript nothing is counted.
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.dataset.url;
  if (!url || !window.fetch) return;
  var lastActivity = Date.now();
  var IDLE_AFTER = 60 * 1000;
  ["mousemove", "keydown", "scroll", "touchstart", "click"].forEach(function (name) {
    window.addEventListener(name, function () { lastActivity = Date.now(); }, { passive: true });
  });
  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }
  setInterval(function () {
    if (document.visibilityState !== "visible") return;
    if (Date.now() - lastActivity > IDLE_AFTER) return;
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken() },
    }).catch(function () {});
  }, 30 * 1000);
})();
