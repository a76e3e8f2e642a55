package io.fdl.runtime.engine;

import java.util.List;

/**
 * The run was rejected before any node started (fdl.md §4 step 4, tools.md §6.4): code
 * {@code INVALID_INPUTS}, the problems as {@code "field: message"} texts (the API's
 * {@code validation_errors}), the message the problems joined by {@code "; "}.
 */
public final class InvalidInputsException extends RuntimeException {
    public static final String CODE = "INVALID_INPUTS";
    private final List<String> problems;

    public InvalidInputsException(List<String> problems) {
        super(String.join("; ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public String code() { return CODE; }

    public List<String> problems() { return problems; }
}
