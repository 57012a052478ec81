package org.calibrate.registration.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.calibrate.platform.control.ServiceUrls;
import org.calibrate.registration.entity.PlatformConfiguration;

import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads and checks a platform's OpenID configuration document (Dynamic Registration 1.0 §3.4, §3.5.1). */
public final class PlatformConfigurationReader {
    static final String LTI_PLATFORM = "https://purl.imsglobal.org/spec/lti-platform-configuration";

    private PlatformConfigurationReader() {
    }

    /**
     * @param configurationUrl where the document was fetched from: its host must be the issuer's
     */
    public static PlatformConfiguration read(String body, URI configurationUrl) throws RegistrationRefused {
        JsonObject json;
        try {
            JsonValue value = Json.createReader(new StringReader(body)).readValue();
            if (!(value instanceof JsonObject o)) {
                throw new RegistrationRefused("The platform's configuration is not a JSON object.");
            }
            json = o;
        } catch (JsonException e) {
            throw new RegistrationRefused("The platform's configuration is not valid JSON.");
        }
        String issuer = text(json, "issuer").orElseThrow(() -> new RegistrationRefused("The platform's configuration has no issuer (Dynamic Registration §3.4)."));
        URI issuerUri = ServiceUrls.parse(issuer).orElseThrow(() -> new RegistrationRefused(
                "The platform's issuer must be an HTTPS URL (Dynamic Registration §3.4)."));
        // Dynamic Registration §3.5.1: the issuer must be on the host the configuration was served from,
        // or anyone could serve a configuration claiming to be another LMS.
        if (!host(issuerUri).equals(host(configurationUrl))) {
            throw new RegistrationRefused("The platform's issuer (" + issuerUri.getHost() + ") is not on the host its configuration came from ("
                    + configurationUrl.getHost() + "); Calibrate does not register it (Dynamic Registration §3.5.1).");
        }
        URI auth = url(json, "authorization_endpoint");
        URI token = url(json, "token_endpoint");
        URI jwks = url(json, "jwks_uri");
        URI registration = url(json, "registration_endpoint");
        List<String> authMethods = strings(json, "token_endpoint_auth_methods_supported");
        if (!authMethods.isEmpty() && !authMethods.contains("private_key_jwt")) {
            throw new RegistrationRefused("The platform does not accept private_key_jwt client authentication, which LTI requires (Security Framework §4.1).");
        }
        List<String> algs = strings(json, "id_token_signing_alg_values_supported");
        if (!algs.isEmpty() && !algs.contains("RS256")) {
            throw new RegistrationRefused("The platform does not sign id_tokens with RS256, which LTI requires (Security Framework §5.4).");
        }
        Optional<String> product = Optional.empty();
        List<String> messages = new ArrayList<>();
        if (json.get(LTI_PLATFORM) instanceof JsonObject lti) {
            product = text(lti, "product_family_code");
            if (lti.get("messages_supported") instanceof JsonArray array) {
                for (JsonValue m : array) {
                    if (m instanceof JsonObject o) {
                        text(o, "type").ifPresent(messages::add);
                    }
                }
            }
        }
        return new PlatformConfiguration(issuer, auth, token, jwks, registration, strings(json, "scopes_supported"), product, messages);
    }

    private static URI url(JsonObject json, String name) throws RegistrationRefused {
        return ServiceUrls.parse(json.get(name) instanceof JsonString s ? s.getString() : null).orElseThrow(() -> new RegistrationRefused(
                "The platform's configuration has no usable " + name + " (an HTTPS URL; Dynamic Registration §3.4)."));
    }

    private static String host(URI uri) {
        return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    }

    static Optional<String> text(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString().strip()) : Optional.empty();
    }

    static List<String> strings(JsonObject o, String name) {
        List<String> result = new ArrayList<>();
        if (o.get(name) instanceof JsonArray array) {
            for (JsonValue v : array) {
                if (v instanceof JsonString s && result.size() < 100) {
                    result.add(s.getString());
                }
            }
        }
        return result;
    }
}
