// policykg table view: a heat table (a count per cell) or a timeline (targets per year), cells clickable
// for their sentences.  All text is set with textContent (never parsed as HTML).
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("policykg-data").textContent);
  var E = window.policykgEvidence, el = E.el;
  var state = { data: DATA, selected: null };
  window.policykg = state;
  var body = document.getElementById("evidence-body");
  var table = el("table", "heat " + DATA.kind);

  function key(r, c) { return r + "\u0001" + c; }

  var thead = el("thead");
  if (DATA.bands.length) {
    var tr = el("tr", "bands");
    tr.appendChild(el("th", "corner"));
    DATA.bands.forEach(function (b) {
      var th = el("th", "band", b.label);
      th.colSpan = b.span;
      th.style.borderBottom = "4px solid " + b.color;
      th.style.color = b.color;
      tr.appendChild(th);
    });
    thead.appendChild(tr);
  }
  var hr = el("tr");
  hr.appendChild(el("th", "corner", DATA.row_title + " \\ " + DATA.col_title));
  DATA.cols.forEach(function (c) {
    var th = el("th", "col");
    th.appendChild(el("span", null, c.label));
    if (c.color) th.style.borderTop = "4px solid " + c.color;
    hr.appendChild(th);
  });
  if (DATA.kind === "heat") hr.appendChild(el("th", "col total", "合计"));
  thead.appendChild(hr);
  table.appendChild(thead);

  var tbody = el("tbody");
  DATA.rows.forEach(function (r) {
    var tr = el("tr");
    var th = el("th", "row", r.label);
    if (r.color) th.style.borderLeft = "4px solid " + r.color;
    tr.appendChild(th);
    DATA.cols.forEach(function (c) {
      var cell = DATA.cells[key(r.key, c.key)];
      var td = el("td");
      td.setAttribute("data-row", r.key);
      td.setAttribute("data-col", c.key);
      if (cell) {
        td.className = "hit";
        td.style.background = cell.color;
        td.style.color = cell.ink;
        if (DATA.kind === "heat") td.textContent = String(cell.count);
        else {
          var dots = el("div", "dots");
          cell.items.forEach(function (t) { var d = el("div", "dot-item"); d.appendChild(el("span", "dot")); d.appendChild(el("span", null, t)); dots.appendChild(d); });
          td.appendChild(dots);
        }
        td.title = r.label + " × " + c.label + ": " + cell.count + " " + DATA.unit;
        td.addEventListener("click", function () { select(r, c, td); });
      }
      tr.appendChild(td);
    });
    if (DATA.kind === "heat") tr.appendChild(el("td", "total", String(r.total)));
    tbody.appendChild(tr);
  });
  if (DATA.kind === "heat") {
    var tf = el("tr", "totals");
    tf.appendChild(el("th", "row", "合计"));
    DATA.cols.forEach(function (c) { tf.appendChild(el("td", "total", String(c.total))); });
    tf.appendChild(el("td", "total"));
    tbody.appendChild(tf);
  }
  table.appendChild(tbody);
  var holder = document.getElementById("grid");
  holder.appendChild(table);
  if (DATA.kind === "heat") {
    var scale = el("div", "scale");
    scale.appendChild(el("span", null, "0"));
    DATA.scale.forEach(function (s) { var sw = el("span", "swatch"); sw.style.background = s; scale.appendChild(sw); });
    scale.appendChild(el("span", null, String(DATA.max) + " " + DATA.unit));
    holder.appendChild(scale);
  }

  function select(r, c, td) {
    if (state.selected) state.selected.classList.remove("selected");
    td.classList.add("selected");
    state.selected = td;
    var cell = DATA.cells[key(r.key, c.key)];
    var n = (cell.evidence || []).length;
    var unit = r.key === "issued" ? "documents" : DATA.unit;
    var lines = [cell.count + " " + unit + (n && n !== cell.count ? " in " + n + " sentences" : "")];
    if (DATA.kind !== "heat") lines = lines.concat(cell.items);
    E.render(body, { title: r.label + " × " + c.label, lines: lines }, cell.evidence, DATA.sentences);
  }
  state.select = function (rowKey, colKey) {
    var td = table.querySelector('td[data-row="' + CSS.escape(rowKey) + '"][data-col="' + CSS.escape(colKey) + '"]');
    if (td) td.click();
    return !!td;
  };
  document.body.setAttribute("data-stabilized", "true");
})();
