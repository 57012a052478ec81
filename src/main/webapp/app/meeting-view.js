// <calibrate-meeting>: the moderation meeting on a projector or shared screen (seeds 000, steps 7–9). Agreed
// work first, one piece at a time by score point, to discuss where the work earns its score and confirm it;
// then discrepant work, widest disagreement first, each scorer's levels and notes against the rubric, to settle
// a consensus; then the group's reflection on the task, instruction and the scoring criteria. Scorers appear as
// Scorer A, B… unless the moderator lets them see one another; students never appear.
import { html, nothing } from "lit";
import { keyed } from "lit/directives/keyed.js";
import { LightElement } from "./light-element.js";
import * as api from "./api.js";
import { list, messageBox, number, str, time } from "./format.js";
import { criteria, levelsOf, rangeOf } from "./rubric-levels.js";
import { roundHref } from "./rounds-page.js";

const CONFIRMED = "Confirmed in the moderation meeting.";
const STATES = {
  waiting: "waiting for a decision",
  adjudicating: "with a third scorer",
  settled: "settled by the scores and the round's rules",
  resolved: "decided in moderation",
  unscored: "not scored",
};
const METHODS = {
  agreed: "The scorers agreed",
  single: "Scored once",
  rule: "The round's rule for adjacent scores",
  adjudication: "The third scorer's score",
  consensus: "Consensus in moderation",
  condition: "Condition code set in moderation",
  fair: "Adjusted for the scorers' severity (the round's rule)",
};
const CONDITIONS = [
  ["blank", "Blank response"],
  ["illegible", "Illegible"],
  ["not_english", "Not in English"],
  ["copied", "Copied text"],
  ["wrong_task", "Answers another task"],
];
const FLAGS = { sensitive: "sensitive content", unsure: "unsure or unusual response", file_problem: "problem with the piece" };
// The common sources of scorer bias from the school's protocol (seeds 000), for the discussion of discrepant work.
const BIASES = [
  "Appearance of the work: neatness, messiness, legibility",
  "Personal reaction to the topic, strategy, references or tone of the student's voice",
  "Familiarity with the student",
  "Halo effect: strong or weak work on one criterion colouring the others",
  "Relative quality: “better than others I've seen”",
  "Apparent effort or improvement",
  "Length or complexity of the response",
];
const REFLECTION = [
  ["task", "What we learned about the task",
    "What did the student work tell us that will help us revise the assessment task?"],
  ["instruction", "What we learned about instruction",
    "What did the student work tell us that will help us improve instruction?"],
  ["criteria", "What we learned about the scoring criteria",
    "What did scoring together tell us that might clarify or improve the criteria? Change task-neutral criteria only at the end of the school year."],
];

function conditionName(code) {
  const found = CONDITIONS.find(([key]) => key === code);
  return found ? found[1] : str(code);
}

/** Text fields keep every key; radios and sliders keep the arrow keys for themselves. */
function ownsKey(target, key) {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) {
    return true;
  }
  if (target instanceof HTMLInputElement) {
    if (target.type === "radio" || target.type === "range") {
      return key.startsWith("Arrow");
    }
    return !["checkbox", "button", "submit", "reset"].includes(target.type);
  }
  return false;
}

export class CalibrateMeeting extends LightElement {
  static properties = {
    roundId: { attribute: false },
    round: { state: true },
    rubric: { state: true },
    meeting: { state: true },
    at: { state: true },
    details: { state: true },
    drafts: { state: true },
    reflection: { state: true },
    theirs: { state: true },
    message: { state: true },
    busy: { state: true },
    fullscreen: { state: true },
  };

  constructor() {
    super();
    this.roundId = null;
    this.round = null;
    this.rubric = null;
    this.meeting = null;
    this.at = 0;
    this.details = {};
    this.drafts = {};
    this.reflection = null;
    this.theirs = null;
    this.message = null;
    this.busy = false;
    this.fullscreen = false;
    this.onKey = (e) => this.key(e);
    this.onFullscreen = () => {
      this.fullscreen = document.fullscreenElement === this;
    };
  }

  connectedCallback() {
    super.connectedCallback();
    document.addEventListener("keydown", this.onKey);
    document.addEventListener("fullscreenchange", this.onFullscreen);
    this.load();
  }

