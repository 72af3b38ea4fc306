// Kinwise courses: progressive enhancement only. Without JavaScript the checklists are forms
// with a Save button, and the print links still lead to a printable page.
(function () {
  "use strict";

  // Checklists save their ticks on the server as they change (the form's own "Save my ticks"
  // button does the same without JavaScript). Signed-in parents keep them in their account;
  // visitors keep them on this device until they create one.
  document.querySelectorAll("[data-checklist-form]").forEach(function (form) {
    var button = form.querySelector("[data-checklist-save]");
    var status = form.querySelector("[data-checklist-status]");
    if (!window.fetch || !window.FormData) return;
    if (button) button.hidden = true;
    form.addEventListener("change", function () {
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
      }).then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        if (status) status.textContent = form.getAttribute("data-saved-text") || "Saved";
      }).catch(function () {
        if (button) button.hidden = false;
        if (status) status.textContent = form.getAttribute("data-failed-text") || "Not saved";
      });
    });
  });

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
