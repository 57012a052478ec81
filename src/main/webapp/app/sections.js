// The sections of the shell, their hash routes, and what each shows until its feature arrives.
import { html } from "lit";

/** In navigation order; the first one open to the user is the default route. */
export const SECTIONS = [
  {
    id: "rounds",
    title: "Rounds",
    empty: "No moderation rounds in this course yet.",
    detail: "Department heads will set up rounds here: choose the assignment and the rubric, pick the scorers, "
      + "and start blind double scoring. The pieces allocated to you for scoring will be listed here too.",
  },
  {
    id: "exemplars",
    title: "Exemplars",
    empty: "The exemplar library is empty.",
    detail: "The exemplar library will keep anchor papers: pieces chosen in moderation for clear agreement, each "
      + "with a note on why it earns its score, kept per task and rubric version for scorers to consult and to practise on.",
  },
  {
    id: "reports",
    title: "Reports",
    empty: "No reliability reports yet.",
    detail: "Reliability reports will appear here after scoring: how often scorers agreed exactly or within one point, "
      + "where they disagreed, and whether a scorer tends to score harshly or leniently.",
  },
  {
    id: "admin",
    title: "Admin",
    adminOnly: true,
    empty: "Platform registrations and tool keys.",
    detail: "Administrators will manage Calibrate's installation here: the LMS platforms and deployments registered "
      + "with it, and the keys it signs its messages with.",
  },
];

/** The sections a user with this tool role may open. */
export function sectionsFor(toolRole) {
  return SECTIONS.filter((s) => !s.adminOnly || toolRole === "admin");
}

/**
 * The section a URL fragment names, among those allowed; null when the fragment is not a route
 * (for example "#main" from the skip link, or a stray launch code).
 */
export function sectionFromHash(hash, allowed) {
  const id = (hash || "").replace(/^#/, "");
  return allowed.find((s) => s.id === id) || null;
}

export function renderSection(section) {
  return html`
    <section class="section" data-section=${section.id} aria-labelledby="section-heading">
      <h1 id="section-heading" tabindex="-1">${section.title}</h1>
      <div class="empty-state">
        <p class="empty-title">${section.empty}</p>
        <p>${section.detail}</p>
      </div>
    </section>`;
}
