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

/**
 * A registered Moodle-like platform with its signing key, a second platform's key under the same kid,
 * an in-memory directory and nonce ledger, a fixed clock, and a valid id_token that each test tweaks.
 * Keys are made once per run (they are immutable); everything mutable is per fixture instance.
 */
public final class LaunchFixture {
    public static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    public static final String ISSUER = "https://lms.example.org";
    public static final String CLIENT_ID = "tool-123";
    public static final String DEPLOYMENT = "dep-1";
    static final URI TOOL = URI.create("https://calibrate.example.org");
    static final String TARGET = "https://calibrate.example.org/lti/launch";
    static final String NONCE = "n-0S6_WzA2Mj";
    static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

    public static final RSAKey PLATFORM_KEY = generate("p1");
    /** Another platform's key pair, published under the same kid as ours. */
    public static final RSAKey OTHER_PLATFORM_KEY = generate("p1");

    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    public final List<RegisteredPlatform> registrations = new ArrayList<>();
    /** Every nonce presented to the ledger, in order; the ledger itself is the set. */
    final List<String> presentedNonces = new ArrayList<>();
    final List<Instant> keptUntil = new ArrayList<>();
    final Set<String> usedNonces = new HashSet<>();
    public final RegisteredPlatform platform = platform(1, ISSUER, CLIENT_ID, URI.create(ISSUER + "/mod/lti/auth.php"), true);

    public LaunchFixture() {
        registrations.add(platform);
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static RegisteredPlatform platform(long id, String issuer, String clientId, URI authLoginUrl, boolean enabled) {
        return new RegisteredPlatform(id, new Issuer(issuer), new ClientId(clientId), authLoginUrl, Optional.empty(),
                URI.create(issuer + "/mod/lti/certs.php"), Set.of(new DeploymentId(DEPLOYMENT)), enabled);
    }

    public static RegisteredPlatform disabled(RegisteredPlatform p) {
        return new RegisteredPlatform(p.id(), p.issuer(), p.clientId(), p.authLoginUrl(), p.authTokenUrl(), p.keySetUrl(),
                p.deploymentIds(), false);
    }

    public PlatformDirectory directory() {
        return new PlatformDirectory() {
            @Override
            public Optional<RegisteredPlatform> find(Issuer issuer, ClientId clientId) {
                return registrations.stream().filter(p -> p.issuer().equals(issuer) && p.clientId().equals(clientId)).findFirst();
            }

            @Override
            public List<RegisteredPlatform> byIssuer(Issuer issuer) {
                return registrations.stream().filter(p -> p.issuer().equals(issuer)).toList();
            }
        };
    }

    public KeyResolver keys() {
        return (p, kid) -> {
            if (!PLATFORM_KEY.getKeyID().equals(kid)) {
                throw new LaunchRejected(401, "unknown_kid", "No key " + kid + " in the platform's key set.");
            }
            return PLATFORM_KEY.toPublicJWK();
        };
    }

    NonceLedger nonces() {
        return (nonce, keepUntil) -> {
            presentedNonces.add(nonce);
            keptUntil.add(keepUntil);
            return usedNonces.add(nonce);
        };
    }

    IdTokenValidator validator() {
        return new IdTokenValidator(clock, directory(), keys(), nonces(), TOOL);
    }

    ExpectedLogin expected() {
        return new ExpectedLogin(new Issuer(ISSUER), new ClientId(CLIENT_ID), NONCE, TARGET);
    }

    /** The claims of a Moodle 5.1 resource link launch by an editing teacher. */
    static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(CLIENT_ID)
                .subject("7")
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(60)))
                .claim("nonce", NONCE)
                .claim("name", "Dana Teacher")
                .claim("email", "dana@school.example.org")
                .claim(LtiClaims.MESSAGE_TYPE, "LtiResourceLinkRequest")
                .claim(LtiClaims.VERSION, "1.3.0")
                .claim(LtiClaims.DEPLOYMENT_ID, DEPLOYMENT)
                .claim(LtiClaims.TARGET_LINK_URI, TARGET)
                .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "link-4", "title", "Essay moderation"))
                .claim(LtiClaims.ROLES, List.of(INSTRUCTOR))
                .claim(LtiClaims.CONTEXT, Map.of("id", "course-2", "title", "English 8", "label", "ENG8",
                        "type", List.of("CourseSection")));
    }

    public static JWSHeader rs256() {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(PLATFORM_KEY.getKeyID()).build();
    }

    public static String sign(JWTClaimsSet claims) {
        return sign(claims, PLATFORM_KEY, rs256());
    }

    public static String sign(JWTClaimsSet claims, RSAKey key, JWSHeader header) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
