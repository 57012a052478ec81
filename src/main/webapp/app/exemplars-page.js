// <calibrate-exemplars>: the exemplar library for the platform's teachers. Anchor papers kept in moderation,
// grouped by task and rubric version, then by criterion and score point (highest first), each with the note on
// why it earns its score. One exemplar opens to its full text, where a moderator of its round (or an admin)
// edits the note, confirms its anonymity once more or withdraws it; one rubric's exemplars download as an
// anchor set. Every change sends the lock_version it started from; a stale one is reported, never overwritten.
import { html, nothing } from "lit";
import { live } from "lit/directives/live.js";
import { LightElement } from "./light-element.js";
import * as api from "./api.js";
import { list, messageBox, number, str, time } from "./format.js";

const MAX_TASK = 200;
const MAX_ANNOTATION = 4000;

const CONSENT = {
  implied: "the school's terms allow keeping work; only a recorded refusal keeps a piece out",
  "opt-out": "families were told and could refuse; a recorded refusal keeps a piece out",
  "opt-in": "only pieces with the family's recorded consent are kept",
};

const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });

/** An ISO-8601 period as people say it: "P5Y" → "5 years", "P1Y6M" → "1 year and 6 months"; null when unreadable. */
export function periodInWords(value) {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(str(value));
  if (!m || m.slice(1).every((p) => p === undefined)) {
    return null;
  }
  const parts = [[m[1], "year"], [m[2], "month"], [m[3], "week"], [m[4], "day"]]
    .filter(([n]) => n !== undefined && Number(n) > 0)
    .map(([n, unit]) => Number(n) + " " + unit + (Number(n) === 1 ? "" : "s"));
  if (parts.length === 0) {
    return null;
  }
  return parts.length === 1 ? parts[0] : parts.slice(0, -1).join(", ") + " and " + parts[parts.length - 1];
}

/**
 * A date (YYYY-MM-DD) plus an ISO period, the way the server's LocalDate.plus(Period) does it: years and months
 * first, the day clamped to the end of a shorter month, then the days. Null when either is unreadable.
 */
function plusPeriod(date, period) {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(str(date));
  const p = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(str(period));
  if (!d || !p) {
    return null;
  }
  const months = Number(d[1]) * 12 + Number(d[2]) - 1 + Number(p[1] || 0) * 12 + Number(p[2] || 0);
  const year = Math.floor(months / 12);
  const month = months % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(Date.UTC(year, month, Math.min(Number(d[3]), lastDay) + Number(p[3] || 0) * 7 + Number(p[4] || 0)));
  return result.toISOString().slice(0, 10);
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

/** A calendar date (YYYY-MM-DD, no time zone) as a <time> element. */
function day(value) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(str(value))) {
    return "—";
  }
  return html`<time datetime=${value}>${DAY.format(Date.parse(value + "T00:00:00Z"))}</time>`;
}

function criterionName(e) {
  return e.criterion ? str(e.criterion_name) || str(e.criterion) : "Whole piece";
}

function exemplarTitle(e) {
  return "Score point " + number(e.score_point) + " — " + criterionName(e);
}

/** Whole-piece exemplars first, then criteria by name; highest score point first; oldest first within one. */
function byCriterionAndPoint(a, b) {
  if (!a.criterion !== !b.criterion) {
    return a.criterion ? 1 : -1;
  }
  return criterionName(a).localeCompare(criterionName(b))
    || b.score_point - a.score_point
    || str(a.created_at).localeCompare(str(b.created_at));
}

/** [[task, [[rubricId, rubricTitle, exemplars]]]], tasks and rubrics in alphabetical order. */
function group(exemplars) {
  const tasks = new Map();
  for (const e of exemplars) {
    const task = str(e.task);
    if (!tasks.has(task)) {
      tasks.set(task, new Map());
    }
    const rubrics = tasks.get(task);
    if (!rubrics.has(e.rubric_id)) {
      rubrics.set(e.rubric_id, { title: str(e.rubric_title) || "A rubric", items: [] });
    }
    rubrics.get(e.rubric_id).items.push(e);
  }
  return [...tasks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([task, rubrics]) => [task,
    [...rubrics.entries()].sort(([, a], [, b]) => a.title.localeCompare(b.title))
      .map(([id, r]) => [id, r.title, [...r.items].sort(byCriterionAndPoint)])]);
}

