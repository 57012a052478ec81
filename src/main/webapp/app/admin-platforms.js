// <calibrate-admin-platforms>: the LMS platforms registered with Calibrate, the platform files that
// failed to load, recent launch outcomes; admins add, edit, and switch registrations off and on.
import { html, nothing } from "lit";
import { LightElement } from "./light-element.js";
import { repeat } from "lit/directives/repeat.js";
import * as api from "./api.js";
import { list, messageBox, str, time } from "./format.js";

/** The form's fields, in the order of the form and of the server's problem list. */
const FIELDS = [
  { name: "name", id: "platform-name", label: "Name", hint: "How admins recognise the platform, e.g. “District Moodle”. Optional." },
  { name: "issuer", id: "platform-issuer", label: "Issuer", required: true, url: true,
    hint: "The platform's issuer identifier (iss), exactly as the LMS states it." },
  { name: "client_id", id: "platform-client-id", label: "Client ID", required: true,
    hint: "The client ID the LMS gave Calibrate." },
  { name: "deployment_ids", id: "platform-deployment-ids", label: "Deployment IDs", required: true, multi: true,
    hint: "One per line, or separated by commas." },
  { name: "auth_login_url", id: "platform-auth-login-url", label: "OIDC authentication URL", required: true, url: true,
    hint: "Where Calibrate sends the login request (the platform's authorization endpoint)." },
  { name: "auth_token_url", id: "platform-auth-token-url", label: "Access token URL", url: true,
    hint: "Needed for the roster and grade return (OAuth 2 token endpoint). Optional." },
  { name: "key_set_url", id: "platform-key-set-url", label: "Public key set URL", required: true, url: true,
    hint: "The platform's JWKS, used to check its signatures." },
];

const SOURCES = {
  file: "Platform file",
  dynamic: "Dynamic registration",
  manual: "Added by an admin",
};

