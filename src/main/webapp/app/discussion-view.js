// <calibrate-discussion>: one disputed piece's discussion as a scorer of it sees it once scoring ends — the work,
// every score under a label (a name only when the moderator has revealed scorers to each other), the rubric's
// words for the levels chosen, and the thread. Route "#rounds/<id>/discuss/<code>".
import { html, nothing } from "lit";
import { LightElement } from "./light-element.js";
import * as api from "./api.js";
import { list, messageBox, str, time } from "./format.js";

export class CalibrateDiscussion extends LightElement {
  static properties = {
    roundId: { attribute: false },
    code: { attribute: false },
    thread: { state: true },
    message: { state: true },
  };

  constructor() {
    super();
    this.roundId = null;
    this.code = null;
    this.thread = null;
    this.message = null;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  get path() {
    return "/api/rounds/" + encodeURIComponent(this.roundId) + "/discussions/" + encodeURIComponent(this.code);
  }

  async load() {
    try {
      this.thread = await api.get(this.path);
    } catch (e) {
      this.message = { tone: "error", text: e.message };
    }
  }

  post(event) {
    event.preventDefault();
    const form = event.target;
    api.post(this.path + "/posts", { body: form.elements["discussion-body"].value }).then((t) => {
      this.thread = t;
      form.reset();
      this.message = { tone: "info", text: "Posted." };
    }).catch((e) => {
      this.message = { tone: "error", text: "The post was not sent: " + e.message, items: e.problems };
    });
  }

  render() {
    const t = this.thread;
    const back = html`<p><a href=${"#rounds/" + encodeURIComponent(this.roundId) + "/score"} id="back-to-round">← Back to the round</a></p>`;
    if (!t) {
      return html`${back}<h2 data-page-heading tabindex="-1">Piece ${str(this.code)}</h2>${messageBox("discussion-message", this.message)}`;
    }
    const names = t.criteria || {};
    return html`${back}
      <h2 data-page-heading tabindex="-1" id="discussion-heading">Discussion of piece ${t.code}</h2>
      ${messageBox("discussion-message", this.message)}
      <div class="side-by-side">
        <div class="piece-text prewrap" tabindex="0" aria-label="The anonymised work">${t.text}</div>
        <div class="scores">
          ${list(t.scores).map((s) => html`<article class="score-card">
            <h3>${s.label}${s.name ? html` — ${s.name}` : nothing}</h3>
            ${s.condition_code ? html`<p><strong>${s.condition_code}</strong></p>` : html`<dl class="score-levels">
              ${Object.entries(s.levels || {}).map(([k, level]) => html`<dt>${names[k] || k}: <strong>${level}</strong></dt>
                <dd class="descriptor">${str((s.descriptors || {})[k])}</dd>`)}</dl>`}
            ${str(s.rationale) ? html`<p><span class="fact-label">Rationale:</span> <span class="prewrap">${s.rationale}</span></p>` : nothing}
            ${str(s.evidence) ? html`<p><span class="fact-label">Evidence:</span> <span class="prewrap">${s.evidence}</span></p>` : nothing}
          </article>`)}
          ${t.final_score ? html`<p>Final score: <strong>${t.final_score.condition_code || t.final_score.total}</strong></p>` : nothing}
        </div>
      </div>
      <section aria-labelledby="posts-heading" class="thread">
        <h3 id="posts-heading">Discussion</h3>
        ${list(t.posts).length ? html`<ol class="posts">${list(t.posts).map((p) => html`<li class="post">
          <p class="post-meta">${p.mine ? "You" : p.author} · ${time(p.posted_at)}</p><p class="prewrap">${p.body}</p></li>`)}</ol>`
          : html`<p class="muted">No posts yet.</p>`}
        ${t.open ? html`<form @submit=${(e) => this.post(e)}>
          <div class="field"><label for="discussion-body">Your view: point to the rubric and to the work</label>
            <textarea id="discussion-body" maxlength="4000" required></textarea></div>
          <p class="actions"><button class="button" type="submit" id="discussion-send">Post</button></p>
        </form>` : html`<p class="muted">The round is finalised; its discussions are kept as they are.</p>`}
      </section>`;
  }
}

customElements.define("calibrate-discussion", CalibrateDiscussion);
