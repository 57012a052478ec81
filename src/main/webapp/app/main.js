// The app shell: who you are, your role, the course, and the sections later features fill.
import { LitElement, html, nothing } from "lit";
import { api, exchangeLaunchCode, storedSession } from "./api.js";

const ROLE_NAMES = { teacher: "Teacher", admin: "Administrator" };

const SECTIONS = [
  {
    id: "rounds", title: "Rounds",
    empty: "No moderation rounds in this course yet.",
    detail: "Department heads set up rounds here: the assignment's pieces, a rubric, the scorers and the design. Teachers find the pieces allocated to them for blind scoring.",
  },
  {
    id: "exemplars", title: "Exemplars",
    empty: "The exemplar library is empty.",
    detail: "Anchor papers chosen in moderation are kept here, per task, rubric and score point, for calibration and for scorers to consult while scoring.",
  },
  {
    id: "reports", title: "Reports",
    empty: "No reports yet.",
    detail: "After scoring, reliability reports show how well scorers agreed and whether anyone scored harshly or leniently.",
  },
  {
    id: "admin", title: "Admin", adminOnly: true,
    empty: "Platform registrations and tool keys.",
    detail: "Registered LMS platforms and deployments, recent launch outcomes, and the tool's signing keys.",
  },
];

/** Reads and clears the one-time launch code from the URL fragment. */
function takeLaunchCode() {
  const match = /^#launch=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
  if (!match) {
    return null;
  }
  history.replaceState(null, "", window.location.pathname + window.location.search + "#rounds");
  return match[1];
}

function currentSection(me) {
  const id = window.location.hash.replace(/^#/, "");
  const allowed = SECTIONS.filter((s) => !s.adminOnly || me.tool_role === "admin");
  return allowed.find((s) => s.id === id) || allowed[0];
}

class CalibrateApp extends LitElement {
  static properties = {
    me: { state: true },
    message: { state: true },
    section: { state: true },
  };

  constructor() {
    super();
    this.me = null;
    this.message = null;
    this.section = null;
    this.onHashChange = () => {
      if (this.me) {
        this.section = currentSection(this.me);
      }
    };
  }

  // Light DOM: global styles apply and tests see every element. The static placeholder goes.
  createRenderRoot() {
    this.replaceChildren();
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener("hashchange", this.onHashChange);
    this.start();
  }

  disconnectedCallback() {
    window.removeEventListener("hashchange", this.onHashChange);
    super.disconnectedCallback();
  }

  async start() {
    try {
      const code = takeLaunchCode();
      if (code) {
        await exchangeLaunchCode(code);
      } else if (!storedSession()) {
        this.message = { kind: "info", text: "Open Calibrate from your course in the LMS." };
        return;
      }
      this.me = await api("GET", "/api/me");
      this.section = currentSection(this.me);
    } catch (e) {
      this.message = { kind: "error", text: e.message };
    }
  }

  render() {
    if (this.message) {
      return html`<main id="main" class="centered" tabindex="-1">
        <h1 class="brand">Calibrate</h1>
        <p id="message" class="message ${this.message.kind}" role=${this.message.kind === "error" ? "alert" : "status"}>${this.message.text}</p>
      </main>`;
    }
    if (!this.me) {
      return html`<p class="loading" role="status">Starting Calibrate…</p>`;
    }
    const me = this.me;
    const sections = SECTIONS.filter((s) => !s.adminOnly || me.tool_role === "admin");
    return html`
      <header class="top">
        <span class="brand">Calibrate</span>
        <div class="who">
          <span id="user-name" class="name">${me.user.name || "Signed in"}</span>
          <span id="tool-role" class="role">${ROLE_NAMES[me.tool_role] || me.tool_role}</span>
        </div>
        <div class="course">
          <span id="course-title">${me.course.title || "Untitled course"}</span>
          ${me.course.label ? html`<span id="course-label" class="label">${me.course.label}</span>` : nothing}
        </div>
      </header>
      <nav aria-label="Calibrate">
        <ul>
          ${sections.map((s) => html`<li><a href="#${s.id}" data-nav=${s.id}
              aria-current=${s.id === this.section.id ? "page" : nothing}>${s.title}</a></li>`)}
        </ul>
      </nav>
      <main id="main" tabindex="-1">
        <h1>${this.section.title}</h1>
        <div class="empty">
          <p class="empty-title">${this.section.empty}</p>
          <p>${this.section.detail}</p>
        </div>
      </main>`;
  }
}

customElements.define("calibrate-app", CalibrateApp);
