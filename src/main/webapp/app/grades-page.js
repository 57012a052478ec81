// <calibrate-grades>: grade return for this placement (LTI Assignment and Grade Services 2.0): every
// score Calibrate has queued for the course gradebook with its delivery state, and a form to send one.
import { html, nothing } from "lit";
import { LightElement } from "./light-element.js";
import { repeat } from "lit/directives/repeat.js";
import * as api from "./api.js";
import { list, messageBox, number, score, str, time } from "./format.js";

const POLL_MS = 5000;
const MAX_COMMENT = 4000;

/** What each state means, listed under the table (the badge itself carries the state as text). */
const STATES = [
  ["pending", "waiting to be sent, or being sent now"],
  ["sent", "in the course gradebook"],
  ["failed", "the LMS refused it or could not be reached; Calibrate stopped trying"],
  ["superseded", "replaced by a newer score for the same learner"],
];

export class CalibrateGrades extends LightElement {
  static properties = {
    me: { attribute: false },
    data: { state: true },
    loading: { state: true },
    refusal: { state: true }, // a calm page-level answer: {tone, text}
    message: { state: true }, // list-level status and errors
    formMessage: { state: true },
    problems: { state: true },
    sending: { state: true },
    retrying: { state: true }, // id of the item being retried
    syncing: { state: true },
  };

  constructor() {
    super();
    this.me = null;
    this.data = null;
    this.loading = true;
    this.refusal = null;
    this.message = null;
    this.formMessage = null;
    this.problems = {};
    this.sending = false;
    this.retrying = null;
    this.syncing = false;
    this.timer = null;
    this.controller = null;
    this.active = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.active = true;
    this.load();
  }

  disconnectedCallback() {
    // Leaving the section stops the polling and any answer still on its way.
    this.active = false;
    clearTimeout(this.timer);
    this.timer = null;
    if (this.controller) {
      this.controller.abort();
    }
    super.disconnectedCallback();
  }

  get items() {
    return this.data ? list(this.data.items) : [];
  }

  get learners() {
    return this.data ? list(this.data.learners) : [];
  }

  /** Reads the outbox; quiet=true for the background refresh (announces only changes of state). */
  async load(quiet = false) {
    clearTimeout(this.timer);
    this.timer = null;
    if (this.controller) {
      this.controller.abort();
    }
    const controller = new AbortController();
    this.controller = controller;
    if (!quiet) {
      this.loading = true;
    }
    try {
      const data = await api.get("/api/placement/grades", { signal: controller.signal });
      if (!this.active || controller.signal.aborted) {
        return;
      }
      if (quiet) {
        this.announceChanges(this.items, list(data && data.items));
      }
      this.data = data && typeof data === "object" ? data : { items: [], learners: [] };
      this.refusal = null;
    } catch (e) {
      if (e.name === "AbortError" || !this.active) {
        return;
      }
      if (e.status === 403 || e.status === 404) {
        this.refusal = { tone: "info", text: e.message };
        this.data = null;
      } else {
        this.message = { tone: "error", text: "The grades could not be loaded: " + e.message };
      }
    } finally {
      if (this.controller === controller) {
        this.controller = null;
        this.loading = false;
        this.schedule();
      }
    }
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = null;
    if (this.active && this.items.some((i) => i.state === "pending")) {
      this.timer = setTimeout(() => this.load(true), POLL_MS);
    }
  }

  announceChanges(before, after) {
    const was = new Map(before.map((i) => [i.id, i.state]));
    const changed = after.filter((i) => was.has(i.id) && was.get(i.id) === "pending" && i.state !== "pending");
    if (changed.length > 0) {
      this.message = {
        tone: "info",
        text: changed.map((i) => "Score for " + (str(i.learner_name) || str(i.user_id)) + ": " + i.state + ".").join(" "),
      };
    }
  }

  async retry(item) {
    if (this.retrying !== null) {
      return;
    }
    this.retrying = item.id;
    try {
      await api.post("/api/placement/grades/" + encodeURIComponent(item.id) + "/retry", { version: item.version });
      this.message = { tone: "info", text: "Sending the score for " + (str(item.learner_name) || str(item.user_id)) + " again." };
    } catch (e) {
      this.message = {
        tone: "error",
        text: e.message,
        detail: e.status === 409 ? "The list below now shows the score as it is." : null,
      };
    } finally {
      this.retrying = null;
    }
    await this.load(true);
  }

