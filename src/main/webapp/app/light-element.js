// The base of Calibrate's components: Lit rendering into the light DOM, so the one global stylesheet
// applies and browser tests find elements without piercing shadow roots.
import { LitElement } from "lit";

export class LightElement extends LitElement {
  createRenderRoot() {
    return this;
  }
}
