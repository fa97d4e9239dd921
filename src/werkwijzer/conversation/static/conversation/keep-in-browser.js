// Keep what the visitor fills in, in this browser only (localStorage); never sent anywhere
// but to the server when they ask for a PDF or summary. Works as an extra: without
// JavaScript the forms work the same, they just forget on reload.
(function () {
  "use strict";
  function storage() {
    try { var probe = "__ww"; window.localStorage.setItem(probe, probe); window.localStorage.removeItem(probe); return window.localStorage; }
    catch (error) { return null; }
  }
  var store = storage();
  document.querySelectorAll("form[data-store]").forEach(function (form) {
    if (!store) { return; }
    var key = form.getAttribute("data-store");
    var fields = form.querySelectorAll("input[type=checkbox], input[type=radio], input[type=text], textarea");
    function save() {
      var data = {};
      fields.forEach(function (field) {
        var id = field.id || field.name;
        data[id] = (field.type === "checkbox" || field.type === "radio") ? field.checked : field.value;
      });
      store.setItem(key, JSON.stringify(data));
    }
    function restore() {
      var raw = store.getItem(key);
      if (!raw) { return; }
      var data;
      try { data = JSON.parse(raw); } catch (error) { return; }
      fields.forEach(function (field) {
        var id = field.id || field.name;
        if (!(id in data)) { return; }
        if (field.type === "checkbox" || field.type === "radio") { field.checked = Boolean(data[id]); }
        else { field.value = String(data[id]); }
      });
    }
    restore();
    form.addEventListener("input", save);
    form.addEventListener("change", save);
    var status = form.querySelector("[data-store-status]");
    if (status) { status.hidden = false; }
    form.querySelectorAll("[data-clear]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        store.removeItem(key);
        fields.forEach(function (field) {
          if (field.type === "checkbox" || field.type === "radio") { field.checked = field.defaultChecked; }
          else { field.value = ""; }
        });
      });
    });
  });
})();
