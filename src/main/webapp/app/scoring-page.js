// <calibrate-scoring>: a scorer's workspace in one round. During calibration (and while a round that
// requires it has not qualified them) the practice set: score a piece, then see the agreed score and why.
// During scoring: the queue with progress, the anonymised piece beside the rubric, a level per criterion
// by click or keyboard, notes, condition code "blank", flags for the moderators, autosaved drafts, and the
// next piece on submit. The scorer sees only their own scores.
import { html, nothing } from "lit";
import { LightElement } from "./light-element.js";
import * as api from "./api.js";
import { list, messageBox, number, str, time } from "./format.js";
import {
  criteria, focusCriterion, handleScoringKey, missingLevels, renderCaps, renderLevelGroups, renderNotes,
} from "./rubric-levels.js";
import "./piece-files.js";
import { phaseName } from "./rounds-page.js";

const AUTOSAVE_MS = 1500;
const FLAGS = [
  ["sensitive", "Sensitive content — tell the moderators now"],
  ["unsure", "Unsure or unusual response"],
  ["file_problem", "Problem with the piece (missing pages, unreadable)"],
];
const CONDITIONS = [
  ["", "No other condition"],
  ["illegible", "Illegible"],
  ["not_english", "Not in English"],
  ["copied", "Copied text"],
  ["wrong_task", "Answers another task"],
];

function emptyScore() {
  return { levels: {}, caps: [], condition_code: null, flags: [], suggested_condition: null, flag_note: "", rationale: "", evidence: "" };
}

export class CalibrateScoring extends LightElement {
  static properties = {
    roundId: { attribute: false },
    round: { state: true },
    practice: { state: true },
    queue: { state: true },
    work: { state: true },
    draft: { state: true },
    saveState: { state: true },
    message: { state: true },
    practiceItem: { state: true },
    practiceLevels: { state: true },
    practiceResult: { state: true },
    anchorView: { state: true },
    mode: { state: true }, // "loading" | "practice" | "score" | "closed"
    status: { state: true }, // the last thing done, announced politely
    done: { state: true },
  };

