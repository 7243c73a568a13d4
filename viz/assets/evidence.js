// policykg evidence panel: every sentence behind a node, edge or cell, five to a page ("1–5 of 7"),
// each with its document, provision label and the marked span.  Text is set with textContent and
// document.createElement only (never parsed as HTML).
(function () {
  "use strict";
  var PAGE = 5;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // the text of a sentence with its marks as <mark> elements
  function marked(text, marks) {
    var span = el("span", "sentence");
    var at = 0;
    (marks || []).forEach(function (m) {
      var a = Math.max(m[0], at), b = Math.min(m[1], text.length);
      if (b <= a) return;
      if (a > at) span.appendChild(document.createTextNode(text.slice(at, a)));
      span.appendChild(el("mark", null, text.slice(a, b)));
      at = b;
    });
    if (at < text.length) span.appendChild(document.createTextNode(text.slice(at)));
    return span;
  }

  // body: the panel; head: {title, lines}; refs: [[sentence row, marks], ...]; sentences: the rows
  function render(body, head, refs, sentences) {
    body.textContent = "";
    body.appendChild(el("h3", null, head.title));
    (head.lines || []).forEach(function (l) { body.appendChild(el("p", "info", l)); });
    refs = refs || [];
    if (!refs.length) { body.appendChild(el("p", "hint", "no source sentence for this item")); return; }
    var nav = el("div", "pager");
    var prev = el("button", "prev", "‹ prev");
    var count = el("span", "count");
    var next = el("button", "next", "next ›");
    prev.type = next.type = "button";
    nav.appendChild(prev); nav.appendChild(count); nav.appendChild(next);
    var ol = el("ol");
    body.appendChild(nav);
    body.appendChild(ol);
    var page = 0, pages = Math.ceil(refs.length / PAGE);
    function draw() {
      var from = page * PAGE, to = Math.min(refs.length, from + PAGE);
      count.textContent = (from + 1) + "–" + to + " of " + refs.length;
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
      ol.textContent = "";
      ol.start = from + 1;
      refs.slice(from, to).forEach(function (r) {
        var s = sentences[r[0]] || { doc: "?", text: "" };
        var li = el("li");
        var where = el("span", "doc");
        where.appendChild(el("span", null, "《" + s.doc + "》"));
        if (s.provision) where.appendChild(el("span", "provision", s.provision));
        li.appendChild(where);
        li.appendChild(marked(s.text, r[1]));
        ol.appendChild(li);
      });
    }
    prev.addEventListener("click", function () { if (page > 0) { page -= 1; draw(); } });
    next.addEventListener("click", function () { if (page < pages - 1) { page += 1; draw(); } });
    if (pages < 2) nav.classList.add("single");
    draw();
  }

  window.policykgEvidence = { render: render, el: el, PAGE: PAGE };
})();
