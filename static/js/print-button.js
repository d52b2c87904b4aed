// Buttons marked data-print open the browser's print dialog (which also saves as PDF). They stay
// hidden without JavaScript, where the browser's own menu does the same.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
