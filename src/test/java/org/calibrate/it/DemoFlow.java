package org.calibrate.it;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Walks the demo LMS's pages the way a browser does — each auto-posted form in turn, cookies kept —
 * so HTTP tests can drive the whole launch without a browser.
 */
final class DemoFlow {
    private final String url;
    private final LtiClient client;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    DemoFlow(String url) {
        this.url = url;
        this.client = new LtiClient(url);
    }

    /** The first auto-posted form of a page: its action and fields. */
    record Form(String action, Map<String, String> fields) {
        static Form of(String html) {
            Document doc = Jsoup.parse(html);
            Element form = doc.selectFirst("form[data-autosubmit]");
            if (form == null) {
                throw new AssertionError("no auto-posted form in: " + html);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            form.select("input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
            return new Form(form.attr("action"), fields);
        }
    }

    /**
     * From a demo LMS button (launch, deep link) to the tool's redirect into the app.
     *
     * @return the tool's reply to the launch post
     */
    HttpResponse<String> launch(String demoPath, Map<String, String> fields) throws Exception {
        HttpResponse<String> page = client.post(demoPath, fields, null);
        Form login = Form.of(page.body());
        LtiClient.Login started = client.login(login.fields());
        String auth = started.response().headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "login did not redirect: " + started.response().statusCode() + " " + started.response().body()));
        HttpResponse<String> authPage = http.send(HttpRequest.newBuilder(URI.create(auth)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Form launch = Form.of(authPage.body());
        return client.post(URI.create(launch.action()).getPath(), launch.fields(), started.cookie());
    }

    String session(String demoPath, Map<String, String> fields) throws Exception {
        return client.session(launch(demoPath, fields));
    }

    LtiClient client() {
        return client;
    }

    String url() {
        return url;
    }
}
