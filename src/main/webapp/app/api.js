// The session token and the JSON API. Every feature calls the server through here.

const KEY = "calibrate.session";

/** An API failure, carrying the server's error code and its message for people. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function storedSession() {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) || "null");
    if (s && s.token && Date.parse(s.expires_at) > Date.now()) {
      return s;
    }
  } catch (e) {
    // A corrupt entry counts as no session.
  }
  sessionStorage.removeItem(KEY);
  return null;
}

function store(session) {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function forgetSession() {
  sessionStorage.removeItem(KEY);
}

async function request(method, path, body, token) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  if (token) {
    headers.Authorization = "Bearer " + token;
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit",
    });
  } catch (e) {
    throw new ApiError(0, "network", "Calibrate cannot be reached. Check your connection and try again.");
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, (data && data.error) || "error",
      (data && data.message) || "The request failed (HTTP " + response.status + ").");
  }
  return data;
}

/** Exchanges the one-time launch code for a session and keeps it for this tab. */
export async function exchangeLaunchCode(code) {
  const session = await request("POST", "/api/session", { code });
  store(session);
  return session;
}

/** Calls the API with the stored session; a 401 ends the session. */
export async function api(method, path, body) {
  const session = storedSession();
  if (!session) {
    throw new ApiError(401, "no_session", "Your Calibrate session has ended. Launch Calibrate again from your course.");
  }
  try {
    return await request(method, path, body, session.token);
  } catch (e) {
    if (e.status === 401) {
      forgetSession();
      throw new ApiError(401, e.code, "Your Calibrate session has ended. Launch Calibrate again from your course.");
    }
    throw e;
  }
}
