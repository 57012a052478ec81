package org.calibrate.launch.boundary;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.calibrate.launch.control.LaunchRejected;
import org.calibrate.launch.control.Launches;
import org.calibrate.launch.entity.LtiLaunch;
import org.calibrate.runtime.Page;

import java.net.URI;
import java.util.Map;

/** The pages a person sees during a launch: errors that say what to do, the learner page, and the cookie/storage checks. */
final class LaunchPages {
    static final MediaType HTML = MediaType.valueOf("text/html;charset=utf-8");

    private LaunchPages() {
    }

    static Response rejected(LaunchRejected e) {
        Page page = new Page("Calibrate could not start")
                .raw("<h1 class=\"error\">Calibrate could not start</h1>")
                .paragraph(e.getMessage())
                .raw("<p class=\"muted\">Error code: <span class=\"code\" id=\"error-code\">" + Page.text(e.code()) + "</span></p>");
        if ("state_not_bound".equals(e.code())) {
            page.paragraph("Go back to the course and open Calibrate again; if your LMS offers it, choose to open the tool in a new window.");
        }
        return Response.status(e.status()).type(HTML).header("X-Calibrate-Error", e.code()).entity(page.render()).build();
    }

    static Response learner(LtiLaunch launch) {
        String course = launch.context().title().orElse("this course");
        Page page = new Page("Calibrate")
                .raw("<h1 id=\"learner-heading\">Calibrate is for your teachers</h1>")
                .paragraph("Your teachers use Calibrate to score work together fairly, without seeing whose work it is. "
                        + "There is nothing for you to do here.")
                .paragraph("Your results for " + course + " appear in the course gradebook when your teachers release them.");
        return Response.ok(page.render(), HTML).build();
    }

    /** Inside an LMS frame: checks the cookie arrived (or uses platform storage), else offers a new window. */
    static Response loginCheck(URI authUrl, String probeCookie, Map<String, String> loginParams,
                               String storageTarget, String platformOrigin, String storageKey, String storageValue) {
        StringBuilder data = new StringBuilder("<div id=\"lti-login\" data-auth-url=\"").append(Page.attr(authUrl.toString()))
                .append("\" data-cookie-probe=\"").append(Page.attr(probeCookie)).append('"');
        if (storageTarget != null) {
            data.append(" data-storage-target=\"").append(Page.attr(storageTarget)).append("\" data-platform-origin=\"")
                    .append(Page.attr(platformOrigin)).append("\" data-storage-key=\"").append(Page.attr(storageKey))
                    .append("\" data-storage-value=\"").append(Page.attr(storageValue)).append('"');
        }
        data.append("><p role=\"status\">Starting Calibrate…</p></div>");
        Page page = new Page("Starting Calibrate").raw(data.toString()).raw(newWindow("/lti/login", loginParams));
        return Response.ok(page.render(), HTML).build();
    }

    static Response storageCheck(Launches.StorageCheck check) {
        Page page = new Page("Starting Calibrate")
                .raw("<div id=\"lti-storage-check\" data-storage-target=\"" + Page.attr(check.storageTarget())
                        + "\" data-platform-origin=\"" + Page.attr(check.platformOrigin())
                        + "\" data-storage-key=\"" + Page.attr(check.key()) + "\"><p role=\"status\">Starting Calibrate…</p></div>")
                .raw("<form id=\"storage-confirm\" method=\"post\" action=\"/lti/launch/storage\">"
                        + "<input type=\"hidden\" name=\"ticket\" value=\"" + Page.attr(check.ticket()) + "\">"
                        + "<input type=\"hidden\" name=\"value\" value=\"\"></form>")
                .raw("<div id=\"new-window\" hidden><h1>Open Calibrate in a new window</h1>"
                        + "<p>Your browser keeps Calibrate from checking this launch inside the LMS page. "
                        + "Go back to the course and open Calibrate in a new window.</p></div>");
        return Response.ok(page.render(), HTML).build();
    }

    private static String newWindow(String action, Map<String, String> params) {
        StringBuilder f = new StringBuilder("<div id=\"new-window\" hidden><h1>Open Calibrate in a new window</h1>"
                + "<p>Your browser blocks the cookie Calibrate needs to check a launch inside the LMS page "
                + "(some browsers do this for every site shown inside another). Calibrate works the same in its own window.</p>"
                + "<form method=\"post\" target=\"_blank\" action=\"" + Page.attr(action) + "\">");
        params.forEach((k, v) -> f.append("<input type=\"hidden\" name=\"").append(Page.attr(k)).append("\" value=\"")
                .append(Page.attr(v)).append("\">"));
        f.append("<button class=\"button\" type=\"submit\">Open Calibrate in a new window</button></form></div>");
        return f.toString();
    }
}
