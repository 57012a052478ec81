// <calibrate-placement>: the answer to a deep linking launch (LTI Deep Linking 2.0): the teacher names
// the activity, Calibrate signs the content item, and the browser posts it back to the LMS in this frame.
import { html, nothing } from "lit";
import { LightElement } from "./light-element.js";
import * as api from "./api.js";
import { messageBox, str } from "./format.js";

const MAX_TITLE = 200;
const MAX_DESCRIPTION = 4000;
const MAX_SCORE = 10000;
const DEFAULT_TITLE = "Moderation round";

/**
 * Posts the signed answer to the LMS's return URL in this frame, as Deep Linking 2.0 §4.2 asks
 * (an auto-submitted form, the JWT in a field named JWT). Only http(s) targets are followed.
 */
export function postToPlatform(answer) {
  if (!answer || typeof answer.action !== "string" || !answer.fields || typeof answer.fields !== "object") {
    throw new api.ApiError(200, "bad_response", "Calibrate's server sent an answer the page cannot read.");
  }
  let url;
  try {
    url = new URL(answer.action, window.location.href);
  } catch (e) {
    url = null;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new api.ApiError(200, "bad_response", "The LMS's return address is not a web address; Calibrate will not send you there.");
  }
  const form = document.createElement("form");
  form.method = "post";
  form.action = url.href;
  form.target = "_self";
  form.hidden = true;
  form.id = "platform-return";
  for (const [name, value] of Object.entries(answer.fields)) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = typeof value === "string" ? value : String(value);
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}

export class CalibratePlacement extends LightElement {
  static properties = {
    me: { attribute: false },
    busy: { state: true }, // null | "submit" | "cancel" | "sent"
    message: { state: true },
    problems: { state: true }, // {title?, description?, score?}
  };

  constructor() {
    super();
    this.me = null;
    this.busy = null;
    this.message = null;
    this.problems = {};
    this.initialised = false;
  }

  get request() {
    return (this.me && this.me.deep_linking) || {};
  }

  get lineItem() {
    return this.request.line_item === true;
  }

  /** The LMS asks for Calibrate as the assignment's Asset Processor: it will send the assignment's submissions. */
  get processor() {
    return this.request.processor === true;
  }

  firstUpdated() {
    const title = this.querySelector("#placement-title");
    title.value = (str(this.request.title).trim() || DEFAULT_TITLE).slice(0, MAX_TITLE);
    const description = this.querySelector("#placement-description");
    description.value = str(this.request.text).slice(0, MAX_DESCRIPTION);
  }

  check() {
    const problems = {};
    const title = this.querySelector("#placement-title").value.trim();
    const description = this.querySelector("#placement-description").value;
    if (title === "") {
      problems.title = "Give the activity a title.";
    } else if (title.length > MAX_TITLE) {
      problems.title = "Shorten the title to " + MAX_TITLE + " characters or fewer (it has " + title.length + ").";
    }
    if (description.length > MAX_DESCRIPTION) {
      problems.description = "Shorten the task description to " + MAX_DESCRIPTION + " characters or fewer (it has " + description.length + ").";
    }
    let scoreMaximum;
    if (this.lineItem) {
      const field = this.querySelector("#placement-score-maximum");
      scoreMaximum = field.value.trim() === "" ? NaN : Number(field.value);
      if (!Number.isFinite(scoreMaximum) || scoreMaximum <= 0 || scoreMaximum > MAX_SCORE) {
        problems.score = "Enter a maximum grade above 0 and at most " + MAX_SCORE + ".";
      }
    }
    return { problems, body: { title, description: description.trim() === "" ? null : description, score_maximum: scoreMaximum } };
  }

  async submit(event) {
    event.preventDefault();
    if (this.busy) {
      return;
    }
    const { problems, body } = this.check();
    this.problems = problems;
    const wrong = Object.keys(problems);
    if (wrong.length > 0) {
      this.message = {
        tone: "error",
        text: wrong.length === 1 ? "One field needs a change before Calibrate can be added." : "Some fields need a change before Calibrate can be added.",
        items: Object.values(problems),
      };
      await this.updateComplete;
      const first = { title: "#placement-title", description: "#placement-description", score: "#placement-score-maximum" }[wrong[0]];
      this.querySelector(first).focus();
      return;
    }
    if (!this.lineItem) {
      delete body.score_maximum;
    }
    await this.answer("submit", () => api.post("/api/deep-linking/response", body),
      "Adding Calibrate to the course and going back to the LMS…");
  }

