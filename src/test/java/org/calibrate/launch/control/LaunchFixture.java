package org.calibrate.launch.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.calibrate.platform.entity.ClientId;
import org.calibrate.platform.entity.DeploymentId;
import org.calibrate.platform.entity.Issuer;
import org.calibrate.platform.entity.RegisteredPlatform;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A platform, its key, a fixed clock and a valid Moodle-style id_token; test fixture keys made per run. */
final class LaunchFixture {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final String TOOL = "https://calibrate.example.org";
    static final String NONCE = "nonce-1";

    final RSAKey key;
    final RSAKey otherKey;
    final List<RegisteredPlatform> platforms = new ArrayList<>();
    final Set<String> usedNonces = new HashSet<>();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final RegisteredPlatform platform;

    LaunchFixture() throws JOSEException {
        key = new RSAKeyGenerator(2048).keyID("p1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("p1").generate();
        platform = platform("https://lms.example.org", "tool-123", true);
        platforms.add(platform);
    }

    static RegisteredPlatform platform(String issuer, String client, boolean enabled) {
        return new RegisteredPlatform(platformsCreated++, new Issuer(issuer), new ClientId(client),
                URI.create(issuer + "/auth"), Optional.empty(), URI.create(issuer + "/jwks"),
                Set.of(new DeploymentId("dep-1")), enabled);
    }

    private static long platformsCreated = 1;

    PlatformDirectory directory() {
        return new PlatformDirectory() {
            @Override
            public Optional<RegisteredPlatform> find(Issuer issuer, ClientId clientId) {
                return platforms.stream().filter(p -> p.issuer().equals(issuer) && p.clientId().equals(clientId)).findFirst();
            }

            @Override
            public List<RegisteredPlatform> byIssuer(Issuer issuer) {
                return platforms.stream().filter(p -> p.issuer().equals(issuer)).toList();
            }
        };
    }

    IdTokenValidator validator() {
        KeyResolver keys = (p, kid) -> {
            if (!kid.equals(key.getKeyID())) {
                throw new LaunchRejected(401, "unknown_kid", "unknown kid");
            }
            return key.toPublicJWK();
        };
        return new IdTokenValidator(clock, directory(), keys, (nonce, until) -> usedNonces.add(nonce), URI.create(TOOL));
    }

    ExpectedLogin expected() {
        return new ExpectedLogin(platform.issuer(), platform.clientId(), NONCE, TOOL + "/lti/launch");
    }

    JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer("https://lms.example.org")
                .audience("tool-123")
                .subject("user-7")
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(60)))
                .claim("nonce", NONCE)
                .claim("name", "  Dana Teacher  ")
                .claim("email", "dana@school.example.org")
                .claim(LtiClaims.MESSAGE_TYPE, "LtiResourceLinkRequest")
                .claim(LtiClaims.VERSION, "1.3.0")
                .claim(LtiClaims.DEPLOYMENT_ID, "dep-1")
                .claim(LtiClaims.TARGET_LINK_URI, TOOL + "/lti/launch")
                .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "link-1", "title", "Essay moderation"))
                .claim(LtiClaims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"))
                .claim(LtiClaims.CONTEXT, Map.of("id", "course-1", "title", "English 8", "label", "ENG8",
                        "type", List.of("CourseSection")));
    }

    String sign(JWTClaimsSet claims) {
        return sign(claims, key, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build());
    }

    static String sign(JWTClaimsSet claims, RSAKey with, JWSHeader header) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