function fieldOf(problem) {
  const head = problem.split(/[\s[]/, 1)[0];
  return FIELDS.find((f) => f.name === head) || null;
}

/** "issuer must use https; client_id is required" → readable lines naming the form's labels. */
function readProblems(message) {
  const parts = str(message).split(/;\s+/).filter((p) => p.trim() !== "");
  const fields = new Set();
  const items = parts.map((p) => {
    const f = fieldOf(p);
    if (!f) {
      return p;
    }
    fields.add(f.name);
    return f.label + p.slice(f.name.length).replace(/^\[(\d+)\]/, (m, n) => " (number " + (Number(n) + 1) + ")");
  });
  return { items, fields };
}

function splitIds(text) {
  return text.split(/[\n,]+/).map((s) => s.trim()).filter((s) => s !== "");
}

function platformTitle(p) {
  return str(p.name) || str(p.issuer) || "Platform " + p.id;
}

function eventText(e) {
  if (!e) {
    return null;
  }
  return html`<span class="event-outcome">${str(e.outcome) || "unknown"}</span>${str(e.reason) ? html` — ${e.reason}` : nothing}
    <span class="muted">(${time(e.at)})</span>`;
}

export class CalibrateAdminPlatforms extends LightElement {
  static properties = {
    data: { state: true },
    loading: { state: true },
    message: { state: true },
    form: { state: true }, // null | {mode: "add"|"edit", id?, version?, initial:{}, title}
    formMessage: { state: true },
    invalid: { state: true }, // Set of field names the last answer complained about
    saving: { state: true },
    toggling: { state: true }, // platform id
  };

  constructor() {
    super();
    this.data = null;
    this.loading = true;
    this.message = null;
    this.form = null;
    this.formMessage = null;
    this.invalid = new Set();
    this.saving = false;
    this.toggling = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    this.loading = true;
    try {
      const data = await api.get("/api/admin/platforms");
      this.data = { platforms: list(data && data.platforms), file_problems: list(data && data.file_problems) };
    } catch (e) {
      this.message = { tone: "error", text: "The platforms could not be loaded: " + e.message };
    } finally {
      this.loading = false;
    }
  }

  async focus(selector) {
    await this.updateComplete;
    const el = this.querySelector(selector);
    if (el) {
      el.focus();
    }
  }

  openAdd() {
    this.form = { mode: "add", initial: {}, title: "Add a platform" };
    this.formMessage = null;
    this.invalid = new Set();
    this.focus("#platform-name");
  }

  openEdit(p) {
    this.form = {
      mode: "edit",
      id: p.id,
      version: p.version,
      title: "Edit " + platformTitle(p),
      initial: {
        name: str(p.name),
        issuer: str(p.issuer),
        client_id: str(p.client_id),
        deployment_ids: list(p.deployment_ids).join("\n"),
        auth_login_url: str(p.auth_login_url),
        auth_token_url: str(p.auth_token_url),
        key_set_url: str(p.key_set_url),
      },
    };
    this.formMessage = null;
    this.invalid = new Set();
    this.focus("#platform-name");
  }

  closeForm() {
    const form = this.form;
    this.form = null;
    this.formMessage = null;
    this.invalid = new Set();
    this.focus(form && form.mode === "edit" ? `[data-platform-id="${form.id}"] [data-action="edit"]` : "#platform-add");
  }

  readForm() {
    const body = {};
    const missing = [];
    for (const f of FIELDS) {
      const raw = this.querySelector("#" + f.id).value;
      if (f.multi) {
        const ids = splitIds(raw);
        if (ids.length > 0) {
          body[f.name] = ids;
        } else if (f.required) {
          missing.push(f);
        }
        continue;
      }
      const value = raw.trim();
      if (value !== "") {
        body[f.name] = value;
      } else if (f.required) {
        missing.push(f);
      }
    }
    return { body, missing };
  }

  async save(event) {
    event.preventDefault();
    if (this.saving) {
      return;
    }
    const { body, missing } = this.readForm();
    if (missing.length > 0) {
      this.invalid = new Set(missing.map((f) => f.name));
      this.formMessage = { tone: "error", text: "Fill in the required fields.", items: missing.map((f) => f.label + " is required.") };
      this.focus("#" + missing[0].id);
      return;
    }
    const form = this.form;
    this.saving = true;
    this.formMessage = { tone: "info", text: "Saving…" };
    try {
      let saved;
      if (form.mode === "edit") {
        saved = await api.put("/api/admin/platforms/" + encodeURIComponent(form.id), { ...body, version: form.version });
      } else {
        saved = await api.post("/api/admin/platforms", body);
      }
      this.form = null;
      this.formMessage = null;
      this.invalid = new Set();
      this.message = { tone: "info", text: (form.mode === "edit" ? "Saved " : "Added ") + platformTitle(saved || body) + "." };
      await this.load();
      this.focus(saved && saved.id !== undefined ? `#platform-${saved.id}-heading` : "#platform-add");
    } catch (e) {
      if (e.status === 400) {
        const { items, fields } = readProblems(e.message);
        this.invalid = fields;
        this.formMessage = { tone: "error", text: "The registration was not saved. Correct these fields:", items };
        const first = FIELDS.find((f) => fields.has(f.name));
        if (first) {
          this.focus("#" + first.id);
        }
      } else if (e.status === 409 && form.mode === "edit" && e.code !== "exists") {
        // The registration changed (or cannot be edited): show it as it is now.
        this.form = null;
        this.formMessage = null;
        this.message = { tone: "error", text: e.message, detail: "The list now shows the registration as it is; edit it again if needed." };
        await this.load();
      } else {
        this.formMessage = { tone: "error", text: e.message };
      }
    } finally {
      this.saving = false;
    }
  }

  async toggle(p) {
    if (this.toggling !== null) {
      return;
    }
    this.toggling = p.id;
    const enable = !p.enabled;
    try {
      await api.post("/api/admin/platforms/" + encodeURIComponent(p.id) + "/enabled", { enabled: enable, version: p.version });
      this.message = {
        tone: "info",
        text: platformTitle(p) + (enable ? " is enabled: it can launch Calibrate again." : " is disabled: its launches are refused until it is enabled again."),
      };
    } catch (e) {
      this.message = { tone: "error", text: e.message, detail: e.status === 409 ? "The list now shows the registration as it is." : null };
    } finally {
      this.toggling = null;
    }
    await this.load();
  }

  render() {
    const d = this.data;
    return html`
      <h2 id="platforms-heading">Platforms</h2>
      <p class="muted">Each LMS that launches Calibrate is registered here: by a platform file in
        <code>lti-config/platforms/</code>, by dynamic registration, or by an admin on this page.</p>
      ${messageBox("platforms-message", this.message)}
      ${this.loading && !d ? html`<p class="panel-loading" role="status">Loading the platforms…</p>` : nothing}
      ${d ? this.renderProblems(d.file_problems) : nothing}
      ${d ? html`
        <p class="actions">
          <button type="button" id="platform-add" class="button" aria-expanded=${this.form && this.form.mode === "add" ? "true" : "false"}
                  @click=${this.openAdd} ?hidden=${Boolean(this.form && this.form.mode === "add")}>Add platform</button>
        </p>
        ${this.form && this.form.mode === "add" ? this.renderForm() : nothing}
        ${d.platforms.length === 0 ? html`<p class="empty-state" id="platforms-empty">No platforms are registered yet. Add one, or
            register Calibrate from the LMS with dynamic registration (see Install values).</p>` : html`
          <ul class="card-list" id="platforms">
            ${repeat(d.platforms, (p) => p.id, (p) => this.renderPlatform(p))}
          </ul>`}` : nothing}`;
  }

  renderProblems(problems) {
    if (problems.length === 0) {
      return nothing;
    }
    return html`
      <section class="message message-error file-problems" id="file-problems" aria-labelledby="file-problems-heading">
        <h3 id="file-problems-heading" class="message-text">${problems.length === 1
          ? "A platform file has a problem" : problems.length + " problems in platform files"}</h3>
        <p>Calibrate skipped these registrations. Fix the files and restart Calibrate.</p>
        <ul class="message-list">
          ${problems.map((p) => html`<li><code>${str(p.file)}</code>${str(p.field) ? html`, <code>${p.field}</code>` : nothing}:
            ${str(p.message)}</li>`)}
        </ul>
      </section>`;
  }

  renderPlatform(p) {
    const title = platformTitle(p);
    const editing = this.form && this.form.mode === "edit" && this.form.id === p.id;
    const deployments = list(p.deployment_ids);
    const scopes = str(p.granted_scopes).split(/\s+/).filter(Boolean);
    const recent = list(p.recent_launches);
    return html`
      <li class="card platform-card" data-platform-id=${p.id} data-enabled=${p.enabled ? "true" : "false"}>
        <div class="card-head">
          <h3 id="platform-${p.id}-heading" tabindex="-1">${title}</h3>
          <span class="badge ${p.enabled ? "badge-sent" : "badge-superseded"}" data-platform-state>${p.enabled ? "enabled" : "disabled"}</span>
        </div>
        <dl class="facts">
          <div><dt>Issuer</dt><dd><code>${str(p.issuer)}</code></dd></div>
          <div><dt>Client ID</dt><dd><code>${str(p.client_id)}</code></dd></div>
          <div><dt>Deployments</dt><dd>${deployments.length
            ? html`<ul class="plain-list">${deployments.map((id) => html`<li><code>${id}</code></li>`)}</ul>`
            : html`<span class="warning-text">None: launches are refused until a deployment ID is added.</span>`}</dd></div>
          <div><dt>Source</dt><dd>${SOURCES[p.source] || str(p.source)}${str(p.source_file) ? html`: <code>${p.source_file}</code>` : nothing}</dd></div>
          ${str(p.product_family) ? html`<div><dt>Product</dt><dd>${p.product_family}${str(p.version_name) ? " " + p.version_name : ""}</dd></div>` : nothing}
          <div><dt>Services granted</dt><dd>${scopes.length
            ? html`<ul class="plain-list">${scopes.map((s) => html`<li><code>${s}</code></li>`)}</ul>`
            : html`<span class="muted">none recorded</span>`}</dd></div>
          <div><dt>Last launch</dt><dd data-last-launch>${eventText(p.last_launch) || html`<span class="muted">no accepted launch yet</span>`}</dd></div>
          <div><dt>Last error</dt><dd data-last-error>${eventText(p.last_error) || html`<span class="muted">none</span>`}</dd></div>
        </dl>
        <details class="endpoints">
          <summary>Endpoints</summary>
          <dl class="facts">
            <div><dt>OIDC authentication URL</dt><dd><code>${str(p.auth_login_url)}</code></dd></div>
            <div><dt>Access token URL</dt><dd>${str(p.auth_token_url) ? html`<code>${p.auth_token_url}</code>` : html`<span class="muted">none: no roster or grade return</span>`}</dd></div>
            <div><dt>Public key set URL</dt><dd><code>${str(p.key_set_url)}</code></dd></div>
          </dl>
        </details>
        <details class="recent-launches" data-recent-launches>
          <summary>Recent launches (${recent.length})</summary>
          ${recent.length === 0 ? html`<p class="muted">No launches recorded.</p>` : html`
            <div class="table-wrap">
              <table class="data-table">
                <caption class="visually-hidden">Recent launches from ${title}, newest first</caption>
                <thead><tr><th scope="col">When</th><th scope="col">Outcome</th><th scope="col">Reason</th></tr></thead>
                <tbody>${recent.map((e) => html`<tr><td>${time(e.at)}</td><td>${str(e.outcome)}</td><td>${str(e.reason) || "—"}</td></tr>`)}</tbody>
              </table>
            </div>`}
        </details>
        <div class="actions">
          <button type="button" class="button secondary small" data-action="toggle"
                  aria-disabled=${this.toggling === p.id ? "true" : "false"} @click=${() => this.toggle(p)}
                  aria-label=${(p.enabled ? "Disable " : "Enable ") + title}>${p.enabled ? "Disable" : "Enable"}</button>
          ${p.source === "file"
            ? html`<p class="muted inline-note" data-file-note>Edit <code>${str(p.source_file) || "its platform file"}</code> and restart Calibrate to change this registration.</p>`
            : html`<button type="button" class="button secondary small" data-action="edit" aria-label=${"Edit " + title}
                     aria-expanded=${editing ? "true" : "false"} ?hidden=${editing} @click=${() => this.openEdit(p)}>Edit</button>`}
        </div>
        ${editing ? this.renderForm() : nothing}
      </li>`;
  }

  renderForm() {
    const form = this.form;
    const init = form.initial;
    return html`
      <form id="platform-form" class="form-card" novalidate @submit=${this.save} aria-labelledby="platform-form-heading">
        <h3 id="platform-form-heading">${form.title}</h3>
        ${messageBox("platform-form-message", this.formMessage)}
        ${FIELDS.map((f) => {
          const bad = this.invalid.has(f.name);
          const label = html`<label for=${f.id}>${f.label} ${f.required ? html`<span class="required">(required)</span>` : nothing}</label>`;
          const common = { id: f.id, hint: f.id + "-hint" };
          return html`
            <div class="field">
              ${label}
              ${f.multi
                ? html`<textarea id=${common.id} name=${f.name} rows="3" .value=${init[f.name] || ""} autocomplete="off" spellcheck="false"
                                 aria-invalid=${bad ? "true" : "false"} aria-describedby=${common.hint}></textarea>`
                : html`<input id=${common.id} name=${f.name} type=${f.url ? "url" : "text"} .value=${init[f.name] || ""}
                              autocomplete="off" spellcheck="false" aria-invalid=${bad ? "true" : "false"} aria-describedby=${common.hint}>`}
              <p id=${common.hint} class="hint">${f.hint}</p>
            </div>`;
        })}
        <div class="actions">
          <button type="submit" id="platform-save" class="button" aria-disabled=${this.saving ? "true" : "false"}>
            ${this.saving ? "Saving…" : form.mode === "edit" ? "Save changes" : "Add platform"}</button>
          <button type="button" id="platform-form-cancel" class="button secondary" @click=${this.closeForm}>Cancel</button>
        </div>
      </form>`;
  }
}

customElements.define("calibrate-admin-platforms", CalibrateAdminPlatforms);
