package org.calibrate.notices.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.calibrate.notices.entity.SubmissionNotice;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A submission notice's sealed body, as JSON: whose work, which attempt, and its files. */
public final class NoticeBodies {
    private NoticeBodies() {
    }

    public static String write(SubmissionNotice n) {
        JsonArrayBuilder assets = Json.createArrayBuilder();
        for (SubmissionNotice.Asset a : n.assets()) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("asset_id", a.assetId()).add("url", a.url().toString());
            a.title().ifPresent(v -> o.add("title", v));
            a.filename().ifPresent(v -> o.add("filename", v));
            a.contentType().ifPresent(v -> o.add("content_type", v));
            a.size().ifPresent(v -> o.add("size", v));
            a.sha256().ifPresent(v -> o.add("sha256_checksum", v));
            assets.add(o);
        }
        JsonObjectBuilder b = Json.createObjectBuilder().add("context_id", n.contextId()).add("activity_id", n.activityId())
                .add("user_id", n.userId()).add("asset_scope", n.assetScope()).add("assets", assets);
        n.contextTitle().ifPresent(v -> b.add("context_title", v));
        n.activityTitle().ifPresent(v -> b.add("activity_title", v));
        n.submissionId().ifPresent(v -> b.add("submission_id", v));
        n.attempt().ifPresent(v -> b.add("attempt", v));
        n.submittedAt().ifPresent(v -> b.add("submitted_at", v.toString()));
        return b.build().toString();
    }

    public static SubmissionNotice read(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonObject o = reader.readObject();
            List<SubmissionNotice.Asset> assets = new ArrayList<>();
            for (JsonValue v : o.getJsonArray("assets")) {
                JsonObject a = v.asJsonObject();
                assets.add(new SubmissionNotice.Asset(a.getString("asset_id"), URI.create(a.getString("url")), text(a, "title"), text(a, "filename"),
                        text(a, "content_type"), a.containsKey("size") ? OptionalLong.of(a.getJsonNumber("size").longValue()) : OptionalLong.empty(),
                        text(a, "sha256_checksum")));
            }
            return new SubmissionNotice(o.getString("context_id"), text(o, "context_title"), o.getString("activity_id"), text(o, "activity_title"),
                    text(o, "submission_id"), o.containsKey("attempt") ? Optional.of(o.getInt("attempt")) : Optional.empty(),
                    text(o, "submitted_at").map(Instant::parse), o.getString("user_id"), o.getString("asset_scope"), assets);
        }
    }

    private static Optional<String> text(JsonObject o, String key) {
        return o.containsKey(key) && !o.isNull(key) ? Optional.of(o.getString(key)) : Optional.empty();
    }
}
