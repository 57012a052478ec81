// <calibrate-reports>: reliability reports of the rounds the person moderates, once scoring has ended:
// readings in plain language first, then agreement per criterion, each scorer (agreement, mean difference
// from the other scorers of the same pieces, Rasch severity with its standard error and fit) and each pair.
import { html, nothing } from "lit";
import * as api from "./api.js";
import { LightElement } from "./light-element.js";
import { list, messageBox, number, str } from "./format.js";
import { phaseName } from "./rounds-page.js";

const OPEN = ["moderation", "finalised"];

function share(estimate) {
  return estimate && Number.isFinite(estimate.value) ? Math.round(estimate.value * 100) + "%" : "—";
}

function figure(estimate) {
  if (!estimate) {
    return "—";
  }
  if (!Number.isFinite(estimate.value)) {
    return html`<span class="muted">n/a<span class="visually-hidden">: ${str(estimate.reason)}</span></span>`;
  }
  const interval = Number.isFinite(estimate.lower) && Number.isFinite(estimate.upper)
    ? " (" + estimate.lower.toFixed(2) + "–" + estimate.upper.toFixed(2) + ")" : "";
  return estimate.value.toFixed(2) + interval;
}

export class CalibrateReports extends LightElement {
  static properties = {
    rounds: { state: true },
    report: { state: true },
    open: { state: true },
    message: { state: true },
    loading: { state: true },
  };

  constructor() {
    super();
    this.rounds = null;
    this.report = null;
    this.open = null;
    this.message = null;
    this.loading = false;
    this.charts = [];
  }

  disconnectedCallback() {
    this.dropCharts();
    super.disconnectedCallback();
  }

  dropCharts() {
    this.charts.forEach((c) => c.destroy());
    this.charts = [];
  }

