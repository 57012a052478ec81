// The rubric as scorers use it: one radio group per criterion (native radios, so arrow keys move
// between levels and Tab between criteria), each level with its descriptor, and the keyboard rules of
// the scoring workspace. Shared by scoring, calibration practice and the calibration-set form.
import { html, nothing } from "lit";
import { list, str } from "./format.js";

export function criteria(rubric) {
  return list(rubric && rubric.criteria);
}

export function levelsOf(criterion) {
  return list(criterion && criterion.points);
}

/** "0–4" for a criterion's score points. */
export function rangeOf(criterion) {
  const levels = levelsOf(criterion).map((p) => p.level);
  return levels.length ? Math.min(...levels) + "–" + Math.max(...levels) : "";
}

/**
 * The radio groups. options: prefix (unique per form), levels (criterion key → level), onPick(key, level),
 * disabled, anchors (criterion → level → [{item, excerpt}]) and onAnchor(item) for "see the anchor papers".
 */
export function renderLevelGroups(rubric, options) {
  const { prefix, levels = {}, onPick, disabled = false, anchors = null, onAnchor = null } = options;
  return criteria(rubric).map((c, index) => {
    const chosen = levels[c.key];
    const points = levelsOf(c);
    return html`
      <fieldset class="criterion" data-criterion=${c.key} data-index=${index}>
        <legend><span class="criterion-name">${str(c.name) || c.key}</span>
          <span class="criterion-range">${rangeOf(c)}</span></legend>
        ${str(c.description) ? html`<p class="hint">${c.description}</p>` : nothing}
        <div class="levels">
          ${points.map((p) => {
            const id = prefix + "-" + c.key + "-" + p.level;
            const anchorList = anchors && anchors[c.key] ? list(anchors[c.key][String(p.level)]) : [];
            return html`
              <div class="level ${chosen === p.level ? "chosen" : ""}">
                <input type="radio" id=${id} name=${prefix + "-" + c.key} value=${p.level} data-level=${p.level}
                       .checked=${chosen === p.level} ?disabled=${disabled}
                       @change=${() => onPick(c.key, p.level)}>
                <label for=${id}><span class="level-label">${str(p.label) || p.level}</span>
                  <span class="descriptor">${str(p.descriptor)}</span></label>
                ${anchorList.length && onAnchor ? html`
                  <button type="button" class="link-button anchor-button" data-anchor-level=${c.key + ":" + p.level}
                          @click=${() => onAnchor(anchorList, c, p)}>Anchor papers (${anchorList.length})<span class="visually-hidden">
                    for ${str(c.name) || c.key} level ${p.level}</span></button>` : nothing}
              </div>`;
          })}
        </div>
      </fieldset>`;
  });
}

/** Rules such as "only one text referenced → at most 2", as tick boxes the scorer confirms. */
export function renderCaps(rubric, caps, onToggle, prefix, disabled = false) {
  const all = list(rubric && rubric.caps);
  if (all.length === 0) {
    return nothing;
  }
  return html`
    <fieldset class="caps">
      <legend>Rules that cap the score</legend>
      ${all.map((cap) => html`
        <div class="check">
          <input type="checkbox" id=${prefix + "-cap-" + cap.key} .checked=${caps.includes(cap.key)} ?disabled=${disabled}
                 @change=${(e) => onToggle(cap.key, e.target.checked)}>
          <label for=${prefix + "-cap-" + cap.key}>${str(cap.condition)} → at most ${cap.max_level}</label>
        </div>`)}
    </fieldset>`;
}

export function renderNotes(rubric) {
  const notes = list(rubric && rubric.notes);
  return notes.length ? html`
    <details class="scoring-notes">
      <summary>Scoring notes</summary>
      <ul>${notes.map((n) => html`<li>${n}</li>`)}</ul>
    </details>` : nothing;
}

/** Problems with the levels before a submit: every criterion needs a level. */
export function missingLevels(rubric, levels) {
  return criteria(rubric).filter((c) => !Number.isInteger(levels[c.key])).map((c) => str(c.name) || c.key);
}

/**
 * The scoring keys, on the form around the groups: a digit picks that level in the focused criterion (or
 * the first one without a level) and moves to the next criterion; Enter on a radio submits. Returns true
 * when the key was used. Text fields keep their keys.
 */
export function handleScoringKey(event, form, rubric, levels, onPick, onSubmit) {
  const target = event.target;
  const typing = target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
    || (target instanceof HTMLInputElement && target.type !== "radio" && target.type !== "checkbox");
  if (typing || event.altKey || event.ctrlKey || event.metaKey) {
    return false;
  }
  if (event.key === "Enter" && !(target instanceof HTMLButtonElement) && !(target instanceof HTMLAnchorElement)
      && !(target instanceof HTMLElement && target.tagName === "SUMMARY")) {
    event.preventDefault();
    onSubmit();
    return true;
  }
  if (!/^[0-9]$/.test(event.key)) {
    return false;
  }
  const all = criteria(rubric);
  const group = target.closest ? target.closest("fieldset.criterion") : null;
  let index = group ? Number(group.dataset.index) : all.findIndex((c) => !Number.isInteger(levels[c.key]));
  if (index < 0) {
    index = 0;
  }
  const criterion = all[index];
  const level = Number(event.key);
  if (!criterion || !levelsOf(criterion).some((p) => p.level === level)) {
    return false;
  }
  event.preventDefault();
  onPick(criterion.key, level);
  // After the re-render, focus the next criterion (or stay on the last one).
  const next = Math.min(index + 1, all.length - 1);
  requestAnimationFrame(() => focusCriterion(form, next));
  return true;
}

/** Puts focus on a criterion's chosen level, or its first. */
export function focusCriterion(form, index) {
  if (!form) {
    return;
  }
  const group = form.querySelector(`fieldset.criterion[data-index="${index}"]`);
  if (!group) {
    return;
  }
  const radio = group.querySelector("input[type=radio]:checked") || group.querySelector("input[type=radio]");
  if (radio) {
    radio.focus();
  }
}
