// Starts Calibrate in the browser: takes the one-time launch code out of the URL, opens the
// session, and shows the shell. This file imports nothing statically, so it runs even when another
// module fails to load, and then says so instead of showing "Starting Calibrate…" for ever.

const LAUNCH_PREFIX = "#launch=";
const NO_SESSION = "Open Calibrate from your course in the LMS.";
const SESSION_ENDED = "Your Calibrate session has ended. Launch Calibrate again from your course.";

// First of all: the code must not stay in the address bar, the history or a bookmark.
let pendingCode = takeLaunchCode();
// A launch code arriving in a page that is already open (same document, new fragment) starts afresh.
window.addEventListener("hashchange", () => {
  if (window.location.hash.startsWith(LAUNCH_PREFIX)) {
    window.location.reload();
  }
});

boot();

/** Reads the launch code from the fragment and removes the fragment; null without a launch. */
function takeLaunchCode() {
  const hash = window.location.hash;
  if (!hash.startsWith(LAUNCH_PREFIX)) {
    return null;
  }
  window.history.replaceState(null, "", window.location.pathname + window.location.search);
  let code;
  try {
    code = decodeURIComponent(hash.slice(LAUNCH_PREFIX.length)).trim();
  } catch (e) {
    code = "";
  }
  return code === "" ? null : code;
}

async function boot() {
  const shellReady = import("./calibrate-app.js").then(() => customElements.whenDefined("calibrate-app"));
  shellReady.catch(() => {}); // reported below, once
  let modules;
  try {
    const [session, api] = await Promise.all([import("./session.js"), import("./api.js")]);
    modules = { session, api };
  } catch (e) {
    showLoadFailure();
    return;
  }
  // The session opens while Lit loads.
  const outcome = openSession(modules);
  try {
    await shellReady;
  } catch (e) {
    showLoadFailure();
    return;
  }
  const app = document.querySelector("calibrate-app");

  // Any later API call that meets a 401 ends the session for the whole page.
  window.addEventListener(modules.api.SESSION_ENDED_EVENT, () => {
    modules.session.clearSession();
    app.showNotice({ tone: "error", text: SESSION_ENDED });
  });
  app.addEventListener("calibrate-retry", async () => {
    app.showLoading();
    show(app, await openSession(modules));
  });

  show(app, await outcome);
}

function show(app, outcome) {
  if (outcome.me) {
    app.showShell(outcome.me);
  } else {
    app.showNotice(outcome.notice);
  }
}

/** Returns {me} for the shell, or {notice} for a page that says what to do. */
async function openSession({ session, api }) {
  let current;
  if (pendingCode !== null) {
    // A new launch replaces whatever this tab held before (another course, another person).
    session.clearSession();
    api.setToken(null);
    try {
      const granted = await api.post("/api/session", { code: pendingCode }, { auth: false });
      if (!granted || typeof granted.token !== "string" || granted.token === "" || typeof granted.expires_at !== "string") {
        throw new api.ApiError(200, "bad_response", "Calibrate's server sent an answer the page cannot read.");
      }
      pendingCode = null; // spent
      current = { token: granted.token, expires_at: granted.expires_at };
      session.saveSession(current);
    } catch (e) {
      const mayPass = e.status === 0 || e.status >= 500;
      if (!mayPass) {
        pendingCode = null; // the server refused it; it will not work a second time
      }
      return {
        notice: {
          tone: "error",
          text: e.message,
          detail: mayPass ? "If trying again does not help, launch Calibrate again from your course." : null,
          retry: mayPass,
        },
      };
    }
  } else {
    current = session.readSession();
    if (!session.isCurrent(current)) {
      const expired = current !== null;
      session.clearSession();
      return {
        notice: {
          tone: "info",
          text: NO_SESSION,
          detail: expired ? "Your previous Calibrate session in this tab has ended." : null,
        },
      };
    }
  }

  api.setToken(current.token);
  try {
    const me = await api.get("/api/me");
    if (!me || typeof me !== "object" || !me.user || typeof me.tool_role !== "string") {
      throw new api.ApiError(200, "bad_response", "Calibrate's server sent an answer the page cannot read.");
    }
    return { me };
  } catch (e) {
    if (e.status === 401) {
      session.clearSession();
      return { notice: { tone: "error", text: SESSION_ENDED } };
    }
    const mayPass = e.status === 0 || e.status >= 500;
    return { notice: { tone: "error", text: e.message, retry: mayPass } };
  }
}

/** Without Lit there are no components: say so in plain DOM, in the same places the app uses. */
function showLoadFailure() {
  const host = document.querySelector("calibrate-app") || document.body;
  const main = document.createElement("main");
  main.id = "main";
  main.className = "notice-page";
  const card = document.createElement("div");
  card.className = "notice-card";
  const heading = document.createElement("h1");
  heading.className = "notice-brand";
  heading.textContent = "Calibrate";
  const box = document.createElement("div");
  box.id = "message";
  box.className = "message message-error";
  box.setAttribute("role", "alert");
  const text = document.createElement("p");
  text.className = "message-text";
  text.textContent = "Calibrate could not load its pages. Reload this page; if that does not help, "
    + "launch Calibrate again from your course, and tell your administrator if it keeps happening.";
  box.append(text);
  card.append(heading, box);
  main.append(card);
  host.replaceChildren(main);
}
