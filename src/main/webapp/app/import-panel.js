// <calibrate-imports>: bringing submissions into a round in setup — the demo LMS's assignment, an LMS export ZIP,
// a Moodle assignment, the submissions an Asset Processor platform (Canvas) sent, one student's file — and each import's progress: a bar (done of total), its outcome
// counts, every failed submission with its reason, and Resume for an import that stopped. Items are shown by
// position and piece code, never by name.
import { html, nothing } from "lit";
import { LightElement } from "./light-element.js";
import * as api from "./api.js";
import { list, messageBox, number, str, time } from "./format.js";

const STATES = { queued: "Waiting to start", listing: "Asking the source what there is", running: "Importing",
  stopped: "Stopped", done: "Finished" };
const ITEM_STATES = { pending: "Waiting", added: "Added", updated: "Changed (resubmitted)", unchanged: "Already in the round",
  failed: "Failed" };
const POLL_MS = 1500;

export class CalibrateImports extends LightElement {
  static properties = {
    roundId: { attribute: false },
    data: { state: true },
    learners: { state: true },
    assignments: { state: true },
    assets: { state: true },
    details: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.roundId = null;
    this.data = null;
    this.learners = null;
    this.assignments = null;
    this.assets = null;
    this.details = {};
    this.message = null;
    this.busy = false;
    this.timer = null;
    this.running = new Set();
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
    return "/api/rounds/" + encodeURIComponent(this.roundId) + "/imports";
  }

  async load() {
    clearTimeout(this.timer);
    try {
      this.data = await api.get(this.base);
      const active = list(this.data.imports).filter((j) => !["done", "stopped"].includes(j.state));
      // An import that just ended changed the round's pieces: the setup reloads them.
      const ended = [...this.running].filter((id) => !active.some((j) => j.id === id));
      this.running = new Set(active.map((j) => j.id));
      if (ended.length) {
        if (!active.length && this.message && this.message.tone === "info") {
          this.message = { tone: "info", text: "The import has ended: its outcome is below." };
        }
        this.dispatchEvent(new CustomEvent("calibrate-pieces-changed", { bubbles: true }));
        ended.filter((id) => this.details[id]).forEach((id) => this.loadDetail(id));
      }
      // While an import runs, its progress is read again every moment.
      if (active.length && this.isConnected) {
        this.timer = setTimeout(() => this.load(), POLL_MS);
      }
    } catch (e) {
      this.message = { tone: "error", text: e.message };
    }
  }

  async loadDetail(id) {
    try {
      this.details = { ...this.details, [id]: await api.get(this.base + "/" + encodeURIComponent(id)) };
    } catch (e) {
      this.message = { tone: "error", text: e.message };
    }
  }

  toggle(id) {
    if (this.details[id]) {
      const { [id]: _, ...rest } = this.details;
      this.details = rest;
    } else {
      this.loadDetail(id);
    }
  }

  async act(what, call, done) {
    if (this.busy) {
      return null;
    }
    this.busy = true;
    try {
      const r = await call();
      this.message = { tone: "info", text: done };
      // An import that ends before the next read still tells the setup to reload its pieces.
      if (r && r.id) {
        this.running.add(r.id);
      }
      this.load();
      return r;
    } catch (e) {
      this.message = { tone: "error", text: what + ": " + e.message, items: e.problems };
      return null;
    } finally {
      this.busy = false;
    }
  }

  async loadLearners() {
    if (!this.learners) {
      try {
        this.learners = (await api.get(this.base + "/learners")).learners;
      } catch (e) {
        this.message = { tone: "error", text: e.message };
      }
    }
  }

  async loadAssignments() {
    try {
      this.assignments = (await api.get(this.base + "/moodle/assignments")).assignments;
      this.message = null;
    } catch (e) {
      this.message = { tone: "error", text: "Moodle's assignments could not be read: " + e.message };
    }
  }

  async loadAssets() {
    try {
      this.assets = await api.get(this.base + "/assets");
    } catch (e) {
      this.message = { tone: "error", text: "The LMS's submissions could not be read: " + e.message };
    }
  }

  async registerHandler() {
    const r = await this.act("The LMS did not take Calibrate's notice handler", () => api.post(this.base + "/assets/handler"),
      "The LMS sends each submission to Calibrate from now on; submissions already handed in arrive as the LMS sends them.");
    if (r) {
      this.assets = r;
    }
  }

  importAssets(event) {
    event.preventDefault();
    const id = event.target.elements["asset-activity"].value;
    this.act("The activity's submissions were not imported", () => api.post(this.base + "/assets", { activity_id: id }),
      "The activity's submissions are being imported.");
  }

