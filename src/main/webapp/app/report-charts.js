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
