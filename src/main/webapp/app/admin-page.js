// <calibrate-admin>: the Admin section: LMS platforms, the tool's keys, the values to install
// Calibrate in an LMS, the audit trail and privacy tasks, as five tabs (WAI-ARIA tabs pattern: arrow keys, Home and End move between them).
import { html } from "lit";
import { LightElement } from "./light-element.js";
import "./admin-platforms.js";
import "./admin-keys.js";
import "./admin-install.js";
import "./admin-audit.js";
import "./admin-privacy.js";

const TABS = [
  { id: "platforms", title: "Platforms", render: () => html`<calibrate-admin-platforms></calibrate-admin-platforms>` },
  { id: "keys", title: "Keys", render: () => html`<calibrate-admin-keys></calibrate-admin-keys>` },
  { id: "install", title: "Install values", render: () => html`<calibrate-admin-install></calibrate-admin-install>` },
  { id: "audit", title: "Audit trail", render: () => html`<calibrate-admin-audit></calibrate-admin-audit>` },
  { id: "privacy", title: "Privacy", render: () => html`<calibrate-admin-privacy></calibrate-admin-privacy>` },
];

export class CalibrateAdmin extends LightElement {
  static properties = {
    me: { attribute: false },
    tab: { state: true },
  };

  constructor() {
    super();
    this.me = null;
    this.tab = TABS[0].id;
  }

  select(id, focus) {
    this.tab = id;
    if (focus) {
      this.updateComplete.then(() => {
        const tab = this.querySelector("#admin-tab-" + id);
        if (tab) {
          tab.focus();
        }
      });
    }
  }

  onKeydown(event) {
    const index = TABS.findIndex((t) => t.id === this.tab);
    let next = null;
    if (event.key === "ArrowRight") {
      next = (index + 1) % TABS.length;
    } else if (event.key === "ArrowLeft") {
      next = (index - 1 + TABS.length) % TABS.length;
    } else if (event.key === "Home") {
      next = 0;
    } else if (event.key === "End") {
      next = TABS.length - 1;
    }
    if (next !== null) {
      event.preventDefault();
      this.select(TABS[next].id, true);
    }
  }

  render() {
    const current = TABS.find((t) => t.id === this.tab) || TABS[0];
    return html`
      <p class="lead">Calibrate's installation: the LMS platforms that may launch it, the keys it signs with,
        and what to enter in an LMS to install it.</p>
      <div class="tabs">
        <div class="tab-list" role="tablist" aria-label="Administration" @keydown=${this.onKeydown}>
          ${TABS.map((t) => html`
            <button type="button" role="tab" id="admin-tab-${t.id}" data-tab=${t.id}
                    aria-selected=${t.id === current.id ? "true" : "false"}
                    aria-controls="admin-panel-${t.id}"
                    tabindex=${t.id === current.id ? "0" : "-1"}
                    @click=${() => this.select(t.id, false)}>${t.title}</button>`)}
        </div>
        ${TABS.map((t) => html`
          <div role="tabpanel" id="admin-panel-${t.id}" class="tab-panel" aria-labelledby="admin-tab-${t.id}"
               ?hidden=${t.id !== current.id}>${t.id === current.id ? t.render() : ""}</div>`)}
      </div>`;
  }
}

customElements.define("calibrate-admin", CalibrateAdmin);
