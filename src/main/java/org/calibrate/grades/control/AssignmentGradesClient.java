package org.calibrate.grades.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.calibrate.grades.entity.LineItem;
import org.calibrate.grades.entity.Result;
import org.calibrate.grades.entity.Score;
import org.calibrate.platform.control.ServiceFailure;
import org.calibrate.platform.control.ServiceUrls;
import org.calibrate.platform.control.LinkHeader;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A client of the platform's Assignment and Grade Services 2.0: line items (§3.2), scores (§3.4),
 * results (§3.3). Written for Moodle's routing: exact media types, and service URLs carrying
 * {@code ?type_id=}, so sub-resources are addressed by inserting the segment before the query.
 */
public final class AssignmentGradesClient {
    public static final String LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json";
    public static final String LINE_ITEM_CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    public static final String SCORE = "application/vnd.ims.lis.v1.score+json";
    public static final String RESULT_CONTAINER = "application/vnd.ims.lis.v2.resultcontainer+json";
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 200;
    static final int MAX_REPLY_CHARS = 4 * 1024 * 1024;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final HttpClient http;

    public AssignmentGradesClient(HttpClient http) {
        this.http = http;
    }

    /** Filters of AGS 2.0 §3.2.4 (resource_link_id, resource_id, tag); empty ones are not sent. */
    public record LineItemFilter(Optional<String> resourceLinkId, Optional<String> resourceId, Optional<String> tag) {
        public static final LineItemFilter NONE = new LineItemFilter(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public List<LineItem> lineItems(URI lineItemsUrl, String token, LineItemFilter filter) throws ServiceFailure {
        StringBuilder query = new StringBuilder("limit=" + PAGE_SIZE);
        filter.resourceLinkId().ifPresent(v -> query.append("&resource_link_id=").append(encode(v)));
        filter.resourceId().ifPresent(v -> query.append("&resource_id=").append(encode(v)));
        filter.tag().ifPresent(v -> query.append("&tag=").append(encode(v)));
        List<LineItem> items = new ArrayList<>();
        for (JsonValue v : pages(URI.create(withQuery(lineItemsUrl.toString(), query.toString())), token, LINE_ITEM_CONTAINER, "line items")) {
            if (v instanceof JsonObject o) {
                lineItem(o).ifPresent(items::add);
            }
        }
        return items;
    }

    public LineItem create(URI lineItemsUrl, String token, LineItem item) throws ServiceFailure {
        JsonObjectBuilder body = Json.createObjectBuilder().add("label", item.label()).add("scoreMaximum", item.scoreMaximum());
        item.resourceLinkId().ifPresent(v -> body.add("resourceLinkId", v));
        item.resourceId().ifPresent(v -> body.add("resourceId", v));
        item.tag().ifPresent(v -> body.add("tag", v));
        HttpResponse<String> reply = send(HttpRequest.newBuilder(checked(lineItemsUrl)).header("Content-Type", LINE_ITEM)
                .header("Accept", LINE_ITEM).POST(HttpRequest.BodyPublishers.ofString(body.build().toString())), token, "line item");
        if (!(parse(reply.body()) instanceof JsonObject o)) {
            throw new ServiceFailure(502, "the platform answered the new line item with something other than a line item");
        }
        return lineItem(o).orElseThrow(() -> new ServiceFailure(502, "the platform's new line item has no usable id"));
    }

    /** The column for this resource link and tag (or resource id), made when the platform has none yet (AGS 2.0 §3.2). */
    public LineItem findOrCreate(URI lineItemsUrl, String token, LineItem wanted) throws ServiceFailure {
        List<LineItem> found = lineItems(lineItemsUrl, token, new LineItemFilter(wanted.resourceLinkId(), Optional.empty(), wanted.tag()));
        Optional<LineItem> match = found.stream()
                .filter(li -> wanted.resourceId().isEmpty() || li.resourceId().equals(wanted.resourceId()) || li.resourceId().isEmpty())
                .filter(li -> li.id().isPresent()).findFirst();
        // AGS 2.0 §3.2.15: a tool MUST NOT create a duplicate; create only when nothing matched.
        return match.isPresent() ? match.get() : create(lineItemsUrl, token, wanted);
    }

    /** AGS 2.0 §3.4: POST to {@code <line item>/scores}; any 2xx is success (Moodle: 200 and an empty body). */
    public void postScore(URI lineItemUrl, String token, Score score) throws ServiceFailure {
        JsonObjectBuilder body = Json.createObjectBuilder().add("userId", score.userId())
                .add("activityProgress", score.activityProgress().name()).add("gradingProgress", score.gradingProgress().name())
                .add("timestamp", TIMESTAMP.format(ZonedDateTime.ofInstant(score.timestamp().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC)));
        score.scoreGiven().ifPresent(v -> body.add("scoreGiven", v));
        score.scoreMaximum().ifPresent(v -> body.add("scoreMaximum", v));
        score.comment().ifPresent(v -> body.add("comment", v));
        send(HttpRequest.newBuilder(segment(lineItemUrl, "scores")).header("Content-Type", SCORE)
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString())), token, "score");
    }

    public List<Result> results(URI lineItemUrl, String token, Optional<String> userId) throws ServiceFailure {
        URI url = segment(lineItemUrl, "results");
        String query = "limit=" + PAGE_SIZE + userId.map(u -> "&user_id=" + encode(u)).orElse("");
        List<Result> results = new ArrayList<>();
        for (JsonValue v : pages(URI.create(withQuery(url.toString(), query)), token, RESULT_CONTAINER, "results")) {
            if (v instanceof JsonObject o && text(o, "userId").isPresent()) {
                results.add(new Result(text(o, "userId").get(), number(o, "resultScore"), number(o, "resultMaximum"), text(o, "comment")));
            }
        }
        return results;
    }

