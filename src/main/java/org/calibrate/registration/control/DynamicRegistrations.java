package org.calibrate.registration.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.calibrate.platform.control.Loopback;
import org.calibrate.platform.control.PlatformRegistry;
import org.calibrate.platform.control.ServiceUrls;
import org.calibrate.platform.entity.ClientId;
import org.calibrate.platform.entity.DeploymentId;
import org.calibrate.platform.entity.Issuer;
import org.calibrate.platform.entity.PlatformDefinition;
import org.calibrate.registration.entity.PlatformConfiguration;
import org.calibrate.runtime.Settings;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Runs one dynamic registration (Dynamic Registration 1.0 §3): fetch the platform's configuration,
 * check it, post the tool's registration with the platform's registration token, store the result.
 * Nothing is stored unless the platform accepted the registration.
 */
@ApplicationScoped
public class DynamicRegistrations {
    private static final Logger LOG = Logger.getLogger(DynamicRegistrations.class.getName());
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_REPLY_BYTES = 256 * 1024;
    static final int MAX_TOKEN_CHARS = 8 * 1024;

    @Inject
    Settings settings;
    @Inject
    PlatformRegistry registry;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** A finished registration, for the page the admin sees. */
    public record Outcome(String issuer, String clientId, Optional<String> deploymentId, boolean created,
                          Optional<String> productFamily, String scope) {
    }

    public Outcome register(String openidConfiguration, String registrationToken) throws RegistrationRefused {
        URI configUrl = configurationUrl(openidConfiguration);
        if (registrationToken != null && registrationToken.length() > MAX_TOKEN_CHARS) {
            throw new RegistrationRefused("The registration token is too long.");
        }
        Optional<String> token = Optional.ofNullable(registrationToken).filter(t -> !t.isBlank());
        PlatformConfiguration platform = PlatformConfigurationReader.read(
                send(HttpRequest.newBuilder(configUrl).header("Accept", "application/json").GET(), token, "configuration"), configUrl);
        String request = ToolRegistration.request(settings.publicUrl(), platform).toString();
        ToolRegistration.Registered registered = ToolRegistration.reply(send(HttpRequest.newBuilder(platform.registrationEndpoint())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request)), token, "registration"));
        PlatformDefinition definition = new PlatformDefinition(new Issuer(platform.issuer()), new ClientId(registered.clientId()),
                platform.authorizationEndpoint(), Optional.of(platform.tokenEndpoint()), platform.jwksUri(),
                registered.deploymentId().map(DeploymentId::new).map(List::of).orElse(List.of()),
                platform.productFamilyCode().map(p -> p + " (" + configUrl.getHost() + ")"), false, Optional.empty());
        boolean created = registry.register(definition, registered.scope(), platform.productFamilyCode().orElse(null), "registration:" + configUrl.getHost());
        LOG.info(() -> "Dynamic registration " + (created ? "added" : "updated") + " platform " + platform.issuer()
                + " (client " + registered.clientId() + ", deployment " + registered.deploymentId().orElse("none") + ")");
        return new Outcome(platform.issuer(), registered.clientId(), registered.deploymentId(), created,
                platform.productFamilyCode(), registered.scope());
    }

    /** Dynamic Registration §3.3: the URL comes from the browser, so it is held to the same rules as every platform URL. */
    private URI configurationUrl(String value) throws RegistrationRefused {
        if (value == null || value.isBlank()) {
            throw new RegistrationRefused("This page is opened by an LMS during dynamic registration, with an openid_configuration parameter. "
                    + "Paste " + settings.publicUrl() + "/lti/register into your LMS's tool registration instead of opening it directly.");
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new RegistrationRefused("The openid_configuration parameter is not a URL.");
        }
        if (!ServiceUrls.acceptable(uri)) {
            throw new RegistrationRefused("The platform's configuration URL must be HTTPS.");
        }
        // Anyone can open this page with any URL: a public server never lets it reach its own loopback.
        if (Loopback.isLoopbackHost(uri.getHost()) && !Loopback.isLoopbackHost(settings.publicUrl().getHost())) {
            throw new RegistrationRefused("The platform's configuration URL must be the LMS's public HTTPS address.");
        }
        if (!settings.registrationAllows(uri.getHost())) {
            throw new RegistrationRefused("This Calibrate server does not accept registrations from " + uri.getHost()
                    + ". Its operator lists the LMS hosts allowed in CALIBRATE_REGISTRATION_HOSTS.");
        }
        return uri;
    }

    private String send(HttpRequest.Builder request, Optional<String> token, String what) throws RegistrationRefused {
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<InputStream> reply;
        try {
            reply = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new RegistrationRefused("The platform's " + what + " endpoint cannot be reached (" + e.getClass().getSimpleName() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistrationRefused("Interrupted while talking to the platform.");
        }
        String body;
        try (InputStream in = reply.body()) {
            byte[] bytes = in.readNBytes(MAX_REPLY_BYTES + 1);
            if (bytes.length > MAX_REPLY_BYTES) {
                throw new RegistrationRefused("The platform's " + what + " reply is larger than " + MAX_REPLY_BYTES / 1024 + " KB.");
            }
            body = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RegistrationRefused("The platform's " + what + " reply could not be read.");
        }
        int status = reply.statusCode();
        if (status == 401 || status == 403) {
            throw new RegistrationRefused("The platform refused the " + what + " request (HTTP " + status
                    + "): the registration link has probably expired or was used already. Start the registration again in the LMS.");
        }
        if (status < 200 || status > 299) {
            throw new RegistrationRefused("The platform's " + what + " endpoint answered HTTP " + status + ".");
        }
        return body;
    }
}