  constructor() {
    super();
    this.roundId = null;
    this.round = null;
    this.practice = null;
    this.queue = null;
    this.work = null;
    this.draft = emptyScore();
    this.saveState = "";
    this.message = null;
    this.practiceItem = null;
    this.practiceLevels = {};
    this.practiceResult = null;
    this.anchorView = null;
    this.rubric = null;
    this.mine = null;
    this.discussions = null;
    this.adjudication = false;
    this.mode = "loading";
    this.status = "";
    this.done = false;
    this.timer = null;
    this.saving = null;
    this.dirty = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  disconnectedCallback() {
    clearTimeout(this.timer);
    if (this.dirty) {
      this.saveDraft();
    }
    super.disconnectedCallback();
  }

  get base() {
    return "/api/rounds/" + encodeURIComponent(this.roundId);
  }

  async load() {
    try {
      this.round = await api.get(this.base);
      this.practice = await api.get(this.base + "/calibration");
      const phase = this.round.phase;
      const result = this.practice.result || {};
      const mustPractise = phase === "calibration"
        || (phase === "scoring" && this.practice.required && !result.qualified && list(this.practice.items).length > 0);
      if (mustPractise) {
        // Practice pieces carry no rubric of their own: the round's rubric version is read once.
        this.rubric = (await api.get("/api/rubrics/" + encodeURIComponent(this.round.rubric.id))).definition;
        this.startPractice();
      } else if (phase === "scoring") {
        await this.startScoring();
      } else if (phase === "moderation" && await this.adjudicating()) {
        // A moderator sent discrepant pieces to this scorer as the third, blind scorer.
        this.adjudication = true;
        await this.startScoring();
      } else {
        this.adjudication = false;
        this.queue = await api.get(this.base + "/queue").catch(() => null);
        this.discussions = ["moderation", "finalised"].includes(phase)
          ? await api.get(this.base + "/discussions").catch(() => null) : null;
        // Once scoring ends a scorer may read their own agreement figures (never anyone else's).
        this.mine = ["moderation", "finalised"].includes(phase)
          ? await api.get(this.base + "/report/mine").catch(() => null) : null;
        this.mode = "closed";
      }
    } catch (e) {
      this.mode = "closed";
      this.message = { tone: "error", text: e.message };
    }
  }

  /** Pieces still to score as a third scorer: once scoring ends, the queue holds only those. */
  async adjudicating() {
    const q = await api.get(this.base + "/queue").catch(() => null);
    return Boolean(q && list(q.items).some((i) => i.state !== "submitted"));
  }

  renderDiscussions(d) {
    const pieces = list(d.pieces);
    return html`
      <section class="panel" id="my-discussions" aria-labelledby="my-discussions-heading">
        <h3 id="my-discussions-heading">Pieces in discussion</h3>
        ${pieces.length ? html`<p>Pieces you scored on which the scorers disagree, or that someone is discussing. Scorers appear as
          Scorer A, B…${d.scorers_revealed ? " — the moderator has let scorers see each other's names" : ""}.</p>
          <ul class="plain-list">${pieces.map((p) => html`<li><a href=${"#rounds/" + encodeURIComponent(this.roundId) + "/discuss/" + encodeURIComponent(p.code)}
            data-discuss=${p.code}>Piece ${p.code}</a> — ${p.group === "discrepant" ? (p.spread === undefined || p.spread === null ? "blank and scored" : p.spread + " apart") : "in discussion"}${
            p.posts ? html` · ${p.posts} post${p.posts === 1 ? "" : "s"}` : nothing}</li>`)}</ul>`
          : html`<p class="muted">None of the pieces you scored is in discussion.</p>`}
      </section>`;
  }

  // --- Calibration practice -------------------------------------------------------------------

  startPractice() {
    const items = list(this.practice.items);
    this.practiceItem = items.find((i) => !i.attempted) || null;
    this.practiceLevels = {};
    this.practiceResult = null;
    this.mode = "practice";
    this.focusFirst("#practice-form");
  }

  async submitPractice() {
    const rubric = this.rubric;
    const missing = missingLevels(rubric, this.practiceLevels);
    if (missing.length) {
      this.message = { tone: "error", text: "Choose a level for: " + missing.join(", ") + "." };
      return;
    }
    try {
      this.practiceResult = await api.post(this.base + "/calibration/items/" + encodeURIComponent(this.practiceItem.id) + "/attempt",
        { levels: this.practiceLevels, caps: [] });
      this.message = null;
      this.practice = await api.get(this.base + "/calibration");
      requestAnimationFrame(() => {
        const next = this.querySelector("#practice-next");
        if (next) {
          next.focus();
        }
      });
    } catch (e) {
      this.message = { tone: "error", text: e.message };
    }
  }

  renderPractice() {
    const p = this.practice || {};
    const items = list(p.items);
    const result = p.result || {};
    const rubric = this.rubric;
    const header = html`
      <p class="lead" id="practice-intro">Practise on pieces whose scores the moderators agreed. Score each one, then
        compare with the agreed score and read why it earns it.
        ${p.required ? html`This round asks for at least ${number(Math.round(p.qualifying_agreement * 100))}% exact agreement
          on the practice set before live scoring.` : nothing}</p>
      <p id="practice-progress"><strong>${number(result.attempted)} of ${number(items.length)}</strong> practice pieces scored
        ${result.attempted ? html` · exact agreement ${number(Math.round((result.exact_share || 0) * 100))}%` : nothing}
        ${result.qualified ? html` · <span class="badge ok">qualified</span>` : nothing}</p>`;
    if (this.practiceResult) {
      const r = this.practiceResult;
      return html`${header}
        <section class="panel" aria-labelledby="practice-result-heading" id="practice-result">
          <h3 id="practice-result-heading">${r.exact ? "You matched the agreed score" : r.adjacent ? "Within one point of the agreed score"
            : "Different from the agreed score"}</h3>
          <table class="data-table">
            <thead><tr><th scope="col">Criterion</th><th scope="col" class="num">Yours</th><th scope="col" class="num">Agreed</th></tr></thead>
            <tbody>${criteria(rubric).map((c) => html`<tr><th scope="row">${str(c.name) || c.key}</th>
              <td class="num">${number((r.levels || {})[c.key])}</td><td class="num" data-agreed=${c.key}>${number((r.agreed_levels || {})[c.key])}</td></tr>`)}
            </tbody>
          </table>
          ${str(r.annotation) ? html`<p class="annotation"><strong>Why:</strong> ${r.annotation}</p>` : nothing}
          <p class="actions"><button type="button" class="button" id="practice-next" @click=${() => this.afterPractice()}>
            ${items.some((i) => !i.attempted) ? "Next practice piece" : "Finish practice"}</button></p>
        </section>`;
    }
    if (!this.practiceItem) {
      return html`${header}
        <div class="empty-state" id="practice-done">
          <p class="empty-title">${items.length ? "Practice set done." : "No practice pieces in this round."}</p>
          <p>${this.round.phase === "scoring"
            ? (p.required && !result.qualified
              ? "Your agreement is below what this round asks for. Talk to your moderator about the pieces you scored differently."
              : html`<a href="#" id="start-scoring" @click=${(e) => { e.preventDefault(); this.startScoring(); }}>Start scoring your pieces</a>`)
            : "Live scoring opens when the moderator moves the round to scoring."}</p>
        </div>`;
    }
    return html`${header}
      <div class="workspace">
        <article class="piece-panel" aria-labelledby="practice-piece-heading">
          <h3 id="practice-piece-heading">Practice piece ${number(this.practiceItem.position)}</h3>
          <div class="piece-text" tabindex="0" aria-label="Practice piece text">${this.practiceItem.text}</div>
        </article>
        <form class="score-panel" id="practice-form" novalidate
              @submit=${(e) => { e.preventDefault(); this.submitPractice(); }}
              @keydown=${(e) => handleScoringKey(e, e.currentTarget, rubric, this.practiceLevels,
                (k, l) => { this.practiceLevels = { ...this.practiceLevels, [k]: l }; }, () => this.submitPractice())}>
          <h3>Your score</h3>
          ${this.renderKeysHint()}
          ${renderLevelGroups(rubric, {
            prefix: "practice", levels: this.practiceLevels,
            onPick: (k, l) => { this.practiceLevels = { ...this.practiceLevels, [k]: l }; },
          })}
          <p class="actions"><button type="submit" class="button" id="practice-submit">Submit and compare</button></p>
        </form>
      </div>`;
  }

  afterPractice() {
    this.startPractice();
  }

  // --- Live scoring ---------------------------------------------------------------------------

  async startScoring() {
    this.mode = "score";
    await this.refreshQueue();
    const next = await api.get(this.base + "/queue/next");
    if (next && next.code) {
      await this.open(next.code);
    } else {
      this.done = true;
      this.work = null;
    }
  }

  async refreshQueue() {
    this.queue = await api.get(this.base + "/queue");
  }

  async open(code) {
    if (this.dirty) {
      await this.saveDraft();
    }
    try {
      this.work = await api.get(this.base + "/pieces/" + encodeURIComponent(code) + "/work");
      const s = this.work.score;
      this.draft = s ? {
        levels: { ...(s.levels || {}) }, caps: list(s.caps), condition_code: s.condition_code || null, flags: list(s.flags),
        suggested_condition: s.suggested_condition || null, flag_note: str(s.flag_note), rationale: str(s.rationale),
        evidence: str(s.evidence),
      } : emptyScore();
      this.lockVersion = s ? s.lock_version : null;
      this.state = s ? s.state : null;
      this.saveState = s ? (s.state === "submitted" ? "Submitted " : "Draft saved ") : "";
      this.savedAt = s ? s.updated_at : null;
      this.done = false;
      this.dirty = false;
      this.anchorView = null;
      this.focusFirst("#score-form");
    } catch (e) {
      this.message = { tone: "error", text: e.message };
    }
  }

  focusFirst(selector) {
    this.updateComplete.then(() => requestAnimationFrame(() => focusCriterion(this.querySelector(selector), 0)));
  }

  change(patch) {
    this.draft = { ...this.draft, ...patch };
    this.dirty = true;
    // A submitted score changes only when it is submitted again: a half-made revision is never saved over it.
    if (this.state !== "submitted") {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.saveDraft(), AUTOSAVE_MS);
      this.saveState = "Unsaved changes";
    } else {
      this.saveState = "Changed — submit again to keep the change";
    }
  }