  disconnectedCallback() {
    document.removeEventListener("keydown", this.onKey);
    document.removeEventListener("fullscreenchange", this.onFullscreen);
    if (document.fullscreenElement === this) {
      document.exitFullscreen().catch(() => {});
    }
    super.disconnectedCallback();
  }

  firstUpdated() {
    // Arriving on the route, the meeting's own heading takes focus (unless the person has already moved on),
    // so that the arrow keys work at once.
    const active = document.activeElement;
    if (!active || active === document.body || active.id === "section-heading") {
      const heading = this.querySelector("#meeting-heading");
      if (heading) {
        heading.focus();
      }
    }
  }

  get base() {
    return "/api/rounds/" + encodeURIComponent(this.roundId);
  }

  get rules() {
    return (this.meeting && this.meeting.rules) || {};
  }

  get readOnly() {
    return this.rules.phase !== "moderation";
  }

  /** The meeting in order: every agreed piece, every discrepant piece, the reflection. */
  get slides() {
    const m = this.meeting;
    if (!m) {
      return [];
    }
    const agreed = list(m.agreed);
    const discrepant = list(m.discrepant);
    return [
      ...agreed.map((item, i) => ({ stage: "agreed", item, index: i, count: agreed.length })),
      ...discrepant.map((item, i) => ({ stage: "discrepant", item, index: i, count: discrepant.length })),
      { stage: "reflection", index: 0, count: 1 },
    ];
  }

  get slide() {
    const all = this.slides;
    return all[Math.min(this.at, all.length - 1)] || null;
  }

  async load() {
    try {
      this.round = await api.get(this.base);
      const [rubric, meeting] = await Promise.all([
        api.get("/api/rubrics/" + encodeURIComponent(this.round.rubric.id)),
        api.get(this.base + "/meeting"),
      ]);
      this.rubric = rubric.definition;
      this.takeMeeting(meeting, null);
      this.reflection = this.reflectionFrom(meeting.reflection);
      this.loadPiece();
    } catch (e) {
      this.message = { tone: "error", text: e.message };
    }
  }

  reflectionFrom(r) {
    const saved = r || {};
    return { task: str(saved.task), instruction: str(saved.instruction), criteria: str(saved.criteria) };
  }

  /** A fresh agenda; the slide stays on the piece it showed (the agenda may have changed meanwhile). */
  takeMeeting(meeting, code) {
    this.meeting = meeting;
    if (code) {
      const at = this.slides.findIndex((s) => s.item && s.item.code === code);
      if (at >= 0) {
        this.at = at;
        return;
      }
    }
    this.at = Math.min(this.at, this.slides.length - 1);
  }

  async refreshMeeting() {
    const s = this.slide;
    this.takeMeeting(await api.get(this.base + "/meeting"), s && s.item ? s.item.code : null);
  }

  async loadPiece() {
    const s = this.slide;
    if (!s || !s.item) {
      return;
    }
    const code = s.item.code;
    try {
      this.keepDetail(await api.get(this.base + "/moderation/pieces/" + encodeURIComponent(code)), false);
    } catch (e) {
      if (this.slide && this.slide.item && this.slide.item.code === code) {
        this.message = { tone: "error", text: "Piece " + code + " could not be loaded: " + e.message };
      }
    }
  }

  /** Keeps a piece's detail; its form starts from what is recorded unless the group is already editing it. */
  keepDetail(detail, resetDraft) {
    this.details = { ...this.details, [detail.code]: detail };
    if (resetDraft || !this.drafts[detail.code]) {
      this.drafts = { ...this.drafts, [detail.code]: this.draftFrom(detail) };
    }
  }

  draftFrom(detail) {
    const r = detail.resolution && !detail.resolution.automatic ? detail.resolution : null;
    const f = detail.final_score;
    return {
      levels: { ...((r && r.levels) || (f && f.levels) || {}) },
      condition: (r && r.condition_code) || "",
      rationale: r ? str(r.rationale) : (detail.group === "agreed" ? CONFIRMED : ""),
    };
  }

  draft(code) {
    return this.drafts[code] || { levels: {}, condition: "", rationale: "" };
  }

  setDraft(code, patch) {
    this.drafts = { ...this.drafts, [code]: { ...this.draft(code), ...patch } };
  }

  // --- Moving through the meeting -------------------------------------------------------------

