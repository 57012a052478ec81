// The demo LMS's LTI Advantage side: dynamic registration, adding Calibrate by deep linking,
// placed activities, and the gradebook that grade return writes to. DOM built with createElement only.
const frame = document.getElementById("lms-frame");
const newWindow = document.getElementById("new-window");
const status = document.getElementById("advantage-status");
let people = [];

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "dataset") { Object.assign(node.dataset, v); } else if (k in node) { node[k] = v; } else { node.setAttribute(k, v); }
  }
  for (const c of children) { node.append(c); }
  return node;
}

function say(text) {
  status.textContent = text;
  status.hidden = false;
}

function target() {
  return newWindow && newWindow.checked ? "_blank" : "lms-frame";
}

/** A POST form to a demo endpoint, aimed at the course frame, as an LMS does. */
function post(action, fields) {
  const form = el("form", { method: "post", action, target: target() });
  for (const [name, value] of Object.entries(fields)) {
    form.append(el("input", { type: "hidden", name, value }));
  }
  document.body.append(form);
  form.submit();
  form.remove();
}

function personSelect(id, label, filter) {
  const select = el("select", { id });
  for (const p of people.filter(filter)) {
    select.append(el("option", { value: p.id, textContent: p.name + " (" + p.lms_role_label + ")" }));
  }
  return [el("label", { htmlFor: id, textContent: label }), select];
}

function showActivities(course) {
  const box = document.getElementById("activities");
  box.replaceChildren();
  const activities = course.activities || [];
  if (activities.length === 0) {
    box.append(el("p", { className: "muted", textContent: "No activities added yet." }));
    return;
  }
  const [label, select] = personSelect("activity-person", "Open as", (p) => p.role !== "student");
  box.append(el("p", {}, label, " ", select));
  const list = el("ul", { className: "activity-list" });
  for (const a of activities) {
    const button = el("button", { type: "button", className: "button", textContent: "Open " + a.title,
      dataset: { activity: a.resource_link_id } });
    button.addEventListener("click", () => post("/demo/api/launch", { person: select.value, activity: a.resource_link_id }));
    list.append(el("li", {}, button, a.line_item_id ? " (graded)" : ""));
  }
  box.append(list);
}

function showRegistrations(course) {
  const box = document.getElementById("registrations");
  const regs = course.registrations || [];
  box.textContent = regs.length === 0
    ? "Calibrate is installed by file (client calibrate-demo). Register it dynamically to replace that."
    : "Calibrate is registered dynamically as client " + regs[0].client_id + ", deployment " + regs[0].deployment_id
      + ". Launches use client " + course.active_client_id + ".";
}

async function loadCourse() {
  const response = await fetch("/demo/api/course", { headers: { Accept: "application/json" }, cache: "no-store" });
  if (!response.ok) { return; }
  const course = await response.json();
  people = course.people || [];
  const adder = document.getElementById("add-activity-person-box");
  adder.replaceChildren(...personSelect("add-activity-person", "Add as", (p) => p.role === "teacher" || p.role === "department_head"));
  showActivities(course);
  showRegistrations(course);
}

function scoreText(s) {
  const given = Math.round(s.score_given * 100) / 100;
  return given + " / " + Math.round(s.score_maximum * 100) / 100;
}

async function loadGradebook() {
  const response = await fetch("/demo/api/gradebook", { headers: { Accept: "application/json" }, cache: "no-store" });
  if (!response.ok) { return; }
  const book = await response.json();
  const box = document.getElementById("gradebook-columns");
  box.replaceChildren();
  const students = people.filter((p) => p.role === "student");
  for (const li of book.line_items || []) {
    const table = el("table", { className: "gradebook", dataset: { lineItem: li.id } });
    table.append(el("caption", { textContent: li.label + " (out of " + li.score_maximum + ")" }));
    const head = el("tr", {}, el("th", { scope: "col", textContent: "Student" }), el("th", { scope: "col", textContent: "Grade" }),
      el("th", { scope: "col", textContent: "Feedback" }));
    table.append(el("thead", {}, head));
    const body = el("tbody");
    for (const student of students) {
      const score = (li.scores || []).find((s) => s.user_id === student.id);
      body.append(el("tr", {},
        el("th", { scope: "row", textContent: student.name }),
        el("td", { textContent: score && score.score_given !== null ? scoreText(score) : "–", dataset: { gradebookUser: student.id } }),
        el("td", { textContent: score && score.comment ? score.comment : "" })));
    }
    table.append(body);
    box.append(table);
  }
}

document.getElementById("register-tool").addEventListener("click", async () => {
  const response = await fetch("/demo/api/registrations", { method: "POST", headers: { Accept: "application/json" } });
  if (!response.ok) { say("The demo LMS could not start the registration."); return; }
  const { registration_url: url } = await response.json();
  say("Registering Calibrate: follow the tool's page in the frame below.");
  frame.src = url;
  frame.scrollIntoView();
});

// Dynamic Registration §3.7: the tool asks the platform to close its registration frame.
window.addEventListener("message", (event) => {
  if (event.origin !== window.location.origin || !event.data || event.data.subject !== "org.imsglobal.lti.close") { return; }
  frame.src = "about:blank";
  say("Calibrate registered. Launches now use the new registration.");
  loadCourse();
});

document.getElementById("add-activity").addEventListener("click", () => {
  const person = document.getElementById("add-activity-person");
  if (person) { post("/demo/api/deep-link", { person: person.value }); }
});

document.getElementById("gradebook-refresh").addEventListener("click", () => { loadCourse().then(loadGradebook); });
frame.addEventListener("load", () => { loadCourse().then(loadGradebook); });

loadCourse().then(loadGradebook);
setInterval(loadGradebook, 5000);
