package org.calibrate.session.boundary;

/** A request the API refuses for a reason the caller can fix; answered as {@link ApiError} with its status. */
public class ApiRefusal extends RuntimeException {
    private final int status;
    private final String code;
    private final java.util.List<String> problems;

    public ApiRefusal(int status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiRefusal(int status, String code, String message, java.util.List<String> problems) {
        super(message);
        this.status = status;
        this.code = code;
        this.problems = problems == null ? null : java.util.List.copyOf(problems);
    }

    /** 422: the body was understood but breaks the rules listed. */
    public static ApiRefusal unprocessable(String code, String message, java.util.List<String> problems) {
        return new ApiRefusal(422, code, message, problems);
    }

    public java.util.List<String> problems() {
        return problems;
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
