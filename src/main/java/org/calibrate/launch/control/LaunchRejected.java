package org.calibrate.launch.control;

/**
 * A launch or login refused, with the HTTP status to answer, a stable code (for admins, logs and
 * tests) and a message that says what is wrong and, where possible, how to fix it.
 */
public class LaunchRejected extends Exception {
    private final int status;
    private final String code;

    public LaunchRejected(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public LaunchRejected(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    static LaunchRejected badRequest(String code, String message) {
        return new LaunchRejected(400, code, message);
    }

    static LaunchRejected unauthorized(String code, String message) {
        return new LaunchRejected(401, code, message);
    }

    static LaunchRejected forbidden(String code, String message) {
        return new LaunchRejected(403, code, message);
    }
}
