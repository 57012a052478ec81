// <calibrate-rubrics>: the rubric library: every rubric of this LMS and the shipped ones, each viewable as
// criteria × score points, exportable (JSON, CSV for spreadsheets), importable, and editable in a form.
// A version a round uses is frozen: saving it makes the next version and leaves the old one untouched.
import { html, nothing } from "lit";
import { LightElement } from "./light-element.js";
import * as api from "./api.js";
import { list, messageBox, number, str } from "./format.js";
import { criteria, levelsOf } from "./rubric-levels.js";

const MAX_IMPORT_BYTES = 256 * 1024;

function blankCriterion(n) {
  return { key: "criterion-" + n, name: "", description: "", points: [0, 1, 2, 3, 4].map((l) => ({ level: l, label: String(l), descriptor: "" })) };
}

function keyFrom(name, fallback) {
  const key = name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40);
  return key || fallback;
}

export class CalibrateRubrics extends LightElement {
  static properties = {
    rubrics: { state: true },
    open: { state: true }, // the rubric shown: the API's rubric view
    editing: { state: true }, // a definition being edited, or null
    message: { state: true },
  };

  constructor() {
    super();
    this.rubrics = [];
    this.open = null;
    this.editing = null;
    this.message = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      this.rubrics = list((await api.get("/api/rubrics")).rubrics);
    } catch (e) {
      this.message = { tone: "error", text: "The rubrics could not be loaded: " + e.message };
    }
  }

  changed() {
    this.dispatchEvent(new CustomEvent("calibrate-rubrics-changed", { bubbles: true }));
    return this.load();
  }

  async show(id) {
    try {
      this.open = await api.get("/api/rubrics/" + encodeURIComponent(id));
      this.editing = null;
      this.updateComplete.then(() => this.querySelector("#rubric-view-heading")?.focus());
    } catch (e) {
      this.message = { tone: "error", text: e.message };
    }
  }

  async importFile(event) {
    const file = event.target.files && event.target.files[0];
    event.target.value = "";
    if (!file) {
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      this.message = { tone: "error", text: "That file is larger than 256 KB; a rubric file is much smaller. Check you chose the right file." };
      return;
    }
    const csv = /\.csv$/i.test(file.name) || file.type === "text/csv";
    try {
      const rubric = await api.post("/api/rubrics/import", undefined, { raw: await file.text(), contentType: csv ? "text/csv" : "application/json" });
      this.message = { tone: "info", text: "Imported “" + str(rubric.title) + "”." };
      await this.changed();
      await this.show(rubric.id);
    } catch (e) {
      this.message = { tone: "error", text: "The rubric was not imported: " + e.message, items: e.problems };
    }
  }

  export(format) {
    api.download("/api/rubrics/" + encodeURIComponent(this.open.id) + "/export?format=" + format, "rubric." + format)
      .catch((e) => { this.message = { tone: "error", text: "The export failed: " + e.message }; });
  }

  startEdit(copy) {
    const d = copy ? copy.definition : { title: "", description: "", criteria: [blankCriterion(1)], caps: [], notes: [] };
    this.editing = structuredClone({ ...d, caps: list(d.caps), notes: list(d.notes) });
    this.editingFrom = copy;
    this.updateComplete.then(() => this.querySelector("#rubric-edit-title")?.focus());
  }

  edit(mutate) {
    const next = structuredClone(this.editing);
    mutate(next);
    this.editing = next;
  }

  async save(event) {
    event.preventDefault();
    const d = structuredClone(this.editing);
    d.criteria.forEach((c, i) => { c.key = c.key || keyFrom(c.name, "criterion-" + (i + 1)); });
    d.notes = d.notes.filter((n) => n.trim() !== "");
    try {
      const from = this.editingFrom;
      const saved = from
        ? await api.put("/api/rubrics/" + encodeURIComponent(from.id), { lock_version: from.lock_version, definition: d })
        : await api.post("/api/rubrics", { definition: d });
      this.message = { tone: "info", text: from && saved.id !== from.id
        ? "Saved as version " + saved.version + " (the earlier version stays as it was for the rounds that use it)."
        : "Rubric saved." };
      await this.changed();
      await this.show(saved.id);
    } catch (e) {
      this.message = { tone: "error", text: "The rubric was not saved: " + e.message, items: e.problems };
    }
  }

  renderView(r) {
    const d = r.definition || {};
    return html`
      <section class="rubric-view" aria-labelledby="rubric-view-heading">
        <h3 id="rubric-view-heading" tabindex="-1">${str(d.title)} <span class="muted">version ${r.version}${r.frozen ? ", in use (frozen)" : ""}</span></h3>
        ${str(d.description) ? html`<p>${d.description}</p>` : nothing}
        ${criteria(d).map((c) => html`
          <div class="table-wrap"><table class="data-table rubric-table">
            <caption>${str(c.name)}${str(c.description) ? html` — <span class="muted">${c.description}</span>` : nothing}</caption>
            <thead><tr><th scope="col" class="num">Level</th><th scope="col">Descriptor</th></tr></thead>
            <tbody>${levelsOf(c).map((p) => html`<tr><th scope="row" class="num">${str(p.label) || p.level}</th><td>${str(p.descriptor)}</td></tr>`)}</tbody>
          </table></div>`)}
        ${list(d.caps).length ? html`<h4>Rules</h4><ul>${list(d.caps).map((cap) => html`<li>${cap.condition} → at most ${cap.max_level}</li>`)}</ul>` : nothing}
        ${list(d.notes).length ? html`<h4>Scoring notes</h4><ul>${list(d.notes).map((n) => html`<li>${n}</li>`)}</ul>` : nothing}
        <p class="actions">
          <button type="button" class="button secondary small" id="rubric-export-json" @click=${() => this.export("json")}>Export JSON</button>
          <button type="button" class="button secondary small" id="rubric-export-csv" @click=${() => this.export("csv")}>Export CSV</button>
          <button type="button" class="button small" id="rubric-edit" @click=${() => this.startEdit(r)}>${r.editable && !r.frozen
            ? "Edit" : "Edit as a new version"}</button>
          <button type="button" class="button secondary small" @click=${() => { this.open = null; }}>Close</button>
        </p>
      </section>`;
  }

  renderEditor() {
    const d = this.editing;
    const field = (id, label, value, set, area = false) => html`<div class="field"><label for=${id}>${label}</label>
      ${area ? html`<textarea id=${id} .value=${value} @input=${(e) => this.edit((x) => set(x, e.target.value))}></textarea>`
        : html`<input id=${id} .value=${value} @input=${(e) => this.edit((x) => set(x, e.target.value))}>`}</div>`;
    return html`
      <form class="rubric-editor" id="rubric-editor" @submit=${(e) => this.save(e)} novalidate aria-label="Rubric editor">
        ${field("rubric-edit-title", "Title", str(d.title), (x, v) => { x.title = v; })}
        ${field("rubric-edit-description", "Description", str(d.description), (x, v) => { x.description = v; }, true)}
        ${d.criteria.map((c, ci) => html`
          <fieldset class="criterion-edit">
            <legend>Criterion ${ci + 1}</legend>
            ${field("rc-" + ci + "-name", "Name", str(c.name), (x, v) => { x.criteria[ci].name = v; })}
            ${field("rc-" + ci + "-description", "What it assesses", str(c.description), (x, v) => { x.criteria[ci].description = v; })}
            ${c.points.map((p, pi) => field("rc-" + ci + "-p-" + pi, "Level " + p.level + " descriptor", str(p.descriptor),
              (x, v) => { x.criteria[ci].points[pi].descriptor = v; }, true))}
            <p class="actions">
              <button type="button" class="button small secondary" @click=${() => this.edit((x) => {
                const points = x.criteria[ci].points;
                const level = points.length ? points[points.length - 1].level + 1 : 0;
                points.push({ level, label: String(level), descriptor: "" });
              })}>Add a higher level</button>
              <button type="button" class="button small secondary" ?disabled=${c.points.length <= 2}
                @click=${() => this.edit((x) => { x.criteria[ci].points.pop(); })}>Remove the top level</button>
              <button type="button" class="button small secondary" ?disabled=${c.points.length <= 2 || c.points[0].level !== 0}
                @click=${() => this.edit((x) => { x.criteria[ci].points.shift(); })}>Start at 1</button>
              <button type="button" class="button small secondary" ?disabled=${d.criteria.length <= 1}
                @click=${() => this.edit((x) => { x.criteria.splice(ci, 1); })}>Remove criterion ${ci + 1}</button>
            </p>
          </fieldset>`)}
        <p class="actions"><button type="button" class="button small secondary" id="rubric-add-criterion"
          @click=${() => this.edit((x) => { x.criteria.push(blankCriterion(x.criteria.length + 1)); })}>Add a criterion</button></p>
        ${field("rubric-edit-notes", "Scoring notes (one per line)", d.notes.join("\n"), (x, v) => { x.notes = v.split("\n"); }, true)}
        <p class="hint">Rules that cap a score (for example “references one text only → at most 2”) are kept as they are;
          add them through a JSON or CSV import.</p>
        <p class="actions"><button type="submit" class="button" id="rubric-save">Save rubric</button>
          <button type="button" class="button secondary" @click=${() => { this.editing = null; }}>Cancel</button></p>
      </form>`;
  }

  render() {
    return html`
      <section class="panel" id="rubrics" aria-labelledby="rubrics-heading">
        <h2 id="rubrics-heading">Rubric library</h2>
        <ul class="plain-list rubric-list">
          ${this.rubrics.map((r) => html`<li>
            <button type="button" class="link-button" data-rubric=${r.id} @click=${() => this.show(r.id)}>${str(r.title)}</button>
            <span class="muted">${r.kind === "holistic" ? "holistic" : number(r.criteria) + " criteria"}, ${str(r.range)}
              · version ${r.version}${r.shipped ? " · shipped with Calibrate" : ""}</span></li>`)}
        </ul>
        <p class="actions">
          <button type="button" class="button secondary small" id="rubric-new" @click=${() => this.startEdit(null)}>New rubric</button>
          <input type="file" id="rubric-import" class="visually-hidden file-input" accept=".json,.csv,application/json,text/csv"
                 @change=${(e) => this.importFile(e)}>
          <label class="button secondary small file-button" for="rubric-import">Import JSON or CSV…</label>
        </p>
        ${messageBox("rubrics-message", this.message)}
        ${this.editing ? this.renderEditor() : this.open ? this.renderView(this.open) : nothing}
      </section>`;
  }
}

customElements.define("calibrate-rubrics", CalibrateRubrics);
