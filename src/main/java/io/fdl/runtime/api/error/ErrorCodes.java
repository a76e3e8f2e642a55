package io.fdl.runtime.api.error;

/**
 * Codes of the errors produced by the framework layer (not by a resource). Resource-specific codes
 * (INVALID_FLOW, INVALID_INPUTS, …) live with their resources.
 */
public final class ErrorCodes {
    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    public static final String INVALID_REQUEST = "INVALID_REQUEST";
    /** text a request carries that cannot be stored: NUL, an unpaired surrogate, ill-formed UTF-8 */
    public static final String INVALID_TEXT = "INVALID_TEXT";
    public static final String URI_TOO_LONG = "URI_TOO_LONG";
    public static final String HEADERS_TOO_LARGE = "HEADERS_TOO_LARGE";
    public static final String UNAUTHORIZED = "UNAUTHORIZED";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    public static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";

    private ErrorCodes() {}

    /** Default code and message for an HTTP status the framework produced. */
    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> HEADERS_TOO_LARGE;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : "HTTP_" + status;
        };
    }

    public static String messageFor(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Authentication required";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 413 -> "Request body too large";
            case 414 -> "Request URI too long";
            case 415 -> "Unsupported media type";
            case 431 -> "Request header fields too large";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal server error" : "Request failed";
        };
    }
}
