// <calibrate-piece-files>: a piece's files as scorers get them — pictures of pages with names boxed out, shown in the
// page; documents rebuilt from the redacted content, opened on request. Never the student's original. For moderators
// (the release review) each file also says what to check by eye.
import { html, nothing } from "lit";
import { styleMap } from "lit/directives/style-map.js";
import { LightElement } from "./light-element.js";
import * as api from "./api.js";
import { list, number, str } from "./format.js";

export class CalibratePieceFiles extends LightElement {
  static properties = {
    base: { attribute: false }, // "/api/rounds/<id>/pieces/<code>"
    code: { attribute: false },
    files: { attribute: false },
    review: { type: Boolean },
    urls: { state: true },
    message: { state: true },
    drafts: { state: true }, // n -> boxes drawn but not saved yet
    busy: { state: true },
  };

  constructor() {
    super();
    this.files = [];
    this.urls = {};
    this.message = null;
    this.drafts = {};
    this.busy = false;
    this.drag = null;
  }

  disconnectedCallback() {
    this.release();
    super.disconnectedCallback();
  }

  release() {
    Object.values(this.urls).forEach((u) => URL.revokeObjectURL(u));
    this.urls = {};
  }

  updated(changed) {
    if (changed.has("files") || changed.has("code")) {
      this.release();
      list(this.files).filter((f) => f.media_type === "image/png").forEach((f) => this.show(f));
    }
  }

  async show(f) {
    try {
      const url = await api.objectUrl(this.base + "/files/" + f.n);
      this.urls = { ...this.urls, [f.n]: url };
    } catch (e) {
      this.message = e.message;
    }
  }

  async open(f) {
    try {
      await api.download(this.base + "/files/" + f.n, "piece-" + this.code + "-" + (f.n + 1) + (f.media_type === "application/pdf" ? ".pdf" : ".docx"));
    } catch (e) {
      this.message = e.message;
    }
  }

  /** Saves a picture's boxes (those kept and those drawn) and shows the picture as scorers now get it. */
  async saveBoxes(f, boxes) {
    this.busy = true;
    try {
      const saved = await api.put(this.base + "/review/files/" + f.n + "/boxes", { boxes });
      this.files = list(this.files).map((x) => (x.n === f.n ? saved : x));
      this.drafts = { ...this.drafts, [f.n]: [] };
      this.message = null;
      this.dispatchEvent(new CustomEvent("calibrate-files-changed", { bubbles: true }));
    } catch (e) {
      this.message = e.message;
    } finally {
      this.busy = false;
    }
  }

  addDraft(f, box) {
    const clamp = (v) => Math.min(1, Math.max(0, v));
    const b = { x: clamp(box.x), y: clamp(box.y), w: Math.min(box.w, 1 - clamp(box.x)), h: Math.min(box.h, 1 - clamp(box.y)) };
    if (b.w > 0.002 && b.h > 0.002) {
      this.drafts = { ...this.drafts, [f.n]: [...list(this.drafts[f.n]), b] };
    }
  }

  /** Pointer drawing: a box from where the pointer went down to where it came up, in fractions of the picture. */
  pointer(event, f) {
    const frame = event.currentTarget.getBoundingClientRect();
    const at = { x: (event.clientX - frame.left) / frame.width, y: (event.clientY - frame.top) / frame.height };
    if (event.type === "pointerdown") {
      this.drag = { n: f.n, from: at };
      event.currentTarget.setPointerCapture(event.pointerId);
    } else if (event.type === "pointerup" && this.drag && this.drag.n === f.n) {
      const from = this.drag.from;
      this.drag = null;
      this.addDraft(f, { x: Math.min(from.x, at.x), y: Math.min(from.y, at.y), w: Math.abs(at.x - from.x), h: Math.abs(at.y - from.y) });
    }
  }

  /** The keyboard's way to a box: its place and size in percent of the picture. */
  addTyped(event, f) {
    event.preventDefault();
    const e = event.target.elements;
    const v = (name) => Number(e[name].value) / 100;
    const box = { x: v("box-x"), y: v("box-y"), w: v("box-w"), h: v("box-h") };
    if ([box.x, box.y, box.w, box.h].some((n) => !Number.isFinite(n)) || box.w <= 0 || box.h <= 0) {
      this.message = "Give the box's left, top, width and height in percent of the picture.";
      return;
    }
    this.addDraft(f, box);
    event.target.reset();
  }

