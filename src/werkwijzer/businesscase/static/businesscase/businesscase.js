// Progressive enhancement: while a run is being calculated, say so. Without JavaScript the
// form works the same, only without this message.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form.bc-form");
  const status = document.getElementById("bc-busy");
  if (!form || !status) return;
  form.addEventListener("submit", () => {
    status.hidden = false;
    status.textContent = status.dataset.message;
    form.setAttribute("aria-busy", "true");
  });
});
