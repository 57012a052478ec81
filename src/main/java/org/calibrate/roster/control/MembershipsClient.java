package org.calibrate.roster.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.calibrate.platform.control.LinkHeader;
import org.calibrate.platform.control.ServiceFailure;
import org.calibrate.roster.entity.Member;
import org.calibrate.roster.entity.Roster;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a course roster from the platform's context memberships service (LTI Names and Role
 * Provisioning Services 2.0), following {@code rel="next"} pages to the end.
 *
 * <p>Bounded: pages are requested with a {@code limit} (Moodle sends everything in one response
 * otherwise), at most {@link #MAX_PAGES} pages and {@link #MAX_MEMBERS} members are read, each
 * reply is capped in size, and next links must stay on the memberships URL's origin, so a platform
 * reply cannot point the tool at another host.
 */
public final class MembershipsClient {
    public static final String MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    static final int PAGE_SIZE = 500;
    static final int MAX_PAGES = 1000;
    static final int MAX_MEMBERS = 100_000;
    static final int MAX_PAGE_CHARS = 8 * 1024 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/";

    private final HttpClient http;

    public MembershipsClient(HttpClient http) {
        this.http = http;
    }

    /**
     * @param role a role to filter by (NRPS 2.0 §2.4.1, {@code role=}), or empty for everyone
     */
    public Roster read(URI membershipsUrl, String accessToken, Optional<String> role) throws ServiceFailure {
        String first = withQuery(membershipsUrl.toString(), "limit=" + PAGE_SIZE
                + role.map(r -> "&role=" + URLEncoder.encode(r, StandardCharsets.UTF_8)).orElse(""));
        String origin = origin(membershipsUrl);
        List<Member> members = new ArrayList<>();
        String contextId = null;
        Optional<String> differences = Optional.empty();
        Optional<String> next = Optional.of(first);
        int pages = 0;
        while (next.isPresent()) {
            if (++pages > MAX_PAGES) {
                throw new ServiceFailure(502, "the roster has more than " + MAX_PAGES + " pages; Calibrate stopped reading");
            }
            URI url = URI.create(next.get());
            if (!origin.equals(origin(url))) {
                throw new ServiceFailure(502, "the platform's roster paging pointed to another host; Calibrate does not follow it");
            }
            HttpResponse<String> reply = get(url, accessToken);
            JsonObject page = parse(reply.body());
            if (contextId == null && page.get("context") instanceof JsonObject context && context.get("id") instanceof JsonString id) {
                contextId = id.getString();
            }
            if (page.get("members") instanceof JsonArray array) {
                for (JsonValue value : array) {
                    if (value instanceof JsonObject m) {
                        member(m).ifPresent(members::add);
                    }
                }
            }
            if (members.size() > MAX_MEMBERS) {
                throw new ServiceFailure(502, "the roster has more than " + MAX_MEMBERS + " members; Calibrate stopped reading");
            }
            String link = String.join(", ", reply.headers().allValues("Link"));
            next = LinkHeader.find(link, "next").map(u -> url.resolve(u).toString());
            Optional<String> diff = LinkHeader.find(link, "differences").map(u -> url.resolve(u).toString());
            if (diff.isPresent()) {
                differences = diff;
            }
        }
        return new Roster(contextId, members, differences, pages);
    }

    private HttpResponse<String> get(URI url, String accessToken) throws ServiceFailure {
        HttpResponse<String> reply;
        try {
            reply = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT)
                    // Moodle routes services by the exact media type.
                    .header("Accept", MEDIA_TYPE)
                    .header("Authorization", "Bearer " + accessToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceFailure(0, "the platform's roster service cannot be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceFailure(0, "interrupted while reading the roster");
        }
        int status = reply.statusCode();
        if (status != 200) {
            throw new ServiceFailure(status, switch (status) {
                case 401 -> "the platform no longer accepts the access token for the roster";
                case 403 -> "the platform does not let Calibrate read this course's roster; an admin enables the "
                        + "Names and Role Provisioning service for the tool";
                case 404 -> "the platform has no roster at this address";
                default -> "the platform's roster service answered HTTP " + status;
            });
        }
        if (reply.body().length() > MAX_PAGE_CHARS) {
            throw new ServiceFailure(502, "a roster page is larger than " + MAX_PAGE_CHARS / (1024 * 1024) + " MB");
        }
        return reply;
    }

    private static JsonObject parse(String body) throws ServiceFailure {
        try {
            JsonValue value = Json.createReader(new StringReader(body)).readValue();
            if (value instanceof JsonObject o) {
                return o;
            }
        } catch (JsonException e) {
            // reported below
        }
        throw new ServiceFailure(502, "the platform's roster service did not answer with a membership container");
    }

    /** NRPS 2.0 §2.2; members without a user_id are skipped (nothing to match them by). */
    static Optional<Member> member(JsonObject m) {
        Optional<String> userId = text(m, "user_id");
        if (userId.isEmpty()) {
            return Optional.empty();
        }
        List<String> roles = new ArrayList<>();
        if (m.get("roles") instanceof JsonArray array) {
            for (JsonValue r : array) {
                if (r instanceof JsonString s) {
                    roles.add(fullRole(s.getString()));
                }
            }
        }
        Member.Status status = switch (text(m, "status").orElse("Active")) {
            case "Inactive" -> Member.Status.INACTIVE;
            case "Deleted" -> Member.Status.DELETED;
            default -> Member.Status.ACTIVE;
        };
        return Optional.of(new Member(userId.get(), roles, status, text(m, "name"), text(m, "given_name"),
                text(m, "family_name"), text(m, "email"), text(m, "lti11_legacy_user_id")));
    }

    /** Short context role names (LTI Core §A.2.3.1, deprecated but sent by Moodle's NRPS) as full URIs. */
    static String fullRole(String role) {
        return role.contains(":") || role.contains("/") ? role : LIS + "membership#" + role;
    }

    private static Optional<String> text(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString()) : Optional.empty();
    }

    static String withQuery(String url, String query) {
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    private static String origin(URI uri) {
        return (uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort()).toLowerCase();
    }
}
