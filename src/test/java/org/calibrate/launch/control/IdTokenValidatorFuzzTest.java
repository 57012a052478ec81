package org.calibrate.launch.control;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.util.Base64URL;
import org.calibrate.launch.entity.LtiLaunch;

import java.nio.charset.StandardCharsets;
import java.security.Signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Coverage-guided fuzzing of the id_token validation core (Jazzer). In the normal test run each seed in
 * {@code IdTokenValidatorFuzzTestInputs/} runs once as a regression test; {@code JAZZER_FUZZ=1} fuzzes for
 * the given time. Whatever the input, the validator returns a launch or refuses with {@link LaunchRejected}:
 * any other exception would reach the platform as a server error.
 */
class IdTokenValidatorFuzzTest {

    /** The input is the token as posted. */
    @FuzzTest(maxDuration = "60s")
    void anyToken(byte[] input) {
        validate(new String(input, StandardCharsets.UTF_8));
    }

    /** The input is the claims JSON, signed with the platform's key, so it reaches every claim check. */
    @FuzzTest(maxDuration = "60s")
    void claimsSignedByThePlatform(byte[] input) throws Exception {
        String signingInput = Base64URL.encode("{\"alg\":\"RS256\",\"kid\":\"" + LaunchFixture.PLATFORM_KEY.getKeyID() + "\"}") + "."
                + Base64URL.encode(input);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(LaunchFixture.PLATFORM_KEY.toRSAPrivateKey());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        LtiLaunch launch = validate(signingInput + "." + Base64URL.encode(rsa.sign()));
        if (launch != null) {
            assertEquals(LaunchFixture.ISSUER, launch.platform().issuer().value(), "an accepted launch is from the platform it claims");
        }
    }

    private static LtiLaunch validate(String token) {
        LaunchFixture f = new LaunchFixture();
        try {
            return f.validator().validate(token, f.expected());
        } catch (LaunchRejected refused) {
            return null;
        }
    }
}
