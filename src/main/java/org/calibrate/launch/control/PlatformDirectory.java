package org.calibrate.launch.control;

import org.calibrate.platform.entity.ClientId;
import org.calibrate.platform.entity.Issuer;
import org.calibrate.platform.entity.RegisteredPlatform;

import java.util.List;
import java.util.Optional;

/** The registrations the launch rules consult; an interface so the rules run without a database. */
public interface PlatformDirectory {
    Optional<RegisteredPlatform> find(Issuer issuer, ClientId clientId);

    List<RegisteredPlatform> byIssuer(Issuer issuer);
}
