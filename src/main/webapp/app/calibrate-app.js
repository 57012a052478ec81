// <calibrate-app>: the shell around every feature: who you are, your role, the course, the
// section navigation and the main area. main.js decides what it shows; it owns the routing.
import { LitElement, html, nothing } from "lit";
import "./calibrate-nav.js";
import "./alerts-banner.js";
import { renderSection, sectionFromHash, sectionsFor } from "./sections.js";

const ROLE_NAMES = { teacher: "Teacher", admin: "Administrator" };

/** Fired (bubbling) when the person asks to try again after a failure that may pass. */
export const RETRY_EVENT = "calibrate-retry";

export class CalibrateApp extends LitElement {
  static properties = {
    view: { state: true }, // "loading" | "notice" | "shell"
    me: { state: true },
    notice: { state: true }, // {tone: "info" | "error", text, detail?, retry?}
    message: { state: true }, // the in-shell message box: {tone, text} or null
    route: { state: true },
  };

  constructor() {
    super();
    this.view = "loading";
    this.me = null;
    this.notice = null;
    this.message = null;
    this.route = null;
    this.focusSection = false;
    this.onHashChange = () => this.followHash();
  }

  // Light DOM: the global stylesheet applies and browser tests find elements without piercing
  // shadow roots. The static "Starting Calibrate…" placeholder from index.html makes way.
  createRenderRoot() {
    this.replaceChildren();
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener("hashchange", this.onHashChange);
  }

  disconnectedCallback() {
    window.removeEventListener("hashchange", this.onHashChange);
    super.disconnectedCallback();
  }

  showLoading() {
    this.view = "loading";
    this.notice = null;
  }

  /** A full-page notice instead of the shell: no session, session ended, or a failure. */
  showNotice(notice) {
    this.view = "notice";
    this.notice = notice;
    this.me = null;
  }

  showShell(me) {
    this.me = me;
    this.notice = null;
    this.message = null;
    this.route = (sectionFromHash(window.location.hash, this.allowedSections()) || this.allowedSections()[0]).id;
    this.view = "shell";
  }

  /** For features: a message above the section (role="alert" for errors, "status" otherwise); null clears it. */
  showMessage(message) {
    this.message = message;
  }

  allowedSections() {
    return sectionsFor(this.me);
  }

  followHash() {
    if (this.view !== "shell") {
      return;
    }
    // Fragments that are not routes (the skip link's #main, say) leave the section as it is.
    const section = sectionFromHash(window.location.hash, this.allowedSections());
    if (section && section.id !== this.route) {
      this.route = section.id;
      this.message = null;
      this.focusSection = true;
    }
  }

  skipToMain(event) {
    // The fragment is the router's; move focus without touching it.
    event.preventDefault();
    const main = this.querySelector("#main");
    if (main) {
      main.focus();
    }
  }

  retry() {
    this.dispatchEvent(new CustomEvent(RETRY_EVENT, { bubbles: true }));
  }

  updated() {
    if (this.view === "shell") {
      const section = this.allowedSections().find((s) => s.id === this.route);
      const course = this.me.course && this.me.course.title;
      document.title = section.title + (course ? " · " + course : "") + " — Calibrate";
      if (this.focusSection) {
        this.focusSection = false;
        const heading = this.querySelector("#section-heading");
        if (heading) {
          heading.focus();
        }
      }
    } else if (this.view === "notice") {
      document.title = "Calibrate";
    }
  }

  render() {
    if (this.view === "notice") {
      return this.renderNotice();
    }
    if (this.view === "shell") {
      return this.renderShell();
    }
    return html`<main id="main" class="notice-page" tabindex="-1">
      <p class="loading" role="status">Starting Calibrate…</p>
    </main>`;
  }

  renderNotice() {
    const n = this.notice;
    return html`
      <main id="main" class="notice-page" tabindex="-1">
        <div class="notice-card">
          <h1 class="notice-brand"><span class="brand-mark" aria-hidden="true"></span>Calibrate</h1>
          <div id="message" class="message message-${n.tone === "error" ? "error" : "info"}"
               role=${n.tone === "error" ? "alert" : "status"}>
            <p class="message-text">${n.text}</p>
            ${n.detail ? html`<p class="message-detail">${n.detail}</p>` : nothing}
          </div>
          ${n.retry ? html`<p><button type="button" id="retry" class="button" @click=${this.retry}>Try again</button></p>` : nothing}
        </div>
      </main>`;
  }

  renderShell() {
    const me = this.me;
    const user = me.user || {};
    const course = me.course || {};
    const sections = this.allowedSections();
    const section = sections.find((s) => s.id === this.route) || sections[0];
    const message = this.message;
    // A deep linking launch has one page to show, so no navigation.
    const alone = sections.length === 1 && section.purpose === "deep_linking";
    return html`
      <a class="skip-link" href="#main" @click=${this.skipToMain}>Skip to main content</a>
      <header class="app-header">
        <p class="brand"><span class="brand-mark" aria-hidden="true"></span>Calibrate</p>
        <p class="course">
          <span class="visually-hidden">Course: </span>
          <span id="course-title" class="course-title">${course.title || "Untitled course"}</span>
          <span id="course-label" class="course-label" ?hidden=${!course.label}>${course.label || ""}</span>
        </p>
        <p class="identity">
          ${user.name ? html`<span class="visually-hidden">Signed in as </span>` : nothing}
          <span id="user-name" class="user-name">${user.name || "Signed in"}</span><span class="visually-hidden">, </span>
          <span id="tool-role" class="tool-role">${ROLE_NAMES[me.tool_role] || "Unknown role"}</span>
        </p>
      </header>
      ${alone ? nothing : html`<calibrate-nav .sections=${sections} current=${section.id}></calibrate-nav>`}
      <main id="main" class="app-main" tabindex="-1">
        ${me.purpose === "submission_review" ? this.renderReviewNotice() : nothing}
        ${me.purpose === "deep_linking" ? nothing : html`<calibrate-alerts></calibrate-alerts>`}
        <div id="message" class="message message-${message && message.tone === "error" ? "error" : "info"}"
             role=${message && message.tone === "error" ? "alert" : "status"} ?hidden=${!message}>
          ${message ? html`<p class="message-text">${message.text}</p>` : nothing}
        </div>
        ${renderSection(section, me)}
      </main>`;
  }

  /** A submission review launch (LTI Submission Review Service 1.0) names the learner whose work is reviewed. */
  renderReviewNotice() {
    const learner = typeof this.me.for_user === "string" && this.me.for_user !== "" ? this.me.for_user : "unknown";
    return html`
      <div id="review-notice" class="message message-info review-notice" role="status">
        <p class="message-text">Reviewing scores for learner <strong id="review-learner">${learner}</strong></p>
        <p class="message-detail">The scores and comments Calibrate returned for this learner will show here in a later release.</p>
      </div>`;
  }
}

customElements.define("calibrate-app", CalibrateApp);
