// <calibrate-round-setup>: one round for its moderators, in tabs: the round (details, design, phase),
// scorers and moderators, pieces, allocation, the calibration set, and live progress with flags.
// Every edit sends the lock_version it started from; a stale one is reported, never overwritten.
import { html, nothing } from "lit";
import { LightElement } from "./light-element.js";
import * as api from "./api.js";
import { list, messageBox, number, str, time } from "./format.js";
import { renderLevelGroups } from "./rubric-levels.js";
import { phaseName } from "./rounds-page.js";
import "./moderation-panel.js";
import "./finalise-panel.js";
import "./library-offer.js";
import "./import-panel.js";
import "./piece-review.js";

const TABS = [
  ["overview", "Round"],
  ["scorers", "Scorers"],
  ["pieces", "Pieces"],
  ["allocation", "Allocation"],
  ["calibration", "Calibration set"],
  ["progress", "Progress"],
  ["chart", "Scoring chart"],
  ["moderation", "Moderation"],
  ["final", "Finalise"],
];
const STATUS_NAMES = { discrepant: "Discrepant", adjacent: "Adjacent", agreed: "Agreed", single: "Scored once" };
const POLL_MS = 5000;
const SOURCE_NAMES = { upload: "Uploaded", demo: "Demo LMS", moodle: "Moodle", export_zip: "LMS export", asset: "LMS (Asset Processor)" };
const EXCLUSION_NAMES = { consent_declined: "Consent declined or opted out", wrong_assignment: "Wrong assignment",
  duplicate: "Duplicate", unreadable: "Unreadable", other: "Other (say why)" };
const FLAG_NAMES = { sensitive: "Sensitive content", unsure: "Unsure", file_problem: "File problem", condition: "Condition code",
  leak: "A name was hidden from a scorer" };

function percent(share) {
  return Number.isFinite(share) ? Math.round(share * 100) + "%" : "—";
}

