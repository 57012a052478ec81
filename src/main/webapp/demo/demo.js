// The demo LMS course page: the course, its participants, and for each one a form that starts a real
// LTI 1.3 launch of Calibrate as that person. Everything from the server goes in as text, never as markup.

const GROUPS = [
  {
    id: "teachers",
    title: "Teachers",
    roles: ["teacher", "department_head"],
    about: "They launch as Instructor and score pieces blind. The department head sets up and moderates rounds; "
      + "the LMS sends her as an ordinary teacher, and Calibrate grants moderator rights inside the tool.",
  },
  {
    id: "admins",
    title: "Administrators",
    roles: ["admin"],
    about: "They launch as Administrator: platform registrations and tool keys, plus everything a teacher does.",
  },
  {
    id: "students",
    title: "Students",
    roles: ["student"],
    about: "They launch as Learner. Calibrate shows them a polite page and never any scoring data.",
  },
];
const OTHERS = { id: "others", title: "Other participants", roles: [], about: "" };

const messageBox = document.getElementById("demo-message");
const newWindow = document.getElementById("new-window");
const peopleBox = document.getElementById("people");
const frame = document.getElementById("lms-frame");

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "className") {
      node.className = value;
    } else {
      node.setAttribute(key, value);
    }
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function setText(id, text) {
  const node = document.getElementById(id);
  node.textContent = text;
  return node;
}

function say(text, tone = "info") {
  messageBox.hidden = !text;
  messageBox.className = "demo-message" + (tone === "error" ? " demo-message-error" : "");
  messageBox.setAttribute("role", tone === "error" ? "alert" : "status");
  messageBox.textContent = text || "";
}

function str(value) {
  return typeof value === "string" ? value : "";
}

function initials(name) {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0].toUpperCase()).join("");
}

function target() {
  return newWindow.checked ? "_blank" : "lms-frame";
}

function describe(person) {
  const parts = [person.role === "department_head" ? "Teacher, department head" : person.lmsRoleLabel];
  return parts.concat(person.sections).filter(Boolean).join(" · ");
}

function launchForm(person) {
  const form = el("form", {
    method: "post",
    action: peopleBox.dataset.launchAction || "/demo/api/launch",
    target: target(),
    className: "launch-form",
  });
  const field = el("input", { type: "hidden", name: "person" });
  field.value = person.id;
  const button = el("button", { type: "submit", className: "launch-button", "data-person": person.id },
    "Launch Calibrate as " + person.name);
  form.append(field, button);
  form.addEventListener("submit", () => {
    // Read the option at the moment of the click, whatever happened to it since the form was built.
    form.target = target();
    if (form.target === "_blank") {
      say("Calibrate is opening in a new window as " + person.name + ".");
    } else {
      say("Launching Calibrate as " + person.name + " in the frame below…");
      setText("frame-hint", "Calibrate, launched as " + person.name + " (" + describe(person) + ").");
      frame.closest("section").scrollIntoView({ block: "start" });
    }
  });
  return form;
}

function personItem(person) {
  const name = el("span", { className: "person-name" }, person.name);
  const detail = el("span", { className: "person-detail" }, describe(person));
  const who = el("div", { className: "person-who" },
    el("span", { className: "avatar avatar-" + person.role.replace(/[^a-z_]/g, ""), "aria-hidden": "true" }, initials(person.name)),
    el("div", { className: "person-text" }, name, detail));
  return el("li", { className: "person", "data-role": person.role }, who, launchForm(person));
}

function groupSection(group, members) {
  const headingId = "group-" + group.id + "-heading";
  const section = el("section", { id: "group-" + group.id, className: "group", "aria-labelledby": headingId },
    el("h3", { id: headingId }, group.title + " (" + members.length + ")"));
  if (group.about) {
    section.append(el("p", { className: "group-about muted" }, group.about));
  }
  const list = el("ul", { className: "person-list" });
  members.forEach((p) => list.append(personItem(p)));
  section.append(list);
  return section;
}

/** Only well-formed people get a button; the rest are dropped and counted. */
function cleanPeople(raw) {
  const people = [];
  let dropped = 0;
  for (const p of Array.isArray(raw) ? raw : []) {
    if (p && typeof p.id === "string" && p.id !== "" && typeof p.name === "string" && p.name.trim() !== "") {
      people.push({
        id: p.id,
        name: p.name.trim(),
        role: str(p.role),
        lmsRoleLabel: str(p.lms_role_label),
        sections: Array.isArray(p.sections) ? p.sections.filter((s) => typeof s === "string") : [],
      });
    } else {
      dropped += 1;
    }
  }
  return { people, dropped };
}

function showCourse(data) {
  const course = (data && data.course) || {};
  const title = str(course.title) || "Demo course";
  setText("course-title", title);
  setText("breadcrumb-course", title);
  document.title = title + " — Demo LMS";
  const label = setText("course-label", str(course.label));
  label.hidden = !str(course.label);
  setText("course-school", str(course.school));

  const link = (data && data.resource_link) || {};
  if (str(link.title)) {
    setText("activity-title", link.title);
  }

  const assignment = data && data.assignment;
  if (assignment && str(assignment.title)) {
    setText("assignment-title", assignment.title);
    setText("assignment-prompt", str(assignment.prompt));
    const facts = [];
    if (Number.isInteger(assignment.submissions)) {
      facts.push(assignment.submissions + (assignment.submissions === 1 ? " submission" : " submissions"));
    }
    if (Number.isInteger(assignment.max_points)) {
      facts.push("graded out of " + assignment.max_points);
    }
    setText("assignment-status", facts.join(" · "));
    document.getElementById("assignment").hidden = false;
  }

  const { people, dropped } = cleanPeople(data && data.people);
  const known = new Set(GROUPS.flatMap((g) => g.roles));
  const groups = GROUPS.map((g) => [g, people.filter((p) => g.roles.includes(p.role))])
    .concat([[OTHERS, people.filter((p) => !known.has(p.role))]])
    .filter(([, members]) => members.length > 0);
  peopleBox.replaceChildren(...groups.map(([g, members]) => groupSection(g, members)));
  if (people.length === 0) {
    say("The demo course has no participants to launch as. Check src/main/resources/demo/course.json.", "error");
  } else if (dropped > 0) {
    say(dropped + (dropped === 1 ? " participant was" : " participants were") + " left out: each needs an id and a name.", "error");
  }
}

async function load() {
  let response;
  try {
    response = await fetch("/demo/api/course", { headers: { Accept: "application/json" }, cache: "no-store" });
  } catch (e) {
    say("The demo LMS cannot reach the server. Check that Calibrate is running, then reload this page.", "error");
    setText("course-title", "Demo course unavailable");
    return;
  }
  if (!response.ok) {
    say(response.status === 404
      ? "The demo LMS is switched off on this server (CALIBRATE_DEMO=false)."
      : "The demo course could not be loaded (HTTP " + response.status + "). Reload the page to try again.", "error");
    setText("course-title", "Demo course unavailable");
    return;
  }
  let data;
  try {
    data = await response.json();
  } catch (e) {
    say("The server sent a demo course this page cannot read.", "error");
    setText("course-title", "Demo course unavailable");
    return;
  }
  showCourse(data);
}

newWindow.addEventListener("change", () => {
  for (const form of peopleBox.querySelectorAll("form.launch-form")) {
    form.target = target();
  }
  setText("frame-hint", newWindow.checked
    ? "Launches open Calibrate in a new window; this frame stays as it is."
    : "Calibrate opens in this frame when you launch it.");
});

load();
