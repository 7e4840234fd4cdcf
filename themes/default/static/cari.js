// Filters the list of everything on the search page as the reader types in the page's own box,
// and keeps the count of what is shown true. Without JavaScript the page simply lists everything;
// nothing here is needed to reach any page.
(function () {
  "use strict";
  var input = document.getElementById("cari-q");
  var list = document.getElementById("cari-daftar");
  var none = document.getElementById("cari-kosong");
  var count = document.getElementById("cari-n");
  if (!input || !list) { return; }
  var items = Array.prototype.slice.call(list.children);
  function filter() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (li) {
      var text = li.getAttribute("data-words") || "";
      var hit = words.every(function (w) { return text.indexOf(w) !== -1; });
      li.hidden = !hit;
      if (hit) { shown += 1; }
    });
    if (none) { none.hidden = shown !== 0; }
    if (count) { count.textContent = String(shown); }
  }
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) {
    input.value = params.get("q");
    var header = document.getElementById("q");
    if (header) { header.value = input.value; }
  }
  input.addEventListener("input", filter);
  filter();
})();
