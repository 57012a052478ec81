// <calibrate-admin-keys>: the tool's signing keys (public halves only), rotation, and the published JWKS.
import { html, nothing } from "lit";
import { LightElement } from "./light-element.js";
import * as api from "./api.js";
import { list, messageBox, time } from "./format.js";

export class CalibrateAdminKeys extends LightElement {
  static properties = {
    keys: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.keys = null;
    this.message = null;
    this.busy = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      this.keys = list(await api.get("/api/admin/keys"));
    } catch (e) {
      this.message = { tone: "error", text: e.message };
    }
  }

  async rotate() {
    if (!window.confirm("Rotate the signing key now? The current public key stays published for the overlap period.")) {
      return;
    }
    this.busy = true;
    try {
      const key = await api.post("/api/admin/keys/rotation");
      this.message = { tone: "info", text: "New signing key " + key.kid + " is active." };
      await this.load();
    } catch (e) {
      this.message = { tone: "error", text: e.message };
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`
      <h2 id="keys-heading">Tool keys</h2>
      ${messageBox("keys-message", this.message)}
      <p>Calibrate signs its messages to LMSes with these keys. Platforms fetch the public halves from
        <a href="/lti/jwks" target="_blank" rel="noopener" id="jwks-link">the published key set (JWKS)</a>.</p>
      <p><button type="button" class="button" id="rotate-key" ?disabled=${this.busy} @click=${() => this.rotate()}>Rotate now</button></p>
      ${this.keys === null ? html`<p class="loading" role="status">Loading keys…</p>` : html`
        <table class="data-table" id="keys-table">
          <caption>Signing keys, newest first</caption>
          <thead><tr><th scope="col">Key id</th><th scope="col">Created</th><th scope="col">State</th><th scope="col">Published until</th></tr></thead>
          <tbody>${this.keys.map((k) => html`
            <tr data-kid=${k.kid}>
              <th scope="row"><code>${k.kid}</code></th>
              <td>${time(k.created_at)}</td>
              <td>${k.active ? "Active (signs)" : k.published ? "Retired, still published" : "Retired"}</td>
              <td>${k.published_until ? time(k.published_until) : nothing}</td>
            </tr>`)}</tbody>
        </table>`}`;
  }
}

customElements.define("calibrate-admin-keys", CalibrateAdminKeys);
