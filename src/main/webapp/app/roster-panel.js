// <calibrate-roster>: the course roster as Calibrate last read it from the LMS (Names and Role
// Provisioning Services): the teachers who can score, how many learners, and a button to read it again.
import { html, nothing } from "lit";
import { LightElement } from "./light-element.js";
import * as api from "./api.js";
import { list, messageBox, str, time } from "./format.js";

function plural(n, one, many) {
  return n + " " + (n === 1 ? one : many);
}

export class CalibrateRoster extends LightElement {
  static properties = {
    roster: { state: true },
    loading: { state: true },
    syncing: { state: true },
    message: { state: true },
  };

  constructor() {
    super();
    this.roster = null;
    this.loading = true;
    this.syncing = false;
    this.message = null;
    this.controller = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  disconnectedCallback() {
    if (this.controller) {
      this.controller.abort();
    }
    super.disconnectedCallback();
  }

  async load() {
    this.controller = new AbortController();
    this.loading = true;
    try {
      this.roster = await api.get("/api/course/roster", { signal: this.controller.signal });
    } catch (e) {
      if (e.name === "AbortError") {
        return;
      }
      this.message = { tone: "error", text: "The course roster could not be loaded: " + e.message };
    } finally {
      this.loading = false;
    }
  }

  async sync() {
    if (this.syncing) {
      return;
    }
    this.syncing = true;
    this.message = { tone: "info", text: "Reading the roster from the LMS…" };
    try {
      const result = await api.post("/api/course/roster/sync");
      this.roster = result;
      const read = Number.isInteger(result.members_read) ? result.members_read : null;
      this.message = {
        tone: "info",
        text: "Roster synced" + (read === null ? "." : ": " + plural(read, "member", "members") + " read from the LMS"
          + (result.incremental ? " (changes since the last sync)." : ".")),
      };
      this.dispatchEvent(new CustomEvent("calibrate-roster-synced", { bubbles: true, composed: true, detail: result }));
    } catch (e) {
      this.message = {
        tone: "error",
        text: e.message,
        detail: e.code === "roster_unavailable" ? "The roster Calibrate already has stays as it was." : null,
      };
    } finally {
      this.syncing = false;
    }
  }

  render() {
    const r = this.roster;
    const teachers = r ? list(r.teachers) : [];
    const learners = r && Number.isFinite(r.learner_count) ? r.learner_count : 0;
    return html`
      <section class="panel" id="roster" aria-labelledby="roster-heading">
        <h2 id="roster-heading">Course roster</h2>
        ${this.loading && !r ? html`<p class="panel-loading" role="status">Loading the roster…</p>` : nothing}
        ${r ? html`
          ${r.service_offered ? nothing : html`
            <p class="note" id="roster-no-service">The LMS offers no roster service (Names and Role Provisioning Services)
              for this course, so Calibrate knows only the people who have launched it. An admin enables the service
              for the tool in the LMS.</p>`}
          <div class="roster-facts">
            <div>
              <p id="roster-teacher-count" class="fact"><span class="fact-label">Scorers available:</span>
                ${plural(teachers.length, "teacher", "teachers")}</p>
              ${teachers.length ? html`
                <ul id="roster-teachers" class="plain-list" aria-label="Teachers who can score">
                  ${teachers.map((t) => html`<li data-user-id=${str(t.user_id)}>
                    <span class="person-name">${str(t.name) || str(t.user_id)}</span>
                    ${str(t.email) ? html` <span class="muted">${t.email}</span>` : nothing}</li>`)}
                </ul>` : html`<p class="muted">No teachers in the roster yet. Sync the roster to read them from the LMS.</p>`}
            </div>
            <div>
              <p id="roster-learner-count" class="fact"><span class="fact-label">Learners:</span> ${learners}</p>
              <p class="muted">Learners are only counted here; Calibrate keeps their names out of scoring.</p>
            </div>
          </div>
          <p id="roster-synced" class="muted">${str(r.synced_at) ? html`Last synced ${time(r.synced_at)}` : "Never synced with the LMS."}</p>
        ` : nothing}
        <p class="actions">
          <button type="button" id="roster-sync" class="button secondary" aria-disabled=${this.syncing ? "true" : "false"}
                  @click=${this.sync}>${this.syncing ? "Syncing…" : "Sync roster"}</button>
        </p>
        ${messageBox("roster-message", this.message)}
      </section>`;
  }
}

customElements.define("calibrate-roster", CalibrateRoster);
