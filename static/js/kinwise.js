// Progressive enhancement only: every feature here also works without JavaScript.
(function () {
  "use strict";

  // Quick exit: leave for a neutral site and replace this page in the history,
  // so that the Back button does not return to it.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-quick-exit]");
    if (!link) return;
    event.preventDefault();
    window.location.replace(link.getAttribute("href"));
  });

  // A form that came back with problems: focus its summary, so that a screen reader reads
  // the problems first and a keyboard user starts from their links to the fields.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
})();
