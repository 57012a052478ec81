// <calibrate-finalise>: finalising a round for its moderators — what still waits, finalising (final scores frozen,
// each student's grade queued for the gradebook), each student's grade on its way (pending, sent, failed and why,
// with retry), and reopening with a reason. The one page where students' names appear, beside their grades only.
import { html, nothing } from "lit";
import { LightElement } from "./light-element.js";
import * as api from "./api.js";
import { list, messageBox, number, str, time } from "./format.js";

const STATES = { pending: "Waiting to send", sent: "In the gradebook", failed: "Failed", superseded: "Replaced by a newer grade", not_queued: "Not sent" };
const POLL_MS = 4000;

export class CalibrateFinalise extends LightElement {
  static properties = {
    roundId: { attribute: false },
    data: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.roundId = null;
    this.data = null;
    this.message = null;
    this.busy = false;
    this.timer = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  disconnectedCallback() {
    clearTimeout(this.timer);
    super.disconnectedCallback();
  }

  get base() {
    return "/api/rounds/" + encodeURIComponent(this.roundId) + "/final";
  }

  async load() {
    clearTimeout(this.timer);
    try {
      this.data = await api.get(this.base);
      // While grades are on their way, their states are read again every few seconds.
      if (list(this.data.grades).some((g) => g.state === "pending") && this.isConnected) {
        this.timer = setTimeout(() => this.load(), POLL_MS);
      }
    } catch (e) {
      this.message = { tone: "error", text: e.message };
    }
  }

  async act(what, call, done) {
    if (this.busy) {
      return;
    }
    this.busy = true;
    try {
      this.data = await call();
      this.message = { tone: "info", text: done };
      this.dispatchEvent(new CustomEvent("calibrate-round-changed", { bubbles: true }));
      this.load();
    } catch (e) {
      this.message = {
        tone: "error", text: what + ": " + e.message, items: e.problems,
        detail: e.status === 409 && e.code === "conflict" ? "The round changed meanwhile; the page now shows its current state." : null,
      };
      this.load();
    } finally {
      this.busy = false;
    }
  }

  finalise(event) {
    event.preventDefault();
    const returnGrades = event.target.elements["final-return"].checked;
    this.act("The round was not finalised", () => api.post(this.base + "/finalise", {
      lock_version: this.data.rules.lock_version, return_grades: returnGrades,
    }), returnGrades ? "The round is finalised; the grades are on their way to the gradebook." : "The round is finalised.");
  }

  reopen(event) {
    event.preventDefault();
    this.act("The round was not reopened", () => api.post(this.base + "/reopen", {
      lock_version: this.data.rules.lock_version, reason: event.target.elements["reopen-reason"].value,
    }), "The round is open for moderation again. Grades already in the gradebook stay until you finalise again.");
  }

  retry(g) {
    this.act("The grade was not queued again", () => api.post(this.base + "/grades/" + encodeURIComponent(g.item_id) + "/retry", { version: g.version }),
      "Queued again.");
  }

  codes(what, codes) {
    return list(codes).length ? html`<li>${what}: ${list(codes).slice(0, 20).join(", ")}${list(codes).length > 20 ? " …" : ""}</li>` : nothing;
  }

  renderReadiness(d) {
    const r = d.readiness;
    return html`
      <section class="panel" aria-labelledby="final-ready-heading">
        <h3 id="final-ready-heading">Final scores</h3>
        <p id="final-counts">${number(r.pieces)} pieces: ${number(r.settled)} settled by their scores and the round's rules,
          ${number(r.resolved)} decided by the moderators.</p>
        ${r.ready ? html`<p id="final-ready">Every piece has its final score.</p>` : html`
          <ul id="final-waiting">${this.codes("Waiting for a decision", r.waiting)}${this.codes("With a third scorer", r.adjudicating)}
            ${this.codes("Not scored", r.unscored)}</ul>`}
        <form @submit=${(e) => this.finalise(e)}>
          <div class="check"><input type="checkbox" id="final-return" ?disabled=${!r.gradebook} .checked=${r.gradebook}>
            <label for="final-return">Return each student's grade to the gradebook</label></div>
          ${r.gradebook ? nothing : html`<p class="hint">This round is not tied to a Calibrate activity with a gradebook column,
            so grades stay here.</p>`}
          <p class="hint">Finalising freezes every final score and closes the round's discussions. A moderator can reopen it, with a reason.</p>
          <p class="actions"><button class="button" type="submit" id="final-submit" ?disabled=${!r.ready || this.busy}>Finalise the round</button></p>
        </form>
      </section>`;
  }

  renderGrades(d) {
    const grades = list(d.grades);
    return html`
      <section class="panel" aria-labelledby="final-grades-heading">
        <h3 id="final-grades-heading">Grades</h3>
        ${grades.length ? html`<div class="table-wrap"><table class="data-table" id="final-grades">
          <caption>Each student's grade and where it stands</caption>
          <thead><tr><th scope="col">Student</th><th scope="col" class="num">Grade</th><th scope="col">State</th><th scope="col">Details</th></tr></thead>
          <tbody>${grades.map((g) => html`<tr data-grade-state=${g.state}>
            <th scope="row">${str(g.name) || g.user_id}</th>
            <td class="num">${number(g.score_given)} / ${number(g.score_maximum)}</td>
            <td>${STATES[g.state] || g.state}${g.sent_at ? html`<br><span class="cell-note">${time(g.sent_at)}</span>` : nothing}</td>
            <td>${str(g.last_error) ? html`<span class="cell-note">${g.last_error}</span>` : nothing}
              ${g.state === "failed" ? html`<button type="button" class="button small secondary" @click=${() => this.retry(g)}>Send again<span
                class="visually-hidden"> for ${str(g.name) || g.user_id}</span></button>` : nothing}</td></tr>`)}</tbody>
        </table></div>` : html`<p class="muted">No grade to return: the pieces were added without their students.</p>`}
      </section>`;
  }

  renderReopen() {
    return html`
      <form class="panel" id="reopen-form" @submit=${(e) => this.reopen(e)} aria-labelledby="reopen-heading">
        <h3 id="reopen-heading">Reopen the round</h3>
        <div class="field"><label for="reopen-reason">Why (kept in the round's history)</label>
          <textarea id="reopen-reason" maxlength="2000" required></textarea></div>
        <p class="actions"><button class="button secondary" type="submit" id="reopen-submit">Reopen for moderation</button></p>
      </form>`;
  }

  render() {
    const d = this.data;
    if (!d) {
      return html`${messageBox("final-message", this.message)}${this.message ? nothing : html`<p class="panel-loading" role="status">Loading…</p>`}`;
    }
    const finalised = d.rules.phase === "finalised";
    return html`
      ${messageBox("final-message", this.message)}
      ${finalised ? html`<p id="final-done">Finalised ${time(d.rules.finalised_at)}.</p>` : this.renderReadiness(d)}
      ${finalised ? this.renderGrades(d) : nothing}
      ${finalised ? this.renderReopen() : nothing}`;
  }
}

customElements.define("calibrate-finalise", CalibrateFinalise);