  renderBoxes(f) {
    const saved = list(f.boxes);
    const drafts = list(this.drafts[f.n]);
    const pct = (v) => Math.round(v * 1000) / 10 + "%";
    return html`<div class="box-editor">
      <p class="hint">Draw a box over anything that names someone (drag on the picture), or type it below; scorers get the
        picture with the boxes filled in black.</p>
      ${saved.length || drafts.length ? html`<ul class="box-list" aria-label=${"Boxes on picture " + (f.n + 1)}>
        ${saved.map((b, i) => html`<li>Box at ${pct(b.x)}, ${pct(b.y)} (${pct(b.w)} × ${pct(b.h)}) — saved
          <button type="button" class="button secondary" ?disabled=${this.busy}
            @click=${() => this.saveBoxes(f, saved.filter((_, j) => j !== i))}>Remove</button></li>`)}
        ${drafts.map((b, i) => html`<li>Box at ${pct(b.x)}, ${pct(b.y)} (${pct(b.w)} × ${pct(b.h)}) — not saved
          <button type="button" class="button secondary" @click=${() => { this.drafts = { ...this.drafts, [f.n]: drafts.filter((_, j) => j !== i) }; }}>
            Discard</button></li>`)}
      </ul>` : nothing}
      <form class="inline-form box-form" @submit=${(e) => this.addTyped(e, f)}>
        ${[["box-x", "Left %"], ["box-y", "Top %"], ["box-w", "Width %"], ["box-h", "Height %"]].map(([id, label]) => html`
          <div class="field"><label for=${id + "-" + f.n}>${label}</label>
            <input id=${id + "-" + f.n} name=${id} type="number" min="0" max="100" step="0.1" class="input-short" required></div>`)}
        <button type="submit" class="button secondary">Add the box</button>
      </form>
      <p class="actions"><button type="button" class="button" ?disabled=${this.busy || !drafts.length}
        @click=${() => this.saveBoxes(f, [...saved, ...drafts])}>Save the boxes</button></p>
    </div>`;
  }

  render() {
    const files = list(this.files).filter((f) => this.review || f.media_type);
    if (!files.length) {
      return nothing;
    }
    return html`<section class="piece-files" aria-label=${"Files of piece " + str(this.code)}>
      <h4>${this.review ? "Files as scorers get them" : "The work's files"}</h4>
      ${this.message ? html`<p class="message message-error" role="alert">${this.message}</p>` : nothing}
      <ul class="piece-file-list">${files.map((f) => html`<li data-file=${f.n}>
        ${f.media_type === "image/png"
          ? html`${this.urls[f.n] ? html`<div class="piece-page-frame" @pointerdown=${(e) => this.review && this.pointer(e, f)}
                @pointerup=${(e) => this.review && this.pointer(e, f)}>
              <img class="piece-page" draggable="false" src=${this.urls[f.n]}
                alt=${"Picture " + (f.n + 1) + " of piece " + str(this.code) + ", as handed in, with names covered"}>
              ${list(this.drafts[f.n]).map((b) => html`<span class="box-draft" style=${styleMap({ left: b.x * 100 + "%", top: b.y * 100 + "%",
                width: b.w * 100 + "%", height: b.h * 100 + "%" })}></span>`)}</div>
              ${this.review ? this.renderBoxes(f) : nothing}` : html`<p>Loading picture ${f.n + 1}…</p>`}`
          : f.media_type
            ? html`<button type="button" class="button secondary" @click=${() => this.open(f)}>Open file ${f.n + 1}
                (${f.media_type === "application/pdf" ? "PDF" : "Word"}, ${number(f.pages)} ${f.pages === 1 ? "page" : "pages"})</button>`
            : html`<p>File ${f.n + 1}: scorers read its text only.</p>`}
        ${this.review && f.needs_check ? html`<p class="badge warn">Check by eye</p>` : nothing}
        ${this.review && f.note ? html`<p class="hint">${f.note}</p>` : nothing}
      </li>`)}</ul>
    </section>`;
  }
}

customElements.define("calibrate-piece-files", CalibratePieceFiles);
