// The theory-of-change explorer: pan and zoom, a details panel, filters, search, languages.
// Written for toc (toc/export/explorer); no library. Model text is only ever inserted with
// textContent or setAttribute, never parsed as HTML.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("toc-data").textContent);
  const elements = data.elements;
  const viewport = document.getElementById("toc-viewport");
  const panel = document.getElementById("toc-panel");
  const controls = document.getElementById("toc-controls");
  const minimap = document.getElementById("toc-minimap");
  const SVGNS = "http://www.w3.org/2000/svg";
  let lang = data.lang;
  let selected = null;
  let view = null; // the current viewBox {x, y, w, h}
  let full = null; // the whole diagram's viewBox

  // --- words and text -------------------------------------------------------------------
  function w(key, values) {
    const table = data.words[lang] || data.words[data.languages[0]];
    let text = table[key] || key;
    for (const name in values || {}) text = text.split("{" + name + "}").join(String(values[name]));
    return text;
  }
  function t(value) {
    if (value === null || value === undefined) return "";
    if (typeof value === "string") return value;
    return value[lang] || value[data.languages[0]] || Object.values(value)[0] || "";
  }
  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function label(id) {
    const item = elements[id];
    if (!item) return id;
    if (item.kind === "link") return t((elements[item.from] || {}).label) + " → " + t((elements[item.to] || {}).label);
    return t(item.label);
  }

  // --- the diagram in the current language ------------------------------------------------
  function diagram() {
    const shown = data.drawn.indexOf(lang) >= 0 ? lang : data.drawn[0];
    return viewport.querySelector('.diagram[data-lang="' + shown + '"] svg');
  }
  function parts(id) {
    return Array.prototype.filter.call(diagram().querySelectorAll("[data-id]"), function (node) {
      return node.getAttribute("data-id") === id;
    });
  }

  // --- pan and zoom: the viewBox of the SVG -----------------------------------------------
  function readFull(svg) {
    const box = svg.viewBox.baseVal;
    full = { x: box.x, y: box.y, w: box.width, h: box.height };
  }
  function apply() {
    diagram().setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
    drawMinimap();
  }
  function fit() {
    view = Object.assign({}, full);
    apply();
  }
  function toDiagram(clientX, clientY) {
    const svg = diagram();
    const matrix = svg.getScreenCTM();
    if (!matrix) return { x: view.x + view.w / 2, y: view.y + view.h / 2 };
    const point = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return { x: point.x, y: point.y };
  }
  function zoom(factor, centre) {
    const c = centre || { x: view.x + view.w / 2, y: view.y + view.h / 2 };
    const width = Math.min(Math.max(view.w / factor, full.w / 200), full.w * 4);
    const scale = width / view.w;
    view = { x: c.x - (c.x - view.x) * scale, y: c.y - (c.y - view.y) * scale, w: width, h: view.h * scale };
    apply();
  }
  function pan(dx, dy) {
    view.x += dx;
    view.y += dy;
    apply();
  }
  function centreOn(node) {
    const box = node.getBBox();
    const graph = diagram().querySelector("g.graph");
    const m = graph.transform.baseVal.consolidate();
    const dx = m ? m.matrix.e : 0;
    const dy = m ? m.matrix.f : 0;
    const cx = box.x + box.width / 2 + dx;
    const cy = box.y + box.height / 2 + dy;
    if (cx < view.x || cx > view.x + view.w || cy < view.y || cy > view.y + view.h) {
      view.x = cx - view.w / 2;
      view.y = cy - view.h / 2;
      apply();
    }
  }

  const pointers = new Map();
  let dragged = false;
  viewport.addEventListener("wheel", function (event) {
    event.preventDefault();
    zoom(event.deltaY < 0 ? 1.2 : 1 / 1.2, toDiagram(event.clientX, event.clientY));
  }, { passive: false });
  viewport.addEventListener("pointerdown", function (event) {
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    dragged = false;
  });
  viewport.addEventListener("pointermove", function (event) {
    const last = pointers.get(event.pointerId);
    if (!last) return;
    const now = { x: event.clientX, y: event.clientY };
    if (pointers.size === 2) { // pinch: the distance between two fingers
      const other = Array.from(pointers.entries()).find(function (e) { return e[0] !== event.pointerId; })[1];
      const before = Math.hypot(last.x - other.x, last.y - other.y);
      const after = Math.hypot(now.x - other.x, now.y - other.y);
      if (before > 0) zoom(after / before, toDiagram((now.x + other.x) / 2, (now.y + other.y) / 2));
    } else {
      const a = toDiagram(last.x, last.y);
      const b = toDiagram(now.x, now.y);
      if (Math.abs(now.x - last.x) + Math.abs(now.y - last.y) > 0) {
        if (!dragged && Math.abs(now.x - last.x) + Math.abs(now.y - last.y) < 3) return;
        dragged = true;
        if (!viewport.hasPointerCapture(event.pointerId)) viewport.setPointerCapture(event.pointerId);
        pan(a.x - b.x, a.y - b.y);
      }
    }
    pointers.set(event.pointerId, now);
  });
  function release(event) { pointers.delete(event.pointerId); }
  viewport.addEventListener("pointerup", release);
  viewport.addEventListener("pointercancel", release);
  viewport.addEventListener("keydown", function (event) {
    const step = view.w / 10;
    const keys = {
      "+": function () { zoom(1.25); }, "=": function () { zoom(1.25); }, "-": function () { zoom(0.8); },
      "0": fit, ArrowLeft: function () { pan(-step, 0); }, ArrowRight: function () { pan(step, 0); },
      ArrowUp: function () { pan(0, -step); }, ArrowDown: function () { pan(0, step); },
    };
    if (keys[event.key]) { event.preventDefault(); keys[event.key](); }
  });

  // --- the overview: one path of the elements' boxes (cheap to draw, whatever the size) -------
  let frame = null;
  function buildMinimap() {
    while (minimap.firstChild) minimap.removeChild(minimap.firstChild);
    const svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("viewBox", [full.x, full.y, full.w, full.h].join(" "));
    svg.setAttribute("aria-hidden", "true");
    const graph = diagram().querySelector("g.graph");
    const m = graph.transform.baseVal.consolidate();
    const dx = m ? m.matrix.e : 0;
    const dy = m ? m.matrix.f : 0;
    const boxes = [];
    Array.prototype.forEach.call(graph.querySelectorAll("g.node"), function (node) {
      const b = node.getBBox();
      boxes.push("M" + (b.x + dx).toFixed(1) + " " + (b.y + dy).toFixed(1) + "h" + b.width.toFixed(1) +
        "v" + b.height.toFixed(1) + "h" + (-b.width).toFixed(1) + "z");
    });
    const shapes = document.createElementNS(SVGNS, "path");
    shapes.setAttribute("d", boxes.join(""));
    shapes.setAttribute("class", "boxes");
    frame = document.createElementNS(SVGNS, "rect");
    frame.setAttribute("class", "frame");
    svg.appendChild(shapes);
    svg.appendChild(frame);
    minimap.appendChild(svg);
    function move(event) {
      const matrix = svg.getScreenCTM();
      if (!matrix) return;
      const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
      view.x = p.x - view.w / 2;
      view.y = p.y - view.h / 2;
      apply();
    }
    svg.addEventListener("pointerdown", function (event) { svg.setPointerCapture(event.pointerId); move(event); });
    svg.addEventListener("pointermove", function (event) { if (svg.hasPointerCapture(event.pointerId)) move(event); });
  }
  function drawMinimap() {
    if (!frame) return;
    frame.setAttribute("x", view.x);
    frame.setAttribute("y", view.y);
    frame.setAttribute("width", view.w);
    frame.setAttribute("height", view.h);
  }

  // --- elements: focusable, clickable --------------------------------------------------------
  function prepare() {
    Array.prototype.forEach.call(diagram().querySelectorAll("[data-id]"), function (node) {
      node.setAttribute("tabindex", "0");
      node.setAttribute("role", "button");
      node.setAttribute("aria-label", label(node.getAttribute("data-id")));
      if (node.querySelector("polygon, path, ellipse, rect")) return;
      // an assumption's cell in a note is only text: give it an area to click and to outline
      const box = node.getBBox();
      const hit = document.createElementNS(SVGNS, "rect");
      hit.setAttribute("class", "hit");
      hit.setAttribute("x", box.x - 2);
      hit.setAttribute("y", box.y - 2);
      hit.setAttribute("width", box.width + 4);
      hit.setAttribute("height", box.height + 4);
      node.insertBefore(hit, node.firstChild);
    });
  }
  viewport.addEventListener("click", function (event) {
    if (dragged) { dragged = false; return; }
    const hit = event.target.closest("[data-id]");
    if (hit) { event.preventDefault(); select(hit.getAttribute("data-id")); }
  });
  viewport.addEventListener("keydown", function (event) {
    const hit = event.target.closest && event.target.closest("[data-id]");
    if (hit && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      select(hit.getAttribute("data-id"));
    }
  });

  // --- selection, the URL fragment and the chain ----------------------------------------------
  function chain(id) {
    // upstream and downstream results and links of an element, from the embedded adjacency
    const item = elements[id];
    const up = new Set();
    const down = new Set();
    function walk(start, key, end, seen) {
      const queue = [start];
      while (queue.length) {
        const node = elements[queue.pop()];
        if (!node || node.kind !== "result") continue;
        for (const link of node[key]) {
          if (seen.has(link)) continue;
          seen.add(link);
          const next = elements[link][end];
          if (!seen.has(next)) { seen.add(next); queue.push(next); }
        }
      }
    }
    const starts = item.kind === "result" ? [[id, id]] : item.kind === "link" ? [[item.from, item.to]]
      : item.links.map(function (l) { return [elements[l].from, elements[l].to]; });
    for (const pair of starts) {
      walk(pair[0], "in", "from", up);
      walk(pair[1], "out", "to", down);
      if (item.kind !== "result") { up.add(pair[0]); down.add(pair[1]); }
    }
    for (const set of [up, down]) {
      for (const linkId of Array.from(set)) {
        const link = elements[linkId];
        if (link && link.kind === "link") for (const a of link.assumptions) set.add(a);
      }
    }
    return { up: up, down: down };
  }
  const chainBox = el("input");
  function mark() {
    const svg = diagram();
    svg.classList.toggle("chained", Boolean(selected) && chainBox.checked);
    const c = selected && chainBox.checked ? chain(selected) : { up: new Set(), down: new Set() };
    Array.prototype.forEach.call(svg.querySelectorAll("[data-id]"), function (node) {
      const id = node.getAttribute("data-id");
      node.classList.toggle("selected", id === selected);
      node.classList.toggle("up", c.up.has(id) && id !== selected);
      node.classList.toggle("down", c.down.has(id) && id !== selected);
    });
  }
  function select(id, fromHash) {
    if (!elements[id]) return;
    selected = id;
    mark();
    showPanel(id);
    const first = parts(id)[0];
    if (first) centreOn(first);
    if (!fromHash) {
      try { history.replaceState(null, "", "#" + encodeURIComponent(id)); } catch (e) { /* a sandboxed frame */ }
    }
  }
  function unselect() {
    selected = null;
    panel.hidden = true;
    mark();
    try { history.replaceState(null, "", location.pathname + location.search); } catch (e) { /* sandboxed */ }
    viewport.focus();
  }
  function fromHash() {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id && elements[id]) select(id, true);
  }
  window.addEventListener("hashchange", fromHash);

  // --- the panel ---------------------------------------------------------------------------
  function section(title, body) {
    const box = el("section");
    box.appendChild(el("h3", title.charAt(0).toUpperCase() + title.slice(1)));
    box.appendChild(body);
    return box;
  }
  function fields(pairs) {
    const list = el("dl");
    for (const pair of pairs) {
      if (pair[1] === null || pair[1] === undefined || pair[1] === "") continue;
      list.appendChild(el("dt", pair[0]));
      list.appendChild(el("dd", pair[1]));
    }
    return list;
  }
  function jump(id) {
    const button = el("button", label(id) + " (" + id + ")", "jump");
    button.type = "button";
    button.addEventListener("click", function () { select(id); });
    return button;
  }
  function jumps(ids) {
    const list = el("ul", null, "jumps");
    for (const id of ids) {
      if (!elements[id]) continue;
      const item = el("li");
      item.appendChild(jump(id));
      list.appendChild(item);
    }
    return list;
  }
  function status(value) {
    const marks = { contradicted: "✗", untested: "?", mixed: "±", supported: "✓" };
    const span = el("span", (marks[value] || "") + " " + w("status-" + value), "status s-" + value);
    return span;
  }
  function evidenceList(items) {
    const box = el("div");
    const groups = [["supports", "x-evidence-for"], ["contradicts", "x-evidence-against"], ["mixed", "x-evidence-mixed"]];
    for (const group of groups) {
      const chosen = items.filter(function (e) { return e.stance === group[0]; });
      if (!chosen.length) continue;
      box.appendChild(el("h4", w(group[1]) + " (" + chosen.length + ")"));
      const list = el("ul", null, "evidence");
      for (const item of chosen) {
        const entry = el("li");
        entry.appendChild(el("p", t(item.summary)));
        if (item.quote) entry.appendChild(el("blockquote", t(item.quote)));
        entry.appendChild(fields([
          [w("method"), item.method], [w("x-sample-size"), item.sampleSize], [w("x-strength"), item.strength],
          [w("x-date"), item.date], [w("x-source"), t(item.source)], [w("x-citation"), item.cite.join("; ")],
          [w("id"), item.id],
        ]));
        list.appendChild(entry);
      }
      box.appendChild(list);
    }
    if (!items.length) box.appendChild(el("p", w("no-evidence"), "note"));
    return box;
  }
  function verdictBox(v) {
    // a judgement standing in for a measurement: said to be judged, with its words and author
    const box = el("div", null, "verdict");
    box.appendChild(el("h4", w("x-verdict") + ": " + w(v.status)));
    if (v.quote) box.appendChild(el("blockquote", t(v.quote)));
    if (v.summary) box.appendChild(el("p", t(v.summary)));
    box.appendChild(fields([
      [w("x-judged-by"), t(v.by)], [w("x-date"), v.date], [w("x-citation"), v.cite.join("; ")],
    ]));
    return box;
  }
  function valueText(v) {
    let text = v.original || (v.value === null || v.value === undefined ? "" : String(v.value));
    if (v.text) text += (text ? " " : "") + t(v.text);
    const dims = Object.keys(v.dimensions || {}).map(function (k) { return k + ": " + v.dimensions[k]; });
    if (dims.length) text += " (" + dims.join(", ") + ")";
    if (v.locations.length) text += " (" + v.locations.join(", ") + ")";
    if (v.year || v.date) text += " [" + (v.date || v.year) + "]";
    if (v.comment) text += " — " + t(v.comment);
    if (v.cite.length) text += " [" + v.cite.join("; ") + "]";
    return text || "–";
  }
  function indicatorList(items) {
    const box = el("div");
    for (const ind of items) {
      const head = el("h4", t(ind.label));
      if (ind.status) head.appendChild(el("span", " · " + w(ind.status), "ind s-" + ind.status));
      box.appendChild(head);
      if (ind.verdict) box.appendChild(verdictBox(ind.verdict));
      box.appendChild(fields([
        [w("baseline"), ind.baselines.map(valueText).join("; ")], [w("x-unit"), t(ind.unit)], [w("x-comment"), t(ind.comment)],
      ]));
      if (!ind.periods.length) continue;
      const table = el("table");
      const headRow = el("tr");
      for (const key of ["period", "target", "actual"]) headRow.appendChild(el("th", w(key)));
      table.appendChild(el("thead")).appendChild(headRow);
      const body = el("tbody");
      for (const p of ind.periods) {
        const row = el("tr");
        const dates = p.start || p.end ? (p.start || "…") + " – " + (p.end || "…") : "";
        row.appendChild(el("td", (p.label ? t(p.label) + (dates ? ": " : "") : "") + (dates || (p.label ? "" : "–"))));
        row.appendChild(el("td", p.targets.map(valueText).join("; ") || "–"));
        row.appendChild(el("td", p.actuals.map(valueText).join("; ") || "–"));
        body.appendChild(row);
      }
      table.appendChild(body);
      box.appendChild(table);
      for (const p of ind.periods) if (p.verdict) box.appendChild(verdictBox(p.verdict));
    }
    return box;
  }
  function showPanel(id) {
    const item = elements[id];
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    const close = el("button", "×", "close");
    close.type = "button";
    close.setAttribute("aria-label", w("x-close"));
    close.addEventListener("click", unselect);
    panel.appendChild(close);
    const kind = item.kind === "result" ? w(item.level) : item.kind === "link" ? w("x-link") : w(item.assumptionKind);
    panel.appendChild(el("p", kind + " · " + id, "kind"));
    const title = el("h2", label(id));
    title.id = "toc-panel-title";
    title.tabIndex = -1;
    panel.appendChild(title);
    if (item.text) panel.appendChild(el("p", t(item.text)));
    const facts = [];
    if (item.kind === "result") {
      if (item.atRisk) facts.push([w("status"), "✗ " + w("at-risk")]);
      else if (item.affectedBy.length) facts.push([w("status"), "⚠ " + w("affected")]);
      if (item.confidence !== null) facts.push([w("x-confidence"), item.confidence.toFixed(2)]);
      facts.push([w("x-owner"), t(item.owner)]);
      if (item.unintended) facts.push([w("status"), w("x-unintended")]);
      if (item.negative) facts.push([w("status"), w("x-negative")]);
    } else if (item.kind === "link") {
      facts.push([w("x-from"), label(item.from)], [w("x-to"), label(item.to)]);
      if (item.confidence !== null) facts.push([w("x-confidence"), item.confidence.toFixed(2)]);
    } else {
      facts.push([w("declared"), item.declared ? w(item.declared) : null]);
      facts.push([w("mitigation"), t(item.mitigation)]);
    }
    if (item.cite.length) facts.push([w("x-citation"), item.cite.join("; ")]);
    if (item.status) panel.appendChild(status(item.status));
    if (item.kind === "assumption") panel.appendChild(el("p", w("x-weights", { s: item.support, c: item.contradiction })));
    panel.appendChild(fields(facts));
    panel.appendChild(section(w("x-evidence"), evidenceList(item.evidence)));
    if (item.kind === "result" && item.verdict) panel.appendChild(verdictBox(item.verdict));
    if (item.kind === "result" && item.indicators.length) panel.appendChild(section(w("x-indicators"), indicatorList(item.indicators)));
    if (item.kind === "link" && item.restsOn.length) panel.appendChild(section(w("x-rests-on"), jumps(item.restsOn)));
    if (item.kind === "result" && item.assumptions.length) panel.appendChild(section(w("x-rests-on"), jumps(item.assumptions)));
    if (item.kind === "assumption" && item.resting.length) panel.appendChild(section(w("x-resting"), jumps(item.resting)));
    if (item.kind === "result" && item.out.length) panel.appendChild(section(w("x-resting"), jumps(item.out)));
    if (item.downstream.length) panel.appendChild(section(w("x-downstream"), jumps(item.downstream)));
    panel.hidden = false;
    title.focus({ preventScroll: true });
  }
  panel.addEventListener("keydown", function (event) { if (event.key === "Escape") unselect(); });

  // --- filters and search -----------------------------------------------------------------------
  const filters = {};
  function choice(key, options) {
    const box = el("label", null, "field");
    const caption = el("span", w(key));
    const menu = el("select");
    menu.dataset.filter = key;
    box.appendChild(caption);
    box.appendChild(menu);
    function fill() {
      const value = menu.value;
      while (menu.firstChild) menu.removeChild(menu.firstChild);
      const all = el("option", w("x-all"));
      all.value = "";
      menu.appendChild(all);
      for (const option of options()) {
        const item = el("option", option[1]);
        item.value = option[0];
        menu.appendChild(item);
      }
      menu.value = value;
      caption.textContent = w(key);
    }
    menu.addEventListener("change", function () { filters[key] = menu.value; applyFilters(); });
    fill();
    controls.appendChild(box);
    return fill;
  }
  function members(key, value) {
    // the results, links and assumptions a filter keeps (see docs/explorer.md)
    const keep = new Set();
    const addLink = function (id) {
      keep.add(id);
      for (const a of elements[id].assumptions) keep.add(a);
    };
    for (const id in elements) {
      const item = elements[id];
      if (key === "x-pathway" && item.kind === "link") {
        const way = data.pathways.find(function (p) { return p.id === value; });
        if (way && way.links.indexOf(id) >= 0) { addLink(id); keep.add(item.from); keep.add(item.to); }
      } else if (key === "x-level" && item.kind === "result" && item.level === value) {
        keep.add(id);
        item.in.concat(item.out).forEach(addLink);
      } else if (key === "x-assumption-status" && item.kind === "assumption" && item.status === value) {
        keep.add(id);
        for (const l of item.links) { keep.add(l); keep.add(elements[l].from); keep.add(elements[l].to); }
      } else if (key === "x-indicator-status" && item.kind === "result" &&
        item.indicators.some(function (i) { return i.status === value; })) {
        keep.add(id);
      } else if (key === "x-at-risk-only" && item.kind === "result" && (item.atRisk || item.affectedBy.length)) {
        keep.add(id);
        item.in.forEach(addLink);
      }
    }
    return keep;
  }
  let query = "";
  function applyFilters() {
    let keep = null;
    for (const key in filters) {
      if (!filters[key]) continue;
      const found = members(key, filters[key]);
      keep = keep === null ? found : new Set(Array.from(keep).filter(function (id) { return found.has(id); }));
    }
    const matches = query ? search(query) : null;
    Array.prototype.forEach.call(diagram().querySelectorAll("[data-id]"), function (node) {
      const id = node.getAttribute("data-id");
      node.classList.toggle("dim", (keep !== null && !keep.has(id)) || (matches !== null && !matches.has(id)));
      node.classList.toggle("match", matches !== null && matches.has(id));
    });
  }
  function search(text) {
    const needle = text.toLocaleLowerCase();
    const found = new Set();
    for (const id in elements) {
      const item = elements[id];
      const hay = [id, t(item.label), t(item.text)].join(" ").toLocaleLowerCase();
      if (hay.indexOf(needle) >= 0) found.add(id);
    }
    return found;
  }

  const searchBox = el("div", null, "field search");
  const searchLabel = el("label", w("x-search"));
  const searchInput = el("input");
  searchInput.type = "search";
  searchInput.id = "toc-search";
  searchLabel.htmlFor = "toc-search";
  searchInput.setAttribute("aria-controls", "toc-results");
  const results = el("ul", null, "results");
  results.id = "toc-results";
  results.setAttribute("role", "list");
  const count = el("span", "", "count");
  count.setAttribute("aria-live", "polite");
  searchBox.appendChild(searchLabel);
  searchBox.appendChild(searchInput);
  searchBox.appendChild(count);
  searchBox.appendChild(results);
  controls.appendChild(searchBox);
  function runSearch() {
    query = searchInput.value.trim();
    while (results.firstChild) results.removeChild(results.firstChild);
    applyFilters();
    if (!query) { count.textContent = ""; return; }
    const found = Array.from(search(query));
    count.textContent = found.length ? w("x-matches", { n: found.length }) : w("x-no-match");
    for (const id of found.slice(0, 30)) {
      const item = el("li");
      item.appendChild(jump(id));
      results.appendChild(item);
    }
  }
  searchInput.addEventListener("input", runSearch);
  searchInput.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      const first = results.querySelector("button");
      if (first) first.click();
    } else if (event.key === "Escape") {
      searchInput.value = "";
      runSearch();
    }
  });

  const refills = [
    choice("x-pathway", function () { return data.pathways.map(function (p) { return [p.id, t(p.label)]; }); }),
    choice("x-level", function () { return ["activity", "output", "outcome", "impact"].map(function (l) { return [l, w(l)]; }); }),
    choice("x-assumption-status", function () {
      return ["contradicted", "untested", "mixed", "supported"].map(function (s) { return [s, w("status-" + s)]; });
    }),
    choice("x-indicator-status", function () {
      return ["achieved", "on-track", "off-track", "not-achieved", "no-data", "qualitative"].map(function (s) { return [s, w(s)]; });
    }),
  ];
  function checkbox(key, onChange, checked) {
    const box = el("label", null, "field check");
    const input = key === "x-chain" ? chainBox : el("input");
    input.type = "checkbox";
    input.checked = checked;
    const caption = el("span", w(key));
    box.appendChild(input);
    box.appendChild(caption);
    input.addEventListener("change", function () { onChange(input.checked); });
    controls.appendChild(box);
    return function () { caption.textContent = w(key); };
  }
  refills.push(checkbox("x-at-risk-only", function (on) { filters["x-at-risk-only"] = on ? "yes" : ""; applyFilters(); }, false));
  refills.push(checkbox("x-chain", mark, true));

  function button(key, text, action) {
    const b = el("button", text, "tool");
    b.type = "button";
    b.setAttribute("aria-label", w(key));
    b.title = w(key);
    b.addEventListener("click", action);
    controls.appendChild(b);
    return function () { b.setAttribute("aria-label", w(key)); b.title = w(key); };
  }
  refills.push(button("x-zoom-in", "+", function () { zoom(1.25); }));
  refills.push(button("x-zoom-out", "−", function () { zoom(0.8); }));
  refills.push(button("x-fit", "⤢", fit));

  const note = el("p", "", "note");
  note.id = "toc-note";
  if (data.languages.length > 1) {
    const box = el("label", null, "field");
    const caption = el("span", w("x-language"));
    const menu = el("select");
    menu.id = "toc-language";
    for (const code of data.languages) {
      const option = el("option", code);
      option.value = code;
      menu.appendChild(option);
    }
    menu.value = lang;
    menu.addEventListener("change", function () { setLanguage(menu.value); });
    box.appendChild(caption);
    box.appendChild(menu);
    controls.appendChild(box);
    refills.push(function () { caption.textContent = w("x-language"); });
  }
  controls.appendChild(note);
  const keysHelp = el("p", w("x-keys"), "keys");
  controls.appendChild(keysHelp);

  function setLanguage(code) {
    lang = code;
    document.documentElement.lang = code;
    document.title = t(data.title);
    document.getElementById("toc-title").textContent = t(data.title);
    const shown = data.drawn.indexOf(code) >= 0 ? code : data.drawn[0];
    Array.prototype.forEach.call(viewport.querySelectorAll(".diagram"), function (box) {
      box.hidden = box.getAttribute("data-lang") !== shown;
    });
    note.textContent = shown === code ? "" : w("x-one-language", { lang: shown });
    keysHelp.textContent = w("x-keys");
    viewport.setAttribute("aria-label", w("x-diagram"));
    minimap.setAttribute("aria-label", w("x-overview"));
    refills.forEach(function (refill) { refill(); });
    start();
    if (selected) showPanel(selected);
    runSearch();
  }
  function start() {
    readFull(diagram());
    prepare();
    buildMinimap();
    fit();
    mark();
    applyFilters();
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && document.activeElement !== searchInput) {
      event.preventDefault();
      searchInput.focus();
    } else if (event.key === "Escape" && !panel.hidden) {
      unselect();
    }
  });
  window.addEventListener("beforeprint", fit);
  start();
  fromHash();
  document.body.classList.add("ready");
})();
