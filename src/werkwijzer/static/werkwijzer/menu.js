// On a small screen the main menu starts folded behind its Menu button, so the page's
// own content is the first thing a phone shows. Without JavaScript it simply stays open.
(function () {
  "use strict";
  var menu = document.querySelector(".site-nav__menu");
  if (!menu) {
    return;
  }
  var small = window.matchMedia("(max-width: 48rem)");
  function fit() {
    menu.open = !small.matches;
  }
  fit();
  small.addEventListener("change", fit);
})();
