// <calibrate-piece-files>: a piece's files as scorers get them — pictures of pages with names boxed out, shown in the
// page; documents rebuilt from the redacted content, opened on request. Never the student's original. For moderators
// (the release review) each file also says what to check by eye.
import { html, nothing } from "lit";
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
  };

  constructor() {
    super();
    this.files = [];
    this.urls = {};
    this.message = null;
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
          ? html`${this.urls[f.n] ? html`<img class="piece-page" src=${this.urls[f.n]}
              alt=${"Picture " + (f.n + 1) + " of piece " + str(this.code) + ", as handed in, with names covered"}>` : html`<p>Loading picture ${f.n + 1}…</p>`}`
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
