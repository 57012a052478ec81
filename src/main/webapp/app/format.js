// Small helpers the feature pages share: times and numbers for people, and copying text.
import { html, nothing } from "lit";

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const NUMBER = new Intl.NumberFormat("en", { maximumFractionDigits: 2, useGrouping: false });

/** Milliseconds since the epoch for a server instant (Java may print up to nine fraction digits); NaN when unreadable. */
export function instant(value) {
  if (typeof value !== "string" || value === "") {
    return NaN;
  }
  return Date.parse(value.replace(/(\.\d{3})\d+/, "$1"));
}

/** A <time> element for a server instant, or the fallback text when there is none. */
export function time(value, fallback = "—") {
  const ms = instant(value);
  if (!Number.isFinite(ms)) {
    return fallback;
  }
  return html`<time datetime=${new Date(ms).toISOString()}>${DATE_TIME.format(ms)}</time>`;
}

/** A number as people write it: "7", "7.5", never "7.500000001". */
export function number(value) {
  return typeof value === "number" && Number.isFinite(value) ? NUMBER.format(value) : "—";
}

/** "7 / 10"; "— / 10" without a score. */
export function score(given, maximum) {
  return number(given) + " / " + number(maximum);
}

export function str(value) {
  return typeof value === "string" ? value : "";
}

export function list(value) {
  return Array.isArray(value) ? value : [];
}

/**
 * Copies text to the clipboard. Where the browser refuses (an LMS frame without clipboard permission,
 * an old browser), selects the text in `element` so that Ctrl+C / ⌘C copies it, and says so.
 * Resolves to a sentence for a status region.
 */
export async function copyText(text, element, what) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return what + " copied.";
    }
  } catch (e) {
    // fall through to the selection
  }
  if (element) {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try {
      if (document.execCommand("copy")) {
        return what + " copied.";
      }
    } catch (e) {
      // the selection stays for the person to copy
    }
  }
  return "The browser did not allow copying. " + what + " is selected: press Ctrl+C (⌘C on a Mac) to copy it.";
}

/** A message box like the shell's: role=alert for errors, status otherwise; hidden while empty. */
export function messageBox(id, message) {
  const error = message && message.tone === "error";
  return html`<div id=${id} class="message message-${error ? "error" : "info"} panel-message"
                   role=${error ? "alert" : "status"} ?hidden=${!message}>
    ${message ? html`<p class="message-text">${message.text}</p>` : nothing}
    ${message && message.detail ? html`<p class="message-detail">${message.detail}</p>` : nothing}
    ${message && message.items && message.items.length
      ? html`<ul class="message-list">${message.items.map((i) => html`<li>${i}</li>`)}</ul>` : nothing}
  </div>`;
}
