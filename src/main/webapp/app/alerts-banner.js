// <calibrate-alerts>: sensitive-content flags raised in rounds the person moderates, on every page,
// until a moderator marks them as seen on the round's Progress tab. Read now and every 20 seconds.
import { html, nothing } from "lit";
import * as api from "./api.js";
import { LightElement } from "./light-element.js";
import { list, str, time } from "./format.js";

const POLL_MS = 20_000;

export class CalibrateAlerts extends LightElement {
  static properties = {
    alerts: { state: true },
  };

  constructor() {
    super();
    this.alerts = [];
    this.timer = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  disconnectedCallback() {
    clearTimeout(this.timer);
    super.disconnectedCallback();
  }

  async load() {
    try {
      this.alerts = list((await api.get("/api/rounds/alerts")).alerts);
    } catch (e) {
      // Alerts are an extra: a failed read leaves the last ones shown and tries again later.
    }
    if (this.isConnected) {
      this.timer = setTimeout(() => this.load(), POLL_MS);
    }
  }

  render() {
    if (this.alerts.length === 0) {
      return nothing;
    }
    return html`
      <div class="message message-error" role="alert" id="alerts">
        <p class="message-text">Sensitive content flagged by a scorer: look at ${this.alerts.length === 1 ? "this piece" : "these pieces"} now.</p>
        <ul class="message-list">${this.alerts.map((a) => html`<li data-alert=${a.flag}>
          Piece <code>${a.code}</code> in <a href=${"#rounds/" + encodeURIComponent(a.round) + "/setup"}>${str(a.title)}</a>
          <span class="muted">${time(a.raised_at)}</span></li>`)}</ul>
      </div>`;
  }
}

customElements.define("calibrate-alerts", CalibrateAlerts);