  renderAssets() {
    const a = this.assets;
    if (!a) {
      return html`<p class="actions"><button type="button" class="button secondary" id="assets-load" @click=${() => this.loadAssets()}>
        Show what the LMS sent</button></p>`;
    }
    if (!a.offered) {
      return html`<p class="hint" id="assets-not-offered">This course's LMS did not offer submission notices in its latest launch.
        Canvas offers them when Calibrate is attached to an assignment as a document processor; Moodle does not
        (use "From Moodle" or an export instead).</p>`;
    }
    const activities = list(a.activities);
    return html`
      <p id="assets-handler">${a.handler_registered_at
        ? html`The LMS sends submissions to Calibrate (set up ${time(a.handler_registered_at)}).`
        : "Calibrate is not yet receiving this LMS's submissions."}</p>
      <p class="actions"><button type="button" class="button secondary" id="assets-register" ?disabled=${this.busy}
        @click=${() => this.registerHandler()}>${a.handler_registered_at ? "Set up again" : "Receive submissions from the LMS"}</button>
        <button type="button" class="button secondary" id="assets-refresh" @click=${() => this.loadAssets()}>Check for new submissions</button></p>
      ${activities.length ? html`<form id="assets-form" @submit=${(e) => this.importAssets(e)}>
          <div class="field"><label for="asset-activity">Activity</label>
            <select id="asset-activity">${activities.map((x) => html`<option value=${x.id}>${str(x.title) || x.id} — ${number(x.students)}
              ${x.students === 1 ? "student" : "students"}, latest ${time(x.latest_at)}</option>`)}</select></div>
          <p class="actions"><button type="submit" class="button" id="assets-import" ?disabled=${this.busy}>Import the activity's submissions</button></p>
        </form>`
        : html`<p class="hint">No submissions have arrived from this course yet.</p>`}`;
  }

  importMoodle(event) {
    event.preventDefault();
    const f = event.target.elements;
    const id = Number(f["moodle-assignment"].value);
    this.act("The Moodle assignment was not imported", () => api.post(this.base + "/moodle",
      { assignment_id: id, drafts: f["moodle-drafts"].checked }), "The Moodle assignment is being imported.");
  }

  upload(event) {
    event.preventDefault();
    const f = event.target.elements;
    const pasted = f["upload-text"].value;
    // Pasted text goes the way of a file (a plain-text one), so it is anonymised, linked and audited alike.
    const file = f["upload-file"].files[0] || (pasted.trim() ? new Blob([pasted], { type: "text/plain" }) : null);
    if (!file) {
      this.message = { tone: "error", text: "Choose the student's file or paste the text first." };
      return;
    }
    const query = new URLSearchParams({ name: file.name || "pasted-text.txt" });
    if (f["upload-learner"].value) {
      query.set("learner", f["upload-learner"].value);
    }
    if (f["upload-origin"].value.trim()) {
      query.set("origin", f["upload-origin"].value.trim());
    }
    this.act("The file was not taken", () => api.post(this.base + "/upload?" + query, undefined,
      { raw: file, contentType: "application/octet-stream" }), "The file is being imported.").then((r) => r && event.target.reset());
  }

  uploadZip(event) {
    event.preventDefault();
    const file = event.target.elements["zip-file"].files[0];
    if (!file) {
      this.message = { tone: "error", text: "Choose the ZIP your LMS made first." };
      return;
    }
    this.act("The ZIP was not taken", () => api.post(this.base + "/zip?" + new URLSearchParams({ name: file.name }), undefined,
      { raw: file, contentType: "application/zip" }), "The ZIP is being imported.").then((r) => r && event.target.reset());
  }

  renderJob(j) {
    const d = this.details[j.id];
    const failed = d ? list(d.items).filter((i) => i.state === "failed") : [];
    return html`<li class="import-job panel" data-import=${j.id}>
      <h4>${str(j.label)} <span class="muted">· ${time(j.created_at)}</span></h4>
      <p><span class="badge ${j.state === "stopped" ? "warn" : j.state === "done" ? "ok" : ""}">${STATES[j.state] || j.state}</span>
        ${number(j.finished)} of ${j.total ? number(j.total) : "…"} submissions</p>
      <progress max=${Math.max(1, j.total)} value=${j.finished} aria-label=${"Progress of " + str(j.label)}></progress>
      <p class="import-counts">${number(j.added)} added · ${number(j.updated)} changed · ${number(j.unchanged)} already in the round ·
        <span class=${j.failed ? "warn-text" : ""}>${number(j.failed)} failed</span></p>
      ${j.message ? html`<p class="message message-error">${j.message}</p>` : nothing}
      <p class="actions">
        <button type="button" class="button secondary" aria-expanded=${d ? "true" : "false"} @click=${() => this.toggle(j.id)}>
          ${d ? "Hide the submissions" : "Show each submission"}</button>
        ${j.state === "stopped" || (j.state === "done" && j.failed)
          ? html`<button type="button" class="button" @click=${() => this.act("The import was not resumed",
            () => api.post(this.base + "/" + encodeURIComponent(j.id) + "/resume"), "The import goes on.")}>
            ${j.state === "stopped" ? "Resume" : "Try the failed ones again"}</button>` : nothing}
      </p>
      ${d ? html`${failed.length ? html`<p>${failed.length} failed: each says why.</p>` : nothing}
        <div class="table-wrap"><table class="data-table">
        <caption>Submissions of this import</caption>
        <thead><tr><th scope="col" class="num">#</th><th scope="col">Outcome</th><th scope="col">Piece</th><th scope="col">Reason</th></tr></thead>
        <tbody>${list(d.items).map((i) => html`<tr class=${i.state === "failed" ? "row-warn" : ""}><td class="num">${i.position}</td>
          <td>${ITEM_STATES[i.state] || i.state}</td><td>${i.piece ? html`<code>${i.piece}</code>` : "—"}</td><td>${str(i.reason) || "—"}</td></tr>`)}</tbody>
      </table></div>` : nothing}
    </li>`;
  }

