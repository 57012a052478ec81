// <calibrate-nav>: the section links; the current one carries aria-current="page".
import { html, nothing } from "lit";
import { LightElement } from "./light-element.js";

export class CalibrateNav extends LightElement {
  static properties = {
    /** The sections to offer, [{id, title}]. */
    sections: { attribute: false },
    /** The id of the section on show. */
    current: { type: String },
  };

  constructor() {
    super();
    this.sections = [];
    this.current = "";
  }

  render() {
    return html`
      <nav class="app-nav" aria-label="Calibrate sections">
        <ul>
          ${this.sections.map((s) => html`
            <li><a href="#${s.id}" data-nav=${s.id}
                   aria-current=${s.id === this.current ? "page" : nothing}>${s.title}</a></li>`)}
        </ul>
      </nav>`;
  }
}

customElements.define("calibrate-nav", CalibrateNav);
