// Small progressive enhancements; every page works without this script.
(function () {
  "use strict";
  // A form that asks "are you sure?" (data-confirm) asks once more before it is sent. The server
  // still shows its own confirmation step when the script does not run.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) {
        event.preventDefault();
      }
    });
  });
  // After a jump to the main content or an error summary, the focus follows.
  var summary = document.querySelector("[data-focus-on-load]");
  if (summary) {
    summary.focus();
  }
})();