export class CalibrateRoundSetup extends LightElement {
  static properties = {
    roundId: { attribute: false },
    round: { state: true },
    tab: { state: true },
    roster: { state: true },
    pieces: { state: true },
    release: { state: true },
    reviewCode: { state: true },
    allocation: { state: true },
    results: { state: true },
    progress: { state: true },
    chart: { state: true },
    message: { state: true },
    itemLevels: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.roundId = null;
    this.round = null;
    this.tab = null;
    this.roster = null;
    this.pieces = null;
    this.release = null;
    this.reviewCode = null;
    this.allocation = null;
    this.results = null;
    this.progress = null;
    this.chart = null;
    this.chartFilter = "";
    this.chartByCode = false;
    this.message = null;
    this.itemLevels = {};
    this.busy = false;
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

  get base() {
    return "/api/rounds/" + encodeURIComponent(this.roundId);
  }

  async load() {
    try {
      this.round = await api.get(this.base);
      if (!this.tab) {
        this.select(["scoring", "moderation", "finalised"].includes(this.round.phase) ? "progress" : "overview");
      } else {
        this.loadTab();
      }
    } catch (e) {
      this.message = { tone: "error", text: e.message };
    }
  }

  select(tab, focus = false) {
    // What the last action said belongs to the tab it was done on.
    this.message = tab === this.tab ? this.message : null;
    this.tab = tab;
    clearTimeout(this.timer);
    this.loadTab();
    if (focus) {
      this.updateComplete.then(() => {
        const button = this.querySelector(`[role=tab][data-tab="${tab}"]`);
        if (button) {
          button.focus();
        }
      });
    }
  }

  async loadTab() {
    const tab = this.tab;
    try {
      if (tab === "scorers" && !this.roster) {
        this.roster = await api.get("/api/course/roster");
      } else if (tab === "pieces") {
        [this.pieces, this.release] = await Promise.all([api.get(this.base + "/pieces"), api.get(this.base + "/release")]);
      } else if (tab === "allocation") {
        this.allocation = await api.get(this.base + "/allocation").catch((e) => (e.status === 404 ? null : Promise.reject(e)));
      } else if (tab === "calibration") {
        this.results = await api.get(this.base + "/calibration/results");
      } else if (tab === "chart") {
        this.chart = ["moderation", "finalised"].includes(this.round.phase) ? await api.get(this.base + "/chart") : null;
      } else if (tab === "progress") {
        this.progress = await api.get(this.base + "/progress");
        // Live: progress is read again every few seconds while the tab is open.
        this.timer = setTimeout(() => this.tab === "progress" && this.isConnected && this.loadTab(), POLL_MS);
      }
    } catch (e) {
      this.message = { tone: "error", text: e.message };
    }
  }

  /** Runs one change; refreshes the round (its lock_version) and the tab; reports what happened. */
  async act(what, call, done) {
    if (this.busy) {
      return;
    }
    this.busy = true;
    try {
      const result = await call();
      this.message = done ? { tone: "info", text: typeof done === "function" ? done(result) : done } : null;
      await this.load();
      return result;
    } catch (e) {
      this.message = {
        tone: "error",
        text: what + ": " + e.message,
        detail: e.status === 409 && e.code === "conflict" ? "Someone else changed this round meanwhile; the page now shows their version." : null,
        items: e.problems,
      };
      if (e.status === 409) {
        await this.load();
      }
      return null;
    } finally {
      this.busy = false;
    }
  }

  // --- Round: details, design, phase ----------------------------------------------------------

  saveDetails(event) {
    event.preventDefault();
    const f = event.target.elements;
    const r = this.round;
    const body = {
      lock_version: r.lock_version,
      title: f["setup-title"].value.trim(),
      task: f["setup-task"].value,
      calibration: {
        required: f["setup-cal-required"].checked,
        qualifying_agreement: Number(f["setup-cal-agreement"].value) / 100,
      },
    };
    if (r.phase === "setup") {
      body.design = {
        scorers_per_piece: Number(f["setup-scorers"].value),
        all_score_all: f["setup-all"].checked,
        multi_scored_share: Number(f["setup-share"].value) / 100,
        capacity_weighted: f["setup-capacity"].checked,
        seed: f["setup-seed"].value.trim() || r.design.seed,
      };
    }
    this.act("The round was not saved", () => api.put(this.base, body), "Round saved.");
  }

  nextPhase() {
    const phases = list(this.round.phases);
    const at = phases.indexOf(this.round.phase);
    return at >= 0 && at + 1 < phases.length ? phases[at + 1] : null;
  }

  move(phase) {
    this.act("The phase did not change", () => api.post(this.base + "/phase", { lock_version: this.round.lock_version, phase }),
      "The round is now in " + phaseName(phase).toLowerCase() + ".");
  }

  renderOverview() {
    const r = this.round;
    const d = r.design || {};
    const c = r.calibration || {};
    const setup = r.phase === "setup";
    const next = this.nextPhase();
    return html`
      <section class="panel" aria-labelledby="phase-heading">
        <h3 id="phase-heading">Phase</h3>
        <ol class="phase-steps">
          ${list(r.phases).map((p) => html`<li class=${p === r.phase ? "current" : ""} aria-current=${p === r.phase ? "step" : "false"}>
            ${phaseName(p)}</li>`)}
        </ol>
        <p class="actions">
          ${next && next !== "finalised" ? html`<button type="button" class="button" id="phase-next" data-phase=${next}
            @click=${() => this.move(next)}>Move to ${phaseName(next).toLowerCase()}</button>` : nothing}
          ${r.phase === "setup" && !c.required ? html`<button type="button" class="button secondary" id="phase-skip"
            @click=${() => this.move("scoring")}>Start scoring without calibration</button>` : nothing}
          ${r.phase === "moderation" ? html`<button type="button" class="button secondary" id="phase-reopen"
            @click=${() => this.move("scoring")}>Reopen scoring</button>` : nothing}
          ${r.phase === "moderation" ? html`<button type="button" class="button" id="phase-finalise"
            @click=${() => this.select("final", true)}>Finalise…</button>` : nothing}
        </p>
        <p class="hint">Each change of phase is recorded with who made it and when. Scorers see their pieces from
          scoring on; in calibration they practise on the calibration set.</p>
      </section>
      <form class="panel" id="setup-form" @submit=${(e) => this.saveDetails(e)} novalidate aria-labelledby="details-heading">
        <h3 id="details-heading">Details and design</h3>
        <div class="field"><label for="setup-title">Title</label>
          <input id="setup-title" maxlength="200" .value=${str(r.title)}></div>
        <div class="field"><label for="setup-task">Assessment task</label>
          <textarea id="setup-task" maxlength="4000" .value=${str(r.task)}></textarea></div>
        <p><span class="fact-label">Rubric:</span> ${r.rubric ? html`${str(r.rubric.title)} (version ${r.rubric.version})` : "—"}
          ${setup ? nothing : html`<span class="hint">— fixed once setup ends.</span>`}</p>
        <fieldset class="design" ?disabled=${!setup}>
          <legend>Design ${setup ? nothing : html`<span class="hint">(fixed once setup ends)</span>`}</legend>
          <div class="field"><label for="setup-scorers">Scorers per piece</label>
            <input id="setup-scorers" type="number" min="1" max="5" class="input-short" .value=${String(d.scorers_per_piece || 2)}></div>
          <div class="check"><input type="checkbox" id="setup-all" .checked=${Boolean(d.all_score_all)}>
            <label for="setup-all">All scorers score all pieces (small sets)</label></div>
          <div class="field"><label for="setup-share">Share of pieces scored more than once (%)</label>
            <input id="setup-share" type="number" min="0" max="100" class="input-short"
                   .value=${String(Math.round((d.multi_scored_share ?? 1) * 100))} aria-describedby="setup-share-hint">
            <p class="hint" id="setup-share-hint">100% = every piece double-scored; 50% = half, the rest scored once.</p></div>
          <div class="check"><input type="checkbox" id="setup-capacity" .checked=${Boolean(d.capacity_weighted)}>
            <label for="setup-capacity">Share pieces by each scorer's stated capacity</label></div>
          <div class="field"><label for="setup-seed">Allocation seed</label>
            <input id="setup-seed" class="input-short" inputmode="numeric" .value=${str(d.seed)} aria-describedby="setup-seed-hint">
            <p class="hint" id="setup-seed-hint">The same seed gives the same allocation.</p></div>
        </fieldset>
        <fieldset>
          <legend>Calibration</legend>
          <div class="check"><input type="checkbox" id="setup-cal-required" .checked=${Boolean(c.required)}>
            <label for="setup-cal-required">Scorers must qualify on the calibration set before live scoring</label></div>
          <div class="field"><label for="setup-cal-agreement">Exact agreement needed to qualify (%)</label>
            <input id="setup-cal-agreement" type="number" min="0" max="100" class="input-short"
                   .value=${String(Math.round((c.qualifying_agreement ?? 0.8) * 100))}></div>
        </fieldset>
        <p class="actions"><button class="button" type="submit" id="setup-save">Save round</button></p>
      </form>
      <section class="panel" aria-labelledby="join-code-heading">
        <h3 id="join-code-heading">Colleagues from other courses</h3>
        <p>They join as scorers with the round code <code id="join-code-value">${str(r.join_code)}</code> on their Rounds page.</p>
      </section>`;
  }

  // --- Scorers and moderators -----------------------------------------------------------------

  addMember(event) {
    event.preventDefault();
    const f = event.target.elements;
    const roles = [];
    if (f["member-scorer"].checked) {
      roles.push("scorer");
    }
    if (f["member-moderator"].checked) {
      roles.push("moderator");
    }
    const teaches = f["member-teaches"].value.split(",").map((t) => t.trim()).filter((t) => t !== "");
    this.act("The member was not added", () => api.post(this.base + "/members", {
      user_id: f["member-person"].value, roles, capacity: Number(f["member-capacity"].value) || 1, teaches,
    }), (m) => (str(m.name) || "The teacher") + " added.").then((added) => added && event.target.reset());
  }

  editMember(member, patch, what) {
    this.act(what, () => api.put(this.base + "/members/" + encodeURIComponent(member.id), {
      lock_version: member.lock_version, roles: member.roles, capacity: member.capacity, teaches: member.teaches,
      active: member.active, ...patch,
    }), "Saved.");
  }

  renderScorers() {
    const members = list(this.round.members);
    const inRound = new Set(members.map((m) => m.user_id));
    const candidates = list(this.roster && this.roster.teachers).filter((t) => !inRound.has(t.user_id));
    return html`
      <div class="table-wrap">
        <table class="data-table" id="members-table">
          <caption>Scorers and moderators</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">Roles</th><th scope="col" class="num">Capacity</th>
            <th scope="col">Teaches (kept off their pieces)</th><th scope="col">Status</th></tr></thead>
          <tbody>${members.map((m) => html`<tr data-member=${m.id}>
            <th scope="row">${str(m.name) || m.user_id}</th>
            <td>${list(m.roles).map((x) => (x === "moderator" ? "moderator" : "scorer")).join(", ")}</td>
            <td class="num">${number(m.capacity)}</td>
            <td>${list(m.teaches).join(", ") || "—"}</td>
            <td>${m.active ? "active" : "dropped out"}
              ${list(m.roles).includes("scorer") ? html`<button type="button" class="button small secondary"
                @click=${() => this.editMember(m, { active: !m.active }, "The scorer was not changed")}>
                ${m.active ? "Mark dropped out" : "Bring back"}<span class="visually-hidden"> ${str(m.name)}</span></button>` : nothing}</td>
          </tr>`)}</tbody>
        </table>
      </div>
      <form class="panel" id="member-form" @submit=${(e) => this.addMember(e)} novalidate aria-labelledby="member-heading">
        <h3 id="member-heading">Add a teacher from the course roster</h3>
        ${candidates.length === 0 ? html`<p class="hint">Every teacher of the roster is in the round, or the roster is empty:
          sync it on the Rounds page.</p>` : nothing}
        <div class="field"><label for="member-person">Teacher</label>
          <select id="member-person">${candidates.map((t) => html`<option value=${t.user_id}>${str(t.name) || t.user_id}</option>`)}</select></div>
        <fieldset><legend>Roles</legend>
          <div class="check"><input type="checkbox" id="member-scorer" checked><label for="member-scorer">Scorer</label></div>
          <div class="check"><input type="checkbox" id="member-moderator"><label for="member-moderator">Moderator</label></div>
        </fieldset>
        <div class="field"><label for="member-capacity">Capacity (relative share of pieces)</label>
          <input id="member-capacity" type="number" min="1" max="100" value="1" class="input-short"></div>
        <div class="field"><label for="member-teaches">Classes they teach <span class="optional">(comma-separated)</span></label>
          <input id="member-teaches" aria-describedby="member-teaches-hint" autocomplete="off">
          <p class="hint" id="member-teaches-hint">No one scores pieces from a class they teach.</p></div>
        <p class="actions"><button class="button" type="submit" id="member-add" ?disabled=${candidates.length === 0}>Add to round</button></p>
      </form>`;
  }

  // --- Pieces ---------------------------------------------------------------------------------

  addPasted(event) {
    event.preventDefault();
    const f = event.target.elements;
    const text = f["piece-text"].value;
    if (text.trim() === "") {
      this.message = { tone: "error", text: "Paste the text of the piece first." };
      return;
    }
    this.act("The piece was not added", () => api.post(this.base + "/pieces", { pieces: [{ text, origin: f["piece-origin"].value.trim() || null }] }),
      (r) => r.added + " piece added; " + r.pieces + " in the round.").then((r) => r && event.target.reset());
  }

  exclude(event, p) {
    event.preventDefault();
    const f = event.target.elements;
    const reason = f["exclude-reason"].value;
    this.act("The piece was not left out", () => api.put(this.base + "/pieces/" + encodeURIComponent(p.code) + "/exclusion",
      { reason, note: f["exclude-note"].value.trim() || null }), "Piece " + p.code + " is left out of the round.")
      .then(() => this.loadTab());
  }

  include(p) {
    this.act("The piece was not taken back", () => api.del(this.base + "/pieces/" + encodeURIComponent(p.code) + "/exclusion"),
      "Piece " + p.code + " is in the round again.").then(() => this.loadTab());
  }

  releasePieces() {
    const looked = this.querySelector("#release-looked");
    const body = { lock_version: this.release.lock_version, checked_by_eye: Boolean(looked && looked.checked) };
    this.act("The pieces were not released", () => api.post(this.base + "/release", body),
      "The pieces are released: scorers will read them as they stand once scoring starts.").then(() => this.load());
  }

  withdrawRelease() {
    this.act("The release was not withdrawn", () => api.del(this.base + "/release?lock_version=" + this.release.lock_version),
      "The release is withdrawn: the pieces are under review again.").then(() => this.load());
  }

  /** Opens a piece's review above the list and takes the focus there, so a keyboard user lands on it. */
  openReview(code) {
    this.reviewCode = code;
    this.updateComplete.then(() => {
      const review = this.querySelector("calibrate-piece-review");
      if (review) {
        review.scrollIntoView({ block: "start" });
        review.tabIndex = -1;
        review.focus({ preventScroll: true });
      }
    });
  }

  renderRelease() {
    const r = this.release;
    if (!r) {
      return nothing;
    }
    const pending = Object.entries(r.pending || {});
    const open = ["setup", "calibration"].includes(this.round.phase);
    return html`<section class="panel release-panel" id="release" aria-labelledby="release-heading">
      <h3 id="release-heading">Release review</h3>
      ${r.released_at ? html`<p id="release-state"><span class="badge ok">Released</span> ${time(r.released_at)}: scorers read the
          pieces as they stand once scoring starts.</p>
          ${open ? html`<p class="actions"><button type="button" class="button secondary" id="release-withdraw"
            @click=${() => this.withdrawRelease()}>Withdraw the release</button></p>` : nothing}`
        : html`<p id="release-state">Not released: no scorer sees a piece before you release them, and scoring cannot start before.
          ${pending.length ? html`<strong>${pending.length} piece(s)</strong> have names the anonymiser was unsure of (hidden until you
            decide): ${pending.slice(0, 12).map(([code, n], i) => html`${i ? ", " : ""}<button type="button" class="button link"
              @click=${() => this.openReview(code)}>${code} (${n})</button>`)}${pending.length > 12 ? " …" : ""}.`
            : "Nothing is left to decide."}</p>
          ${list(r.to_check).length ? html`<p id="release-to-check"><strong>${list(r.to_check).length} piece(s)</strong> have pictures or files to
            check by eye (names in handwriting, signatures): ${list(r.to_check).slice(0, 12).map((code, i) => html`${i ? ", " : ""}<button
              type="button" class="button link" @click=${() => this.openReview(code)}>${code}</button>`)}${list(r.to_check).length > 12 ? " …" : ""}.</p>
            ${open ? html`<div class="check"><input type="checkbox" id="release-looked">
              <label for="release-looked">I have looked at each of them and covered what names someone</label></div>` : nothing}` : nothing}
          ${open ? html`<p class="actions"><button type="button" class="button" id="release-pieces" ?disabled=${!r.pieces}
            @click=${() => this.releasePieces()}>Release the ${number(r.pieces)} pieces to scorers</button></p>` : nothing}`}
    </section>`;
  }

  renderPieces() {
    const pieces = list(this.pieces && this.pieces.pieces);
    const included = pieces.filter((p) => !p.excluded);
    const setup = this.round.phase === "setup";
    return html`
      ${this.renderRelease()}
      ${this.reviewCode ? html`<calibrate-piece-review .roundId=${this.roundId} .code=${this.reviewCode}
          @calibrate-review-changed=${() => this.loadTab()}></calibrate-piece-review>
        <p class="actions"><button type="button" class="button secondary" @click=${() => { this.reviewCode = null; }}>Close the review</button></p>`
        : nothing}
      <p id="pieces-count"><strong>${number(included.length)}</strong> pieces${pieces.length > included.length
        ? html` (and ${number(pieces.length - included.length)} left out)` : nothing}. Scorers see each piece by its code only; the
        class it came from is used to keep teachers off their own students' work.</p>
      ${setup ? html`<calibrate-imports .roundId=${this.roundId} @calibrate-pieces-changed=${() => this.loadTab()}></calibrate-imports>` : nothing}
      ${pieces.length ? html`<div class="table-wrap"><table class="data-table" id="pieces-table">
        <caption>Pieces</caption>
        <thead><tr><th scope="col">Code</th><th scope="col">Class</th><th scope="col">Source</th><th scope="col" class="num">Words</th>
          <th scope="col" class="num">Scorers</th><th scope="col" class="num">Submitted</th><th scope="col" class="num">Flags</th>
          <th scope="col">Review and status</th></tr></thead>
        <tbody>${pieces.map((p) => html`<tr class=${p.excluded ? "row-muted" : ""}><th scope="row"><code>${p.code}</code></th>
          <td>${str(p.origin) || "—"}</td><td>${SOURCE_NAMES[p.source] || p.source}${p.attempt > 1 ? html` · attempt ${p.attempt}` : nothing}</td>
          <td class="num">${number(p.words)}</td><td class="num">${number(p.scorers)}</td><td class="num">${number(p.submitted)}</td>
          <td class="num">${number(p.flags)}</td>
          <td><button type="button" class="button link" data-review=${p.code} aria-label=${"Review piece " + p.code}
            @click=${() => this.openReview(p.code)}>Review</button>
            ${p.excluded ? html`Left out: ${EXCLUSION_NAMES[p.excluded] || p.excluded}${p.excluded_note ? " — " + p.excluded_note : ""}
              ${setup ? html` <button type="button" class="button link" @click=${() => this.include(p)}
                aria-label=${"Take piece " + p.code + " back into the round"}>Take back</button>` : nothing}`
            : html`${p.needs_check ? html`<span class="badge warn">Has images: check by eye</span> ` : nothing}
              ${setup ? html`<form class="inline-form" @submit=${(e) => this.exclude(e, p)}>
                <label class="visually-hidden" for=${"exclude-reason-" + p.code}>Why leave piece ${p.code} out</label>
                <select id=${"exclude-reason-" + p.code} name="exclude-reason">
                  ${Object.entries(EXCLUSION_NAMES).map(([k, v]) => html`<option value=${k}>${v}</option>`)}</select>
                <label class="visually-hidden" for=${"exclude-note-" + p.code}>Note</label>
                <input id=${"exclude-note-" + p.code} name="exclude-note" maxlength="1000" placeholder="Note" class="input-short">
                <button type="submit" class="button secondary" aria-label=${"Leave piece " + p.code + " out"}>Leave out</button>
              </form>` : "In the round"}`}</td></tr>`)}</tbody>
      </table></div>` : nothing}
      ${setup ? html`<form class="panel" id="piece-form" @submit=${(e) => this.addPasted(e)} novalidate aria-labelledby="piece-heading">
        <h3 id="piece-heading">Add a piece by pasting its text</h3>
        <div class="field"><label for="piece-text">Text</label><textarea id="piece-text" maxlength="100000"></textarea></div>
        <div class="field"><label for="piece-origin">Class it came from <span class="optional">(optional)</span></label>
          <input id="piece-origin" maxlength="255" class="input-short"></div>
        <p class="actions"><button type="submit" class="button" id="piece-add">Add piece</button></p>
      </form>` : nothing}`;
  }

  // --- Allocation -----------------------------------------------------------------------------

  renderAllocation() {
    const a = this.allocation;
    const names = new Map(list(this.round.members).map((m) => [m.id, str(m.name) || m.user_id]));
    const scorers = a ? Object.keys(a.load || {}) : [];
    const unallocated = a ? Object.entries(a.unallocated || {}) : [];
    return html`
      <p>The allocator gives every piece its scorers with balanced loads, spreads each pair of scorers evenly over
        shared pieces, keeps teachers off their own classes and shuffles each scorer's order. Running it again keeps
        every piece already scored or started where it is.</p>
      <p class="actions"><button type="button" class="button" id="allocation-run" ?disabled=${!["setup", "calibration", "scoring"].includes(this.round.phase)}
        @click=${() => this.act("The allocation did not run", () => api.post(this.base + "/allocation", { lock_version: this.round.lock_version }),
          "Allocation done.")}>${a ? "Run the allocation again" : "Allocate pieces to scorers"}</button></p>
      ${a && a.stale ? html`<p class="message message-info" id="allocation-stale">Scorers or pieces changed since this allocation: run it again.</p>` : nothing}
      ${a ? html`
        <dl class="facts" id="allocation-facts">
          <dt class="fact-label">Run</dt><dd>${time(a.run_at)} · seed ${str(a.seed)}</dd>
          <dt class="fact-label">Conflicts avoided</dt><dd>${number(a.conflicts_avoided)}</dd>
          <dt class="fact-label">Kept from before</dt><dd>${number(a.kept)}</dd>
        </dl>
        <div class="table-wrap"><table class="data-table" id="allocation-load">
          <caption>Load and shared pieces per pair of scorers</caption>
          <thead><tr><th scope="col">Scorer</th><th scope="col" class="num">Pieces</th>
            ${scorers.map((s) => html`<th scope="col" class="num">${names.get(s) || s}</th>`)}</tr></thead>
          <tbody>${scorers.map((s) => html`<tr><th scope="row">${names.get(s) || s}</th><td class="num">${number(a.load[s])}</td>
            ${scorers.map((o) => html`<td class="num">${s === o ? "—" : number(((a.pairs || {})[s] || {})[o] || 0)}</td>`)}</tr>`)}</tbody>
        </table></div>
        ${unallocated.length ? html`<h4>Not allocated</h4><ul id="allocation-unallocated">
          ${unallocated.map(([code, reason]) => html`<li><code>${code}</code>: ${reason}</li>`)}</ul>` : nothing}` : nothing}`;
  }

  // --- Calibration set ------------------------------------------------------------------------

  addItem(event) {
    event.preventDefault();
    const f = event.target.elements;
    this.act("The practice piece was not added", () => api.post(this.base + "/calibration/items", {
      text: f["item-text"].value, levels: this.itemLevels, annotation: f["item-annotation"].value,
    }), "Practice piece added.").then((r) => {
      if (r) {
        event.target.reset();
        this.itemLevels = {};
      }
    });
  }

  renderCalibration() {
    const res = this.results || {};
    const items = list(res.items);
    const rubric = this.rubric;
    return html`
      <p>Practice pieces with agreed scores: scorers score each one, then see the agreed score and its annotation.</p>
      <calibrate-library-offer .roundId=${this.roundId} .phase=${this.round.phase}
        @calibrate-calibration-changed=${() => this.loadTab()}></calibrate-library-offer>
      ${items.length ? html`<ol class="calibration-items" id="calibration-items">${items.map((i) => html`<li data-item=${i.id}>
        <p class="piece-text small">${i.text}</p>
        <p><strong>Agreed:</strong> ${Object.entries(i.levels || {}).map(([k, v]) => k + " " + v).join(", ")}
          ${str(i.annotation) ? html` — ${i.annotation}` : nothing}</p>
        <button type="button" class="button small secondary" @click=${() => this.act("The practice piece was not removed",
          () => api.del(this.base + "/calibration/items/" + encodeURIComponent(i.id)), "Practice piece removed.")}>Remove<span
          class="visually-hidden"> practice piece ${i.position}</span></button></li>`)}</ol>`
        : html`<p class="muted">No practice pieces yet.</p>`}
      ${list(res.scorers).length ? html`<div class="table-wrap"><table class="data-table" id="calibration-results">
        <caption>How scorers did</caption>
        <thead><tr><th scope="col">Scorer</th><th scope="col" class="num">Scored</th><th scope="col" class="num">Exact</th>
          <th scope="col" class="num">Within one</th><th scope="col">Qualified</th></tr></thead>
        <tbody>${list(res.scorers).map((s) => html`<tr><th scope="row">${str(s.name)}</th>
          <td class="num">${number(s.attempted)} / ${number(s.items)}</td><td class="num">${percent(s.exact_share)}</td>
          <td class="num">${percent(s.adjacent_share)}</td><td>${s.qualified ? "yes" : "not yet"}</td></tr>`)}</tbody>
      </table></div>` : nothing}
      ${rubric ? html`<form class="panel" id="item-form" @submit=${(e) => this.addItem(e)} novalidate aria-labelledby="item-heading">
        <h3 id="item-heading">Add a practice piece</h3>
        <div class="field"><label for="item-text">Text of the piece</label><textarea id="item-text" maxlength="100000"></textarea></div>
        ${renderLevelGroups(rubric, { prefix: "item", levels: this.itemLevels,
          onPick: (k, l) => { this.itemLevels = { ...this.itemLevels, [k]: l }; } })}
        <div class="field"><label for="item-annotation">Why it earns this score</label>
          <textarea id="item-annotation" maxlength="4000"></textarea></div>
        <p class="actions"><button type="submit" class="button" id="item-add">Add practice piece</button></p>
      </form>` : nothing}`;
  }

  // --- Progress -------------------------------------------------------------------------------

  renderProgress() {
    const p = this.progress;
    if (!p) {
      return html`<p class="panel-loading" role="status">Loading progress…</p>`;
    }
    const open = list(p.flags).filter((f) => !f.acknowledged);
    return html`
      <p id="progress-overall"><strong>${number(p.submitted)} of ${number(p.seats)}</strong> scores submitted
        · ${number(p.pieces_complete)} of ${number(p.pieces)} pieces complete · ${number(p.drafts)} drafts</p>
      <progress max=${p.seats || 1} value=${p.submitted || 0} aria-labelledby="progress-overall"></progress>
      <div class="table-wrap"><table class="data-table" id="progress-table">
        <caption>Scorers</caption>
        <thead><tr><th scope="col">Scorer</th><th scope="col" class="num">Submitted</th><th scope="col" class="num">Drafts</th>
          <th scope="col">Calibration</th><th scope="col">Last activity</th></tr></thead>
        <tbody>${list(p.scorers).map((s) => html`<tr data-progress-member=${s.member}>
          <th scope="row">${str(s.name)}${s.active ? nothing : html` <span class="muted">(dropped out)</span>`}</th>
          <td class="num" data-submitted>${number(s.submitted)} / ${number(s.allocated)}</td><td class="num">${number(s.drafts)}</td>
          <td>${s.calibration && s.calibration.items ? html`${number(s.calibration.attempted)} / ${number(s.calibration.items)},
            ${percent(s.calibration.exact_share)} exact${s.calibration.qualified ? ", qualified" : ""}` : "—"}</td>
          <td>${time(s.last_activity)}</td></tr>`)}</tbody>
      </table></div>
      <h3 id="flags-heading">Flagged pieces ${open.length ? html`<span class="badge warn">${open.length} open</span>` : nothing}</h3>
      ${list(p.flags).length ? html`<ul class="flag-list" aria-labelledby="flags-heading" id="flag-list">
        ${list(p.flags).map((f) => html`<li class=${f.acknowledged ? "done" : f.kind === "sensitive" ? "urgent" : ""} data-flag=${f.id}>
          <strong>${FLAG_NAMES[f.kind] || f.kind}</strong> on <code>${f.code}</code>
          ${f.suggested_condition ? html` — suggested: ${f.suggested_condition.replace("_", " ")}` : nothing}
          ${str(f.note) ? html` — “${f.note}”` : nothing} <span class="muted">${time(f.raised_at)}</span>
          ${f.acknowledged ? html` <span class="muted">(seen)</span>` : html` <button type="button" class="button small secondary"
            @click=${() => this.act("The flag was not marked as seen", () => api.post(this.base + "/flags/" + encodeURIComponent(f.id)
              + "/acknowledge", {}), "Flag marked as seen.")}>Mark as seen<span class="visually-hidden"> ${f.code}</span></button>`}
        </li>`)}</ul>` : html`<p class="muted">No flags.</p>`}`;
  }

  // --- Scoring chart --------------------------------------------------------------------------

  renderChart() {
    const c = this.chart;
    if (!c) {
      return html`<p id="chart-closed">The scoring chart opens when the round moves to moderation: until then scores stay blind,
        even to moderators.</p>`;
    }
    const scorers = Object.entries(c.scorers || {});
    const keys = Object.keys(c.criteria || {});
    const filter = this.chartFilter || "";
    const rows = list(c.pieces).filter((p) => !filter || p.status === filter);
    const sorted = this.chartByCode ? [...rows].sort((a, b) => a.code.localeCompare(b.code)) : rows;
    const counts = {};
    list(c.pieces).forEach((p) => { counts[p.status] = (counts[p.status] || 0) + 1; });
    const cell = (p, id) => {
      const score = list(p.scores).find((x) => x.scorer === id);
      if (!score) {
        return html`<td class="num muted">·</td>`;
      }
      if (score.condition_code) {
        return html`<td class="num">${score.condition_code}</td>`;
      }
      return html`<td class="num"><strong>${number(score.total)}</strong>${keys.length > 1
        ? html`<br><span class="cell-note">${keys.map((k) => (score.levels || {})[k]).join(" · ")}</span>` : nothing}</td>`;
    };
    return html`
      <p id="chart-summary">${Object.entries(STATUS_NAMES).map(([k, name]) => html`${name}: <strong>${number(counts[k] || 0)}</strong> `)}</p>
      <div class="inline-form">
        <div class="field"><label for="chart-filter">Show</label>
          <select id="chart-filter" @change=${(e) => { this.chartFilter = e.target.value; this.requestUpdate(); }}>
            <option value="">All pieces</option>
            ${Object.entries(STATUS_NAMES).map(([k, name]) => html`<option value=${k} ?selected=${filter === k}>${name}</option>`)}
          </select></div>
        <div class="check"><input type="checkbox" id="chart-by-code" .checked=${Boolean(this.chartByCode)}
          @change=${(e) => { this.chartByCode = e.target.checked; this.requestUpdate(); }}>
          <label for="chart-by-code">Sort by piece code (otherwise discrepant first, largest difference first)</label></div>
        <button type="button" class="button secondary small" id="chart-csv"
          @click=${() => api.download(this.base + "/chart/csv", "scoring-chart.csv").catch((e) => { this.message = { tone: "error", text: e.message }; })}>
          Download CSV</button>
        <button type="button" class="button secondary small" id="chart-xlsx"
          @click=${() => api.download(this.base + "/chart/xlsx", "scoring-chart.xlsx").catch((e) => { this.message = { tone: "error", text: e.message }; })}>
          Download XLSX</button>
      </div>
      <div class="table-wrap"><table class="data-table" id="chart-table">
        <caption>Scoring chart: total per scorer${keys.length > 1 ? html` (levels: ${keys.map((k) => c.criteria[k]).join(" · ")})` : nothing}</caption>
        <thead><tr><th scope="col">Piece</th><th scope="col">Status</th><th scope="col" class="num">Spread</th>
          ${scorers.map(([, name]) => html`<th scope="col" class="num">${name}</th>`)}</tr></thead>
        <tbody>${sorted.map((p) => html`<tr data-chart-piece=${p.code} data-status=${p.status}>
          <th scope="row"><code>${p.code}</code></th><td>${STATUS_NAMES[p.status] || p.status}</td>
          <td class="num">${p.spread === null || p.spread === undefined ? "—" : number(p.spread)}</td>
          ${scorers.map(([id]) => cell(p, id))}</tr>`)}</tbody>
      </table></div>`;
  }

  // --- Tabs -----------------------------------------------------------------------------------

  renderModeration() {
    if (!["moderation", "finalised"].includes(this.round.phase)) {
      return html`<p id="moderation-closed">Moderation opens when the round moves to moderation: until then scores stay blind,
        even to moderators.</p>`;
    }
    return html`<p class="actions"><a class="button secondary" id="open-meeting" href=${"#rounds/" + encodeURIComponent(this.roundId) + "/meeting"}>
        Run the moderation meeting</a></p>
      <calibrate-moderation .roundId=${this.roundId} @calibrate-round-changed=${() => this.load()}></calibrate-moderation>`;
  }

  onTabKey(event) {
    const ids = TABS.map(([id]) => id);
    const at = ids.indexOf(this.tab);
    const moves = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: ids.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      this.select(ids[(moves[event.key] + ids.length) % ids.length], true);
    }
  }