    /** {@code …/lineitem?type_id=2} → {@code …/lineitem/scores?type_id=2}. */
    static URI segment(URI lineItemUrl, String segment) throws ServiceFailure {
        String s = checked(lineItemUrl).toString();
        int q = s.indexOf('?');
        String path = q < 0 ? s : s.substring(0, q);
        String query = q < 0 ? "" : s.substring(q);
        return URI.create((path.endsWith("/") ? path : path + "/") + segment + query);
    }

    private List<JsonValue> pages(URI first, String token, String mediaType, String what) throws ServiceFailure {
        String origin = origin(first);
        List<JsonValue> values = new ArrayList<>();
        Optional<URI> next = Optional.of(first);
        for (int page = 1; next.isPresent(); page++) {
            if (page > MAX_PAGES) {
                throw new ServiceFailure(502, "the platform's " + what + " run past " + MAX_PAGES + " pages; Calibrate stopped reading");
            }
            URI url = next.get();
            if (!origin.equals(origin(url))) {
                throw new ServiceFailure(502, "the platform's paging pointed to another host; Calibrate does not follow it");
            }
            HttpResponse<String> reply = send(HttpRequest.newBuilder(checked(url)).header("Accept", mediaType).GET(), token, what);
            if (!(parse(reply.body()) instanceof JsonArray array)) {
                throw new ServiceFailure(502, "the platform's " + what + " reply is not a JSON array");
            }
            values.addAll(array);
            String link = String.join(", ", reply.headers().allValues("Link"));
            next = LinkHeader.find(link, "next").map(url::resolve);
        }
        return values;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token, String what) throws ServiceFailure {
        HttpResponse<String> reply;
        try {
            reply = http.send(request.timeout(TIMEOUT).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceFailure(0, "the platform's gradebook service cannot be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceFailure(0, "interrupted while talking to the platform's gradebook");
        }
        int status = reply.statusCode();
        String body = reply.body() == null ? "" : reply.body();
        if (body.length() > MAX_REPLY_CHARS) {
            throw new ServiceFailure(502, "the platform's " + what + " reply is larger than " + MAX_REPLY_CHARS / (1024 * 1024) + " MB");
        }
        if (status >= 200 && status < 300) {
            return reply;
        }
        throw new ServiceFailure(status, switch (status) {
            case 400 -> "the platform refused the " + what + " (" + platformMessage(body, token) + ")";
            case 401 -> "the platform no longer accepts the access token";
            case 403 -> "the platform does not let Calibrate use its gradebook here; an admin enables Assignment and Grade Services for the tool";
            case 404 -> "the gradebook column is gone from the platform";
            case 409 -> "the platform holds a newer or equally recent score for this learner";
            case 429 -> "the platform asks Calibrate to slow down";
            default -> "the platform's gradebook answered HTTP " + status;
        }, status == 429 || status == 503 ? retryAfter(reply.headers().firstValue("Retry-After"), Instant.now()) : null);
    }

    /** RFC 9110 §10.2.3: delay-seconds or an HTTP-date. */
    static Duration retryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty()) {
            return null;
        }
        String v = header.get().strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** The platform's words, cut short and without control characters: they end up in the moderator's view. */
    static String platformMessage(String body, String token) {
        // Some platforms echo the request headers in an error page: never pass the token on.
        String m = (token.isEmpty() ? body : body.replace(token, "[access token]"))
                // C0 and C1 controls and format characters (bidi overrides) could disguise the text.
                .replaceAll("[\\p{Cc}\\p{Cf}]+", " ").strip();
        if (m.isEmpty()) {
            return "HTTP 400";
        }
        return m.codePointCount(0, m.length()) > 200 ? m.substring(0, m.offsetByCodePoints(0, 200)) + "…" : m;
    }

    private static URI checked(URI url) throws ServiceFailure {
        if (!ServiceUrls.acceptable(url)) {
            throw new ServiceFailure(400, "the platform's gradebook URL is not HTTPS; Calibrate does not call it");
        }
        return url;
    }

    private static JsonValue parse(String body) throws ServiceFailure {
        try {
            return Json.createReader(new StringReader(body)).readValue();
        } catch (JsonException e) {
            throw new ServiceFailure(502, "the platform's gradebook did not answer with JSON");
        }
    }

    private static Optional<LineItem> lineItem(JsonObject o) {
        Optional<URI> id = text(o, "id").flatMap(ServiceUrls::parse);
        Optional<String> label = text(o, "label");
        Optional<Double> max = number(o, "scoreMaximum");
        if (id.isEmpty() || label.isEmpty() || max.isEmpty() || !(max.get() > 0)) {
            return Optional.empty();
        }
        return Optional.of(new LineItem(id, label.get(), max.get(), text(o, "resourceLinkId"), text(o, "resourceId"), text(o, "tag")));
    }

    private static Optional<String> text(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString()) : Optional.empty();
    }

    private static Optional<Double> number(JsonObject o, String name) {
        return o.get(name) instanceof JsonNumber n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    private static String withQuery(String url, String query) {
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    private static String encode(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    private static String origin(URI uri) {
        return (uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()).toLowerCase();
    }
}
