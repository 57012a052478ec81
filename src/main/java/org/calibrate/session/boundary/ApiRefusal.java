package org.calibrate.session.boundary;

/** A request the API refuses for a reason the caller can fix; answered as {@link ApiError} with its status. */
public class ApiRefusal extends RuntimeException {
    private final int status;
    private final String code;

    public ApiRefusal(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiRefusal notFound(String message) {
        return new ApiRefusal(404, "not_found", message);
    }

    public static ApiRefusal invalid(String message) {
        return new ApiRefusal(400, "invalid", message);
    }

    public static ApiRefusal forbidden(String message) {
        return new ApiRefusal(403, "forbidden", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
