// <calibrate-moderation>: the discrepancy view of a round for its moderators (seeds 000, step 6): agreed work
// grouped by score point, discrepant work widest disagreement first, overall or per criterion; the round's
// moderation rules; and one piece at a time beside every scorer's levels, notes and the rubric's words for them,
// where the piece is settled (consensus, condition code, third scorer), discussed, and kept as an exemplar.
import { html, nothing } from "lit";
import { LightElement } from "./light-element.js";
import * as api from "./api.js";
import { list, messageBox, number, str, time } from "./format.js";
import { renderLevelGroups } from "./rubric-levels.js";

const GROUPS = { agreed: "Agreed", discrepant: "Discrepant", single: "Scored once", unscored: "Not scored" };
const STATES = {
  waiting: "Waits for a decision", adjudicating: "With a third scorer", settled: "Settled", resolved: "Decided by moderators",
  unscored: "Not scored",
};
const METHODS = {
  agreed: "agreed by all scorers", single: "the only score", rule: "the round's adjacent rule", adjudication: "the third scorer",
  consensus: "moderators' consensus", condition: "condition code", fair: "adjusted for the scorers' severity",
};
const CONDITIONS = { blank: "Blank", illegible: "Illegible", not_english: "Not in English", copied: "Copied", wrong_task: "Wrong task" };
const CONSENT = { unknown: "Not recorded", granted: "Granted", declined: "Declined" };
const SHOWN = 100;

export function methodName(method) {
  return METHODS[method] || method;
}

