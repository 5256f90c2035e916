// Waqai's only script of its own (CSP forbids inline code): the "copy link"
// button on event pages. Everything else works without it.
(function () {
  "use strict";
  function copy(button) {
    var text = button.getAttribute("data-copy");
    var done = function () {
      var original = button.textContent;
      button.textContent = button.getAttribute("data-done") || original;
      setTimeout(function () { button.textContent = original; }, 2000);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { window.prompt("", text); });
    } else {
      window.prompt("", text);
    }
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target instanceof Element) {
      var button = target.closest("button.copy-link");
      if (button) { copy(button); }
    }
  });
})();
