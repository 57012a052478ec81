package org.calibrate.platform.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import org.calibrate.platform.entity.ClientId;
import org.calibrate.platform.entity.DeploymentId;
import org.calibrate.platform.entity.Issuer;
import org.calibrate.platform.entity.PlatformDefinition;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one {@code lti-config/platforms/*.json} file into a {@link PlatformDefinition}, or says which
 * field is wrong and why. Every problem in the file is reported at once, so an admin fixes it in one go.
 */
public final class PlatformFileReader {
    /** Replaced by the tool's public URL, so the built-in demo LMS file works on any host and port. */
    public static final String PUBLIC_URL_PLACEHOLDER = "${CALIBRATE_PUBLIC_URL}";
    static final int MAX_FILE_CHARS = 64 * 1024;

    private final String publicUrl;

    public PlatformFileReader(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** Either a definition or at least one problem. */
    public record Result(Optional<PlatformDefinition> definition, List<PlatformFileProblem> problems) {
    }

    public Result read(String file, String content) {
        List<PlatformFileProblem> problems = new ArrayList<>();
        if (content.length() > MAX_FILE_CHARS) {
            return failed(file, "-", "file is larger than " + MAX_FILE_CHARS + " characters");
        }
        JsonObject json;
        try {
            JsonValue value = Json.createReader(new StringReader(content.replace(PUBLIC_URL_PLACEHOLDER, publicUrl))).readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return failed(file, "-", "must hold one JSON object, found " + value.getValueType().name().toLowerCase());
            }
            json = value.asJsonObject();
        } catch (JsonParsingException e) {
            var at = e.getLocation();
            return failed(file, "-", "is not valid JSON (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")");
        } catch (JsonException e) {
            return failed(file, "-", "is not valid JSON");
        }
        Optional<String> issuer = url(file, json, "issuer", true, problems);
        Optional<String> clientId = text(file, json, "client_id", true, problems);
        Optional<String> login = url(file, json, "auth_login_url", true, problems);
        Optional<String> token = url(file, json, "auth_token_url", false, problems);
        Optional<String> keys = url(file, json, "key_set_url", true, problems);
        List<DeploymentId> deployments = deployments(file, json, problems);
        Optional<String> name = text(file, json, "name", false, problems);
        Optional<String> tokenAudience = text(file, json, "auth_token_audience", false, problems);
        boolean demo = json.containsKey("demo") && json.get("demo") == JsonValue.TRUE;
        issuer.ifPresent(iss -> {
            if (iss.contains("?") || iss.contains("#")) {
                // Security Framework §5.1.2 / OIDC Core §2: the issuer has no query or fragment.
                problems.add(new PlatformFileProblem(file, "issuer", "must not contain a query or fragment"));
            }
        });
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        return new Result(Optional.of(new PlatformDefinition(new Issuer(issuer.get()), new ClientId(clientId.get()),
                URI.create(login.get()), token.map(URI::create), URI.create(keys.get()), deployments, name, demo, tokenAudience)),
                List.of());
    }

    private static Result failed(String file, String field, String message) {
        return new Result(Optional.empty(), List.of(new PlatformFileProblem(file, field, message)));
    }

    private static Optional<String> text(String file, JsonObject json, String field, boolean required,
                                         List<PlatformFileProblem> problems) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                problems.add(new PlatformFileProblem(file, field, "is required"));
            }
            return Optional.empty();
        }
        if (!(value instanceof JsonString s) || s.getString().isBlank()) {
            problems.add(new PlatformFileProblem(file, field, "must be a non-empty string"));
            return Optional.empty();
        }
        if (s.getString().length() > 510) {
            problems.add(new PlatformFileProblem(file, field, "is longer than 510 characters"));
            return Optional.empty();
        }
        return Optional.of(s.getString().trim());
    }

    /**
     * Platform endpoints must be absolute HTTPS URLs (Security Framework §3: all messages over TLS);
     * plain HTTP is accepted only on loopback, for development and tests on one machine.
     */
    private static Optional<String> url(String file, JsonObject json, String field, boolean required,
                                        List<PlatformFileProblem> problems) {
        Optional<String> text = text(file, json, field, required, problems);
        if (text.isEmpty()) {
            return text;
        }
        try {
            URI uri = new URI(text.get());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!uri.isAbsolute() || uri.getHost() == null) {
                problems.add(new PlatformFileProblem(file, field, "must be an absolute URL, got '" + text.get() + "'"));
                return Optional.empty();
            }
            if (!scheme.equals("https") && !(scheme.equals("http") && Loopback.isLoopbackHost(uri.getHost()))) {
                problems.add(new PlatformFileProblem(file, field, "must use https (http is allowed only on 127.0.0.1/localhost)"));
                return Optional.empty();
            }
            if (uri.getUserInfo() != null) {
                problems.add(new PlatformFileProblem(file, field, "must not contain user credentials"));
                return Optional.empty();
            }
            return text;
        } catch (URISyntaxException e) {
            problems.add(new PlatformFileProblem(file, field, "is not a valid URL: " + e.getReason()));
            return Optional.empty();
        }
    }

    private static List<DeploymentId> deployments(String file, JsonObject json, List<PlatformFileProblem> problems) {
        JsonValue value = json.get("deployment_ids");
        if (value == null || value == JsonValue.NULL) {
            problems.add(new PlatformFileProblem(file, "deployment_ids", "is required (a list of deployment ids)"));
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            problems.add(new PlatformFileProblem(file, "deployment_ids", "must be a list of strings"));
            return List.of();
        }
        JsonArray array = value.asJsonArray();
        if (array.isEmpty()) {
            problems.add(new PlatformFileProblem(file, "deployment_ids", "must list at least one deployment id"));
            return List.of();
        }
        List<DeploymentId> ids = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof JsonString s && !s.getString().isBlank() && s.getString().length() <= 255) {
                DeploymentId id = new DeploymentId(s.getString());
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            } else {
                problems.add(new PlatformFileProblem(file, "deployment_ids[" + i + "]", "must be a non-empty string of at most 255 characters"));
            }
        }
        return ids;
    }
}
