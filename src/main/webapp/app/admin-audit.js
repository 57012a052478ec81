// <calibrate-admin-audit>: the audit trail for admins — who did what, when, to what — filtered by action, actor,
// subject and dates, newest first, a hundred at a time, and as a CSV download.
import { html, nothing } from "lit";
import { LightElement } from "./light-element.js";
import * as api from "./api.js";
import { list, messageBox, str, time } from "./format.js";

const FIELDS = ["action", "actor", "subject"];

export class CalibrateAdminAudit extends LightElement {
  static properties = {
    events: { state: true },
    next: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.events = null;
    this.next = null;
    this.message = null;
    this.busy = false;
    this.filter = new URLSearchParams();
  }

  connectedCallback() {
    super.connectedCallback();
    this.load(false);
  }

  async load(more) {
    this.busy = true;
    try {
      const query = new URLSearchParams(this.filter);
      if (more && this.next) {
        query.set("before", this.next);
      }
      const page = await api.get("/api/admin/audit?" + query);
      this.events = more ? [...list(this.events), ...list(page.events)] : list(page.events);
      this.next = page.next_before || null;
      this.message = null;
    } catch (e) {
      this.message = { tone: "error", text: e.message };
    } finally {
      this.busy = false;
    }
  }

  search(event) {
    event.preventDefault();
    const f = event.target.elements;
    this.filter = new URLSearchParams();
    FIELDS.forEach((name) => f["audit-" + name].value.trim() && this.filter.set(name, f["audit-" + name].value.trim()));
    ["from", "to"].forEach((name) => f["audit-" + name].value && this.filter.set(name, f["audit-" + name].value + "T00:00:00Z"));
    this.load(false);
  }

  download() {
    api.download("/api/admin/audit/csv?" + this.filter, "calibrate-audit.csv").catch((e) => {
      this.message = { tone: "error", text: e.message };
    });
  }

  render() {
    const events = list(this.events);
    return html`
      <h2 id="audit-heading">Audit trail</h2>
      <p>Every change that matters — scores, consensus, exemplars, grades sent, imports, releases, redaction decisions, settings —
        with who made it and when. Redaction decisions name the label and position, never the words hidden.</p>
      ${messageBox("audit-message", this.message)}
      <form class="panel audit-filter" id="audit-filter" @submit=${(e) => this.search(e)}>
        <div class="inline-form">
          <div class="field"><label for="audit-action">Action starts with</label><input id="audit-action" maxlength="255" placeholder="import."></div>
          <div class="field"><label for="audit-actor">Actor</label><input id="audit-actor" maxlength="255" placeholder="member:… or system"></div>
          <div class="field"><label for="audit-subject">Subject contains</label><input id="audit-subject" maxlength="255" placeholder="round:…"></div>
          <div class="field"><label for="audit-from">From (UTC)</label><input type="date" id="audit-from"></div>
          <div class="field"><label for="audit-to">Before (UTC)</label><input type="date" id="audit-to"></div>
        </div>
        <p class="actions"><button type="submit" class="button" id="audit-search" ?disabled=${this.busy}>Show</button>
          <button type="button" class="button secondary" id="audit-csv" @click=${() => this.download()}>Download as CSV</button></p>
      </form>
      ${this.events === null ? html`<p class="loading" role="status">Loading the audit trail…</p>` : html`
        <p role="status" id="audit-count">${events.length} event${events.length === 1 ? "" : "s"} shown${this.next ? ", more below" : ""}.</p>
        <div class="table-wrap"><table class="data-table" id="audit-table">
          <caption>Audit events, newest first</caption>
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Subject</th><th scope="col">Detail</th></tr></thead>
          <tbody>${events.map((e) => html`<tr><td>${time(e.at)}</td><td><code>${str(e.actor)}</code></td><td><code>${str(e.action)}</code></td>
            <td>${str(e.subject)}</td><td>${str(e.detail)}</td></tr>`)}</tbody>
        </table></div>
        ${this.next ? html`<p class="actions"><button type="button" class="button secondary" id="audit-more" ?disabled=${this.busy}
          @click=${() => this.load(true)}>Show older events</button></p>` : nothing}`}`;
  }
}

customElements.define("calibrate-admin-audit", CalibrateAdminAudit);
