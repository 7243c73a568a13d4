// policykg view: vis-network with search, legend filters, relation labels and an evidence panel.
// All text from documents is set with textContent (never parsed as HTML).
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("policykg-data").textContent);
  var state = { network: null, nodes: null, edges: null, data: DATA, stabilized: false, errors: [] };
  window.policykg = state;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var options = DATA.options || {};
  var network = new vis.Network(document.getElementById("network"), { nodes: nodes, edges: edges }, options);
  state.network = network; state.nodes = nodes; state.edges = edges;

  function settled() {
    if (state.stabilized) return;
    network.setOptions({ physics: false });          // physics settles, then stops
    network.fit();
    if ((DATA.columns || []).length) {                // room for the column headings
      var at = network.getViewPosition();
      network.moveTo({ position: { x: at.x, y: at.y - 18 }, scale: network.getScale() * 0.94 });
    }
    state.stabilized = true;
    document.body.setAttribute("data-stabilized", "true");
  }
  network.once("stabilizationIterationsDone", settled);
  network.once("stabilized", settled);
  if (!options.physics || options.physics.enabled === false) network.once("afterDrawing", settled);
  setTimeout(settled, 20000);

  // column headings of a fixed layout, drawn on the canvas
  network.on("afterDrawing", function (ctx) {
    (DATA.columns || []).forEach(function (c) {
      ctx.font = "bold 17px " + getComputedStyle(document.body).fontFamily;
      ctx.fillStyle = "#555555";
      ctx.textAlign = "center";
      ctx.fillText(c.label, c.x, c.y);
    });
  });

  // legend with filters: click an entry to hide or show that kind of node
  var hidden = {};
  var legend = document.getElementById("legend-items");
  DATA.legend.forEach(function (item) {
    var li = el("li");
    var sw = el("span", "swatch " + item.shape);
    sw.style.background = item.color;
    li.appendChild(sw);
    li.appendChild(el("span", null, item.label + " (" + item.count + ")"));
    li.addEventListener("click", function () {
      hidden[item.key] = !hidden[item.key];
      li.classList.toggle("off", hidden[item.key]);
      nodes.update(nodes.get({ filter: function (n) { return n.styleKey === item.key; } })
        .map(function (n) { return { id: n.id, hidden: !!hidden[item.key] }; }));
    });
    legend.appendChild(li);
  });
  if (DATA.groups && DATA.groups.length) {
    legend.appendChild(el("li", "group-title", "边框 border colour"));
    DATA.groups.forEach(function (g) {
      var li = el("li");
      var sw = el("span", "swatch ring");
      sw.style.border = "3px solid " + g.color;
      li.appendChild(sw);
      li.appendChild(el("span", null, g.name));
      legend.appendChild(li);
    });
  }

  // relation labels on edges, on or off
  var toggle = document.getElementById("edge-labels");
  function applyEdgeLabels() {
    edges.update(edges.get().map(function (e) { return { id: e.id, label: toggle.checked ? e.rel : undefined }; }));
  }
  toggle.addEventListener("change", applyEdgeLabels);
  if (toggle.checked) applyEdgeLabels();

  // evidence panel
  var body = document.getElementById("evidence-body");
  function show(kind, id) {
    var item = kind === "node" ? nodes.get(id) : edges.get(id);
    body.textContent = "";
    if (!item) return;
    var head;
    if (kind === "node") {
      head = { title: item.fullLabel || item.label, lines: (item.infoLines || []).concat([item.id]) };
    } else {
      var a = nodes.get(item.from), b = nodes.get(item.to);
      head = { title: (a ? a.fullLabel || a.label : item.from) + " —" + item.rel + "→ " + (b ? b.fullLabel || b.label : item.to),
               lines: [item.type + " · weight " + item.weight + " · " + (DATA.evidence[id] || []).length + " sentences"] };
    }
    window.policykgEvidence.render(body, head, DATA.evidence[id], DATA.sentences);
  }
  state.show = show;
  network.on("click", function (p) {
    if (p.nodes.length) show("node", p.nodes[0]);
    else if (p.edges.length) show("edge", p.edges[0]);
  });

  // search by label or id
  var list = document.getElementById("labels");
  var byLabel = {};
  DATA.nodes.forEach(function (n) {
    var key = n.fullLabel || n.label;
    if (!(key in byLabel)) { byLabel[key] = n.id; list.appendChild(el("option", null, key)); }
  });
  document.getElementById("search").addEventListener("change", function (e) {
    var q = e.target.value.trim();
    var id = byLabel[q] || (nodes.get(q) ? q : null);
    if (!id) {
      var hit = DATA.nodes.find(function (n) { return (n.fullLabel || n.label).indexOf(q) >= 0; });
      // a node folded into "+N more": select the fold, whose panel lists it
      if (!hit) hit = DATA.nodes.find(function (n) {
        return n.id.indexOf("more:") === 0 && (n.infoLines || []).join("、").split("、").indexOf(q) >= 0;
      });
      id = hit ? hit.id : null;
    }
    if (id) { network.selectNodes([id]); network.focus(id, { scale: 1.3, animation: true }); show("node", id); }
    else if (q) {
      body.textContent = "";
      body.appendChild(el("p", "hint", "“" + q + "” 不在此视图中 · no node in this view matches"));
    }
  });
})();