  pick(key, level) {
    this.change({ levels: { ...this.draft.levels, [key]: level } });
  }

  body(submit) {
    const d = this.draft;
    const body = {
      levels: d.levels, caps: d.caps, condition_code: d.condition_code, flags: d.flags,
      suggested_condition: d.suggested_condition, flag_note: d.flag_note || null, rationale: d.rationale || null,
      evidence: d.evidence || null, submit,
    };
    if (this.lockVersion !== null && this.lockVersion !== undefined) {
      body.lock_version = this.lockVersion;
    }
    return body;
  }

  async put(submit) {
    const code = this.work.code;
    const saved = await api.put(this.base + "/pieces/" + encodeURIComponent(code) + "/score", this.body(submit));
    if (this.work && this.work.code === code) {
      this.lockVersion = saved.lock_version;
      this.state = saved.state;
      this.savedAt = saved.updated_at;
    }
    return saved;
  }

  async saveDraft() {
    clearTimeout(this.timer);
    if (!this.work || !this.dirty || this.state === "submitted") {
      return;
    }
    if (this.saving) {
      await this.saving;
    }
    this.dirty = false;
    this.saving = this.put(false).then(() => {
      this.saveState = "Draft saved ";
    }).catch((e) => this.failed(e, "The draft could not be saved")).finally(() => {
      this.saving = null;
    });
    await this.saving;
  }

