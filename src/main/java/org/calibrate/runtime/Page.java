package org.calibrate.runtime;

import org.owasp.encoder.Encode;

/**
 * The few server-rendered pages (launch errors, the learner page, auto-posting forms, the demo's
 * authentication step). Every value is encoded for its context; scripts are external files
 * ({@code /static/lti.js}), configured through data attributes, so the pages run under a CSP without
 * inline script.
 */
public final class Page {
    private final StringBuilder body = new StringBuilder();
    private final String title;

    public Page(String title) {
        this.title = title;
    }

    public static String text(String value) {
        return Encode.forHtml(value == null ? "" : value);
    }

    public static String attr(String value) {
        return Encode.forHtmlAttribute(value == null ? "" : value);
    }

    /** Appends markup the caller built from constants and {@link #text}/{@link #attr} values. */
    public Page raw(String html) {
        body.append(html).append('\n');
        return this;
    }

    public Page heading(String text) {
        return raw("<h1>" + text(text) + "</h1>");
    }

    public Page paragraph(String text) {
        return raw("<p>" + text(text) + "</p>");
    }

    /** A form that the browser submits at once (with a button for browsers without script). */
    public Page autoPostForm(String action, String target, java.util.Map<String, String> fields) {
        StringBuilder f = new StringBuilder("<form method=\"post\" data-autosubmit action=\"").append(attr(action)).append('"');
        if (target != null) {
            f.append(" target=\"").append(attr(target)).append('"');
        }
        f.append(">");
        fields.forEach((k, v) -> f.append("<input type=\"hidden\" name=\"").append(attr(k)).append("\" value=\"").append(attr(v)).append("\">"));
        f.append("<noscript><button class=\"button\" type=\"submit\">Continue</button></noscript></form>");
        return raw(f.toString());
    }

    public String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + text(title) + "</title>"
                + "<link rel=\"stylesheet\" href=\"/static/page.css\">"
                + "<script src=\"/static/lti.js\" defer></script></head>\n"
                + "<body class=\"page\"><main class=\"card\">\n" + body + "</main></body></html>\n";
    }
}
