// Kinwise courses: progressive enhancement only. Without JavaScript the checklists are plain
// checkboxes and the print links still lead to a printable page.
(function () {
  "use strict";

  function localStore() {
    try {
      var probe = "kinwise:probe";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null; // private browsing or storage disabled: ticks last for this visit only
    }
  }

  // Checklists remember their ticks on this device (per page and block, keyed by item text,
  // so that reordering the items in the admin keeps the right ones ticked).
  var store = localStore();
  document.querySelectorAll("[data-checklist]").forEach(function (list) {
    if (!store) return;
    var key = "kinwise:checklist:" + list.getAttribute("data-checklist");
    var ticks = {};
    try {
      ticks = JSON.parse(store.getItem(key) || "{}") || {};
    } catch (error) {
      ticks = {};
    }
    list.querySelectorAll("[data-checklist-item]").forEach(function (box) {
      var item = box.getAttribute("data-checklist-item");
      box.checked = Boolean(ticks[item]);
      box.addEventListener("change", function () {
        if (box.checked) {
          ticks[item] = true;
        } else {
          delete ticks[item];
        }
        store.setItem(key, JSON.stringify(ticks));
      });
    });
    var note = list.querySelector("[data-checklist-note]");
    if (note) note.hidden = false;
  });

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
