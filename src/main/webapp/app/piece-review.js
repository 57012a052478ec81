// <calibrate-piece-review>: the release review of one piece for its moderators — the original text with every
// redaction and unsure candidate marked, each one kept or hidden, words redacted by hand, and the text scorers
// will read. The one view with the names in it, because deciding needs them; it is for moderators only.
import { html, nothing } from "lit";
import { LightElement } from "./light-element.js";
import * as api from "./api.js";
import { list, messageBox, str } from "./format.js";
import "./piece-files.js";

const ORIGINS = { redacted: "Taken out", flagged: "Unsure: decide", manual: "Redacted by hand" };

/** The original cut into plain runs and spans, by code points as the server counts them. */
function segments(original, spans) {
  const chars = Array.from(original);
  const out = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start > at) {
      out.push({ text: chars.slice(at, s.start).join("") });
    }
    out.push({ text: chars.slice(s.start, s.end).join(""), span: s });
    at = s.end;
  }
  out.push({ text: chars.slice(at).join("") });
  return out;
}

export class CalibratePieceReview extends LightElement {
  static properties = {
    roundId: { attribute: false },
    code: { attribute: false },
    data: { state: true },
    message: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.roundId = null;
    this.code = null;
    this.data = null;
    this.message = null;
    this.busy = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  get base() {
    return "/api/rounds/" + encodeURIComponent(this.roundId) + "/pieces/" + encodeURIComponent(this.code) + "/review";
  }

  async load() {
    try {
      this.data = await api.get(this.base);
    } catch (e) {
      this.message = { tone: "error", text: e.message };
    }
  }

  async save(body, done) {
    if (this.busy) {
      return;
    }
    this.busy = true;
    try {
      this.data = await api.put(this.base, { lock_version: this.data.lock_version, ...body });
      this.message = { tone: "info", text: done };
      this.dispatchEvent(new CustomEvent("calibrate-review-changed", { bubbles: true }));
    } catch (e) {
      this.message = { tone: "error", text: "Not saved: " + e.message };
      this.load();
    } finally {
      this.busy = false;
    }
  }

  decide(span, decision) {
    this.save({ decisions: { [span.index]: decision } },
      decision === "keep" ? "Kept: scorers will read it as written." : "Hidden: scorers will read " + span.label + ".");
  }

  redact(event) {
    event.preventDefault();
    const phrase = event.target.elements["review-phrase"].value.trim();
    if (!phrase) {
      this.message = { tone: "error", text: "Type the word or phrase to redact." };
      return;
    }
    this.save({ redact: phrase }, "Redacted wherever it stands as a whole word.").then(() => event.target.reset());
  }

  render() {
    const d = this.data;
    if (!d) {
      return messageBox("review-message", this.message);
    }
    const spans = list(d.spans);
    return html`<section class="panel piece-review" aria-labelledby="review-heading">
      <h3 id="review-heading">Review of piece <code>${d.code}</code></h3>
      <p class="hint">Marked words are hidden from scorers unless you keep them. ${d.pending
        ? html`<strong>${d.pending} unsure</strong> — still hidden until you decide.` : "Nothing is left to decide."}</p>
      ${messageBox("review-message", this.message)}
      <h4>Original, with what is hidden</h4>
      <div class="review-text" id="review-original">${segments(str(d.original), spans).map((s) => s.span
        ? html`<mark class="review-span ${s.span.decision === "keep" ? "kept" : ""} ${s.span.origin}" title=${s.span.label}>${s.text}</mark>`
        : s.text)}</div>
      ${spans.length ? html`<div class="table-wrap"><table class="data-table" id="review-spans">
        <caption>What the anonymiser found, and your decisions</caption>
        <thead><tr><th scope="col">Words</th><th scope="col">Scorers read</th><th scope="col">Why</th><th scope="col">Decision</th></tr></thead>
        <tbody>${spans.map((s) => html`<tr class=${s.decision === "pending" ? "row-warn" : ""}>
          <td>${Array.from(str(d.original)).slice(s.start, s.end).join("")}</td><td><code>${s.label}</code></td>
          <td>${ORIGINS[s.origin] || s.origin}</td>
          <td>${d.editable ? html`
            <button type="button" class="button ${s.decision === "keep" ? "" : "secondary"}" aria-pressed=${s.decision === "keep" ? "true" : "false"}
              ?disabled=${this.busy} @click=${() => this.decide(s, "keep")}>Keep</button>
            <button type="button" class="button ${s.decision === "redact" ? "" : "secondary"}" aria-pressed=${s.decision === "redact" ? "true" : "false"}
              ?disabled=${this.busy} @click=${() => this.decide(s, "redact")}>Hide</button>`
            : (s.decision === "keep" ? "Kept" : "Hidden")}</td></tr>`)}</tbody>
      </table></div>` : html`<p class="muted">The anonymiser found nothing to hide in this piece.</p>`}
      ${d.editable ? html`<form class="inline-form" id="review-redact-form" @submit=${(e) => this.redact(e)}>
        <div class="field"><label for="review-phrase">Redact a word or phrase everywhere in this piece</label>
          <input id="review-phrase" maxlength="200"></div>
        <button type="submit" class="button secondary" id="review-redact" ?disabled=${this.busy}>Redact</button>
      </form>` : html`<p class="hint">The pieces are released: withdraw the release to change this review.</p>`}
      <h4>What scorers will read</h4>
      <div class="review-text" id="review-scorer-text">${str(d.text)}</div>
      <calibrate-piece-files review .base=${"/api/rounds/" + encodeURIComponent(this.roundId) + "/pieces/" + encodeURIComponent(this.code)}
        .code=${d.code} .files=${list(d.files)}></calibrate-piece-files>
    </section>`;
  }
}

customElements.define("calibrate-piece-review", CalibratePieceReview);
