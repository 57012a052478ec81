// <calibrate-admin-install>: what an admin enters in an LMS to install Calibrate, with copy buttons.
import { html, nothing } from "lit";
import { LightElement } from "./light-element.js";
import * as api from "./api.js";
import { copyText, list, messageBox } from "./format.js";

export class CalibrateAdminInstall extends LightElement {
  static properties = {
    config: { state: true },
    message: { state: true },
  };

  constructor() {
    super();
    this.config = null;
    this.message = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      this.config = await api.get("/api/admin/tool-configuration");
    } catch (e) {
      this.message = { tone: "error", text: e.message };
    }
  }

  async copy(text, id, what) {
    this.message = { tone: "info", text: await copyText(text, this.querySelector("#" + id), what) };
  }

  row(id, label, value) {
    return html`
      <dt>${label}</dt>
      <dd><code id=${id}>${value}</code>
        <button type="button" class="button button-small" aria-label=${"Copy " + label}
                @click=${() => this.copy(value, id, label)}>Copy</button></dd>`;
  }

  render() {
    const c = this.config;
    return html`
      <h2 id="install-heading">Install values</h2>
      ${messageBox("install-message", this.message)}
      ${c === null ? html`<p class="loading" role="status">Loading…</p>` : html`
        <p>Moodle, Brightspace and other platforms with dynamic registration need only the registration URL.
          For manual registration enter the values below; the guides <code>docs/install-moodle.md</code>,
          <code>docs/install-canvas.md</code>, <code>docs/install-brightspace.md</code> and
          <code>docs/install-blackboard.md</code> say where each goes.</p>
        <dl class="install-values" id="install-values">
          ${this.row("install-registration-url", "Dynamic registration URL", c.registration_url)}
          ${this.row("install-login-url", "Login initiation URL", c.login_url)}
          ${this.row("install-target-link-uri", "Target link URI (tool URL)", c.target_link_uri)}
          ${this.row("install-redirect-uri", "Redirect URI", list(c.redirect_uris).join(" "))}
          ${this.row("install-deep-linking-url", "Deep linking URL", c.deep_linking_url)}
          ${this.row("install-jwks-url", "Public key set (JWKS) URL", c.jwks_url)}
          ${this.row("install-domain", "Domain", c.domain)}
          ${this.row("install-scopes", "Scopes", list(c.scopes).join(" "))}
        </dl>
        <h3 id="canvas-heading">Canvas developer key (JSON)</h3>
        <pre id="install-canvas-json" tabindex="0" aria-labelledby="canvas-heading">${JSON.stringify(c.canvas_developer_key, null, 2)}</pre>
        <p><button type="button" class="button" @click=${() => this.copy(JSON.stringify(c.canvas_developer_key, null, 2),
          "install-canvas-json", "The Canvas JSON")}>Copy the Canvas JSON</button></p>`}
      ${nothing}`;
  }
}

customElements.define("calibrate-admin-install", CalibrateAdminInstall);
