// The one way the front end talks to the JSON API under /api: adds the session's Bearer token,
// turns the server's {"error", "message"} bodies into ApiError, and announces an ended session.

/** Fired on window when the server answers 401 to an authenticated call; detail: {message}. */
export const SESSION_ENDED_EVENT = "calibrate:session-ended";

const TIMEOUT_MS = 30_000;

let token = null;

/** An API failure: HTTP status (0 when the server was not reached), the server's code and its message for people. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

/** The session token added to every authenticated call; null forgets it. */
export function setToken(value) {
  token = value || null;
}

function fallbackMessage(status) {
  if (status === 401) {
    return "Your Calibrate session has ended. Launch Calibrate again from your course.";
  }
  if (status === 403) {
    return "Your role in this course does not allow this.";
  }
  if (status === 404) {
    return "Calibrate could not find what you asked for.";
  }
  if (status >= 500) {
    return "Calibrate's server had a problem (HTTP " + status + "). Try again in a moment.";
  }
  return "The request failed (HTTP " + status + ").";
}

async function readJson(response) {
  const text = await response.text();
  if (text === "") {
    return null;
  }
  const type = response.headers.get("Content-Type") || "";
  if (!/[/+]json\b/i.test(type)) {
    throw new SyntaxError("not JSON: " + type);
  }
  return JSON.parse(text);
}

/**
 * Calls the API and returns the parsed JSON body (null for an empty answer).
 * options: method (default GET), body (sent as JSON), auth (default true: send the token and treat
 * 401 as the end of the session), signal (an AbortSignal), headers.
 */
export async function api(path, options = {}) {
  const { method = "GET", body, raw, contentType, auth = true, signal, headers: extra } = options;
  const headers = { Accept: "application/json", ...extra };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  } else if (raw !== undefined) {
    // Files sent as they are (a rubric's CSV, say), labelled with their own media type.
    headers["Content-Type"] = contentType;
  }
  if (auth) {
    if (!token) {
      throw new ApiError(401, "no_session", fallbackMessage(401));
    }
    headers.Authorization = "Bearer " + token;
  }

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  const onAbort = () => controller.abort();
  if (signal) {
    if (signal.aborted) {
      controller.abort();
    } else {
      signal.addEventListener("abort", onAbort, { once: true });
    }
  }

  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? raw : JSON.stringify(body),
      // The token travels in the header; no cookie is needed or wanted (the app lives in an LMS iframe).
      credentials: "omit",
      cache: "no-store",
      signal: controller.signal,
    });
  } catch (e) {
    if (signal && signal.aborted) {
      throw e;
    }
    throw new ApiError(0, "network",
      controller.signal.aborted
        ? "Calibrate's server did not answer in time. Check your connection and try again."
        : "Calibrate's server cannot be reached. Check your connection and try again.");
  } finally {
    clearTimeout(timer);
    if (signal) {
      signal.removeEventListener("abort", onAbort);
    }
  }

  let data;
  try {
    data = await readJson(response);
  } catch (e) {
    if (response.ok) {
      throw new ApiError(response.status, "bad_response", "Calibrate's server sent an answer the page cannot read. Reload and try again.");
    }
    data = null;
  }
  if (response.ok) {
    return data;
  }

  throw failure(response.status, data, auth);
}

/** The ApiError for a refused call, from the server's {"error", "message", "problems"} body where there is one. */
function failure(status, data, auth) {
  const code = data && typeof data.error === "string" ? data.error : "http_" + status;
  const message = data && typeof data.message === "string" && data.message !== "" ? data.message : fallbackMessage(status);
  const error = new ApiError(status, code, message);
  // 422 answers list what to fix, one sentence each.
  error.problems = data && Array.isArray(data.problems) ? data.problems.filter((p) => typeof p === "string") : [];
  if (auth && status === 401) {
    token = null;
    window.dispatchEvent(new CustomEvent(SESSION_ENDED_EVENT, { detail: { message } }));
  }
  return error;
}

export const get = (path, options) => api(path, { ...options, method: "GET" });
export const post = (path, body, options) => api(path, { ...options, method: "POST", body });
export const put = (path, body, options) => api(path, { ...options, method: "PUT", body });
export const patch = (path, body, options) => api(path, { ...options, method: "PATCH", body });
export const del = (path, options) => api(path, { ...options, method: "DELETE" });

/**
 * A file the API serves (it needs the session token, so an <img src> cannot fetch it) as an object URL the page can
 * show; the caller revokes it when it is no longer shown.
 */
export async function objectUrl(path) {
  if (!token) {
    throw new ApiError(401, "no_session", fallbackMessage(401));
  }
  const response = await fetch(path, { headers: { Authorization: "Bearer " + token }, credentials: "omit", cache: "no-store" });
  if (!response.ok) {
    throw failure(response.status, null, true);
  }
  return URL.createObjectURL(await response.blob());
}

/**
 * Fetches a file the API offers for download (it needs the session token, so a plain link cannot) and
 * hands it to the browser under the server's file name.
 */
export async function download(path, fallbackName) {
  if (!token) {
    throw new ApiError(401, "no_session", fallbackMessage(401));
  }
  const response = await fetch(path, { headers: { Authorization: "Bearer " + token }, credentials: "omit", cache: "no-store" });
  if (!response.ok) {
    // A refused export says why (an anchor set lists the exemplars still to check), like any other call.
    let data = null;
    try {
      data = await readJson(response);
    } catch (e) {
      data = null;
    }
    throw failure(response.status, data, true);
  }
  const disposition = response.headers.get("Content-Disposition") || "";
  const match = /filename="([^"]+)"/.exec(disposition);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = match ? match[1] : fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