  go(index) {
    const all = this.slides;
    const next = Math.max(0, Math.min(index, all.length - 1));
    if (!all.length || next === this.at) {
      return;
    }
    this.at = next;
    this.message = null;
    this.loadPiece();
    // A control that belonged to the previous piece has gone: the new slide's heading takes focus instead.
    this.updateComplete.then(() => {
      const active = document.activeElement;
      if (!active || active === document.body || !this.contains(active)) {
        const heading = this.querySelector("#slide-heading");
        if (heading) {
          heading.focus();
        }
      }
    });
  }

  key(event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || !this.meeting) {
      return;
    }
    const target = event.target;
    const here = target === document.body || target === document.documentElement || this.contains(target);
    if (!here || ownsKey(target, event.key)) {
      return;
    }
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (key === "ArrowRight" || key === "j") {
      event.preventDefault();
      this.go(this.at + 1);
    } else if (key === "ArrowLeft" || key === "k") {
      event.preventDefault();
      this.go(this.at - 1);
    }
  }

  toggleFullscreen() {
    const request = document.fullscreenElement === this ? document.exitFullscreen() : this.requestFullscreen();
    request.catch((e) => {
      this.message = { tone: "error", text: "The browser did not change to full screen: " + e.message };
    });
  }

  // --- Decisions ------------------------------------------------------------------------------

  /** The levels the scorers agreed on: the final score the rules give, else identical scores; null when they differ. */
  agreedDecision(detail) {
    const f = detail.final_score;
    if (f && (Object.keys(f.levels || {}).length || f.condition_code)) {
      return { levels: f.levels || {}, condition: f.condition_code || "" };
    }
    const scores = list(detail.scores).filter((s) => !s.adjudication);
    const same = (a, b) => JSON.stringify(Object.entries(a.levels || {}).sort()) === JSON.stringify(Object.entries(b.levels || {}).sort())
      && (a.condition_code || "") === (b.condition_code || "");
    if (scores.length >= 2 && scores.every((s) => same(s, scores[0]))) {
      return { levels: scores[0].levels || {}, condition: scores[0].condition_code || "" };
    }
    return null;
  }

  async confirm(event, detail) {
    event.preventDefault();
    const decision = this.agreedDecision(detail);
    const rationale = this.draft(detail.code).rationale.trim();
    if (!decision) {
      return;
    }
    if (rationale === "") {
      this.message = { tone: "error", text: "Say briefly why the group confirms this score: the rationale is kept with it." };
      this.querySelector("#confirm-rationale").focus();
      return;
    }
    const body = { levels: decision.condition ? {} : decision.levels, rationale };
    if (decision.condition) {
      body.condition_code = decision.condition;
    }
    const saved = await this.resolve(detail, body, "Agreement confirmed for piece " + detail.code + ".");
    if (saved) {
      // The form made way for the recorded decision: carry on from the Next button.
      this.updateComplete.then(() => this.querySelector("#meeting-next").focus());
    }
  }

  async saveConsensus(event, detail) {
    event.preventDefault();
    const d = this.draft(detail.code);
    const form = event.target;
    const missing = d.condition ? [] : criteria(this.rubric).filter((c) => !Number.isInteger(d.levels[c.key]));
    if (missing.length || (!d.condition && d.rationale.trim() === "")) {
      const items = missing.map((c) => "Choose a level for " + (str(c.name) || c.key) + ".");
      if (!d.condition && d.rationale.trim() === "") {
        items.push("Say why the group settled on this score: the rationale is kept with it.");
      }
      this.message = { tone: "error", text: "The consensus is not complete.", items };
      const first = missing.length ? form.querySelector(`[name="consensus-${missing[0].key}"]`) : form.querySelector("#consensus-rationale");
      if (first) {
        first.focus();
      }
      return;
    }
    const body = { levels: d.condition ? {} : d.levels, rationale: d.rationale.trim() };
    if (d.condition) {
      body.condition_code = d.condition;
    }
    await this.resolve(detail, body, (d.condition ? "Condition code" : "Consensus") + " recorded for piece " + detail.code + ".");
  }

  /** PUT the decision with the lock version seen; a conflict reloads the piece with the other moderator's decision. */
  async resolve(detail, body, done) {
    if (this.busy) {
      return null;
    }
    const code = detail.code;
    const seen = detail.resolution && !detail.resolution.automatic ? detail.resolution.lock_version : null;
    if (seen !== null && seen !== undefined) {
      body.lock_version = seen;
    }
    this.busy = true;
    try {
      const saved = await api.put(this.base + "/moderation/pieces/" + encodeURIComponent(code) + "/resolution", body);
      this.keepDetail(saved, true);
      this.message = { tone: "info", text: done };
      await this.refreshMeeting().catch(() => {});
      return saved;
    } catch (e) {
      if (e.status === 409 && e.code === "conflict") {
        const mine = this.draft(code).rationale.trim();
        await this.reloadPiece(code);
        this.message = {
          tone: "error",
          text: "Another moderator changed piece " + code + " meanwhile. The piece now shows their decision.",
          detail: mine ? "Your rationale was: " + mine : null,
        };
      } else {
        this.message = { tone: "error", text: "The decision was not saved: " + e.message, items: e.problems };
        if (e.status === 409) {
          // The round itself moved on (finalised, say): the view follows it.
          await this.refreshMeeting().catch(() => {});
        }
      }
      return null;
    } finally {
      this.busy = false;
    }
  }

  async reloadPiece(code) {
    try {
      this.keepDetail(await api.get(this.base + "/moderation/pieces/" + encodeURIComponent(code)), true);
      await this.refreshMeeting();
    } catch (e) {
      // The message about the conflict still stands; the next visit to the piece reads it again.
    }
  }

  async reveal(revealed) {
    if (this.busy) {
      return;
    }
    this.busy = true;
    try {
      const rules = await api.put(this.base + "/meeting/reveal", { lock_version: this.rules.lock_version, revealed });
      this.meeting = { ...this.meeting, rules };
      this.message = {
        tone: "info",
        text: revealed ? "Scorers can now see who gave which score." : "Scorers are anonymous to one another again.",
      };
    } catch (e) {
      this.message = {
        tone: "error",
        text: "The setting did not change: " + e.message,
        detail: e.status === 409 ? "The round changed meanwhile; the setting now shows where it stands. Try again if you still want to change it." : null,
      };
      await this.refreshMeeting().catch(() => {});
    } finally {
      this.busy = false;
    }
  }

  async saveReflection(event) {
    event.preventDefault();
    if (this.busy) {
      return;
    }
    const r = this.meeting.reflection || {};
    const body = { ...this.reflection };
    if (r.lock_version !== null && r.lock_version !== undefined) {
      body.lock_version = r.lock_version;
    }
    this.busy = true;
    try {
      const saved = await api.put(this.base + "/meeting/reflection", body);
      this.meeting = { ...this.meeting, reflection: saved };
      this.reflection = this.reflectionFrom(saved);
      this.theirs = null;
      this.message = { tone: "info", text: "Reflection saved." };
    } catch (e) {
      if (e.status === 409 && e.code === "conflict") {
        // Nothing typed here is lost: the fields keep it, the other version shows beside them, and the next
        // save goes over it knowingly.
        try {
          const fresh = await api.get(this.base + "/meeting");
          this.meeting = { ...this.meeting, reflection: fresh.reflection };
          this.theirs = this.reflectionFrom(fresh.reflection);
        } catch (ignored) {
          // the message below still applies
        }
        this.message = {
          tone: "error",
          text: "Another moderator saved the reflection meanwhile.",
          detail: "Your text is still in the fields; their version is shown under each one. Merge what you need and save again.",
        };
      } else {
        this.message = { tone: "error", text: "The reflection was not saved: " + e.message, items: e.problems };
      }
    } finally {
      this.busy = false;
    }
  }

  // --- Rendering ------------------------------------------------------------------------------

  levelName(criterion, level) {
    const point = levelsOf(criterion).find((p) => p.level === level);
    const label = point ? str(point.label) : "";
    return "Level " + level + (label && label !== String(level) ? " — " + label : "");
  }

  maxTotal() {
    return criteria(this.rubric).reduce((sum, c) => sum + Math.max(0, ...levelsOf(c).map((p) => p.level)), 0);
  }

  progressText() {
    const s = this.slide;
    if (!s) {
      return "";
    }
    if (s.stage === "reflection") {
      return "Reflection";
    }
    const where = (s.stage === "agreed" ? "Agreed work" : "Discrepant work") + " · " + (s.index + 1) + " of " + s.count;
    if (s.stage === "agreed" && Number.isInteger(s.item.point)) {
      return where + " · score point " + s.item.point;
    }
    if (s.stage === "discrepant") {
      return where + " · " + (s.item.spread === null || s.item.spread === undefined ? "a blank against a scored response"
        : "apart by " + s.item.spread + (s.item.spread === 1 ? " level" : " levels"));
    }
    return where;
  }

  renderHeader() {
    const r = this.round || {};
    const s = this.slide;
    const all = this.slides;
    const first = this.at <= 0;
    const last = this.at >= all.length - 1;
    const stages = [["agreed", "Agreed work"], ["discrepant", "Discrepant work"], ["reflection", "Reflection"]];
    return html`
      <header class="meeting-header">
        <div class="meeting-title">
          <p class="kicker">Moderation meeting</p>
          <h2 id="meeting-heading" data-page-heading tabindex="-1">${str(r.title) || "Round"}</h2>
        </div>
        <div class="meeting-tools">
          <a class="button secondary" id="meeting-leave" href=${roundHref(this.roundId, "setup")}>Leave meeting</a>
          ${document.fullscreenEnabled ? html`<button type="button" class="button secondary" id="meeting-fullscreen"
            aria-pressed=${this.fullscreen ? "true" : "false"} @click=${() => this.toggleFullscreen()}>Full screen</button>` : nothing}
        </div>
        ${this.meeting ? html`
          <nav class="meeting-nav" aria-label="Move through the meeting">
            <button type="button" class="button secondary" id="meeting-previous" aria-disabled=${first ? "true" : "false"}
                    @click=${() => this.go(this.at - 1)}><span aria-hidden="true">←</span> Previous</button>
            <p class="meeting-progress" id="meeting-progress" role="status">${this.progressText()}</p>
            <button type="button" class="button" id="meeting-next" aria-disabled=${last ? "true" : "false"}
                    @click=${() => this.go(this.at + 1)}>Next <span aria-hidden="true">→</span></button>
          </nav>
          <div class="meeting-bar">
            <ol class="meeting-stages" aria-label="Stages of the meeting">
              ${stages.map(([id, name]) => {
                const current = s && s.stage === id;
                return html`<li class=${current ? "current" : ""} aria-current=${current ? "step" : "false"}>${name}${id === "reflection"
                  ? nothing : html` <span class="meeting-count">(${number(list(this.meeting[id]).length)})</span>`}</li>`;
              })}
            </ol>
            <p class="hint meeting-keys" id="meeting-keys">Keys: → or J next, ← or K previous, whenever you are not typing in a
              field.</p>
          </div>
          ${this.readOnly ? html`<p class="meeting-readonly" id="meeting-readonly">The round is finalised: the meeting is shown as it
            was decided, read-only.</p>` : nothing}`
          : nothing}
      </header>`;
  }

  renderReveal() {
    const revealed = Boolean(this.rules.scorers_revealed);
    const state = revealed
      ? "Now: scorers see each other's names beside their scores, and this screen shows them too."
      : "Now: scorers see each other as Scorer A, Scorer B…, and so does this screen.";
    return html`
      <section class="meeting-reveal" aria-labelledby="reveal-heading">
        <h3 id="reveal-heading">Scorers' names</h3>
        ${this.readOnly ? html`<p id="reveal-state">${state}</p>` : html`
          <div class="check">
            <input type="checkbox" id="meeting-reveal" .checked=${revealed} aria-describedby="reveal-state reveal-hint"
                   @change=${(e) => this.reveal(e.target.checked)}>
            <label for="meeting-reveal">Let scorers see who gave which score</label>
          </div>
          <p class="hint" id="reveal-state">${state}</p>
          <p class="hint" id="reveal-hint">Each change is recorded in the round's audit trail. Students are never named.</p>`}
      </section>`;
  }

  renderScore(score, detail) {
    const revealed = Boolean(this.rules.scorers_revealed);
    const levels = score.levels || {};
    const descriptors = score.descriptors || {};
    const spreads = Object.fromEntries(list(detail.criteria).map((c) => [c.criterion, c]));
    const flags = list(score.flags);
    const headingId = "score-" + str(score.label).replace(/\W/g, "");
    return html`
      <article class="meeting-score" data-scorer-label=${str(score.label)} aria-labelledby=${headingId}>
        <h5 id=${headingId}>${str(score.label)}${revealed && str(score.name)
          ? html` <span class="meeting-name">(${score.name})</span>` : nothing}${score.adjudication ? " · scored blind as third scorer" : ""}</h5>
        ${score.condition_code ? html`<p class="meeting-condition"><strong>Condition code:</strong> ${conditionName(score.condition_code)}</p>`
          : html`
            <p class="meeting-total">Total <strong>${number(score.total)}</strong> of ${number(this.maxTotal())}</p>
            <dl class="meeting-levels">
              ${criteria(this.rubric).filter((c) => levels[c.key] !== undefined).map((c) => {
                const standing = spreads[c.key];
                return html`
                  <dt>${str(c.name) || c.key}: <strong>${this.levelName(c, levels[c.key])}</strong>
                    ${standing && !standing.agreed ? html`<span class="badge warn">scorers differ</span>` : nothing}</dt>
                  <dd class="prewrap">${str(descriptors[c.key]) || "—"}</dd>`;
              })}
            </dl>`}
        ${list(score.caps).length ? html`<p><strong>Caps applied:</strong> ${list(score.caps).join(", ")}</p>` : nothing}
        <p><strong>Rationale:</strong> ${str(score.rationale) ? html`<span class="prewrap">${score.rationale}</span>`
          : html`<span class="muted">none given</span>`}</p>
        <p><strong>Evidence from the work:</strong> ${str(score.evidence) ? html`<span class="prewrap">${score.evidence}</span>`
          : html`<span class="muted">none noted</span>`}</p>
        ${flags.length || score.suggested_condition ? html`<p><strong>Flagged:</strong> ${flags.map((f) => FLAGS[f] || f).join(", ")}
          ${score.suggested_condition ? html`${flags.length ? "; " : ""}suggests ${conditionName(score.suggested_condition).toLowerCase()}` : nothing}
          ${str(score.flag_note) ? html` — “${score.flag_note}”` : nothing}</p>` : nothing}
      </article>`;
  }

  renderFinal(detail) {
    const f = detail.final_score;
    const r = detail.resolution && !detail.resolution.automatic ? detail.resolution : null;
    return html`
      <section class="meeting-final" aria-labelledby="final-heading" id="meeting-final">
        <h4 id="final-heading">Final score</h4>
        ${f ? html`
          <p><strong>${f.condition_code && !Object.keys(f.levels || {}).length ? "Condition code: " + conditionName(f.condition_code)
            : "Total " + number(f.total) + " of " + number(this.maxTotal())}</strong> · ${METHODS[f.method] || str(f.method)}</p>
          ${Object.keys(f.levels || {}).length > 0 && criteria(this.rubric).length > 1 ? html`<ul>
            ${criteria(this.rubric).filter((c) => Number.isInteger(f.levels[c.key]))
              .map((c) => html`<li>${str(c.name) || c.key}: ${this.levelName(c, f.levels[c.key])}</li>`)}</ul>` : nothing}`
          : html`<p>Not decided yet: ${STATES[detail.state] || str(detail.state)}.</p>`}
        ${r ? html`<p class="meeting-resolution">Recorded by ${str(r.resolved_by) || "a moderator"}, ${time(r.resolved_at)}${str(r.rationale)
          ? html`: <span class="prewrap">“${r.rationale}”</span>` : nothing}</p>` : nothing}
      </section>`;
  }

  renderConfirm(detail, decision) {
    const d = this.draft(detail.code);
    const summary = decision.condition && !Object.keys(decision.levels).length ? "condition code " + conditionName(decision.condition).toLowerCase()
      : criteria(this.rubric).map((c) => (criteria(this.rubric).length > 1 ? (str(c.name) || c.key) + " " : "")
        + this.levelName(c, decision.levels[c.key]).toLowerCase()).join(", ");
    return html`
      <form class="meeting-action" id="confirm-form" novalidate aria-labelledby="confirm-heading"
            @submit=${(e) => this.confirm(e, detail)}>
        <h4 id="confirm-heading">Confirm the agreement</h4>
        <p>Discuss where the work shows the score, with specific examples, then confirm ${summary} as the final score.</p>
        <div class="field">
          <label for="confirm-rationale">Rationale kept with the score</label>
          <textarea id="confirm-rationale" maxlength="8000" .value=${d.rationale}
                    @input=${(e) => this.setDraft(detail.code, { rationale: e.target.value })}></textarea>
        </div>
        <p class="actions"><button type="submit" class="button" id="confirm-agreement"
          aria-disabled=${this.busy ? "true" : "false"}>Confirm agreement</button></p>
      </form>`;
  }

  renderConsensus(detail) {
    const d = this.draft(detail.code);
    const resolved = detail.resolution && !detail.resolution.automatic;
    const scores = list(detail.scores);
    const condition = Boolean(d.condition);
    return html`
      <form class="meeting-action" id="consensus-form" novalidate aria-labelledby="consensus-heading"
            @submit=${(e) => this.saveConsensus(e, detail)}>
        <h4 id="consensus-heading">${resolved ? "Change the consensus" : "Record the consensus"}</h4>
        <p>Each scorer explains their score against the rubric; settle on the score the group agrees the work earns.</p>
        ${criteria(this.rubric).map((c) => html`
          <fieldset class="meeting-criterion" ?disabled=${condition}>
            <legend>${str(c.name) || c.key} <span class="criterion-range">${rangeOf(c)}</span></legend>
            ${levelsOf(c).map((p) => {
              const id = "consensus-" + c.key + "-" + p.level;
              const by = scores.filter((s) => (s.levels || {})[c.key] === p.level).map((s) => s.label);
              return html`
                <div class="meeting-option ${d.levels[c.key] === p.level ? "chosen" : ""}">
                  <input type="radio" id=${id} name=${"consensus-" + c.key} value=${p.level} .checked=${d.levels[c.key] === p.level}
                         @change=${() => this.setDraft(detail.code, { levels: { ...d.levels, [c.key]: p.level } })}>
                  <label for=${id}>${this.levelName(c, p.level)}${by.length ? html` <span class="meeting-by">— given by ${by.join(", ")}</span>`
                    : nothing}</label>
                </div>`;
            })}
          </fieldset>`)}
        <div class="field">
          <label for="consensus-condition">Or a condition code instead of levels</label>
          <select id="consensus-condition" @change=${(e) => this.setDraft(detail.code, { condition: e.target.value })}>
            <option value="" ?selected=${!condition}>No condition code: score with the levels</option>
            ${CONDITIONS.map(([key, name]) => html`<option value=${key} ?selected=${d.condition === key}>${name}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="consensus-rationale">Rationale: why the group settled on this score ${condition
            ? html`<span class="optional">(optional with a condition code)</span>` : html`<span class="required">(required)</span>`}</label>
          <textarea id="consensus-rationale" maxlength="8000" .value=${d.rationale}
                    @input=${(e) => this.setDraft(detail.code, { rationale: e.target.value })}></textarea>
        </div>
        <p class="actions"><button type="submit" class="button" id="consensus-save"
          aria-disabled=${this.busy ? "true" : "false"}>${resolved ? "Save changed consensus" : "Save consensus"}</button></p>
      </form>`;
  }

  renderAction(detail, stage) {
    if (this.readOnly) {
      return nothing;
    }
    const resolved = detail.resolution && !detail.resolution.automatic;
    if (stage === "agreed") {
      const decision = this.agreedDecision(detail);
      if (resolved) {
        return html`<p class="meeting-done" id="agreement-confirmed"><span aria-hidden="true">✓</span> Agreement confirmed.</p>`;
      }
      if (decision) {
        return this.renderConfirm(detail, decision);
      }
      return html`<p class="hint">The scores are within the round's tolerance, and its rule leaves the final score to the
        moderators.</p>${this.renderConsensus(detail)}`;
    }
    return html`
      ${detail.state === "adjudicating" ? html`<p class="hint">A third scorer has this piece; a consensus recorded here settles it
        without their score.</p>` : nothing}
      ${this.renderConsensus(detail)}
      <details class="meeting-biases">
        <summary>Common sources of scorer bias</summary>
        <ul>${BIASES.map((b) => html`<li>${b}</li>`)}</ul>
      </details>`;
  }

  renderPiece(s) {
    const code = s.item.code;
    const detail = this.details[code];
    const heading = html`<h3 id="slide-heading" tabindex="-1">Piece <span id="piece-code">${code}</span>
      ${s.stage === "agreed" && Number.isInteger(s.item.point) ? html`<span class="meeting-point">· score point ${s.item.point}</span>` : nothing}</h3>`;
    if (!detail) {
      return html`${heading}<p class="panel-loading" role="status">Loading piece ${code}…</p>`;
    }
    const group = s.stage === "agreed" ? list(this.meeting.agreed).filter((i) => i.point === s.item.point) : null;
    return html`
      ${heading}
      <p class="meeting-standing" id="piece-standing">
        ${s.stage === "agreed"
          ? html`${detail.exact ? "Same score from every scorer" : "Scores within the round's tolerance"}${group && Number.isInteger(s.item.point)
            ? html` · ${group.indexOf(s.item) + 1} of ${group.length} at score point ${s.item.point}` : nothing}`
          : html`Scored differently: ${detail.spread === null || detail.spread === undefined ? "a blank against a scored response"
            : "apart by " + detail.spread + (detail.spread === 1 ? " level" : " levels")}`}
        · ${STATES[detail.state] || str(detail.state)}</p>
      <div class="meeting-piece">
        <article class="meeting-work" aria-labelledby="work-heading">
          <h4 id="work-heading">The work</h4>
          <div class="meeting-text" id="meeting-text" tabindex="0" role="region" aria-label=${"Text of piece " + code}>${detail.text}</div>
        </article>
        <div class="meeting-side">
          <section aria-labelledby="scores-heading">
            <h4 id="scores-heading">How each scorer scored it</h4>
            ${list(detail.scores).map((score) => this.renderScore(score, detail))}
          </section>
          ${this.renderFinal(detail)}
          ${this.renderAction(detail, s.stage)}
        </div>
      </div>`;
  }

  renderReflection() {
    const saved = (this.meeting && this.meeting.reflection) || {};
    const r = this.reflection || this.reflectionFrom(saved);
    if (this.readOnly) {
      return html`
        <h3 id="slide-heading" tabindex="-1">Reflection</h3>
        ${REFLECTION.map(([key, label]) => html`
          <section class="meeting-reflection-part" aria-labelledby=${"reflection-" + key + "-heading"}>
            <h4 id=${"reflection-" + key + "-heading"}>${label}</h4>
            <p class="prewrap">${str(saved[key]) || html`<span class="muted">Nothing recorded.</span>`}</p>
          </section>`)}`;
    }
    return html`
      <h3 id="slide-heading" tabindex="-1">Reflection</h3>
      <p>What did the group learn from the student work and from scoring together?</p>
      <form class="meeting-reflection" id="reflection-form" novalidate @submit=${(e) => this.saveReflection(e)}
            aria-labelledby="slide-heading">
        ${REFLECTION.map(([key, label, hint]) => html`
          <div class="field">
            <label for=${"reflection-" + key}>${label}</label>
            <p class="hint" id=${"reflection-" + key + "-hint"}>${hint}</p>
            <textarea id=${"reflection-" + key} maxlength="8000" aria-describedby=${"reflection-" + key + "-hint"} .value=${r[key]}
                      @input=${(e) => { this.reflection = { ...this.reflection, [key]: e.target.value }; }}></textarea>
            ${this.theirs ? html`<p class="meeting-theirs"><strong>Saved by another moderator:</strong>
              <span class="prewrap">${this.theirs[key] || "(empty)"}</span></p>` : nothing}
          </div>`)}
        <p class="actions"><button type="submit" class="button" id="reflection-save"
          aria-disabled=${this.busy ? "true" : "false"}>Save reflection</button></p>
        <p class="hint" id="reflection-saved">${saved.updated_at ? html`Last saved ${time(saved.updated_at)}.` : "Not saved yet."}</p>
      </form>`;
  }

  renderSlide() {
    const s = this.slide;
    if (!s) {
      return nothing;
    }
    if (s.stage === "reflection") {
      return this.renderReflection();
    }
    // Each piece gets its own form: nothing typed or chosen for one piece can show on the next.
    return keyed(s.item.code, this.renderPiece(s));
  }

  render() {
    const loading = !this.meeting && !this.message;
    return html`
      <div class="meeting">
        ${this.renderHeader()}
        ${messageBox("meeting-message", this.message)}
        ${loading ? html`<p class="panel-loading" role="status">Loading the meeting…</p>` : nothing}
        ${this.meeting ? html`
          <section class="meeting-slide" aria-labelledby="slide-heading">${this.renderSlide()}</section>
          ${this.renderReveal()}` : nothing}
      </div>`;
  }
}

customElements.define("calibrate-meeting", CalibrateMeeting);
