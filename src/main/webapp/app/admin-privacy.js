// <calibrate-admin-privacy>: an admin's data-protection tasks — export everything held about one student, erase a
// course's student data on request (the course's name typed again), and apply the retention of student work now.
import { html, nothing } from "lit";
import { LightElement } from "./light-element.js";
import * as api from "./api.js";
import { list, messageBox, number, str } from "./format.js";

export class CalibrateAdminPrivacy extends LightElement {
  static properties = {
    courses: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.courses = null;
    this.message = null;
    this.busy = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      this.courses = list((await api.get("/api/admin/privacy/courses")).courses);
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
      const r = await call();
      this.message = { tone: "info", text: done(r) };
      this.load();
    } catch (e) {
      this.message = { tone: "error", text: what + ": " + e.message };
    } finally {
      this.busy = false;
    }
  }

  exportStudent(event) {
    event.preventDefault();
    const f = event.target.elements;
    const user = f["privacy-user"].value.trim();
    if (!user) {
      this.message = { tone: "error", text: "Give the student's LMS user id." };
      return;
    }
    api.download("/api/admin/privacy/students/" + encodeURIComponent(f["privacy-platform"].value) + "/" + encodeURIComponent(user),
      "calibrate-student-data.json").then(() => { this.message = { tone: "info", text: "The student's data was downloaded." }; })
      .catch((e) => { this.message = { tone: "error", text: e.message }; });
  }

  erase(event, course) {
    event.preventDefault();
    const confirm = event.target.elements["erase-confirm"].value;
    this.act("The course was not erased", () => api.post("/api/admin/privacy/courses/" + encodeURIComponent(course.id) + "/erasure", { confirm }),
      (r) => "Erased: student data of " + r.rounds + " round(s) and " + r.roster_entries + " roster entries.");
  }

  render() {
    const courses = list(this.courses);
    const platforms = [...new Set(courses.map((c) => c.platform_id))];
    return html`
      <h2 id="privacy-heading">Privacy</h2>
      ${messageBox("privacy-message", this.message)}
      <form class="panel" id="privacy-export" @submit=${(e) => this.exportStudent(e)} aria-labelledby="export-heading">
        <h3 id="export-heading">Export one student's data</h3>
        <p class="hint">Their roster entries, their work as handed in and as scored, the files' names, and the grades sent for them.</p>
        <div class="inline-form">
          <div class="field"><label for="privacy-platform">Platform</label>
            <select id="privacy-platform">${platforms.map((p) => html`<option value=${p}>${p}</option>`)}</select></div>
          <div class="field"><label for="privacy-user">LMS user id</label><input id="privacy-user" maxlength="255"></div>
        </div>
        <p class="actions"><button type="submit" class="button" ?disabled=${!platforms.length}>Download as JSON</button></p>
      </form>
      <section class="panel" aria-labelledby="retention-heading">
        <h3 id="retention-heading">Retention</h3>
        <p class="hint">Student work is erased a set time after its round is finalised (CALIBRATE_SUBMISSIONS_RETENTION), every hour.</p>
        <p class="actions"><button type="button" class="button secondary" id="retention-run" ?disabled=${this.busy}
          @click=${() => this.act("Retention was not applied", () => api.post("/api/admin/privacy/retention/run"),
            (r) => r.erased + " round(s) past their retention erased.")}>Apply retention now</button></p>
      </section>
      ${this.courses === null ? html`<p class="loading" role="status">Loading courses…</p>` : html`
        <div class="table-wrap"><table class="data-table" id="privacy-courses">
          <caption>Courses with data in Calibrate</caption>
          <thead><tr><th scope="col">Course</th><th scope="col" class="num">Rounds</th><th scope="col" class="num">Erased</th>
            <th scope="col" class="num">Roster</th><th scope="col">Erase its student data</th></tr></thead>
          <tbody>${courses.map((c) => html`<tr><th scope="row">${str(c.title) || c.context_id}</th><td class="num">${number(c.rounds)}</td>
            <td class="num">${number(c.erased_rounds)}</td><td class="num">${number(c.roster)}</td>
            <td><form class="inline-form" @submit=${(e) => this.erase(e, c)}>
              <label class="visually-hidden" for=${"erase-" + c.id}>Type "${str(c.title) || c.context_id}" to confirm</label>
              <input id=${"erase-" + c.id} name="erase-confirm" placeholder=${"Type: " + (str(c.title) || c.context_id)} class="input-short">
              <button type="submit" class="button danger" ?disabled=${this.busy}>Erase</button></form></td></tr>`)}</tbody>
        </table></div>`}
      ${nothing}`;
  }
}

customElements.define("calibrate-admin-privacy", CalibrateAdminPrivacy);
