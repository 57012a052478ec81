// The reliability report's plots, drawn by Chart.js. Each canvas is an image with a one-sentence summary for
// screen readers; the tables beside the plots carry every figure, so nothing is only in a picture.
import { Chart, registerables } from "chart.js";

Chart.register(...registerables);

// The app's palette: --brand, and a green with 4.5:1 against white for the second series.
const BRAND = "#1f4e8c";
const SECOND = "#1e6b3a";
const INK = "#1b2330";

Chart.defaults.color = INK;
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
// Reports are read, not watched: no animation (and prefers-reduced-motion is respected for free).
Chart.defaults.animation = false;

function percent(estimate) {
  return estimate && Number.isFinite(estimate.value) ? Math.round(estimate.value * 1000) / 10 : null;
}

/** Exact and within-one agreement per criterion, as grouped bars (0–100%). */
export function agreementChart(canvas, criteria, name) {
  return new Chart(canvas, {
    type: "bar",
    data: {
      labels: criteria.map((c) => name(c.criterion)),
      datasets: [
        { label: "Exact agreement (%)", data: criteria.map((c) => percent(c.figures.exact)), backgroundColor: BRAND },
        { label: "Within one level (%)", data: criteria.map((c) => percent(c.figures.adjacent)), backgroundColor: SECOND },
      ],
    },
    options: { responsive: true, maintainAspectRatio: false, scales: { y: { min: 0, max: 100, title: { display: true, text: "%" } } } },
  });
}

/**
 * Scorer severity from the many-facet Rasch model with its 95% interval (measure ± 1.96 SE) as a floating bar
 * and the estimate as a point: higher = harsher.
 */
export function severityChart(canvas, elements, name) {
  const rows = elements.filter((e) => Number.isFinite(e.measure) && Number.isFinite(e.se));
  return new Chart(canvas, {
    data: {
      labels: rows.map((e) => name(e.id)),
      datasets: [
        { type: "bar", label: "95% interval", data: rows.map((e) => [e.measure - 1.96 * e.se, e.measure + 1.96 * e.se]),
          backgroundColor: "rgba(31, 78, 140, 0.25)", borderColor: BRAND, borderWidth: 1, barPercentage: 0.4 },
        { type: "scatter", label: "Severity (logits)", data: rows.map((e, i) => ({ x: i, y: e.measure })),
          backgroundColor: INK, pointRadius: 5, pointStyle: "rectRot" },
      ],
    },
    options: {
      responsive: true, maintainAspectRatio: false,
      scales: { x: { type: "category" }, y: { title: { display: true, text: "logits (higher = harsher)" } } },
    },
  });
}

// Levels from low to high: light to dark blue, each step distinguishable (and labelled in the legend).
const LEVEL_COLOURS = ["#c6d7ee", "#93b4dd", "#5f8fca", "#2f68ad", "#1f4e8c", "#133259", "#0b1f38", "#050f1c", "#020810", "#000000", "#000000"];

/** How often each scorer used each level of one criterion, as stacked horizontal bars (shares of their scores). */
export function levelsChart(canvas, rows, name) {
  const width = Math.max(...rows.map((r) => r.counts.length));
  const min = rows.length ? rows[0].minLevel : 0;
  return new Chart(canvas, {
    type: "bar",
    data: {
      labels: rows.map((r) => name(r.scorer)),
      datasets: Array.from({ length: width }, (_, k) => ({
        label: "Level " + (min + k),
        data: rows.map((r) => {
          const total = r.counts.reduce((a, b) => a + b, 0);
          return total ? Math.round((r.counts[k] || 0) * 1000 / total) / 10 : 0;
        }),
        backgroundColor: LEVEL_COLOURS[Math.min(k, LEVEL_COLOURS.length - 1)],
      })),
    },
    options: {
      indexAxis: "y", responsive: true, maintainAspectRatio: false,
      scales: { x: { stacked: true, min: 0, max: 100, title: { display: true, text: "% of the scorer's scores" } }, y: { stacked: true } },
    },
  });
}

/**
 * A Wright map on one logit scale: how many pieces stand at each measure (bars, half-logit bins) and where each
 * scorer's severity and each criterion's difficulty fall (points below the axis line).
 */
export function wrightChart(canvas, rasch, scorerName, criterionName) {
  const pieces = (rasch.pieces ? rasch.pieces.elements : []).filter((e) => Number.isFinite(e.measure));
  const bins = new Map();
  pieces.forEach((e) => {
    const bin = Math.round(e.measure * 2) / 2;
    bins.set(bin, (bins.get(bin) || 0) + 1);
  });
  const peak = Math.max(1, ...bins.values());
  const points = (facet, y, label) => (facet ? facet.elements : []).filter((e) => Number.isFinite(e.measure))
    .map((e) => ({ x: e.measure, y, label: label(e.id) }));
  return new Chart(canvas, {
    data: {
      datasets: [
        { type: "bar", label: "Pieces", data: [...bins.entries()].sort((a, b) => a[0] - b[0]).map(([x, n]) => ({ x, y: n })),
          backgroundColor: "rgba(31, 78, 140, 0.45)", barThickness: 14 },
        { type: "scatter", label: "Scorers (severity)", data: points(rasch.scorers, -peak * 0.15, scorerName),
          backgroundColor: INK, pointStyle: "rectRot", pointRadius: 6 },
        { type: "scatter", label: "Criteria (difficulty)", data: points(rasch.criteria, -peak * 0.3, criterionName),
          backgroundColor: SECOND, pointStyle: "triangle", pointRadius: 6 },
      ],
    },
    options: {
      responsive: true, maintainAspectRatio: false,
      scales: { x: { type: "linear", title: { display: true, text: "logits" } }, y: { title: { display: true, text: "pieces" } } },
      plugins: { tooltip: { callbacks: { label: (c) => (c.raw.label ? c.raw.label + ": " : c.dataset.label + ": ")
        + (c.raw.label ? c.raw.x.toFixed(2) : c.raw.y) } } },
    },
  });
}