  async syncRoster() {
    if (this.syncing) {
      return;
    }
    this.syncing = true;
    this.message = { tone: "info", text: "Reading the roster from the LMS…" };
    try {
      await api.post("/api/course/roster/sync");
      this.message = { tone: "info", text: "Roster synced." };
      await this.load(true);
      if (this.learners.length === 0) {
        this.message = { tone: "info", text: "Roster synced, but the LMS lists no active learners in this course." };
      }
    } catch (e) {
      this.message = { tone: "error", text: e.message };
    } finally {
      this.syncing = false;
    }
  }

  async send(event) {
    event.preventDefault();
    if (this.sending) {
      return;
    }
    const max = this.data.score_maximum;
    const learner = this.querySelector("#grade-learner").value;
    const scoreField = this.querySelector("#grade-score");
    const comment = this.querySelector("#grade-comment").value;
    const given = scoreField.value.trim() === "" ? NaN : Number(scoreField.value);
    const problems = {};
    if (!learner) {
      problems.learner = "Choose the learner.";
    }
    if (!Number.isFinite(given) || given < 0 || given > max) {
      problems.score = "Enter a score from 0 to " + number(max) + ".";
    }
    if (comment.length > MAX_COMMENT) {
      problems.comment = "Shorten the comment to " + MAX_COMMENT + " characters or fewer (it has " + comment.length + ").";
    }
    this.problems = problems;
    const wrong = Object.keys(problems);
    if (wrong.length > 0) {
      this.formMessage = { tone: "error", text: "Check the score before sending it.", items: Object.values(problems) };
      await this.updateComplete;
      this.querySelector({ learner: "#grade-learner", score: "#grade-score", comment: "#grade-comment" }[wrong[0]]).focus();
      return;
    }
    this.sending = true;
    this.formMessage = { tone: "info", text: "Sending…" };
    try {
      const item = await api.post("/api/placement/grades", {
        user_id: learner,
        score_given: given,
        comment: comment.trim() === "" ? null : comment,
      });
      const name = (item && str(item.learner_name)) || this.learnerName(learner);
      this.formMessage = { tone: "info", text: "Score " + score(given, max) + " for " + name + " is on its way to the gradebook." };
      scoreField.value = "";
      this.querySelector("#grade-comment").value = "";
    } catch (e) {
      this.formMessage = { tone: "error", text: e.message };
    } finally {
      this.sending = false;
    }
    await this.load(true);
  }

  learnerName(userId) {
    const l = this.learners.find((x) => x.user_id === userId);
    return (l && str(l.name)) || userId;
  }

  render() {
    if (this.refusal) {
      return html`${messageBox("grades-refusal", this.refusal)}`;
    }
    if (!this.data) {
      return html`
        ${this.loading ? html`<p class="panel-loading" role="status">Loading the grades…</p>` : nothing}
        ${messageBox("grades-message", this.message)}
        ${this.loading ? nothing : html`<p><button type="button" class="button secondary" @click=${() => this.load()}>Try again</button></p>`}`;
    }
    const d = this.data;
    return html`
      <p class="lead" id="grades-intro">Scores for <strong>${str(d.title) || "this activity"}</strong>, out of ${number(d.score_maximum)},
        go from Calibrate to the course gradebook. Calibrate keeps trying while the LMS is busy or unreachable.</p>
      ${d.grade_service ? nothing : html`
        <div id="grades-no-service" class="message message-info" role="status">
          <p class="message-text">The LMS offers no gradebook service here; an admin enables Assignment and Grade Services for the tool.</p>
        </div>`}
      ${messageBox("grades-message", this.message)}
      ${d.grade_service ? this.renderSendForm(d) : nothing}
      ${this.renderTable(d)}`;
  }