  render() {
    const jobs = list(this.data && this.data.imports);
    const mib = (b) => Math.round(b / (1024 * 1024));
    return html`<section aria-labelledby="imports-heading" id="imports">
      <h3 id="imports-heading">Import submissions</h3>
      <p class="hint">Each submission becomes a piece with a random code; whose work it is stays apart and is used only to
        return grades. Importing again adds new or changed work and never the same work twice.</p>
      ${messageBox("imports-message", this.message)}
      ${jobs.length ? html`<ul class="import-jobs" aria-label="Imports">${jobs.map((j) => this.renderJob(j))}</ul>` : nothing}
      <p class="actions"><button type="button" class="button secondary" id="import-demo" ?disabled=${this.busy}
        @click=${() => this.act("The demo assignment was not imported", () => api.post(this.base + "/demo"),
          "The demo LMS's assignment is being imported.")}>Import the demo LMS's assignment</button></p>
      <details class="panel import-source" id="moodle-source">
        <summary>From Moodle</summary>
        <form id="moodle-form" @submit=${(e) => this.importMoodle(e)}>
          <p class="hint">The course's assignments, through the web service your Moodle admin set up. The latest attempt of
            each student (or group) comes in.</p>
          ${this.assignments ? html`
            <div class="field"><label for="moodle-assignment">Assignment</label>
              <select id="moodle-assignment">${list(this.assignments).map((a) => html`<option value=${a.id}>${a.name}${a.team
                ? " (group)" : ""}</option>`)}</select></div>
            <div class="check"><input type="checkbox" id="moodle-drafts">
              <label for="moodle-drafts">Also take drafts not yet submitted</label></div>
            <p class="actions"><button type="submit" class="button" id="moodle-import" ?disabled=${this.busy || !this.assignments.length}>
              Import the assignment</button></p>`
            : html`<p class="actions"><button type="button" class="button secondary" id="moodle-load" @click=${() => this.loadAssignments()}>
              Show the course's Moodle assignments</button></p>`}
        </form>
      </details>
      <details class="panel import-source" id="assets-source" @toggle=${(e) => e.target.open && !this.assets && this.loadAssets()}>
        <summary>Sent by the LMS (Asset Processor)</summary>
        <p class="hint">LMSs with the LTI Asset Processor (Canvas) send each submission as it is handed in. The latest attempt
          of each student comes in; the files are fetched from the LMS with Calibrate's own credentials.</p>
        ${this.renderAssets()}
      </details>
      <details class="panel import-source" id="zip-source">
        <summary>An LMS export (ZIP)</summary>
        <form id="zip-form" @submit=${(e) => this.uploadZip(e)}>
          <p class="hint">Moodle: Assignment → View all submissions → Download all submissions. Canvas: Assignment →
            Download submissions. Students are matched to the roster by the names in the file names. At most
            ${this.data ? mib(this.data.max_import_bytes) : "…"} MiB.</p>
          <div class="field"><label for="zip-file">ZIP file</label><input type="file" id="zip-file" accept=".zip,application/zip"></div>
          <p class="actions"><button type="submit" class="button" id="zip-import" ?disabled=${this.busy}>Import the ZIP</button></p>
        </form>
      </details>
      <details class="panel import-source" id="upload-source" @toggle=${(e) => e.target.open && this.loadLearners()}>
        <summary>One student's work: a file or pasted text</summary>
        <form id="upload-form" @submit=${(e) => this.upload(e)}>
          <p class="hint">PDF, Word (DOCX), OpenDocument (ODT), RTF, plain text or HTML; at most
            ${this.data ? mib(this.data.max_file_bytes) : "…"} MiB.</p>
          <div class="field"><label for="upload-file">File</label><input type="file" id="upload-file"></div>
          <div class="field"><label for="upload-text">Or paste the text <span class="optional">(when there is no file)</span></label>
            <textarea id="upload-text" rows="6" maxlength="100000"></textarea></div>
          <div class="field"><label for="upload-learner">Student</label>
            <select id="upload-learner">
              <option value="">Unknown (no grade is returned)</option>
              ${list(this.learners).map((l) => html`<option value=${l.user_id}>${str(l.name) || l.user_id}</option>`)}
            </select></div>
          <div class="field"><label for="upload-origin">Class it came from <span class="optional">(optional)</span></label>
            <input id="upload-origin" maxlength="100" class="input-short"></div>
          <p class="actions"><button type="submit" class="button" id="upload-import" ?disabled=${this.busy}>Import the file</button></p>
        </form>
      </details>
    </section>`;
  }
}

customElements.define("calibrate-imports", CalibrateImports);
