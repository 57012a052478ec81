// The sections of the shell, their hash routes, who may open them, and what each shows.
import { html } from "lit";
import "./placement-page.js";
import "./rounds-page.js";
import "./grades-page.js";
import "./exemplars-page.js";
import "./reports-page.js";
import "./admin-page.js";

/** In navigation order; the first one open to the user is the default route. */
export const SECTIONS = [
  {
    // A deep linking launch shows this page and nothing else (not part of the normal navigation).
    id: "placement",
    title: "Add Calibrate to your course",
    purpose: "deep_linking",
    render: (me) => html`<calibrate-placement .me=${me}></calibrate-placement>`,
  },
  {
    id: "rounds",
    title: "Rounds",
    render: (me) => html`<calibrate-rounds .me=${me}></calibrate-rounds>`,
  },
  {
    id: "grades",
    title: "Grades",
    needsPlacement: true,
    render: (me) => html`<calibrate-grades .me=${me}></calibrate-grades>`,
  },
  {
    id: "exemplars",
    title: "Exemplars",
    render: (me) => html`<calibrate-exemplars .me=${me}></calibrate-exemplars>`,
  },
  {
    id: "reports",
    title: "Reports",
    render: () => html`<calibrate-reports></calibrate-reports>`,
  },
  {
    id: "admin",
    title: "Admin",
    adminOnly: true,
    render: (me) => html`<calibrate-admin .me=${me}></calibrate-admin>`,
  },
];

/**
 * The sections this session may open: only the placement page for a deep linking launch; otherwise
 * the normal sections, Grades where the launch came from a placement, Admin for admins.
 * Accepts the /api/me answer (or, as before, just a tool role).
 */
export function sectionsFor(me) {
  const info = typeof me === "string" || me === null || me === undefined ? { tool_role: me } : me;
  if (info.purpose === "deep_linking") {
    return SECTIONS.filter((s) => s.purpose === "deep_linking");
  }
  return SECTIONS.filter((s) => !s.purpose
    && (!s.adminOnly || info.tool_role === "admin")
    && (!s.needsPlacement || Boolean(info.placement)));
}

/**
 * The section a URL fragment names, among those allowed; null when the fragment is not a route
 * (for example "#main" from the skip link, or a stray launch code).
 */
export function sectionFromHash(hash, allowed) {
  const id = (hash || "").replace(/^#/, "").split("/")[0];
  return allowed.find((s) => s.id === id) || null;
}

/** What follows the section in the fragment: "#rounds/abc/score" → ["abc", "score"]. Sections route within themselves with it. */
export function subRoute(hash) {
  return (hash || "").replace(/^#/, "").split("/").slice(1).filter((p) => p !== "").map(decodeURIComponent);
}

export function renderSection(section, me) {
  return html`
    <section class="section" data-section=${section.id} aria-labelledby="section-heading">
      <h1 id="section-heading" tabindex="-1">${section.title}</h1>
      ${section.render ? section.render(me) : html`
        <div class="empty-state">
          <p class="empty-title">${section.empty}</p>
          <p>${section.detail}</p>
        </div>`}
    </section>`;
}