  async failed(e, what) {
    if (e.status === 409) {
      this.message = { tone: "error", text: "This score was changed in another window. The saved version is shown again; check it and submit." };
      await this.open(this.work.code);
      return;
    }
    this.dirty = true;
    this.saveState = "Not saved";
    this.message = { tone: "error", text: what + ": " + e.message, items: list(e.problems) };
  }

  async submit() {
    if (!this.work) {
      return;
    }
    clearTimeout(this.timer);
    const blank = this.draft.condition_code === "blank";
    const missing = blank ? [] : missingLevels(this.work.rubric, this.draft.levels);
    if (missing.length) {
      this.message = { tone: "error", text: "Choose a level for: " + missing.join(", ") + ". Or mark the response blank." };
      return;
    }
    if (this.saving) {
      await this.saving;
    }
    try {
      const code = this.work.code;
      await this.put(true);
      this.dirty = false;
      this.message = null;
      this.status = "Score for " + code + " submitted.";
      await this.refreshQueue();
      const next = await api.get(this.base + "/queue/next");
      if (next && next.code) {
        await this.open(next.code);
      } else {
        this.work = null;
        this.done = true;
        requestAnimationFrame(() => {
          const heading = this.querySelector("#queue-done");
          if (heading) {
            heading.focus();
          }
        });
      }
    } catch (e) {
      this.failed(e, "The score was not submitted");
    }
  }

  async showAnchors(anchors, criterion, point) {
    try {
      const items = await Promise.all(anchors.map((a) => api.get(this.base + "/calibration/items/" + encodeURIComponent(a.item))));
      this.anchorView = { criterion: str(criterion.name) || criterion.key, level: point.level, items };
      requestAnimationFrame(() => {
        const panel = this.querySelector("#anchor-panel-heading");
        if (panel) {
          panel.focus();
        }
      });
    } catch (e) {
      this.message = { tone: "error", text: "The anchor papers could not be loaded: " + e.message };
    }
  }

  renderMine(m) {
    const pct = (e) => (e && Number.isFinite(e.value) ? Math.round(e.value * 100) + "%" : "—");
    return html`
      <section class="panel" id="my-figures" aria-labelledby="my-figures-heading">
        <h3 id="my-figures-heading">How your scores compare</h3>
        <p>On the ${number(m.pieces)} pieces you shared with other scorers you gave the same level ${pct(m.exact)} of the
          time and were within one level ${pct(m.adjacent)} of the time.</p>
        <ul>${list(m.differences).map((d) => html`<li>${d.criterion}: on average ${Math.abs(d.mean_difference).toFixed(1)}
          ${d.mean_difference < 0 ? "lower" : "higher"} than the other scorers of the same pieces (${number(d.pieces)} pieces).</li>`)}</ul>
        ${m.calibration && m.calibration.items ? html`<p>Calibration: ${number(m.calibration.attempted)} of
          ${number(m.calibration.items)} practice pieces, ${Math.round(m.calibration.exact_share * 100)}% exact.</p>` : nothing}
        ${m.shared ? html`<h4>The whole round</h4>
          <p id="shared-figures">Across the round, scorers gave the same level ${pct(m.shared.exact)} of the time and were within
            one level ${pct(m.shared.adjacent)} of the time.</p>
          <ul>${list(m.shared.criteria).map((c) => html`<li>${c.criterion}: same level ${pct(c.exact)}, within one ${pct(c.adjacent)}.</li>`)}</ul>` : nothing}
        <p class="hint">Only you see your own figures. ${m.shared ? "The moderators shared the round's agreement with its scorers." : "Your moderators see the round's report."}</p>
      </section>`;
  }

  renderKeysHint() {
    return html`<p class="hint keys-hint" id="keys-hint">Keys: a digit picks that level and moves to the next criterion;
      ← → change a level; Tab moves between criteria; Enter submits and opens the next piece.</p>`;
  }

