// The session token kept for this browser tab (sessionStorage "calibrate.session", JSON {token, expires_at}).

const KEY = "calibrate.session";
/** A token this close to its end is not worth starting with: the first call would fail. */
const EXPIRY_MARGIN_MS = 10_000;

// Browsers that block third-party storage throw on any sessionStorage access inside an LMS
// frame; the session then lives in memory and lasts until the page is reloaded.
let memory = null;

function storage() {
  try {
    const s = window.sessionStorage;
    s.getItem(KEY);
    return s;
  } catch (e) {
    return null;
  }
}

/** The stored session {token, expires_at}, or null when there is none or it is unreadable. */
export function readSession() {
  const s = storage();
  let value = memory;
  if (s) {
    try {
      value = JSON.parse(s.getItem(KEY) || "null") || memory;
    } catch (e) {
      value = memory;
    }
  }
  if (!value || typeof value.token !== "string" || value.token === "" || typeof value.expires_at !== "string") {
    return null;
  }
  return { token: value.token, expires_at: value.expires_at };
}

export function saveSession(session) {
  const value = { token: session.token, expires_at: session.expires_at };
  memory = value;
  const s = storage();
  if (s) {
    try {
      s.setItem(KEY, JSON.stringify(value));
    } catch (e) {
      // Storage full or refused: the copy in memory still serves this page.
    }
  }
}

export function clearSession() {
  memory = null;
  const s = storage();
  if (s) {
    s.removeItem(KEY);
  }
}

/** Whether a session can still be used; an unparseable expiry counts as expired. */
export function isCurrent(session, now = Date.now()) {
  if (!session) {
    return false;
  }
  // Java's Instant may print up to nine fraction digits; Date.parse is only required to read three.
  const end = Date.parse(session.expires_at.replace(/(\.\d{3})\d+/, "$1"));
  return Number.isFinite(end) && end - EXPIRY_MARGIN_MS > now;
}
