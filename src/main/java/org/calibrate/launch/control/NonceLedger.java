package org.calibrate.launch.control;

import java.time.Instant;

/** Remembers used nonces until their token expires; cluster-wide in production (JCache). */
@FunctionalInterface
public interface NonceLedger {
    /** @return true the first time a nonce is presented, false on every later presentation */
    boolean useOnce(String nonce, Instant keepUntil);
}
