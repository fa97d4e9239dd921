// "Heb je hier iets aan?" without leaving the page: the form is sent in the background
// and the thank-you text replaces it. Without JavaScript the form posts as a page.
(function () {
  "use strict";
  function enhance(box) {
    var form = box.querySelector("form");
    var status = box.querySelector("[role=status]");
    if (!form || !status || !window.fetch || !window.FormData) return;
    form.addEventListener("submit", function (event) {
      var data = new FormData(form);
      if (event.submitter && event.submitter.name) {
        data.append(event.submitter.name, event.submitter.value);
      }
      event.preventDefault();
      fetch(form.action, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-Werkwijzer-Enhanced": "1", "Accept": "application/json" },
      })
        .then(function (response) {
          return response.json().then(function (body) { return { ok: response.ok, body: body }; });
        })
        .then(function (result) {
          if (result.ok) {
            form.hidden = true;
            status.textContent = result.body.message;
            status.classList.add("feedback-box__status--done");
          } else {
            var errors = (result.body.errors || []).map(function (e) { return e.message; });
            status.textContent = errors.join(" ");
          }
        })
        .catch(function () {
          // No answer (offline, a proxy): send it as a plain form after all.
          if (event.submitter && event.submitter.name) {
            var choice = document.createElement("input");
            choice.type = "hidden";
            choice.name = event.submitter.name;
            choice.value = event.submitter.value;
            form.appendChild(choice);
          }
          form.submit();
        });
    });
  }
  document.querySelectorAll("[data-feedback]").forEach(enhance);
})();