  renderQueue() {
    const q = this.queue || {};
    const items = list(q.items);
    return html`
      <nav class="queue" aria-labelledby="queue-heading">
        <h3 id="queue-heading">Your pieces</h3>
        <p id="queue-progress"><strong>${number(q.submitted)} of ${number(q.allocated)}</strong> submitted</p>
        <progress max=${q.allocated || 1} value=${q.submitted || 0} aria-labelledby="queue-progress"></progress>
        <ol class="queue-list">
          ${items.map((i) => html`<li>
            <button type="button" class="queue-item state-${i.state}" data-code=${i.code}
                    aria-current=${this.work && this.work.code === i.code ? "true" : "false"}
                    @click=${() => this.open(i.code)}>${i.code}
              <span class="queue-state">${i.state === "submitted" ? "✓ submitted" : i.state === "draft" ? "draft" : "to do"}</span></button>
          </li>`)}
        </ol>
      </nav>`;
  }

  renderScoreForm() {
    const w = this.work;
    const d = this.draft;
    const rubric = w.rubric;
    const blank = d.condition_code === "blank";
    return html`
      <form class="score-panel" id="score-form" novalidate aria-labelledby="score-heading"
            @submit=${(e) => { e.preventDefault(); this.submit(); }}
            @keydown=${(e) => handleScoringKey(e, e.currentTarget, rubric, d.levels, (k, l) => this.pick(k, l), () => this.submit())}>
        <h3 id="score-heading">Your score for ${w.code}</h3>
        ${this.renderKeysHint()}
        ${renderLevelGroups(rubric, {
          prefix: "score", levels: d.levels, onPick: (k, l) => this.pick(k, l), disabled: blank || !w.editable,
          anchors: w.anchors, onAnchor: (a, c, p) => this.showAnchors(a, c, p),
        })}
        ${renderCaps(rubric, d.caps, (key, on) => this.change({ caps: on ? [...d.caps, key] : d.caps.filter((k) => k !== key) }),
          "score", !w.editable)}
        ${renderNotes(rubric)}
        <div class="check">
          <input type="checkbox" id="score-blank" .checked=${blank} ?disabled=${!w.editable}
                 @change=${(e) => this.change({ condition_code: e.target.checked ? "blank" : null })}>
          <label for="score-blank">Blank response (condition code; no levels needed)</label>
        </div>
        <div class="field">
          <label for="score-rationale">Rationale <span class="optional">(optional)</span></label>
          <textarea id="score-rationale" maxlength="8000" .value=${d.rationale} ?disabled=${!w.editable}
                    @input=${(e) => this.change({ rationale: e.target.value })}></textarea>
        </div>
        <div class="field">
          <label for="score-evidence">Evidence from the work <span class="optional">(optional)</span></label>
          <textarea id="score-evidence" maxlength="8000" .value=${d.evidence} ?disabled=${!w.editable}
                    @input=${(e) => this.change({ evidence: e.target.value })}></textarea>
        </div>
        <details class="flag-box" ?open=${d.flags.length > 0 || Boolean(d.suggested_condition)}>
          <summary>Flag for the moderators</summary>
          ${FLAGS.map(([key, label]) => html`
            <div class="check">
              <input type="checkbox" id=${"flag-" + key} .checked=${d.flags.includes(key)} ?disabled=${!w.editable}
                     @change=${(e) => this.change({ flags: e.target.checked ? [...d.flags, key] : d.flags.filter((f) => f !== key) })}>
              <label for=${"flag-" + key}>${label}</label>
            </div>`)}
          <div class="field">
            <label for="score-condition">Suggest a condition code</label>
            <select id="score-condition" ?disabled=${!w.editable}
                    @change=${(e) => this.change({ suggested_condition: e.target.value || null })}>
              ${CONDITIONS.map(([key, label]) => html`<option value=${key} ?selected=${(d.suggested_condition || "") === key}>${label}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="score-flag-note">Note for the moderators</label>
            <textarea id="score-flag-note" maxlength="2000" .value=${d.flag_note} ?disabled=${!w.editable}
                      @input=${(e) => this.change({ flag_note: e.target.value })}></textarea>
          </div>
        </details>
        <p class="actions">
          <button type="submit" class="button" id="score-submit" ?disabled=${!w.editable}>${this.state === "submitted"
            ? "Submit revised score" : "Submit score"}</button>
          ${this.state !== "submitted" ? html`<button type="button" class="button secondary" id="score-save"
            ?disabled=${!w.editable} @click=${() => { this.dirty = true; this.saveDraft(); }}>Save draft</button>` : nothing}
        </p>
        <p class="save-state muted" id="save-state" role="status" aria-live="polite">${this.saveState}${this.savedAt
          && /saved |Submitted /.test(this.saveState) ? time(this.savedAt) : ""}</p>
      </form>`;
  }

  renderAnchors() {
    const a = this.anchorView;
    return a ? html`
      <section class="panel anchor-panel" aria-labelledby="anchor-panel-heading">
        <h3 id="anchor-panel-heading" tabindex="-1">Anchor papers: ${a.criterion}, level ${a.level}</h3>
        ${a.items.map((item) => html`<article class="anchor">
          <div class="piece-text small">${item.text}</div>
          ${str(item.annotation) ? html`<p class="annotation"><strong>Why:</strong> ${item.annotation}</p>` : nothing}
        </article>`)}
        <p><button type="button" class="button secondary small" id="anchor-close"
          @click=${() => { this.anchorView = null; focusCriterion(this.querySelector("#score-form"), 0); }}>Close anchor papers</button></p>
      </section>` : nothing;
  }

  renderScoring() {
    if (this.done || !this.work) {
      return html`
        <div class="workspace-done">
          ${this.renderQueue()}
          <div class="empty-state">
            <p class="empty-title" id="queue-done" tabindex="-1">${this.done ? "All your pieces are scored." : "Loading…"}</p>
            ${this.done ? html`<p>You can open any piece in the list to revise its score while the round is in scoring.</p>` : nothing}
          </div>
        </div>`;
    }
    const w = this.work;
    return html`
      <div class="workspace">
        ${this.renderQueue()}
        <article class="piece-panel" aria-labelledby="piece-heading">
          <h3 id="piece-heading">Piece <span id="piece-code">${w.code}</span>
            <span class="muted">· ${number(w.position)} of ${number(w.allocated)} · ${number(w.words)} words</span></h3>
          <div class="piece-text" id="piece-text" tabindex="0" aria-label=${"Text of piece " + w.code}>${w.text}</div>
          <calibrate-piece-files .base=${this.base + "/pieces/" + encodeURIComponent(w.code)} .code=${w.code} .files=${list(w.files)}></calibrate-piece-files>
        </article>
        <div class="score-column">
          ${this.renderScoreForm()}
          ${this.renderAnchors()}
        </div>
      </div>`;
  }

  render() {
    const r = this.round;
    const heading = html`
      <p><a href="#rounds" id="back-to-rounds">← All rounds</a></p>
      <h2 data-page-heading tabindex="-1" id="round-heading">${r ? str(r.title) : "Round"}</h2>
      ${r ? html`<p class="muted">Phase: <span id="round-phase">${phaseName(r.phase)}</span>
        ${r.rubric ? html` · Rubric: ${str(r.rubric.title)}` : nothing}
        · <span id="scoring-status" role="status">${this.status}</span></p>
        ${str(r.task) ? html`<details class="task"><summary>Assessment task</summary><p class="prewrap">${r.task}</p></details>` : nothing}`
        : nothing}
      ${messageBox("scoring-message", this.message)}`;
    if (this.mode === "loading") {
      return html`${heading}<p class="panel-loading" role="status">Loading your pieces…</p>`;
    }
    if (this.mode === "practice") {
      return html`${heading}<h3 class="mode-heading">Calibration practice</h3>${this.renderPractice()}`;
    }
    if (this.mode === "score") {
      return html`${heading}${this.adjudication ? html`<p class="message message-info" id="adjudication-note">A moderator asked you to score
        these pieces as a third scorer. You see neither earlier score; yours settles each piece.</p>` : nothing}${this.renderScoring()}`;
    }
    const q = this.queue;
    return html`${heading}
      <div class="empty-state" id="scoring-closed">
        <p class="empty-title">${r && r.phase === "setup" ? "This round is still being set up." : "Scoring has ended in this round."}</p>
        ${q ? html`<p>You submitted ${number(q.submitted)} of ${number(q.allocated)} pieces.</p>` : nothing}
      </div>
      ${this.discussions ? this.renderDiscussions(this.discussions) : nothing}
      ${this.mine ? this.renderMine(this.mine) : nothing}`;
  }
}

customElements.define("calibrate-scoring", CalibrateScoring);