export class CalibrateModeration extends LightElement {
  static properties = {
    roundId: { attribute: false },
    view: { state: true },
    criterion: { state: true },
    piece: { state: true },
    rubric: { state: true },
    message: { state: true },
    pieceMessage: { state: true },
    consensus: { state: true },
    more: { state: true },
    fair: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.roundId = null;
    this.view = null;
    this.criterion = "";
    this.piece = null;
    this.rubric = null;
    this.message = null;
    this.pieceMessage = null;
    this.consensus = {};
    this.more = {};
    this.fair = null;
    this.busy = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  get base() {
    return "/api/rounds/" + encodeURIComponent(this.roundId) + "/moderation";
  }

  async load() {
    try {
      const q = this.criterion ? "?criterion=" + encodeURIComponent(this.criterion) : "";
      this.view = await api.get(this.base + q);
      if (!this.rubric) {
        const round = await api.get("/api/rounds/" + encodeURIComponent(this.roundId));
        this.rubric = (await api.get("/api/rubrics/" + encodeURIComponent(round.rubric.id))).definition;
      }
    } catch (e) {
      this.message = { tone: "error", text: e.message };
    }
  }

  async open(code) {
    try {
      this.piece = await api.get(this.base + "/pieces/" + encodeURIComponent(code));
      this.pieceMessage = null;
      this.consensus = { ...((this.piece.resolution && this.piece.resolution.levels) || (this.piece.final_score && this.piece.final_score.levels) || {}) };
      await this.updateComplete;
      const heading = this.querySelector("#piece-heading");
      if (heading) {
        heading.focus();
      }
    } catch (e) {
      this.message = { tone: "error", text: e.message };
    }
  }

  /** One change to the open piece; the view is read again so groups and counts follow. */
  async change(what, call, done) {
    if (this.busy) {
      return;
    }
    this.busy = true;
    try {
      const answer = await call();
      this.piece = answer && answer.piece ? answer.piece : answer;
      this.pieceMessage = { tone: "info", text: done };
      this.consensus = { ...((this.piece.resolution && this.piece.resolution.levels) || {}) };
      this.load();
    } catch (e) {
      this.pieceMessage = {
        tone: "error", text: what + ": " + e.message, items: e.problems,
        detail: e.status === 409 && e.code === "conflict" ? "Another moderator changed this piece meanwhile; it now shows their version." : null,
      };
      if (e.status === 409 && e.code === "conflict" && this.piece) {
        this.open(this.piece.code);
      }
    } finally {
      this.busy = false;
    }
  }

  piecePath(suffix = "") {
    return this.base + "/pieces/" + encodeURIComponent(this.piece.code) + suffix;
  }

  saveRules(event) {
    event.preventDefault();
    const f = event.target.elements;
    const r = this.view.rules;
    api.put(this.base + "/rules", {
      lock_version: r.lock_version, tolerance: f["rules-tolerance"].value, adjacent_rule: f["rules-adjacent"].value,
      discrepant_rule: f["rules-discrepant"].value, grade_scale: f["rules-scale"].value, grade_comment: f["rules-comment"].checked,
    }).then(() => {
      this.message = { tone: "info", text: "Moderation rules saved; the groups below follow them." };
      this.dispatchEvent(new CustomEvent("calibrate-round-changed", { bubbles: true }));
      this.load();
    }).catch((e) => {
      this.message = { tone: "error", text: "The rules were not saved: " + e.message };
      this.load();
    });
  }

  /** The severity-adjusted levels of every piece: one model fit of the round, read when first asked for. */
  async showFair() {
    try {
      this.fair = await api.get(this.base + "/fair");
    } catch (e) {
      this.pieceMessage = { tone: "error", text: "The adjusted levels could not be computed: " + e.message };
    }
  }

  renderFair(p, names) {
    if (!this.fair) {
      return html`<p><button type="button" class="link-button" id="fair-show" @click=${() => this.showFair()}>Show the levels adjusted for
        the scorers' severity</button></p>`;
    }
    if (!this.fair.estimated) {
      return html`<p class="cell-note" id="fair-levels">No severity adjustment: ${str(this.fair.reason)}</p>`;
    }
    const levels = (this.fair.pieces || {})[p.code] || {};
    return html`<p class="cell-note" id="fair-levels">Adjusted for the scorers' severity (many-facet Rasch):
      ${Object.entries(levels).map(([k, v]) => `${names[k] || k} ${v.toFixed(2)}`).join(" · ") || "—"}. Information only, unless the
      round's rules settle pieces with it.</p>`;
  }

  resolve(event) {
    event.preventDefault();
    const f = event.target.elements;
    const condition = f["resolve-condition"].value;
    const body = { rationale: f["resolve-rationale"].value };
    if (condition) {
      body.condition_code = condition;
    } else {
      body.levels = this.consensus;
    }
    if (this.piece.resolution && !this.piece.resolution.automatic) {
      body.lock_version = this.piece.resolution.lock_version;
    }
    this.change("The decision was not saved", () => api.put(this.piecePath("/resolution"), body), "Decision recorded.");
  }

  undo() {
    this.change("The decision was not taken back",
      () => api.del(this.piecePath("/resolution?lock_version=" + this.piece.resolution.lock_version)), "Decision taken back.");
  }

  adjudicate(event) {
    event.preventDefault();
    const scorer = event.target.elements["third-scorer"].value;
    this.change("The piece was not sent", () => api.post(this.piecePath("/adjudication"), scorer ? { scorer_id: scorer } : {}),
      "Sent to a third scorer, who scores it without seeing the first scores.");
  }

  withdraw() {
    this.change("The third scorer was not withdrawn", () => api.del(this.piecePath("/adjudication")), "The third scorer no longer has this piece.");
  }

  consent(event) {
    this.change("Consent was not saved", () => api.put(this.piecePath("/consent"), { consent: event.target.value }), "Consent recorded.");
  }

  post(event) {
    event.preventDefault();
    const form = event.target;
    const body = form.elements["post-body"].value;
    this.change("The post was not sent", async () => {
      await api.post("/api/rounds/" + encodeURIComponent(this.roundId) + "/discussions/" + encodeURIComponent(this.piece.code) + "/posts", { body });
      form.reset();
      return api.get(this.piecePath());
    }, "Posted.");
  }

  keep(event) {
    event.preventDefault();
    const f = event.target.elements;
    const criterion = f["exemplar-criterion"].value;
    const fin = this.piece.final_score;
    const body = {
      criterion: criterion || null, annotation: f["exemplar-annotation"].value, task: f["exemplar-task"].value || null,
      keep_until: f["exemplar-keep"].value || null,
      score_point: criterion ? fin.levels[criterion] : fin.total,
    };
    this.change("The exemplar was not kept", () => api.post(this.piecePath("/exemplars"), body),
      "Kept in the exemplar library. Check its anonymity there before exporting an anchor set.");
  }

  // --- Rendering ------------------------------------------------------------------------------

  renderRules(r) {
    const finalised = r.phase === "finalised";
    return html`
      <details class="panel" id="moderation-rules">
        <summary>Moderation rules: ${r.tolerance === "exact" ? "only the same level counts as agreed" : "levels one apart count as agreed"}</summary>
        <form @submit=${(e) => this.saveRules(e)}>
          <fieldset ?disabled=${finalised}>
            <legend>How scores become final scores</legend>
            <div class="field"><label for="rules-tolerance">Agreement</label>
              <select id="rules-tolerance" .value=${r.tolerance}>
                <option value="exact" ?selected=${r.tolerance === "exact"}>Exact: the same level from every scorer</option>
                <option value="adjacent" ?selected=${r.tolerance === "adjacent"}>Adjacent: levels one apart count as agreed</option>
              </select></div>
            <div class="field"><label for="rules-adjacent">Final level for adjacent scores (when they count as agreed)</label>
              <select id="rules-adjacent" .value=${r.adjacent_rule}>
                ${[["moderator", "The moderators decide"], ["mean_up", "Mean, rounded up"], ["higher", "The higher level"], ["lower", "The lower level"],
                  ["fair", "Adjusted for the scorers' severity (Rasch), rounded"]]
                  .map(([k, t]) => html`<option value=${k} ?selected=${r.adjacent_rule === k}>${t}</option>`)}
              </select></div>
            <div class="field"><label for="rules-discrepant">Discrepant pieces when moderation opens</label>
              <select id="rules-discrepant" .value=${r.discrepant_rule}>
                <option value="moderator" ?selected=${r.discrepant_rule === "moderator"}>Wait for the moderators</option>
                <option value="third_scorer" ?selected=${r.discrepant_rule === "third_scorer"}>Go to a third, blind scorer</option>
                <option value="fair" ?selected=${r.discrepant_rule === "fair"}>Settle at the level adjusted for the scorers' severity (Rasch), rounded</option>
              </select></div>
            <div class="field"><label for="rules-scale">Grade returned to the gradebook</label>
              <select id="rules-scale" .value=${r.grade_scale}>
                <option value="range" ?selected=${r.grade_scale === "range"}>Lowest total = 0, highest = full marks (as Moodle rubrics)</option>
                <option value="points" ?selected=${r.grade_scale === "points"}>Total as a share of the highest total</option>
              </select></div>
            <div class="check"><input type="checkbox" id="rules-comment" .checked=${Boolean(r.grade_comment)}>
              <label for="rules-comment">Send the moderators' rationale to the student as the grade comment</label></div>
            <p class="actions"><button class="button secondary" type="submit" id="rules-save">Save rules</button></p>
          </fieldset>
        </form>
      </details>`;
  }

  renderSummary(s) {
    const fin = s.final_score;
    const levels = list(s.scores).map((c) => (c.condition_code ? CONDITIONS[c.condition_code] || c.condition_code : c.total ?? "—")).join(" · ");
    return html`<li>
      <button type="button" class="piece-chip ${this.piece && this.piece.code === s.code ? "current" : ""}" data-moderation-piece=${s.code}
        data-state=${s.state} aria-pressed=${this.piece && this.piece.code === s.code ? "true" : "false"} @click=${() => this.open(s.code)}>
        <span class="piece-code">${s.code}</span>
        <span class="chip-scores">${levels}${s.spread !== undefined && s.spread !== null && s.group === "discrepant" ? html` (${s.spread} apart)` : nothing}</span>
        <span class="chip-state">${STATES[s.state] || s.state}${fin ? html` → ${fin.condition_code ? CONDITIONS[fin.condition_code] : fin.total}` : nothing}</span>
        ${s.posts ? html`<span class="chip-note">${s.posts} post${s.posts === 1 ? "" : "s"}</span>` : nothing}
        ${s.open_flags ? html`<span class="chip-note">${s.open_flags} open flag${s.open_flags === 1 ? "" : "s"}</span>` : nothing}
        ${s.exemplars ? html`<span class="chip-note">Exemplar</span>` : nothing}
      </button></li>`;
  }

  renderGroupList(key, pieces) {
    const all = list(pieces);
    const shown = this.more[key] ? all : all.slice(0, SHOWN);
    return html`<ul class="piece-chips">${shown.map((s) => this.renderSummary(s))}</ul>
      ${all.length > shown.length ? html`<button type="button" class="link-button" @click=${() => { this.more = { ...this.more, [key]: true }; }}>
        Show all ${number(all.length)}</button>` : nothing}`;
  }

  renderView() {
    const v = this.view;
    const c = v.counts;
    const names = v.criteria || {};
    const keys = Object.keys(names);
    return html`
      ${this.renderRules(v.rules)}
      <p id="moderation-counts">
        ${number(c.pieces)} pieces: <strong>${number(c.agreed)}</strong> agreed, <strong>${number(c.discrepant)}</strong>
        discrepant${c.single ? html`, ${number(c.single)} scored once` : nothing}${c.unscored ? html`, ${number(c.unscored)} not scored` : nothing}.
        Waiting for a decision: <strong id="count-waiting">${number(c.waiting)}</strong> · with a third scorer: ${number(c.adjudicating)}
        · settled: ${number(c.settled + c.resolved)}.
      </p>
      ${keys.length > 1 ? html`<div class="field inline-field"><label for="moderation-criterion">Group by</label>
        <select id="moderation-criterion" @change=${(e) => { this.criterion = e.target.value; this.load(); }}>
          <option value="" ?selected=${!this.criterion}>The whole score</option>
          ${keys.map((k) => html`<option value=${k} ?selected=${this.criterion === k}>${names[k]}</option>`)}
        </select></div>` : nothing}
      <div class="moderation-layout">
        <div class="moderation-groups">
          <section aria-labelledby="discrepant-heading">
            <h3 id="discrepant-heading">Discrepant work <span class="muted">(${number(list(v.discrepant).length)}, widest disagreement first)</span></h3>
            ${list(v.discrepant).length ? this.renderGroupList("discrepant", v.discrepant) : html`<p class="muted">No discrepant work.</p>`}
          </section>
          <section aria-labelledby="agreed-heading">
            <h3 id="agreed-heading">Agreed work</h3>
            ${list(v.agreed).length ? list(v.agreed).map((g) => html`
              <h4 class="point-heading" id=${"point-" + g.point}>Score point ${g.point} <span class="muted">(${number(list(g.pieces).length)})</span></h4>
              ${this.renderGroupList("agreed-" + g.point, g.pieces)}`) : html`<p class="muted">No agreed work.</p>`}
          </section>
          ${list(v.other).length ? html`<section aria-labelledby="other-heading">
            <h3 id="other-heading">Scored once or not scored</h3>${this.renderGroupList("other", v.other)}</section>` : nothing}
        </div>
        <div class="moderation-piece">${this.piece ? this.renderPiece(this.piece) : html`<p class="muted" id="piece-hint">
          Choose a piece to see it beside every score.</p>`}</div>
      </div>`;
  }

  renderScore(s, names) {
    return html`
      <article class="score-card" data-score-label=${s.label}>
        <h5>${s.label}${s.name ? html` — ${s.name}` : nothing}${s.adjudication ? html` <span class="badge">third scorer</span>` : nothing}</h5>
        ${s.condition_code ? html`<p><strong>${CONDITIONS[s.condition_code] || s.condition_code}</strong></p>` : html`
          <dl class="score-levels">${Object.entries(s.levels || {}).map(([k, level]) => html`
            <dt>${names[k] || k}: <strong>${level}</strong></dt>
            <dd class="descriptor">${str((s.descriptors || {})[k])}</dd>`)}</dl>
          <p>Total <strong>${s.total}</strong></p>`}
        ${str(s.rationale) ? html`<p><span class="fact-label">Rationale:</span> <span class="prewrap">${s.rationale}</span></p>` : nothing}
        ${str(s.evidence) ? html`<p><span class="fact-label">Evidence:</span> <span class="prewrap">${s.evidence}</span></p>` : nothing}
        ${list(s.flags).length || s.suggested_condition ? html`<p class="cell-note">Flags: ${[...list(s.flags), s.suggested_condition ? "suggests " + s.suggested_condition : null]
          .filter(Boolean).join(", ")}${str(s.flag_note) ? html` — ${s.flag_note}` : nothing}</p>` : nothing}
      </article>`;
  }

  renderPiece(p) {
    const names = (this.view && this.view.criteria) || {};
    const open = this.view && this.view.rules.phase === "moderation";
    const decided = p.resolution && !p.resolution.automatic;
    const fin = p.final_score;
    return html`
      <section class="panel piece-panel" aria-labelledby="piece-heading" data-piece=${p.code}>
        <h3 id="piece-heading" tabindex="-1">Piece ${p.code}</h3>
        <p class="piece-facts"><span class="badge">${GROUPS[p.group] || p.group}</span>
          ${p.spread !== undefined && p.spread !== null && p.group === "discrepant" ? html` ${p.spread} level${p.spread === 1 ? "" : "s"} apart ·` : nothing}
          <span id="piece-state">${STATES[p.state] || p.state}</span>
          ${fin ? html` · final score <strong id="piece-final">${fin.condition_code ? CONDITIONS[fin.condition_code] : fin.total}</strong>
            (${methodName(fin.method)})` : nothing}</p>
        ${messageBox("piece-message", this.pieceMessage)}
        <div class="side-by-side">
          <div class="piece-text prewrap" tabindex="0" aria-label="The anonymised work">${p.text}</div>
          <div class="scores">${list(p.scores).map((s) => this.renderScore(s, names))}
            ${p.adjudication && !p.adjudication.scored ? html`<p class="cell-note">With ${str(p.adjudication.name) || "a third scorer"}, not yet scored.</p>` : nothing}
          </div>
        </div>
        ${p.scores && list(p.scores).length >= 2 ? this.renderFair(p, names) : nothing}
        ${list(p.flags).length ? html`<ul class="flag-list">${list(p.flags).map((f) => html`<li>${f.kind.replace("condition:", "suggested condition: ")}
          ${str(f.note) ? html` — ${f.note}` : nothing} ${f.acknowledged ? html`<span class="muted">(answered)</span>` : nothing}</li>`)}</ul>` : nothing}
        ${open ? this.renderDecision(p, decided) : nothing}
        ${this.renderConsent(p, open)}
        ${fin && !fin.condition_code && ["agreed", "consensus", "single", "rule"].includes(fin.method) ? this.renderKeep(p, names) : nothing}
        ${this.renderThread(p, open)}
        ${list(p.history).length ? html`<details><summary>History of this piece (${list(p.history).length})</summary>
          <ol class="plain-list">${list(p.history).map((h) => html`<li>${time(h.at)} — ${h.who}: ${h.action} ${str(h.detail)}</li>`)}</ol></details>` : nothing}
      </section>`;
  }

  renderDecision(p, decided) {
    return html`
      <form class="decision" id="resolve-form" @submit=${(e) => this.resolve(e)} aria-labelledby="resolve-heading">
        <h4 id="resolve-heading">${decided ? "Change the moderators' decision" : "Record the moderators' decision"}</h4>
        ${this.rubric ? renderLevelGroups(this.rubric, {
          prefix: "resolve", levels: this.consensus,
          onPick: (k, level) => { this.consensus = { ...this.consensus, [k]: level }; },
        }) : nothing}
        <div class="field"><label for="resolve-condition">Or a condition code (not scorable)</label>
          <select id="resolve-condition">
            <option value="">None: score it with the levels above</option>
            ${Object.entries(CONDITIONS).map(([k, t]) => html`<option value=${k} ?selected=${p.resolution && p.resolution.condition_code === k}>${t}</option>`)}
          </select></div>
        <div class="field"><label for="resolve-rationale">Rationale (kept with the score${this.view.rules.grade_comment ? "; sent to the student as the grade comment" : ""})</label>
          <textarea id="resolve-rationale" maxlength="8000" .value=${str(decided ? p.resolution.rationale : "")}
            aria-describedby="resolve-hint"></textarea>
          <p class="hint" id="resolve-hint">Point to the rubric and to specific places in the work.</p></div>
        <p class="actions"><button class="button" type="submit" id="resolve-save" ?disabled=${this.busy}>Save decision</button>
          ${decided ? html`<button type="button" class="button secondary" id="resolve-undo" @click=${() => this.undo()}>Take the decision back</button>` : nothing}</p>
      </form>
      ${!decided && !p.adjudication && list(p.third_scorers).length ? html`
        <form class="inline-form" id="adjudicate-form" @submit=${(e) => this.adjudicate(e)}>
          <div class="field"><label for="third-scorer">Or send to a third, blind scorer</label>
            <select id="third-scorer"><option value="">Whoever has the fewest</option>
              ${list(p.third_scorers).map((c) => html`<option value=${c.id}>${c.name}</option>`)}</select></div>
          <button class="button secondary" type="submit" id="adjudicate-send">Send</button>
        </form>` : nothing}
      ${p.adjudication && !p.adjudication.scored ? html`<p><button type="button" class="button secondary small" id="adjudicate-withdraw"
        @click=${() => this.withdraw()}>Take the piece back from the third scorer</button></p>` : nothing}`;
  }

  renderConsent(p, open) {
    return html`<div class="field inline-field"><label for="piece-consent">Consent to keep this work as an exemplar</label>
      <select id="piece-consent" ?disabled=${!open && p.consent === "declined"} @change=${(e) => this.consent(e)}>
        ${Object.entries(CONSENT).map(([k, t]) => html`<option value=${k} ?selected=${p.consent === k}>${t}</option>`)}
      </select></div>`;
  }

  renderKeep(p, names) {
    const keys = Object.keys(names);
    return html`
      <details class="keep" id="keep-exemplar">
        <summary>Keep as an exemplar${p.exemplars ? html` (already kept ${p.exemplars}×)` : nothing}</summary>
        <form @submit=${(e) => this.keep(e)}>
          <div class="field"><label for="exemplar-criterion">It shows</label>
            <select id="exemplar-criterion">
              <option value="">The whole piece: total ${p.final_score.total}</option>
              ${keys.length > 1 ? keys.map((k) => html`<option value=${k}>${names[k]}: level ${p.final_score.levels[k]}</option>`) : nothing}
            </select></div>
          <div class="field"><label for="exemplar-annotation">Why it earns this score</label>
            <textarea id="exemplar-annotation" maxlength="4000" required></textarea></div>
          <div class="field"><label for="exemplar-task">Task (as the library lists it; the round's title if empty)</label>
            <input id="exemplar-task" maxlength="200"></div>
          <div class="field"><label for="exemplar-keep">Keep until (empty: the school's longest)</label>
            <input id="exemplar-keep" type="date" class="input-short"></div>
          <p class="actions"><button class="button secondary" type="submit" id="exemplar-save">Keep as exemplar</button></p>
        </form>
      </details>`;
  }

  renderThread(p, open) {
    return html`
      <section class="thread" aria-labelledby="thread-heading">
        <h4 id="thread-heading">Discussion</h4>
        ${list(p.posts).length ? html`<ol class="posts">${list(p.posts).map((x) => html`<li class="post">
          <p class="post-meta">${x.author} · ${time(x.posted_at)}</p><p class="prewrap">${x.body}</p></li>`)}</ol>`
          : html`<p class="muted">No posts yet. The piece's scorers can join in from their round page.</p>`}
        ${open ? html`<form @submit=${(e) => this.post(e)} class="post-form">
          <div class="field"><label for="post-body">Add to the discussion</label>
            <textarea id="post-body" maxlength="4000" required></textarea></div>
          <p class="actions"><button class="button secondary small" type="submit" id="post-send">Post</button></p>
        </form>` : nothing}
      </section>`;
  }

  render() {
    return html`
      ${messageBox("moderation-message", this.message)}
      ${this.view ? this.renderView() : this.message ? nothing : html`<p class="panel-loading" role="status">Loading the discrepancy view…</p>`}`;
  }
}

customElements.define("calibrate-moderation", CalibrateModeration);
