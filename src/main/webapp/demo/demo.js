// The demo LMS course page: participants, each with a button that launches Calibrate as them.
const GROUPS = [
  { title: "Teachers", roles: ["teacher", "department_head"] },
  { title: "Administrators", roles: ["admin"] },
  { title: "Students", roles: ["student"] },
];

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  children.forEach((c) => node.append(c));
  return node;
}

function launchForm(person) {
  const form = el("form", { method: "post", action: "/demo/api/launch", target: "lms-frame", class: "launch" });
  form.append(el("input", { type: "hidden", name: "person", value: person.id }));
  const label = "Launch Calibrate as " + person.name;
  const button = el("button", { type: "submit", class: "launch-button", "data-person": person.id }, label);
  form.append(button);
  form.addEventListener("submit", () => {
    form.target = document.getElementById("new-window").checked ? "_blank" : "lms-frame";
  });
  return form;
}

function personRow(person) {
  const who = el("div", { class: "who" }, el("span", { class: "person-name" }, person.name));
  const detail = [person.role === "department_head" ? "Teacher, department head" : person.lms_role_label]
    .concat(person.sections).join(" · ");
  who.append(el("span", { class: "person-detail" }, detail));
  return el("li", { class: "person" }, who, launchForm(person));
}

async function load() {
  const message = document.getElementById("lms-message");
  try {
    const response = await fetch("/demo/api/course", { headers: { Accept: "application/json" } });
    if (!response.ok) {
      throw new Error("HTTP " + response.status);
    }
    const data = await response.json();
    document.getElementById("course-heading").textContent = data.course.title + " (" + data.course.label + ")";
    document.title = "Demo LMS — " + data.course.title;
    document.getElementById("activity-title").textContent = data.resource_link.title;
    document.getElementById("assignment-title").textContent = data.assignment.title;
    document.getElementById("assignment-prompt").textContent = data.assignment.prompt;
    document.getElementById("assignment-status").textContent = data.assignment.submissions
      + " submissions (online text) · graded out of " + data.assignment.max_points;
    const people = document.getElementById("people");
    GROUPS.forEach((group) => {
      const members = data.people.filter((p) => group.roles.includes(p.role));
      if (members.length === 0) {
        return;
      }
      people.append(el("h3", {}, group.title));
      const list = el("ul", { class: "person-list" });
      members.forEach((p) => list.append(personRow(p)));
      people.append(list);
    });
    message.textContent = data.course.school;
  } catch (e) {
    message.textContent = "The demo course could not be loaded (" + e.message + ").";
  }
}

load();
