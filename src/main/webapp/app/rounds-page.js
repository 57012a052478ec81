// <calibrate-rounds>: the Rounds section: the activity (placement) this launch came from, the rounds
// (still to come), and the course roster the rounds draw their scorers from.
import { LitElement, html, nothing } from "lit";
import "./roster-panel.js";
import { number, str } from "./format.js";

export class CalibrateRounds extends LitElement {
  static properties = {
    me: { attribute: false },
  };

  constructor() {
    super();
    this.me = null;
  }

  createRenderRoot() {
    return this;
  }

  renderPlacement(placement) {
    const title = str(placement.title) || "Calibrate activity";
    return html`
      <section class="panel placement-summary" id="placement-summary" aria-labelledby="placement-heading">
        <p class="kicker">This activity in the course</p>
        <h2 id="placement-heading">${title}</h2>
        ${str(placement.description) ? html`<p id="placement-description" class="prewrap">${placement.description}</p>` : nothing}
        <p class="muted" id="placement-grading">${placement.grade_return
          ? html`Grades return to the course gradebook, out of ${number(placement.score_maximum)}.`
          : "This activity has no grade column in the course gradebook."}</p>
      </section>`;
  }

  render() {
    const me = this.me || {};
    return html`
      ${me.placement ? this.renderPlacement(me.placement) : nothing}
      <div class="empty-state">
        <p class="empty-title">No moderation rounds in this course yet.</p>
        <p>Department heads will set up rounds here: choose the assignment and the rubric, pick the scorers,
          and start blind double scoring. The pieces allocated to you for scoring will be listed here too.</p>
      </div>
      <calibrate-roster></calibrate-roster>`;
  }
}

customElements.define("calibrate-rounds", CalibrateRounds);