/** The criterion filter as a select value: any criterion, the whole piece, or one criterion's key. */
function criterionValue(criterion) {
  if (criterion === null || criterion === undefined) {
    return "any:";
  }
  return criterion === "" ? "whole:" : "key:" + criterion;
}

function criterionFromValue(value) {
  if (value === "whole:") {
    return "";
  }
  return value.startsWith("key:") ? value.slice(4) : null;
}

const NO_FILTERS = Object.freeze({ task: "", rubric: "", criterion: null, point: null });

export class CalibrateExemplars extends LightElement {
  static properties = {
    me: { attribute: false },
    data: { state: true },
    loading: { state: true },
    filters: { state: true }, // the filters the list shows: {task, rubric, criterion (null any, "" whole piece), point}
    message: { state: true }, // list-level status and errors
    filterProblem: { state: true },
    exportMessage: { state: true },
    exporting: { state: true },
    detail: { state: true }, // the exemplar open for reading, with its full text
    detailMessage: { state: true }, // {where: "edit" | "check" | "withdraw", tone, text, detail?, items?}
    editProblems: { state: true },
    busy: { state: true },
    confirmingWithdraw: { state: true },
  };

  constructor() {
    super();
    this.me = null;
    this.data = null;
    this.loading = true;
    this.filters = NO_FILTERS;
    this.message = null;
    this.filterProblem = null;
    this.exportMessage = null;
    this.exporting = false;
    this.detail = null;
    this.detailMessage = null;
    this.editProblems = {};
    this.busy = false;
    this.confirmingWithdraw = false;
    // Criterion names seen in any answer, so the criterion filter keeps its options while a filter narrows the list.
    this.criteria = new Map();
    // Criterion names from the rubrics of exemplars opened, for their levels.
    this.levelNames = new Map();
    this.rubricsRead = new Set();
    this.loads = 0;
    this.focusAfter = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  disconnectedCallback() {
    // An answer still on its way is ignored.
    this.loads++;
    super.disconnectedCallback();
  }

  get exemplars() {
    return list(this.data && this.data.exemplars);
  }

  query(filters, extra = {}) {
    const q = new URLSearchParams();
    if (filters.rubric) {
      q.set("rubric", filters.rubric);
    }
    if (filters.task) {
      q.set("task", filters.task);
    }
    if (filters.criterion !== null && filters.criterion !== undefined) {
      // Empty: whole-piece exemplars only.
      q.set("criterion", filters.criterion);
    }
    if (Number.isInteger(filters.point)) {
      q.set("score_point", String(filters.point));
    }
    Object.entries(extra).forEach(([k, v]) => q.set(k, v));
    const s = q.toString();
    return s ? "?" + s : "";
  }

  /** Reads the library with the given filters; the list on show stays until the answer comes. */
  async load(filters = this.filters) {
    const ticket = ++this.loads;
    this.loading = true;
    try {
      const data = await api.get("/api/exemplars" + this.query(filters));
      if (ticket !== this.loads) {
        return false;
      }
      this.data = data && typeof data === "object" ? data : { exemplars: [] };
      this.filters = filters;
      for (const e of this.exemplars) {
        if (e.criterion && !this.criteria.has(e.criterion)) {
          this.criteria.set(e.criterion, str(e.criterion_name) || e.criterion);
        }
      }
      return true;
    } catch (e) {
      if (ticket !== this.loads) {
        return false;
      }
      this.message = { tone: "error", text: "The exemplar library could not be loaded: " + e.message };
      return false;
    } finally {
      if (ticket === this.loads) {
        this.loading = false;
      }
    }
  }

  // --- Filters and export ---------------------------------------------------------------------

  async applyFilters(event) {
    event.preventDefault();
    const f = event.target.elements;
    const pointText = f["exemplars-point"].value.trim();
    const point = pointText === "" ? null : Number(pointText);
    if (point !== null && !(Number.isInteger(point) && point >= 0)) {
      this.filterProblem = "Enter a score point as a whole number, 0 or more, or leave it empty for every score point.";
      await this.updateComplete;
      this.querySelector("#exemplars-point").focus();
      return;
    }
    this.filterProblem = null;
    this.message = null;
    this.exportMessage = null;
    const filters = {
      task: f["exemplars-task"].value,
      rubric: f["exemplars-rubric"].value,
      criterion: criterionFromValue(f["exemplars-criterion"].value),
      point,
    };
    await this.load(filters);
  }

  async clearFilters() {
    this.filterProblem = null;
    this.message = null;
    this.exportMessage = null;
    const form = this.querySelector("#exemplars-filters");
    if (form) {
      const f = form.elements;
      f["exemplars-task"].value = "";
      f["exemplars-rubric"].value = "";
      f["exemplars-criterion"].value = "any:";
      f["exemplars-point"].value = "";
    }
    await this.load(NO_FILTERS);
  }

  async exportSet(format) {
    if (this.exporting || !this.filters.rubric) {
      return;
    }
    this.exporting = true;
    this.exportMessage = { tone: "info", text: "Preparing the anchor set…" };
    try {
      await api.download("/api/exemplars/anchor-set" + this.query(this.filters, { format }), "anchor-set." + format);
      this.exportMessage = { tone: "info", text: "The anchor set (" + format.toUpperCase() + ") is downloading." };
    } catch (e) {
      this.exportMessage = {
        tone: "error",
        text: "The anchor set was not made: " + e.message,
        detail: e.code === "anonymity_unchecked" ? "Open each exemplar below, read it, and confirm its anonymity; then download again." : null,
        items: e.problems,
      };
    } finally {
      this.exporting = false;
    }
  }

  // --- One exemplar ---------------------------------------------------------------------------

  async open(id) {
    if (this.busy) {
      return;
    }
    this.busy = true;
    this.message = null;
    try {
      const detail = await api.get("/api/exemplars/" + encodeURIComponent(id));
      await this.learnCriteria(detail.rubric_id);
      this.detail = detail;
      this.detailMessage = null;
      this.editProblems = {};
      this.confirmingWithdraw = false;
      this.focusAfter = "#exemplar-detail-heading";
    } catch (e) {
      this.message = { tone: "error", text: "The exemplar could not be opened: " + e.message };
      if (e.status === 404) {
        await this.load(this.filters);
      }
    } finally {
      this.busy = false;
    }
  }

  /** The names of a rubric's criteria, for the levels of an exemplar; the keys stand in where the rubric cannot be read. */
  async learnCriteria(rubricId) {
    if (!rubricId || this.rubricsRead.has(rubricId)) {
      return;
    }
    this.rubricsRead.add(rubricId);
    try {
      const rubric = await api.get("/api/rubrics/" + encodeURIComponent(rubricId));
      for (const c of list(rubric && rubric.definition && rubric.definition.criteria)) {
        if (str(c.key) && str(c.name)) {
          this.levelNames.set(c.key, c.name);
        }
      }
    } catch (e) {
      // The levels show under their keys.
    }
  }

  async close() {
    const id = this.detail && this.detail.id;
    this.detail = null;
    this.detailMessage = null;
    this.confirmingWithdraw = false;
    // The note or the check may have changed: the card shows it as it is now.
    await this.load(this.filters);
    this.focusAfter = id && this.exemplars.some((e) => e.id === id) ? `[data-read="${CSS.escape(id)}"]` : "#exemplars-results-heading";
    this.requestUpdate();
  }

  /** Reads the open exemplar again after a refusal that says it changed; false when it has left the library. */
  async reloadDetail() {
    try {
      this.detail = await api.get("/api/exemplars/" + encodeURIComponent(this.detail.id));
      return true;
    } catch (e) {
      if (e.status === 404) {
        this.detail = null;
        this.message = { tone: "error", text: "This exemplar is no longer in the library: it was withdrawn, or its time ran out." };
        await this.load(this.filters);
        this.focusAfter = "#exemplars-results-heading";
        return false;
      }
      throw e;
    }
  }

  /** The message for a refused change; a conflict reloads the exemplar first. */
  async refused(where, what, e) {
    if (e.status === 409 && e.code === "conflict") {
      const still = await this.reloadDetail().catch(() => true);
      if (still) {
        this.detailMessage = {
          where, tone: "error", text: what + ": someone else changed this exemplar meanwhile.",
          detail: "The page now shows their version. Make your change again if it is still needed.",
        };
      }
      return;
    }
    if (e.status === 404) {
      await this.reloadDetail().catch(() => true);
      if (!this.detail) {
        return;
      }
    }
    this.detailMessage = { where, tone: "error", text: what + ": " + e.message, items: e.problems };
  }

  async save(event) {
    event.preventDefault();
    if (this.busy) {
      return;
    }
    const f = event.target.elements;
    const task = f["exemplar-task"].value.trim();
    const annotation = f["exemplar-annotation"].value.trim();
    const keepUntil = f["exemplar-keep-until"].value;
    const problems = {};
    if (task === "" || task.length > MAX_TASK) {
      problems.task = "Name the task in 1 to " + MAX_TASK + " characters.";
    }
    if (annotation === "" || annotation.length > MAX_ANNOTATION) {
      problems.annotation = "Say why this piece earns its score, in 1 to " + MAX_ANNOTATION + " characters.";
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(keepUntil)) {
      problems.keep = "Choose the date until which the exemplar is kept.";
    }
    this.editProblems = problems;
    const wrong = Object.keys(problems);
    if (wrong.length > 0) {
      this.detailMessage = { where: "edit", tone: "error", text: "Check the exemplar before saving it.", items: Object.values(problems) };
      await this.updateComplete;
      this.querySelector({ task: "#exemplar-task", annotation: "#exemplar-annotation", keep: "#exemplar-keep-until" }[wrong[0]]).focus();
      return;
    }
    this.busy = true;
    this.detailMessage = { where: "edit", tone: "info", text: "Saving…" };
    const wasChecked = Boolean(this.detail.anonymity_checked);
    try {
      this.detail = await api.put("/api/exemplars/" + encodeURIComponent(this.detail.id), {
        lock_version: this.detail.lock_version, task, annotation, keep_until: keepUntil,
      });
      this.detailMessage = {
        where: "edit", tone: "info", text: "Exemplar saved.",
        detail: wasChecked && !this.detail.anonymity_checked
          ? "The annotation changed, so its anonymity needs confirming again before an anchor set can include it." : null,
      };
    } catch (e) {
      await this.refused("edit", "The exemplar was not saved", e);
    } finally {
      this.busy = false;
    }
  }

  async confirmAnonymity() {
    if (this.busy) {
      return;
    }
    this.busy = true;
    this.detailMessage = { where: "check", tone: "info", text: "Checking…" };
    try {
      this.detail = await api.post("/api/exemplars/" + encodeURIComponent(this.detail.id) + "/anonymity-check",
        { lock_version: this.detail.lock_version });
      this.detailMessage = { where: "check", tone: "info", text: "Anonymity confirmed: this exemplar may go into an anchor set." };
      // The button makes way for the date of the check; focus stays in the same part of the page.
      this.focusAfter = "#exemplar-anonymity-heading";
    } catch (e) {
      await this.refused("check", "Anonymity not confirmed", e);
    } finally {
      this.busy = false;
    }
  }

  askWithdraw() {
    this.confirmingWithdraw = true;
    this.detailMessage = null;
    this.focusAfter = "#exemplar-withdraw-cancel";
  }

  cancelWithdraw() {
    this.confirmingWithdraw = false;
    this.focusAfter = "#exemplar-withdraw";
  }

  async withdraw() {
    if (this.busy) {
      return;
    }
    this.busy = true;
    try {
      await api.del("/api/exemplars/" + encodeURIComponent(this.detail.id) + "?lock_version=" + encodeURIComponent(this.detail.lock_version));
      const title = exemplarTitle(this.detail) + " (" + str(this.detail.piece_code) + ")";
      this.detail = null;
      this.confirmingWithdraw = false;
      await this.load(this.filters);
      this.message = { tone: "info", text: "Exemplar withdrawn: " + title + ". Its text is erased." };
      this.focusAfter = "#exemplars-results-heading";
    } catch (e) {
      this.confirmingWithdraw = false;
      await this.refused("withdraw", "The exemplar was not withdrawn", e);
    } finally {
      this.busy = false;
    }
  }

  updated() {
    if (this.focusAfter) {
      const target = this.querySelector(this.focusAfter);
      this.focusAfter = null;
      if (target) {
        target.focus();
      }
    }
  }

  // --- Rendering ------------------------------------------------------------------------------

  render() {
    if (!this.data) {
      return html`
        ${this.loading ? html`<p class="panel-loading" role="status">Loading the exemplar library…</p>` : nothing}
        ${messageBox("exemplars-message", this.message)}
        ${this.loading ? nothing : html`<p><button type="button" class="button secondary" @click=${() => this.load()}>Try again</button></p>`}`;
    }
    return html`
      ${this.renderPolicy()}
      ${messageBox("exemplars-message", this.message)}
      ${this.detail ? this.renderDetail(this.detail) : this.renderLibrary()}`;
  }

  renderPolicy() {
    const d = this.data;
    const consent = str(d.consent_policy);
    const retention = str(d.retention);
    const words = periodInWords(retention);
    return html`
      <p class="lead" id="exemplars-policy">Consent policy: <strong>${consent || "not set"}</strong>
        · kept for at most <strong>${words || retention || "—"}</strong>${words ? html` (${retention})` : nothing}</p>
      ${CONSENT[consent] ? html`<p class="hint" id="exemplars-policy-detail">${CONSENT[consent][0].toUpperCase() + CONSENT[consent].slice(1)};
        an exemplar's text is erased when its time runs out or when it is withdrawn.</p>` : nothing}`;
  }

  renderLibrary() {
    const tasks = list(this.data.tasks);
    if (tasks.length === 0) {
      return html`
        <div class="empty-state" id="exemplars-empty">
          <p class="empty-title">The exemplar library is empty.</p>
          <p>Exemplars are chosen in moderation: the moderator keeps pieces with clear agreement — every scorer gave the
            same score, or the group agreed it in discussion — each with a note on why it earns its score. They are kept
            here per task and rubric version, for scorers to consult and for later rounds to practise on.</p>
        </div>`;
    }
    return html`
      ${this.renderFilters(tasks)}
      ${this.renderExport()}
      ${this.renderResults()}`;
  }

  renderFilters(tasks) {
    const f = this.filters;
    const rubrics = Object.entries(this.data.rubrics || {}).sort(([, a], [, b]) => str(a).localeCompare(str(b)));
    const criteria = [...this.criteria.entries()].sort(([, a], [, b]) => a.localeCompare(b));
    return html`
      <section class="panel" aria-labelledby="exemplars-filters-heading">
        <h2 id="exemplars-filters-heading">Find exemplars</h2>
        <form id="exemplars-filters" class="inline-form" novalidate @submit=${this.applyFilters}>
          <div class="field">
            <label for="exemplars-task">Task</label>
            <select id="exemplars-task" name="exemplars-task">
              <option value="" ?selected=${!f.task}>All tasks</option>
              ${tasks.map((t) => html`<option value=${t} ?selected=${f.task === t}>${t}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="exemplars-rubric">Rubric</label>
            <select id="exemplars-rubric" name="exemplars-rubric">
              <option value="" ?selected=${!f.rubric}>All rubrics</option>
              ${rubrics.map(([id, title]) => html`<option value=${id} ?selected=${f.rubric === id}>${str(title)}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="exemplars-criterion">Criterion</label>
            <select id="exemplars-criterion" name="exemplars-criterion">
              <option value="any:" ?selected=${f.criterion === null}>All criteria</option>
              <option value="whole:" ?selected=${f.criterion === ""}>Whole piece</option>
              ${criteria.map(([key, name]) => html`<option value=${"key:" + key} ?selected=${criterionValue(f.criterion) === "key:" + key}>${name}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="exemplars-point">Score point</label>
            <input id="exemplars-point" name="exemplars-point" type="number" inputmode="numeric" min="0" step="1" class="input-short"
                   .value=${live(Number.isInteger(f.point) ? String(f.point) : "")}
                   aria-invalid=${this.filterProblem ? "true" : "false"}
                   aria-describedby=${this.filterProblem ? "exemplars-point-hint exemplars-point-error" : "exemplars-point-hint"}>
            <p class="hint" id="exemplars-point-hint">Empty: every score point.</p>
            ${this.filterProblem ? html`<p class="field-error" id="exemplars-point-error">${this.filterProblem}</p>` : nothing}
          </div>
          <div class="actions">
            <button type="submit" class="button" id="exemplars-apply">Show exemplars</button>
            <button type="button" class="button secondary" id="exemplars-clear" @click=${this.clearFilters}>Clear filters</button>
          </div>
        </form>
      </section>`;
  }

  renderExport() {
    const rubric = this.filters.rubric;
    const title = rubric ? str((this.data.rubrics || {})[rubric]) || "the chosen rubric" : "";
    return html`
      <section class="panel" aria-labelledby="exemplars-export-heading">
        <h2 id="exemplars-export-heading">Anchor set</h2>
        ${rubric ? html`
          <p>One printable file of the exemplars shown below for <strong>${title}</strong>, beside the rubric's descriptors.
            Every exemplar in it must have its anonymity confirmed first.</p>
          <p class="actions">
            <button type="button" class="button secondary" id="exemplars-export-html" aria-disabled=${this.exporting ? "true" : "false"}
                    @click=${() => this.exportSet("html")}>Download anchor set (HTML)</button>
            <button type="button" class="button secondary" id="exemplars-export-pdf" aria-disabled=${this.exporting ? "true" : "false"}
                    @click=${() => this.exportSet("pdf")}>Download anchor set (PDF)</button>
          </p>
          ${messageBox("exemplars-export-message", this.exportMessage)}`
        : html`<p class="muted" id="exemplars-export-hint">An anchor set shows one rubric's score points: choose a rubric in the
            filters above, then show the exemplars, to download it.</p>`}
      </section>`;
  }

  renderResults() {
    const exemplars = this.exemplars;
    const groups = group(exemplars);
    return html`
      <section aria-labelledby="exemplars-results-heading">
        <h2 id="exemplars-results-heading" tabindex="-1">Exemplars</h2>
        <p id="exemplars-count" role="status">${this.loading ? "Loading…" : exemplars.length === 0
          ? "No exemplar matches these filters."
          : exemplars.length + (exemplars.length === 1 ? " exemplar" : " exemplars") + " shown."}</p>
        ${groups.map(([task, rubrics]) => html`
          <div class="exemplar-task">
            <h3 class="exemplar-task-heading">Task: ${task}</h3>
            ${rubrics.map(([id, title, items]) => html`
              <div class="exemplar-rubric" data-rubric=${id}>
                <h4 class="exemplar-rubric-heading">${title}</h4>
                <ul class="exemplar-list">
                  ${items.map((e) => html`<li>${this.renderCard(e)}</li>`)}
                </ul>
              </div>`)}
          </div>`)}
      </section>`;
  }

  renderCard(e) {
    const headingId = "exemplar-" + e.id + "-heading";
    const title = exemplarTitle(e);
    return html`
      <article class="exemplar-card" data-exemplar=${e.id} aria-labelledby=${headingId}>
        <h5 id=${headingId} class="exemplar-card-heading">${title}</h5>
        <dl class="facts exemplar-facts">
          <dt class="fact-label">Piece</dt><dd><code>${str(e.piece_code)}</code></dd>
          <dt class="fact-label">Kept until</dt><dd>${day(e.keep_until)}</dd>
          <dt class="fact-label">Anonymity</dt><dd>${this.renderAnonymity(e)}</dd>
        </dl>
        <p class="exemplar-label">Excerpt</p>
        <blockquote class="piece-text small exemplar-excerpt">${str(e.text)}</blockquote>
        <p class="exemplar-label">Why it earns its score</p>
        <p class="annotation prewrap">${str(e.annotation)}</p>
        <p class="actions">
          <button type="button" class="button small secondary" data-read=${e.id} aria-disabled=${this.busy ? "true" : "false"}
                  @click=${() => this.open(e.id)}>Read<span class="visually-hidden"> the whole exemplar: ${title}, piece ${str(e.piece_code)}</span></button>
        </p>
      </article>`;
  }

  renderAnonymity(e) {
    return e.anonymity_checked
      ? html`<span class="badge ok" data-anonymity="checked">Anonymity confirmed</span>`
      : html`<span class="badge" data-anonymity="unchecked">Not yet confirmed</span>`;
  }

  renderDetail(e) {
    const at = (where) => (this.detailMessage && this.detailMessage.where === where ? this.detailMessage : null);
    return html`
      <section class="panel exemplar-detail" id="exemplar-detail" aria-labelledby="exemplar-detail-heading">
        <p><button type="button" class="link-button" id="exemplar-back" @click=${this.close}>← Back to the library</button></p>
        <p class="kicker">${str(e.task)}</p>
        <h2 id="exemplar-detail-heading" tabindex="-1">${exemplarTitle(e)}</h2>
        <dl class="facts" id="exemplar-facts">
          <dt class="fact-label">Piece</dt><dd><code>${str(e.piece_code)}</code></dd>
          <dt class="fact-label">Rubric</dt><dd>${str(e.rubric_title)}</dd>
          ${Object.keys(e.levels || {}).length ? html`<dt class="fact-label">Levels</dt>
            <dd>${Object.entries(e.levels).map(([k, v]) => (this.levelNames.get(k) || this.criteria.get(k) || k) + " " + number(v)).join(" · ")}</dd>` : nothing}
          <dt class="fact-label">Kept since</dt><dd>${time(e.created_at)}</dd>
          <dt class="fact-label">Kept until</dt><dd>${day(e.keep_until)}</dd>
          <dt class="fact-label">Anonymity</dt><dd id="exemplar-anonymity-state">${this.renderAnonymity(e)}${e.anonymity_checked
            ? html` <span class="muted">on ${time(e.anonymity_checked_at)}</span>` : nothing}</dd>
        </dl>
        <h3 id="exemplar-text-heading">Full text</h3>
        <div class="piece-text prewrap" id="exemplar-text" role="region" aria-labelledby="exemplar-text-heading" tabindex="0">${str(e.text)}</div>
        ${this.renderEdit(e, at("edit"))}
        ${this.renderCheck(e, at("check"))}
        ${this.renderWithdraw(at("withdraw"))}
      </section>`;
  }

  renderEdit(e, message) {
    const p = this.editProblems;
    const from = str(e.created_at).slice(0, 10);
    const latest = plusPeriod(from, this.data.retention);
    const words = periodInWords(this.data.retention);
    const describedBy = (id, problem) => (problem ? id + "-hint " + id + "-error" : id + "-hint");
    return html`
      <form id="exemplar-edit" class="exemplar-edit" novalidate @submit=${this.save} aria-labelledby="exemplar-edit-heading">
        <h3 id="exemplar-edit-heading">Annotation and keeping</h3>
        <div class="field">
          <label for="exemplar-task">Task</label>
          <input id="exemplar-task" name="exemplar-task" maxlength=${MAX_TASK} .value=${live(str(e.task))}
                 aria-invalid=${p.task ? "true" : "false"} aria-describedby=${describedBy("exemplar-task", p.task)}>
          <p class="hint" id="exemplar-task-hint">The library groups exemplars by this name.</p>
          ${p.task ? html`<p class="field-error" id="exemplar-task-error">${p.task}</p>` : nothing}
        </div>
        <div class="field">
          <label for="exemplar-annotation">Why it earns its score</label>
          <textarea id="exemplar-annotation" name="exemplar-annotation" rows="5" maxlength=${MAX_ANNOTATION} .value=${live(str(e.annotation))}
                    aria-invalid=${p.annotation ? "true" : "false"} aria-describedby=${describedBy("exemplar-annotation", p.annotation)}></textarea>
          <p class="hint" id="exemplar-annotation-hint">Point to the evidence in the text for the score point. A changed annotation
            needs its anonymity confirmed again.</p>
          ${p.annotation ? html`<p class="field-error" id="exemplar-annotation-error">${p.annotation}</p>` : nothing}
        </div>
        <div class="field">
          <label for="exemplar-keep-until">Keep until</label>
          <input id="exemplar-keep-until" name="exemplar-keep-until" type="date" class="input-short" .value=${live(str(e.keep_until))}
                 min=${today()} max=${latest || nothing}
                 aria-invalid=${p.keep ? "true" : "false"} aria-describedby=${describedBy("exemplar-keep-until", p.keep)}>
          <p class="hint" id="exemplar-keep-until-hint">${latest && words
            ? html`The school keeps exemplars for at most ${words}: this one until ${day(latest)} at the latest.`
            : "Within the school's retention period."} Its text is erased on that date.</p>
          ${p.keep ? html`<p class="field-error" id="exemplar-keep-until-error">${p.keep}</p>` : nothing}
        </div>
        ${messageBox("exemplar-edit-message", message)}
        <p class="actions"><button type="submit" class="button" id="exemplar-save" aria-disabled=${this.busy ? "true" : "false"}>Save</button></p>
      </form>`;
  }

  renderCheck(e, message) {
    return html`
      <section class="exemplar-check" aria-labelledby="exemplar-anonymity-heading">
        <h3 id="exemplar-anonymity-heading" tabindex="-1">Anonymity check</h3>
        <p id="exemplar-anonymity-help">Read the text and the annotation once more for names, places, or anything that identifies a
          student or a teacher; then confirm.</p>
        <p class="hint">Calibrate also looks again for the course's names, email addresses and user ids. An exemplar goes into
          an anchor set only once its anonymity is confirmed.</p>
        ${messageBox("exemplar-check-message", message)}
        ${e.anonymity_checked
          ? html`<p id="exemplar-anonymity-done">Confirmed on ${time(e.anonymity_checked_at)}.</p>`
          : html`<p class="actions"><button type="button" class="button" id="exemplar-confirm" aria-describedby="exemplar-anonymity-help"
              aria-disabled=${this.busy ? "true" : "false"} @click=${this.confirmAnonymity}>Confirm anonymity</button></p>`}
      </section>`;
  }

  renderWithdraw(message) {
    return html`
      <section class="exemplar-withdraw" aria-labelledby="exemplar-withdraw-heading">
        <h3 id="exemplar-withdraw-heading">Withdraw</h3>
        <p id="exemplar-withdraw-help">Withdrawing takes the exemplar out of the library for good and erases its text; calibration
          sets that already include it keep their copy.</p>
        ${messageBox("exemplar-withdraw-message", message)}
        ${this.confirmingWithdraw ? html`
          <div class="confirm-box" id="exemplar-withdraw-confirm" role="group" aria-labelledby="exemplar-withdraw-question">
            <p id="exemplar-withdraw-question"><strong>Withdraw this exemplar and erase its text?</strong> This cannot be undone.</p>
            <p class="actions">
              <button type="button" class="button danger" id="exemplar-withdraw-yes" aria-disabled=${this.busy ? "true" : "false"}
                      @click=${this.withdraw}>Yes, withdraw</button>
              <button type="button" class="button secondary" id="exemplar-withdraw-cancel" @click=${this.cancelWithdraw}>Cancel</button>
            </p>
          </div>`
        : html`<p class="actions"><button type="button" class="button secondary" id="exemplar-withdraw"
            aria-describedby="exemplar-withdraw-help" @click=${this.askWithdraw}>Withdraw</button></p>`}
      </section>`;
  }
}

customElements.define("calibrate-exemplars", CalibrateExemplars);
