// <calibrate-rounds>: the Rounds section. Without a sub-route: the activity this launch came from, the
// rounds the person belongs to (with what each asks of them), setting up a new round, joining one with a
// round code, the rubric library and the course roster. "#rounds/<id>/setup" opens a round for its
// moderators, "#rounds/<id>/score" the scoring workspace for its scorers, "#rounds/<id>/meeting" the
// moderation meeting for a shared screen, "#rounds/<id>/discuss/<code>" a disputed piece's discussion.
import { html, nothing } from "lit";
import { LightElement } from "./light-element.js";
import * as api from "./api.js";
import "./roster-panel.js";
import "./rubrics-panel.js";
import "./round-setup.js";
import "./discussion-view.js";
import "./scoring-page.js";
import "./meeting-view.js";
import { subRoute } from "./sections.js";
import { list, messageBox, number, str } from "./format.js";

export const PHASE_NAMES = {
  setup: "Setting up",
  calibration: "Calibration",
  scoring: "Scoring",
  moderation: "Moderation",
  finalised: "Finalised",
};

export function phaseName(phase) {
  return PHASE_NAMES[phase] || str(phase);
}

/** The route of one round's page; "setup" for moderators, "score" for scorers. */
export function roundHref(id, page) {
  return "#rounds/" + encodeURIComponent(id) + "/" + page;
}

export class CalibrateRounds extends LightElement {
  static properties = {
    me: { attribute: false },
    route: { state: true },
    data: { state: true },
    rubrics: { state: true },
    loading: { state: true },
    message: { state: true },
    createMessage: { state: true },
    joinMessage: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.me = null;
    this.route = subRoute(window.location.hash);
    this.data = null;
    this.rubrics = [];
    this.loading = true;
    this.message = null;
    this.createMessage = null;
    this.joinMessage = null;
    this.busy = false;
    this.onHashChange = () => {
      const next = subRoute(window.location.hash);
      if (next.join("/") !== this.route.join("/")) {
        this.route = next;
        this.focusHeading = true;
        if (next.length === 0) {
          this.load();
        }
      }
    };
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener("hashchange", this.onHashChange);
    if (this.route.length === 0) {
      this.load();
    }
  }

  disconnectedCallback() {
    window.removeEventListener("hashchange", this.onHashChange);
    super.disconnectedCallback();
  }

  updated() {
    if (this.focusHeading) {
      this.focusHeading = false;
      const heading = this.querySelector("[data-page-heading]") || document.getElementById("section-heading");
      if (heading) {
        heading.focus();
      }
    }
  }

  async load() {
    this.loading = true;
    try {
      const [rounds, rubrics] = await Promise.all([api.get("/api/rounds"), api.get("/api/rubrics")]);
      this.data = rounds;
      this.rubrics = list(rubrics && rubrics.rubrics);
    } catch (e) {
      this.message = { tone: "error", text: "The rounds could not be loaded: " + e.message };
    } finally {
      this.loading = false;
    }
  }

  async create(event) {
    event.preventDefault();
    const form = event.target;
    const title = form.elements["round-title"].value.trim();
    const rubric = form.elements["round-rubric"].value;
    if (title === "" || rubric === "") {
      this.createMessage = { tone: "error", text: "Give the round a title and choose its rubric." };
      (title === "" ? form.elements["round-title"] : form.elements["round-rubric"]).focus();
      return;
    }
    this.busy = true;
    try {
      const round = await api.post("/api/rounds", { title, task: form.elements["round-task"].value, rubric_id: rubric });
      window.location.hash = roundHref(round.id, "setup");
    } catch (e) {
      this.createMessage = { tone: "error", text: e.message };
    } finally {
      this.busy = false;
    }
  }

  async join(event) {
    event.preventDefault();
    const code = event.target.elements["join-code"].value.trim();
    if (code === "") {
      this.joinMessage = { tone: "error", text: "Type the round code your department head gave you." };
      return;
    }
    this.busy = true;
    try {
      const round = await api.post("/api/rounds/join", { code });
      this.joinMessage = { tone: "info", text: "You joined “" + str(round.title) + "” as a scorer." };
      event.target.reset();
      await this.load();
    } catch (e) {
      this.joinMessage = { tone: "error", text: e.message };
    } finally {
      this.busy = false;
    }
  }

  renderPlacement(placement) {
    const title = str(placement.title) || "Calibrate activity";
    return html`
      <section class="panel placement-summary" id="placement-summary" aria-labelledby="placement-heading">
        <p class="kicker">This activity in the course</p>
        <h2 id="placement-heading">${title}</h2>
        ${str(placement.description) ? html`<p id="placement-description" class="prewrap">${placement.description}</p>` : nothing}
        <p class="muted" id="placement-grading">${placement.grade_return
          ? html`Grades return to the course gradebook, out of ${number(placement.score_maximum)}.`
          : "This activity has no grade column in the course gradebook."}</p>
      </section>`;
  }

  renderYourPart(r) {
    const parts = [];
    if (r.my_queue) {
      parts.push(html`<span data-my-queue>${number(r.my_queue.submitted)} of ${number(r.my_queue.allocated)} scored</span>`);
    }
    if (r.calibration && r.calibration.required) {
      parts.push(html`<span>${r.calibration.qualified ? "calibrated" : "calibration: " + number(r.calibration.done) + " of "
        + number(r.calibration.items)}</span>`);
    }
    return parts.length ? parts.map((p, i) => html`${i ? html`<br>` : nothing}${p}`) : "—";
  }

