// Small progressive enhancements; every page works without them.
// A "Copy" button copies the text of the element its data-copy names (shown only where it can).
document.addEventListener("DOMContentLoaded", function () {
  if (!navigator.clipboard) return;
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.dataset.copy);
    var said = document.querySelector('[data-copied="' + button.dataset.copy + '"]');
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.value || source.textContent).then(function () {
        if (said) said.textContent = "Copied.";
      });
    });
  });
});
