// <calibrate-library-offer>: on a round's calibration tab, the exemplars the library keeps for the round's rubric
// version, to add to its calibration set (and so to the anchors scorers see). Adding is open while the round is in
// setup or calibration; after that the set is what scorers were calibrated on, and stays as it is.
import { html, nothing } from "lit";
import { LightElement } from "./light-element.js";
import * as api from "./api.js";
import { list, messageBox, number, str } from "./format.js";
import { phaseName } from "./rounds-page.js";

/** Fired (bubbling) after exemplars joined the calibration set, so the set on show is read again. */
export const CALIBRATION_CHANGED_EVENT = "calibrate-calibration-changed";

const OPEN_PHASES = ["setup", "calibration"];

function offerTitle(e) {
  return "Score point " + number(e.score_point) + " — " + (e.criterion ? str(e.criterion) : "whole piece");
}

export class CalibrateLibraryOffer extends LightElement {
  static properties = {
    roundId: { attribute: false },
    phase: { attribute: false },
    offered: { state: true },
    chosen: { state: true },
    message: { state: true },
    loading: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.roundId = null;
    this.phase = null;
    this.offered = null;
    this.chosen = new Set();
    this.message = null;
    this.loading = false;
    this.busy = false;
    this.loads = 0;
  }

  disconnectedCallback() {
    // An answer still on its way is ignored.
    this.loads++;
    super.disconnectedCallback();
  }

  willUpdate(changed) {
    if (changed.has("roundId") && this.roundId) {
      this.offered = null;
      this.chosen = new Set();
      this.message = null;
      this.load();
    }
  }

  get open() {
    return OPEN_PHASES.includes(this.phase);
  }

  async load() {
    const ticket = ++this.loads;
    this.loading = true;
    try {
      const data = await api.get("/api/rounds/" + encodeURIComponent(this.roundId) + "/calibration/exemplars");
      if (ticket === this.loads) {
        this.offered = list(data && data.exemplars);
        const ids = new Set(this.offered.map((e) => e.id));
        this.chosen = new Set([...this.chosen].filter((id) => ids.has(id)));
      }
    } catch (e) {
      if (ticket === this.loads) {
        this.message = { tone: "error", text: "The exemplar library could not be read: " + e.message };
      }
    } finally {
      if (ticket === this.loads) {
        this.loading = false;
      }
    }
  }

  toggle(id, on) {
    const next = new Set(this.chosen);
    if (on) {
      next.add(id);
    } else {
      next.delete(id);
    }
    this.chosen = next;
  }

  async add(event) {
    event.preventDefault();
    if (this.busy || !this.open) {
      return;
    }
    const ids = this.offered.filter((e) => this.chosen.has(e.id)).map((e) => e.id);
    if (ids.length === 0) {
      this.message = { tone: "error", text: "Tick at least one exemplar to add." };
      return;
    }
    this.busy = true;
    this.message = { tone: "info", text: "Adding…" };
    try {
      const result = await api.post("/api/rounds/" + encodeURIComponent(this.roundId) + "/calibration/exemplars", { exemplar_ids: ids });
      const added = result && Number.isInteger(result.added) ? result.added : 0;
      const skipped = ids.length - added;
      this.message = {
        tone: "info",
        text: added + " added to the calibration set.",
        detail: skipped > 0 ? skipped + (skipped === 1 ? " was" : " were") + " already in it." : null,
      };
      this.chosen = new Set();
      this.dispatchEvent(new CustomEvent(CALIBRATION_CHANGED_EVENT, { bubbles: true, composed: true, detail: { added } }));
    } catch (e) {
      this.message = { tone: "error", text: "Nothing was added: " + e.message, items: e.problems };
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`
      <section class="panel library-offer" id="library-offer" aria-labelledby="library-offer-heading">
        <h3 id="library-offer-heading">From the exemplar library</h3>
        ${this.renderBody()}
        ${messageBox("library-offer-message", this.message)}
      </section>`;
  }

  renderBody() {
    if (this.offered === null) {
      return this.loading ? html`<p class="panel-loading" role="status">Reading the exemplar library…</p>` : html`
        <p><button type="button" class="button secondary small" id="library-offer-retry" @click=${() => this.load()}>Try again</button></p>`;
    }
    if (this.offered.length === 0) {
      return html`<p class="muted" id="library-offer-empty">The library has no exemplars for this rubric version yet: they are kept
        in moderation, from pieces with clear agreement.</p>`;
    }
    const open = this.open;
    return html`
      <p>Exemplars kept from earlier rounds on this rubric version, with their agreed scores and the note on why they earn them.
        Added ones become practice pieces and anchors of this round.</p>
      <form id="library-offer-form" novalidate @submit=${this.add}>
        <fieldset>
          <legend>Exemplars to add</legend>
          <ul class="plain-list offer-list">
            ${this.offered.map((e) => this.renderItem(e))}
          </ul>
        </fieldset>
        ${open ? nothing : html`<p class="hint" id="library-offer-closed">Exemplars join the calibration set only while the round is
          in setup or calibration; this round is in ${phaseName(this.phase).toLowerCase()}.</p>`}
        <p class="actions">
          <button type="submit" class="button" id="library-offer-add"
                  aria-disabled=${open && !this.busy ? "false" : "true"}
                  aria-describedby=${open ? nothing : "library-offer-closed"}>Add selected to the calibration set</button>
        </p>
      </form>`;
  }

  renderItem(e) {
    const id = "offer-" + e.id;
    return html`
      <li class="offer-item" data-offer=${e.id}>
        <div class="check">
          <input type="checkbox" id=${id} .checked=${this.chosen.has(e.id)} aria-describedby=${id + "-note"}
                 @change=${(ev) => this.toggle(e.id, ev.target.checked)}>
          <label for=${id}>${str(e.task)}: ${offerTitle(e)} · piece <code>${str(e.piece_code)}</code></label>
        </div>
        <div class="offer-detail">
          <p class="annotation prewrap" id=${id + "-note"}><span class="fact-label">Why it earns its score:</span> ${str(e.annotation)}</p>
          <p class="exemplar-label">Excerpt</p>
          <blockquote class="piece-text small exemplar-excerpt">${str(e.excerpt)}</blockquote>
        </div>
      </li>`;
  }
}

customElements.define("calibrate-library-offer", CalibrateLibraryOffer);
