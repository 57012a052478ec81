package org.calibrate.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.calibrate.launch.control.ExpectedLogin;
import org.calibrate.launch.control.IdTokenValidator;
import org.calibrate.launch.control.PlatformDirectory;
import org.calibrate.launch.entity.LtiLaunch;
import org.calibrate.platform.entity.ClientId;
import org.calibrate.platform.entity.DeploymentId;
import org.calibrate.platform.entity.Issuer;
import org.calibrate.platform.entity.RegisteredPlatform;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The id_token validation path of a launch (parse, RS256 verify, every claim rule), without I/O:
 * the key is resolved from memory and the nonce ledger accepts every nonce, so the figure is the
 * CPU cost a launch adds on top of the network.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class LaunchValidationBenchmark {
    private IdTokenValidator validator;
    private ExpectedLogin expected;
    private String token;

    @Setup
    public void setUp() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        RegisteredPlatform platform = new RegisteredPlatform(1, new Issuer("https://lms.example.org"), new ClientId("tool"),
                URI.create("https://lms.example.org/auth"), Optional.empty(), URI.create("https://lms.example.org/jwks"),
                Set.of(new DeploymentId("1")), true);
        PlatformDirectory directory = new PlatformDirectory() {
            @Override
            public Optional<RegisteredPlatform> find(Issuer issuer, ClientId clientId) {
                return Optional.of(platform);
            }

            @Override
            public List<RegisteredPlatform> byIssuer(Issuer issuer) {
                return List.of(platform);
            }
        };
        validator = new IdTokenValidator(Clock.systemUTC(), directory, (p, kid) -> key.toPublicJWK(), (nonce, until) -> true,
                URI.create("https://calibrate.example.org"));
        expected = new ExpectedLogin(platform.issuer(), platform.clientId(), "n-1", "https://calibrate.example.org/lti/launch");
        Date now = new Date();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://lms.example.org").audience("tool").subject("u1")
                .issueTime(now).expirationTime(new Date(now.getTime() + 3_600_000)).claim("nonce", "n-1")
                .claim("name", "Dana Teacher").claim("email", "dana@school.example.org")
                .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", "1")
                .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
                .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
                .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", "https://calibrate.example.org/lti/launch")
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "rl"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", "c1", "title", "English 8"))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
        jwt.sign(new RSASSASigner(key));
        token = jwt.serialize();
    }

    @Benchmark
    public LtiLaunch validate() throws Exception {
        return validator.validate(token, expected);
    }
}
