// minutebook's little plain JavaScript (no inline scripts: the CSP forbids
// them). Everything works without it; it only adds conveniences.
document.addEventListener("DOMContentLoaded", function () {
  // "Select all" boxes: <input type="checkbox" data-check-all="NAME">.
  document.querySelectorAll("[data-check-all]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.querySelectorAll('input[name="' + box.dataset.checkAll + '"]').forEach(function (c) { c.checked = box.checked; });
    });
  });
  // Links that print the page: <button data-print>.
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
});
