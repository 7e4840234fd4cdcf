// The search page: finds what is typed in the page's own box in the index of the page's
// language (`indeks.js` beside the page assigns it to window.sakipCari as
// {j: [kind, …], e: [[kind, label, url, words, 1 if the label is Indonesian], …]}), lists the
// first LIMIT matches and says truly how many match. Every word typed must occur in the entry's
// label, kind or words (name, id, definition, formula, unit). Without JavaScript, or without the
// index, the page keeps its note linking the pages that lead to everything.
(function () {
  "use strict";
  var LIMIT = 200;
  var index = window.sakipCari;
  var input = document.getElementById("cari-q");
  var list = document.getElementById("cari-daftar");
  var none = document.getElementById("cari-kosong");
  var status = document.getElementById("cari-jumlah");
  var fallback = document.getElementById("cari-tanpa-js");
  if (!index || !input || !list || !status) { return; }
  var lang = document.documentElement.lang || undefined;
  var root = list.getAttribute("data-root") || "";
  var entries = index.e.map(function (e) {
    var kind = index.j[e[0]];
    return { e: e, kind: kind, text: (e[1] + " " + kind + " " + e[3]).toLowerCase() };
  });
  function number(n) { return n.toLocaleString(lang); }
  function item(x) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = root + x.e[2];
    a.textContent = x.e[1];
    if (x.e[4] === 1) { a.lang = "id"; }
    var small = document.createElement("small");
    small.textContent = "(" + x.kind + ")";
    li.appendChild(a);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(small);
    return li;
  }
  function filter() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var hits = entries.filter(function (x) {
      return words.every(function (w) { return x.text.indexOf(w) !== -1; });
    });
    var shown = hits.slice(0, LIMIT);
    var fragment = document.createDocumentFragment();
    shown.forEach(function (x) { fragment.appendChild(item(x)); });
    list.replaceChildren(fragment);
    var text = status.getAttribute("data-found") + ": " + number(hits.length) + " " +
      status.getAttribute("data-of") + " " + number(entries.length) + ".";
    if (hits.length > shown.length) {
      text += " " + status.getAttribute("data-first").replace("{n}", number(shown.length));
    }
    status.textContent = text;
    if (none) { none.hidden = hits.length !== 0; }
  }
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) {
    input.value = params.get("q");
    var header = document.getElementById("q");
    if (header) { header.value = input.value; }
  }
  if (fallback) { fallback.hidden = true; }
  status.hidden = false;
  input.addEventListener("input", filter);
  filter();
})();