  renderTab() {
    switch (this.tab) {
      case "scorers": return this.renderScorers();
      case "pieces": return this.renderPieces();
      case "allocation": return this.renderAllocation();
      case "calibration": return this.renderCalibration();
      case "progress": return this.renderProgress();
      case "chart": return this.renderChart();
      case "moderation": return this.renderModeration();
      case "final": return html`<calibrate-finalise .roundId=${this.roundId} @calibrate-round-changed=${() => this.load()}></calibrate-finalise>`;
      default: return this.renderOverview();
    }
  }

  async updated(changed) {
    // The calibration form needs the round's rubric: read once, when first needed.
    if (changed.has("tab") && this.tab === "calibration" && !this.rubric && this.round) {
      this.rubric = (await api.get("/api/rubrics/" + encodeURIComponent(this.round.rubric.id))).definition;
      this.requestUpdate();
    }
  }

  render() {
    const r = this.round;
    const heading = html`<p><a href="#rounds" id="back-to-rounds">← All rounds</a></p>
      <h2 data-page-heading tabindex="-1" id="round-heading">${r ? str(r.title) : "Round"}</h2>`;
    if (!r) {
      return html`${heading}${messageBox("setup-message", this.message)}
        ${this.message ? nothing : html`<p class="panel-loading" role="status">Loading the round…</p>`}`;
    }
    return html`${heading}
      <p class="muted">Phase: <span id="round-phase" class="badge phase-${r.phase}">${phaseName(r.phase)}</span>
        · ${number(r.pieces)} pieces · ${number(list(r.members).filter((m) => list(m.roles).includes("scorer")).length)} scorers
        · round code <code>${str(r.join_code)}</code></p>
      ${messageBox("setup-message", this.message)}
      <div class="tab-list" role="tablist" aria-label="Round set-up" @keydown=${(e) => this.onTabKey(e)}>
        ${TABS.map(([id, title]) => html`<button type="button" role="tab" id=${"tab-" + id} data-tab=${id}
          aria-selected=${this.tab === id ? "true" : "false"} aria-controls="tab-panel" tabindex=${this.tab === id ? "0" : "-1"}
          @click=${() => this.select(id)}>${title}</button>`)}
      </div>
      <div id="tab-panel" role="tabpanel" aria-labelledby=${"tab-" + this.tab} tabindex="0">${this.renderTab()}</div>`;
  }
}

customElements.define("calibrate-round-setup", CalibrateRoundSetup);
