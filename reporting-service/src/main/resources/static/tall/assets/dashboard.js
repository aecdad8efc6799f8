// Draws small SVG charts from the tables below them. The tables stay the accessible source of
// the figures; a chart is a picture of one column and is labelled as such. Suppressed cells are
// drawn as a gap with a mark, never as a value.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function element(name, attributes, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  // The last column of each non-total row: the period's figure (or the median, for lead time).
  function series(table, column) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows).filter(function (row) {
      return !row.classList.contains("total");
    });
    return rows.map(function (row) {
      var cells = row.cells;
      var cell = cells[column === "first" ? 1 : cells.length - 1];
      var value = cell.getAttribute("data-value");
      return { label: cells[0].textContent.trim(), value: value === null || value === "" ? null : Number(value),
               flag: cell.getAttribute("data-flag") };
    });
  }

  function bars(canvas, points) {
    var width = 560, rowHeight = 22, left = 170, height = points.length * rowHeight + 10;
    var max = Math.max.apply(null, points.map(function (p) { return p.value || 0; }).concat([1]));
    var svg = element("svg", { viewBox: "0 0 " + width + " " + height, width: width, height: height, "aria-hidden": "true", focusable: "false" });
    points.forEach(function (point, i) {
      var y = 5 + i * rowHeight;
      svg.appendChild(element("text", { x: left - 6, y: y + 14, "text-anchor": "end" }, point.label));
      if (point.value === null) {
        svg.appendChild(element("text", { x: left + 4, y: y + 14, "class": "hidden-value" }, point.flag === "SUPPRESSED" ? "–" : ".."));
        return;
      }
      var length = Math.max(1, (width - left - 60) * point.value / max);
      svg.appendChild(element("rect", { x: left, y: y + 3, width: length, height: rowHeight - 8, "class": "bar" }));
      svg.appendChild(element("text", { x: left + length + 4, y: y + 14 }, String(point.value)));
    });
    canvas.appendChild(svg);
  }

  function line(canvas, points) {
    var width = 560, height = 180, left = 40, bottom = 24, top = 10;
    var shown = points.filter(function (p) { return p.value !== null; });
    var max = Math.max.apply(null, shown.map(function (p) { return p.value; }).concat([1]));
    var step = (width - left - 10) / Math.max(1, points.length - 1);
    var svg = element("svg", { viewBox: "0 0 " + width + " " + height, width: width, height: height, "aria-hidden": "true", focusable: "false" });
    svg.appendChild(element("line", { x1: left, y1: height - bottom, x2: width - 10, y2: height - bottom, stroke: "#999" }));
    var path = "";
    points.forEach(function (point, i) {
      var x = left + i * step;
      svg.appendChild(element("text", { x: x, y: height - 6, "text-anchor": "middle" }, point.label));
      if (point.value === null) {
        svg.appendChild(element("text", { x: x, y: height - bottom - 6, "text-anchor": "middle", "class": "hidden-value" },
          point.flag === "SUPPRESSED" ? "–" : ".."));
        path += " ";
        return;
      }
      var y = top + (height - bottom - top) * (1 - point.value / max);
      path += (path.length === 0 || path.charAt(path.length - 1) === " " ? "M" : "L") + x + "," + y;
      svg.appendChild(element("circle", { cx: x, cy: y, r: 3, "class": "dot" }));
      svg.appendChild(element("text", { x: x, y: y - 6, "text-anchor": "middle" }, String(point.value)));
    });
    svg.insertBefore(element("path", { d: path.replace(/ /g, ""), "class": "line" }), svg.firstChild);
    canvas.appendChild(svg);
  }

  document.querySelectorAll("figure.chart").forEach(function (figure) {
    var table = document.getElementById(figure.getAttribute("data-table"));
    var canvas = figure.querySelector(".chart-canvas");
    if (!table || !canvas) { return; }
    if (figure.getAttribute("data-chart") === "line") {
      line(canvas, series(table, "first"));
    } else {
      bars(canvas, series(table, "last"));
    }
    figure.setAttribute("data-drawn", "true");
  });
})();
