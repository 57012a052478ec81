// <calibrate-admin-keys>: the tool's signing keys (public halves only), rotation, and the published JWKS; the data
// key's ids, what each sealed store holds under which key, and re-sealing under the current key with its progress.
import { html, nothing } from "lit";
import { LightElement } from "./light-element.js";
import * as api from "./api.js";
import { list, messageBox, time } from "./format.js";

const POLL_MS = 1500;
const STORES = {
  identity_links: "Links from pieces to students",
  originals: "Original texts",
  lms_tokens: "LMS web-service tokens",
  submission_notices: "Submission notices from the LMS",
  files: "Students' files",
};

export class CalibrateAdminKeys extends LightElement {
  static properties = {
    keys: { state: true },
    message: { state: true },
    busy: { state: true },
    data: { state: true },
    dataMessage: { state: true },
    resealing: { state: true },
  };

  constructor() {
    super();
    this.keys = null;
    this.message = null;
    this.busy = false;
    this.data = null;
    this.dataMessage = null;
    this.resealing = false;
    this.timer = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
    this.loadData();
  }

  disconnectedCallback() {
    clearTimeout(this.timer);
    super.disconnectedCallback();
  }

  async loadData() {
    clearTimeout(this.timer);
    try {
      const wasRunning = this.data && this.data.reseal && this.data.reseal.state === "running";
      this.data = await api.get("/api/admin/keys/data");
      const running = this.data.reseal && this.data.reseal.state === "running";
      if (wasRunning && !running) {
        this.dataMessage = this.data.reseal.last_error
          ? { tone: "error", text: "Re-sealing ended: " + this.data.reseal.last_error }
          : { tone: "info", text: "Re-sealing finished: " + this.data.reseal.resealed + " values re-sealed." };
      }
      // While values are being re-sealed, the counts and the progress are read again every moment.
      if (running && this.isConnected) {
        this.timer = setTimeout(() => this.loadData(), POLL_MS);
      }
    } catch (e) {
      this.dataMessage = { tone: "error", text: e.message };
    }
  }

  async reseal() {
    if (!window.confirm("Re-seal every stored value under the current data key " + this.data.current_kid + " now? It runs in the background.")) {
      return;
    }
    this.resealing = true;
    try {
      await api.post("/api/admin/keys/data/rotation");
      this.dataMessage = { tone: "info", text: "Re-sealing under " + this.data.current_kid + " has started." };
      await this.loadData();
    } catch (e) {
      this.dataMessage = { tone: "error", text: e.message };
    } finally {
      this.resealing = false;
    }
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
        </table>`}
      ${this.renderData()}`;
  }

  renderData() {
    const d = this.data;
    const reseal = d && d.reseal ? d.reseal : null;
    const running = reseal && reseal.state === "running";
    const previous = d ? list(d.previous_kids) : [];
    const kids = d ? [...new Set([d.current_kid, ...previous, ...list(d.stores).flatMap((s) => Object.keys(s.keys || {}))])].filter(Boolean) : [];
    const held = (kid) => kid === d.current_kid || previous.includes(kid);
    return html`
      <h2 id="data-key-heading">Data key</h2>
      ${messageBox("data-key-message", this.dataMessage)}
      <p>The data key seals at rest what identifies a student and LMS tokens. Keys are shown by key id only.
        To rotate it, set the new key as <code>CALIBRATE_DATA_KEY</code> and the old one in
        <code>CALIBRATE_DATA_KEY_PREVIOUS</code> on every node, restart, then re-seal here.</p>
      ${d === null ? html`<p class="loading" role="status">Loading the data key…</p>` : html`
        <dl class="facts" id="data-key-ids">
          <dt>Seals (current)</dt>
          <dd>${d.current_kid ? html`<code>${d.current_kid}</code>` : "No data key: values are stored unencrypted."}</dd>
          <dt>Only opens (previous)</dt>
          <dd>${previous.length ? previous.map((k, i) => html`${i ? ", " : nothing}<code>${k}</code>`) : "None"}</dd>
        </dl>
        <table class="data-table" id="data-key-table">
          <caption>Stored values by the key that sealed them</caption>
          <thead><tr>
            <th scope="col">Store</th>
            ${kids.map((k) => html`<th scope="col"><code>${k}</code>${k === d.current_kid ? " (current)" : held(k) ? " (previous)" : " (not held)"}</th>`)}
            <th scope="col">Plain</th><th scope="col">Unreadable</th><th scope="col">All</th>
          </tr></thead>
          <tbody>${list(d.stores).map((s) => html`
            <tr data-store=${s.store}>
              <th scope="row">${STORES[s.store] || s.store}</th>
              ${kids.map((k) => html`<td>${(s.keys && s.keys[k]) || 0}</td>`)}
              <td>${s.plain}</td><td>${s.unreadable}</td><td>${s.total}</td>
            </tr>`)}</tbody>
        </table>
        <p><button type="button" class="button" id="reseal-now" ?disabled=${this.resealing || running || !d.available}
                   aria-describedby="reseal-state" @click=${() => this.reseal()}>Re-seal now</button></p>
        <div id="reseal-state">
          ${running ? html`
            <label for="reseal-progress">Re-sealing under <code>${reseal.kid}</code>: ${reseal.done} of ${reseal.total}</label>
            <progress id="reseal-progress" max=${Math.max(1, reseal.total)} value=${reseal.done}></progress>`
            : reseal && reseal.finished_at ? html`<p>Last re-sealing under <code>${reseal.kid}</code> ended ${time(reseal.finished_at)}:
                ${reseal.resealed} re-sealed, ${reseal.failed} not opened by any key held, ${reseal.skipped} changed meanwhile or already under the key.</p>`
            : reseal && reseal.last_error ? html`<p>${reseal.last_error}</p>` : html`<p>No re-sealing has run yet.</p>`}
        </div>`}`;
  }
}

customElements.define("calibrate-admin-keys", CalibrateAdminKeys);