  /** Charts are drawn after the report's markup is in place, and drawn again for another report. */
  async updated(changed) {
    if (!changed.has("report")) {
      return;
    }
    this.dropCharts();
    const r = this.report;
    if (!r) {
      return;
    }
    // Chart.js is loaded with the first report, not with the app: most launches never open one.
    const { agreementChart, severityChart, levelsChart, wrightChart } = await import("./report-charts.js");
    if (r !== this.report) {
      return;
    }
    const agreement = this.querySelector("#chart-agreement");
    if (agreement) {
      this.charts.push(agreementChart(agreement, list(r.criteria), (key) => this.criterionName(key)));
    }
    const severity = this.querySelector("#chart-severity");
    if (severity && r.rasch && r.rasch.scorers) {
      this.charts.push(severityChart(severity, list(r.rasch.scorers.elements), (id) => this.scorerName(id)));
    }
    this.querySelectorAll("canvas[data-levels]").forEach((canvas) => {
      const rows = list(r.levels).filter((l) => l.criterion === canvas.dataset.levels);
      this.charts.push(levelsChart(canvas, rows, (id) => this.scorerName(id)));
    });
    const wright = this.querySelector("#chart-wright");
    if (wright && r.rasch && r.rasch.estimated) {
      this.charts.push(wrightChart(wright, r.rasch, (id) => this.scorerName(id), (key) => this.criterionName(key)));
    }
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      const data = await api.get("/api/rounds");
      this.rounds = list(data && data.rounds).filter((r) => list(r.roles).includes("moderator"));
    } catch (e) {
      this.message = { tone: "error", text: "The rounds could not be loaded: " + e.message };
    }
  }

  async show(round) {
    this.open = round;
    this.report = null;
    this.loading = true;
    this.message = null;
    try {
      this.report = await api.get("/api/rounds/" + encodeURIComponent(round.id) + "/report");
      this.updateComplete.then(() => this.querySelector("#report-heading")?.focus());
    } catch (e) {
      this.message = { tone: e.status === 409 ? "info" : "error", text: e.message };
    } finally {
      this.loading = false;
    }
  }

  async share(shared) {
    try {
      const answer = await api.put("/api/rounds/" + encodeURIComponent(this.open.id) + "/report/sharing", { lock_version: this.report.lock_version, shared });
      this.report = { ...this.report, shared: answer.shared, lock_version: answer.lock_version };
      this.message = { tone: "info", text: shared ? "The scorers now see the round's agreement beside their own figures." : "The scorers see their own figures only." };
    } catch (e) {
      this.message = { tone: "error", text: "The sharing did not change: " + e.message };
      this.show(this.open);
    }
  }

  /** The seeds' scorer-bias signals that fired for a scorer, in words (docs/statistics.md has the rules). */
  signals(scorer) {
    const mine = list(this.report.signals && this.report.signals.scorers).find((x) => x.scorer === scorer);
    if (!mine) {
      return "—";
    }
    const fired = [];
    if (mine.halo && mine.halo.flagged) {
      fired.push("halo: criteria scored alike");
    }
    if (mine.centralTendency && mine.centralTendency.flagged) {
      fired.push("narrow range of levels");
    }
    if (mine.drift && mine.drift.flagged) {
      fired.push("drift between early and late scores");
    }
    if (mine.accuracy && mine.accuracy.flagged) {
      fired.push("off the anchors");
    }
    return fired.length ? html`<span class="badge warn">${fired.join("; ")}</span>` : "none";
  }

  download(format) {
    api.download("/api/rounds/" + encodeURIComponent(this.open.id) + "/report/" + format, "report." + format)
      .catch((e) => { this.message = { tone: "error", text: "The download failed: " + e.message }; });
  }

  scorerName(id) {
    return str((this.report.scorer_names || {})[id]) || "A scorer";
  }

  criterionName(key) {
    return str((this.report.criterion_names || {})[key]) || key;
  }

  renderReport() {
    const r = this.report;
    const rasch = r.rasch || {};
    const severity = new Map(list(rasch.scorers && rasch.scorers.elements).map((e) => [e.id, e]));
    const differences = list(r.differences);
    return html`
      <section aria-labelledby="report-heading" id="report">
        <h2 id="report-heading" tabindex="-1">${str(this.open.title)}</h2>
        <p>${number(r.summary.pieces)} pieces, ${number(r.summary.scorers)} scorers, ${number(r.summary.ratings)} scores;
          ${number(r.summary.piecesScoredTwice)} pieces scored by more than one scorer.</p>
        <h3>What stands out</h3>
        ${list(r.readings).length ? html`<ul id="report-readings">${list(r.readings).map((s) => html`<li>${s}</li>`)}</ul>`
          : html`<p id="report-readings">No scorer differs from the others by more than about a third of a point on any criterion.</p>`}
        <p>Across the round, scorers gave the same level ${share(r.round.exact)} of the time and were within one level
          ${share(r.round.adjacent)} of the time.</p>

        <div class="chart-box"><canvas id="chart-agreement" role="img"
          aria-label="Bar chart of exact and within-one agreement per criterion; the table below gives the figures."></canvas></div>
        <div class="table-wrap"><table class="data-table" id="report-criteria">
          <caption>Agreement by criterion</caption>
          <thead><tr><th scope="col">Criterion</th><th scope="col" class="num">Pieces</th><th scope="col" class="num">Exact</th>
            <th scope="col" class="num">Within one</th><th scope="col">Quadratic kappa</th><th scope="col">Alpha (ordinal)</th>
            <th scope="col">ICC (absolute)</th></tr></thead>
          <tbody>${list(r.criteria).map((c) => html`<tr><th scope="row">${this.criterionName(c.criterion)}</th>
            <td class="num">${number(c.figures.pieces)}</td><td class="num">${share(c.figures.exact)}</td>
            <td class="num">${share(c.figures.adjacent)}</td><td>${figure(c.figures.quadraticKappa)}</td>
            <td>${figure(c.figures.alphaOrdinal)}</td><td>${figure(c.figures.iccAbsolute)}</td></tr>`)}</tbody>
        </table></div>

        <div class="table-wrap"><table class="data-table" id="report-scorers">
          <caption>Scorers</caption>
          <thead><tr><th scope="col">Scorer</th><th scope="col" class="num">Pieces</th><th scope="col" class="num">Exact</th>
            <th scope="col" class="num">Within one</th><th scope="col">Mean difference from the others</th>
            <th scope="col">Severity (logits ± SE)</th><th scope="col">Infit / outfit</th><th scope="col">Signals</th></tr></thead>
          <tbody>${list(r.scorers).map((s) => {
            const e = severity.get(s.scorer);
            const diffs = differences.filter((d) => d.scorer === s.scorer);
            return html`<tr><th scope="row">${this.scorerName(s.scorer)}</th><td class="num">${number(s.pieces)}</td>
              <td class="num">${share(s.exact)}</td><td class="num">${share(s.adjacent)}</td>
              <td>${diffs.map((d) => html`${this.criterionName(d.criterion)}: ${(d.meanDifference > 0 ? "+" : "") + d.meanDifference.toFixed(2)}<br>`)}</td>
              <td>${e ? e.measure.toFixed(2) + " ± " + e.se.toFixed(2) + (e.extreme ? " (extreme)" : "") : "—"}</td>
              <td>${e && Number.isFinite(e.infit) ? e.infit.toFixed(2) + " / " + e.outfit.toFixed(2) : "—"}</td>
              <td data-signals=${s.scorer}>${this.signals(s.scorer)}</td></tr>`;
          })}</tbody>
        </table></div>
        ${rasch.scorers ? html`<div class="chart-box"><canvas id="chart-severity" role="img"
          aria-label="Scorer severity with 95% intervals from the many-facet Rasch model; the scorers table gives the figures."></canvas></div>`
          : nothing}
        ${rasch.estimated === false ? html`<p class="message message-info" id="report-rasch-note">The many-facet Rasch model
          was not estimated: ${str(rasch.reason)}</p>` : nothing}

        <div class="table-wrap"><table class="data-table" id="report-pairs">
          <caption>Pairs of scorers</caption>
          <thead><tr><th scope="col">Pair</th><th scope="col" class="num">Pieces shared</th><th scope="col" class="num">Exact</th>
            <th scope="col" class="num">Within one</th><th scope="col">Quadratic kappa</th></tr></thead>
          <tbody>${list(r.scorerPairs).map((p) => html`<tr><th scope="row">${this.scorerName(p.firstScorer)} and
            ${this.scorerName(p.secondScorer)}</th><td class="num">${number(p.pieces)}</td><td class="num">${share(p.exact)}</td>
            <td class="num">${share(p.adjacent)}</td><td>${figure(p.quadraticKappa)}</td></tr>`)}</tbody>
        </table></div>
        ${list(r.drift).length ? html`<div class="table-wrap"><table class="data-table" id="report-drift">
          <caption>Standards across rounds: exemplars kept from earlier rounds, scored again in this round's practice</caption>
          <thead><tr><th scope="col">Criterion</th><th scope="col" class="num">Exemplars</th><th scope="col" class="num">Scores</th>
            <th scope="col">Difference from the agreed score (95% interval)</th></tr></thead>
          <tbody>${list(r.drift).map((d) => html`<tr><th scope="row">${this.criterionName(d.criterion)}</th>
            <td class="num">${number(d.anchors)}</td><td class="num">${number(d.scores)}</td>
            <td>${d.meanDifference && Number.isFinite(d.meanDifference.value) ? (d.meanDifference.value > 0 ? "+" : "")
              + d.meanDifference.value.toFixed(2) + (Number.isFinite(d.meanDifference.lower) ? " (" + d.meanDifference.lower.toFixed(2) + " to "
              + d.meanDifference.upper.toFixed(2) + ")" : " (one exemplar: no interval)") : "—"}</td></tr>`)}</tbody>
        </table></div>` : nothing}
        <h3>Levels each scorer used</h3>
        ${list(r.criteria).map((c) => html`<div class="chart-box"><canvas data-levels=${c.criterion} role="img"
          aria-label=${"Share of each level each scorer gave on " + this.criterionName(c.criterion) + "; the table below gives the counts."}></canvas></div>
          <div class="table-wrap"><table class="data-table level-table">
            <caption>${this.criterionName(c.criterion)}: how often each level was given</caption>
            <thead><tr><th scope="col">Scorer</th>${Array.from({ length: c.maxScore - c.minScore + 1 }, (_, k) => html`<th scope="col"
              class="num">Level ${c.minScore + k}</th>`)}</tr></thead>
            <tbody>${list(r.levels).filter((l) => l.criterion === c.criterion).map((l) => html`<tr><th scope="row">${this.scorerName(l.scorer)}</th>
              ${Array.from({ length: c.maxScore - c.minScore + 1 }, (_, k) => html`<td class="num">${number(l.counts[c.minScore - l.minLevel + k] || 0)}</td>`)}</tr>`)}</tbody>
          </table></div>`)}

        <h3>Where scorers agreed and disagreed, pair by pair</h3>
        ${list(r.confusions).map((m) => html`<details class="confusion">
          <summary>${this.scorerName(m.firstScorer)} and ${this.scorerName(m.secondScorer)} — ${this.criterionName(m.criterion)}</summary>
          <div class="table-wrap"><table class="data-table">
            <caption>Pieces by the level each gave (rows: ${this.scorerName(m.firstScorer)}; columns: ${this.scorerName(m.secondScorer)})</caption>
            <thead><tr><td></td>${list(m.cells).map((_, j) => html`<th scope="col" class="num">${m.minLevel + j}</th>`)}</tr></thead>
            <tbody>${list(m.cells).map((row, i) => html`<tr><th scope="row" class="num">${m.minLevel + i}</th>
              ${row.map((n, j) => html`<td class=${"num" + (i === j && n ? " agree" : "")}>${n || ""}</td>`)}</tr>`)}</tbody>
          </table></div></details>`)}

        ${rasch.estimated ? html`<h3>Wright map</h3>
          <p class="hint">Pieces, scorers and criteria on one scale (logits). Pieces further right are stronger; scorers
            further right are harsher; criteria further right are harder.</p>
          <div class="chart-box tall"><canvas id="chart-wright" role="img"
            aria-label="Wright map: the spread of piece measures with scorer severities and criterion difficulties on the same logit scale."></canvas></div>`
          : nothing}

        <p class="actions"><button type="button" class="button secondary" id="report-csv" @click=${() => this.download("csv")}>Download every
          statistic (CSV)</button>
          <button type="button" class="button secondary" id="report-html" @click=${() => this.download("html")}>Download the report
          (HTML, to keep or print)</button></p>
        <div class="check"><input type="checkbox" id="report-share" .checked=${Boolean(r.shared)} @change=${(e) => this.share(e.target.checked)}>
          <label for="report-share">Let the scorers see the round's agreement, overall and by criterion, beside their own figures
            (never another scorer's figures or name)</label></div>
        <p class="hint">Definitions and how each figure is computed: statistics guide (docs/statistics.md). Kappa, alpha and
          ICC run from −1 to 1; 0.8 and above is usually read as strong agreement.</p>
      </section>`;
  }

  render() {
    if (this.rounds === null) {
      return html`${messageBox("reports-message", this.message)}
        ${this.message ? nothing : html`<p class="panel-loading" role="status">Loading…</p>`}`;
    }
    if (this.rounds.length === 0) {
      return html`<div class="empty-state" id="reports-empty">
        <p class="empty-title">No reliability reports yet.</p>
        <p>Reports belong to the rounds you moderate: how often scorers agreed exactly or within one point, where
          they disagreed, and whether a scorer tends to score harshly or leniently. They open when scoring ends.</p>
      </div>`;
    }
    return html`
      <ul class="plain-list report-rounds" id="report-rounds">${this.rounds.map((r) => html`<li>
        ${OPEN.includes(r.phase)
          ? html`<button type="button" class="link-button" data-report=${r.id} @click=${() => this.show(r)}>${str(r.title)}</button>`
          : html`<span>${str(r.title)}</span>`}
        <span class="muted">— ${phaseName(r.phase)}${OPEN.includes(r.phase) ? "" : ": the report opens when scoring ends"}</span></li>`)}
      </ul>
      ${messageBox("reports-message", this.message)}
      ${this.loading ? html`<p class="panel-loading" role="status">Computing the report…</p>` : nothing}
      ${this.report ? this.renderReport() : nothing}`;
  }
}

customElements.define("calibrate-reports", CalibrateReports);