  renderSendForm(d) {
    const p = this.problems;
    const learners = this.learners;
    if (learners.length === 0) {
      return html`
        <section class="panel" aria-labelledby="grade-form-heading">
          <h2 id="grade-form-heading">Send a score</h2>
          <p id="grades-no-learners">Calibrate has no learners for this course yet: it reads them from the course roster.</p>
          <p class="actions"><button type="button" id="grades-roster-sync" class="button secondary"
              aria-disabled=${this.syncing ? "true" : "false"} @click=${this.syncRoster}>${this.syncing ? "Syncing…" : "Sync roster"}</button></p>
        </section>`;
    }
    const describedBy = (id, problem) => (problem ? id + "-hint " + id + "-error" : id + "-hint");
    return html`
      <section class="panel" aria-labelledby="grade-form-heading">
        <h2 id="grade-form-heading">Send a score</h2>
        <form id="grade-form" novalidate @submit=${this.send}>
          ${messageBox("grade-form-message", this.formMessage)}
          <div class="field-row">
            <div class="field">
              <label for="grade-learner">Learner</label>
              <select id="grade-learner" name="user_id" aria-invalid=${p.learner ? "true" : "false"}
                      aria-describedby=${describedBy("grade-learner", p.learner)}>
                <option value="">Choose a learner</option>
                ${learners.map((l) => html`<option value=${str(l.user_id)}>${str(l.name) || str(l.user_id)}</option>`)}
              </select>
              <p id="grade-learner-hint" class="hint">${learners.length} ${learners.length === 1 ? "learner" : "learners"} in the course roster.</p>
              ${p.learner ? html`<p id="grade-learner-error" class="field-error">${p.learner}</p>` : nothing}
            </div>
            <div class="field">
              <label for="grade-score">Score</label>
              <input id="grade-score" name="score_given" type="number" inputmode="decimal" min="0" max=${d.score_maximum}
                     step="any" class="input-short" aria-invalid=${p.score ? "true" : "false"}
                     aria-describedby=${describedBy("grade-score", p.score)}>
              <p id="grade-score-hint" class="hint">From 0 to ${number(d.score_maximum)}.</p>
              ${p.score ? html`<p id="grade-score-error" class="field-error">${p.score}</p>` : nothing}
            </div>
          </div>
          <div class="field">
            <label for="grade-comment">Comment <span class="optional">(optional)</span></label>
            <textarea id="grade-comment" name="comment" rows="3" maxlength=${MAX_COMMENT}
                      aria-invalid=${p.comment ? "true" : "false"} aria-describedby=${describedBy("grade-comment", p.comment)}></textarea>
            <p id="grade-comment-hint" class="hint">The learner sees it with the grade in the LMS.</p>
            ${p.comment ? html`<p id="grade-comment-error" class="field-error">${p.comment}</p>` : nothing}
          </div>
          <div class="actions">
            <button id="grade-send" type="submit" class="button" aria-disabled=${this.sending ? "true" : "false"}>
              ${this.sending ? "Sending…" : "Send score"}</button>
          </div>
        </form>
      </section>`;
  }

  renderTable() {
    const items = this.items;
    const polling = items.some((i) => i.state === "pending");
    return html`
      <section class="panel" aria-labelledby="grades-list-heading">
        <h2 id="grades-list-heading">Scores for the gradebook</h2>
        ${items.length === 0 ? html`<p id="grades-empty" class="muted">No scores sent from this activity yet.</p>` : html`
          <p class="muted" id="grades-refresh-note">${polling
            ? "Some scores are still on their way; this list refreshes every 5 seconds."
            : "Every score has reached an end state."}</p>
          <div class="table-wrap">
            <table id="grades-table" class="data-table">
              <caption class="visually-hidden">Scores queued for the course gradebook, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Learner</th>
                  <th scope="col">Score</th>
                  <th scope="col">State</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Last error</th>
                  <th scope="col">Sent</th>
                  <th scope="col"><span class="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                ${repeat(items, (i) => i.id, (i) => this.renderRow(i))}
              </tbody>
            </table>
          </div>
          <p class="muted legend" id="grades-legend">${STATES.map(([state, meaning], n) => html`${n ? "; " : ""}<span class="legend-term">${state}</span>: ${meaning}`)}.</p>`}
      </section>`;
  }

  renderRow(i) {
    const state = str(i.state) || "unknown";
    const name = str(i.learner_name) || str(i.user_id);
    return html`
      <tr data-grade-id=${i.id}>
        <th scope="row">${name}${str(i.comment) ? html`<span class="cell-note">“${i.comment}”</span>` : nothing}</th>
        <td class="num">${score(i.score_given, i.score_maximum)}</td>
        <td data-state=${state}><span class="badge badge-${state.replace(/[^a-z]/g, "")}">${state}</span></td>
        <td class="num">${Number.isFinite(i.attempts) ? i.attempts : "—"}${state === "pending" && str(i.next_attempt_at)
          ? html`<span class="cell-note">next try ${time(i.next_attempt_at)}</span>` : nothing}</td>
        <td>${str(i.last_error) || html`<span class="muted">none</span>`}</td>
        <td>${time(i.sent_at, "not yet")}</td>
        <td>${state === "failed" ? html`
          <button type="button" class="button small" data-retry=${i.id} aria-disabled=${this.retrying === i.id ? "true" : "false"}
                  aria-label=${"Send again: score for " + name} @click=${() => this.retry(i)}>
            ${this.retrying === i.id ? "Sending…" : "Send again"}</button>` : nothing}</td>
      </tr>`;
  }
}

customElements.define("calibrate-grades", CalibrateGrades);