  renderRounds() {
    const rounds = list(this.data && this.data.rounds);
    if (rounds.length === 0) {
      return html`
        <div class="empty-state" id="rounds-empty">
          <p class="empty-title">No moderation rounds in this course yet.</p>
          <p>Department heads set up rounds here: the task, the rubric, the scorers and the pieces of work, then blind
            double scoring. Rounds you are asked to score appear here too.</p>
        </div>`;
    }
    return html`
      <div class="table-wrap">
        <table class="data-table" id="rounds-table">
          <caption>Your rounds</caption>
          <thead><tr><th scope="col">Round</th><th scope="col">Phase</th><th scope="col">Your part</th>
            <th scope="col" class="num">Pieces</th><th scope="col">Open</th></tr></thead>
          <tbody>
            ${rounds.map((r) => html`
              <tr data-round=${r.id}>
                <th scope="row">${str(r.title)}</th>
                <td><span class="badge phase-${r.phase}">${phaseName(r.phase)}</span></td>
                <td>${list(r.roles).map((role) => role === "moderator" ? "Moderator" : "Scorer").join(", ")}<br>
                  <span class="cell-note">${this.renderYourPart(r)}</span></td>
                <td class="num">${number(r.pieces)}</td>
                <td class="row-actions">
                  ${list(r.roles).includes("moderator")
                    ? html`<a class="button small" href=${roundHref(r.id, "setup")} data-open-setup=${r.id}>Manage<span
                        class="visually-hidden"> ${str(r.title)}</span></a>` : nothing}
                  ${list(r.roles).includes("scorer")
                    ? html`<a class="button small secondary" href=${roundHref(r.id, "score")} data-open-score=${r.id}>Score<span
                        class="visually-hidden"> ${str(r.title)}</span></a>` : nothing}
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`;
  }

  renderCreate() {
    return html`
      <section class="panel" aria-labelledby="create-heading">
        <h2 id="create-heading">Set up a new round</h2>
        <p class="hint">You become the round's moderator. Scorers, pieces and the design come next.</p>
        <form id="round-create" @submit=${this.create} novalidate>
          <div class="field">
            <label for="round-title">Title <span class="required">(required)</span></label>
            <input id="round-title" name="round-title" maxlength="200" autocomplete="off">
          </div>
          <div class="field">
            <label for="round-task">Assessment task <span class="optional">(optional)</span></label>
            <textarea id="round-task" name="round-task" maxlength="4000"
                      aria-describedby="round-task-hint"></textarea>
            <p class="hint" id="round-task-hint">The prompt or task the students answered; scorers see it beside every piece.</p>
          </div>
          <div class="field">
            <label for="round-rubric">Rubric <span class="required">(required)</span></label>
            <select id="round-rubric" name="round-rubric">
              <option value="">Choose a rubric…</option>
              ${this.rubrics.map((r) => html`<option value=${r.id}>${str(r.title)} — ${r.kind === "holistic" ? "holistic"
                : number(r.criteria) + " criteria"}, ${str(r.range)}${r.version > 1 ? ", version " + r.version : ""}</option>`)}
            </select>
          </div>
          <p class="actions"><button class="button" id="round-create-submit" type="submit"
            aria-disabled=${this.busy ? "true" : "false"}>Create round</button></p>
          ${messageBox("round-create-message", this.createMessage)}
        </form>
      </section>`;
  }

  renderJoin() {
    return html`
      <section class="panel" aria-labelledby="join-heading">
        <h2 id="join-heading">Join a round from another course</h2>
        <form id="round-join" class="inline-form" @submit=${this.join} novalidate>
          <div class="field">
            <label for="join-code">Round code</label>
            <input id="join-code" name="join-code" class="input-short" maxlength="16" autocomplete="off" spellcheck="false">
          </div>
          <button class="button secondary" type="submit" id="join-submit">Join as scorer</button>
        </form>
        ${messageBox("join-message", this.joinMessage)}
      </section>`;
  }

  render() {
    const [id, page] = this.route;
    if (id && page === "setup") {
      return html`<calibrate-round-setup .roundId=${id}></calibrate-round-setup>`;
    }
    if (id && page === "score") {
      return html`<calibrate-scoring .roundId=${id}></calibrate-scoring>`;
    }
    if (id && page === "discuss" && this.route[2]) {
      return html`<calibrate-discussion .roundId=${id} .code=${this.route[2]}></calibrate-discussion>`;
    }
    if (id && page === "meeting") {
      return html`<calibrate-meeting .roundId=${id}></calibrate-meeting>`;
    }
    const me = this.me || {};
    const canCreate = Boolean(this.data && this.data.can_create);
    return html`
      ${me.placement ? this.renderPlacement(me.placement) : nothing}
      ${messageBox("rounds-message", this.message)}
      ${this.loading && !this.data ? html`<p class="panel-loading" role="status">Loading rounds…</p>` : this.renderRounds()}
      ${canCreate ? this.renderCreate() : nothing}
      ${this.data ? this.renderJoin() : nothing}
      ${canCreate ? html`<calibrate-rubrics @calibrate-rubrics-changed=${this.load}></calibrate-rubrics>` : nothing}
      <calibrate-roster></calibrate-roster>`;
  }
}

customElements.define("calibrate-rounds", CalibrateRounds);
