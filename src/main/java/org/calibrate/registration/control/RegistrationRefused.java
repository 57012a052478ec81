package org.calibrate.registration.control;

/** Registration cannot go on; the message tells the admin what to do. */
public class RegistrationRefused extends Exception {
    public RegistrationRefused(String message) {
        super(message);
    }
}