  async cancel() {
    if (this.busy) {
      return;
    }
    this.problems = {};
    await this.answer("cancel", () => api.post("/api/deep-linking/cancel"), "Going back to the LMS without adding Calibrate…");
  }

  async answer(kind, call, going) {
    this.busy = kind;
    this.message = { tone: "info", text: kind === "submit" ? "Adding Calibrate…" : "Cancelling…" };
    try {
      const reply = await call();
      this.message = { tone: "info", text: going };
      this.busy = "sent";
      await this.updateComplete;
      postToPlatform(reply);
    } catch (e) {
      this.busy = null;
      this.message = {
        tone: "error",
        text: e.message,
        detail: e.code === "no_deep_linking_request" ? null
          : e.status === 0 || e.status >= 500 ? "Nothing was added yet. Try again in a moment." : null,
      };
    }
  }

  field(id, problem) {
    return problem ? html`<p id="${id}-error" class="field-error">${problem}</p>` : nothing;
  }

  render() {
    const p = this.problems;
    const busy = Boolean(this.busy);
    return html`
      ${this.processor
        ? html`<p class="lead" id="placement-processor">Calibrate will receive this assignment's submissions as students hand them
          in. A department head imports them into a moderation round from Calibrate's <b>Import submissions</b> page;
          scorers never see who wrote them.</p>`
        : html`<p class="lead">Calibrate will appear in the course as an activity. Teachers who open it find its moderation
        rounds${this.lineItem ? " and return its grades to the course gradebook" : ""}.</p>`}
      <form id="placement-form" class="form-card" novalidate @submit=${this.submit} aria-busy=${busy ? "true" : "false"}>
        ${messageBox("placement-message", this.message)}
        <div class="field">
          <label for="placement-title">Title <span class="required">(required)</span></label>
          <input id="placement-title" name="title" type="text" maxlength=${MAX_TITLE} required autocomplete="off"
                 aria-invalid=${p.title ? "true" : "false"}
                 aria-describedby=${p.title ? "placement-title-hint placement-title-error" : "placement-title-hint"}>
          <p id="placement-title-hint" class="hint">How the activity is named in the course; up to ${MAX_TITLE} characters.</p>
          ${this.field("placement-title", p.title)}
        </div>
        <div class="field">
          <label for="placement-description">Task description <span class="optional">(optional)</span></label>
          <textarea id="placement-description" name="description" rows="5" maxlength=${MAX_DESCRIPTION}
                    aria-invalid=${p.description ? "true" : "false"}
                    aria-describedby=${p.description ? "placement-description-hint placement-description-error" : "placement-description-hint"}></textarea>
          <p id="placement-description-hint" class="hint">Shown to teachers when they open the activity; up to ${MAX_DESCRIPTION} characters.</p>
          ${this.field("placement-description", p.description)}
        </div>
        ${this.lineItem ? html`
          <div class="field">
            <label for="placement-score-maximum">Maximum grade</label>
            <input id="placement-score-maximum" name="score_maximum" type="number" inputmode="decimal"
                   min="0" max=${MAX_SCORE} step="any" value="100" class="input-short"
                   aria-invalid=${p.score ? "true" : "false"}
                   aria-describedby=${p.score ? "placement-score-maximum-hint placement-score-maximum-error" : "placement-score-maximum-hint"}>
            <p id="placement-score-maximum-hint" class="hint">Creates a grade column in the course, graded out of this number.</p>
            ${this.field("placement-score-maximum", p.score)}
          </div>` : nothing}
        <div class="actions">
          <button id="placement-submit" type="submit" class="button" aria-disabled=${busy ? "true" : "false"}>
            ${this.busy === "submit" ? "Adding…" : "Add to course"}</button>
          <button id="placement-cancel" type="button" class="button secondary" aria-disabled=${busy ? "true" : "false"}
                  @click=${this.cancel}>${this.busy === "cancel" ? "Cancelling…" : "Cancel"}</button>
        </div>
      </form>`;
  }
}

customElements.define("calibrate-placement", CalibratePlacement);
