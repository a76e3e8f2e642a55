package io.fdl.runtime.auth;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The role names of api.md §3.3 and their hierarchy viewer &lt; executor &lt; editor &lt; admin &lt;
 * superadmin. A holder of a role also holds every lower one: {@link FdlIdentityAugmentor} adds
 * the implied roles to each authenticated identity, so resources simply write
 * {@code @RolesAllowed(Roles.EDITOR)} and an admin passes.
 */
public final class Roles {
    public static final String VIEWER = "viewer";
    public static final String EXECUTOR = "executor";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";
    public static final String SUPERADMIN = "superadmin";
    /** Carried by refresh tokens only; such a token is never an access token. */
    public static final String REFRESH = "refresh";

    /** Lowest to highest. */
    public static final List<String> HIERARCHY = List.of(VIEWER, EXECUTOR, EDITOR, ADMIN, SUPERADMIN);

    private Roles() {}

    /** True for one of the five hierarchy roles (not {@code refresh}, not unknown strings). */
    public static boolean isKnown(String role) {
        return HIERARCHY.contains(role);
    }

    /**
     * The given roles plus every role they imply. Unknown role strings are kept (a token may carry
     * roles of other applications) but imply nothing.
     */
    public static Set<String> expand(Collection<String> roles) {
        Set<String> out = new LinkedHashSet<>();
        for (String role : roles) {
            if (role == null) continue;
            int level = HIERARCHY.indexOf(role);
            if (level >= 0) out.addAll(HIERARCHY.subList(0, level + 1));
            out.add(role);
        }
        return out;
    }

    /** The highest hierarchy role in the set, or null when it holds none. */
    public static String highest(Collection<String> roles) {
        for (int i = HIERARCHY.size() - 1; i >= 0; i--) {
            if (roles.contains(HIERARCHY.get(i))) return HIERARCHY.get(i);
        }
        return null;
    }

    /** True when {@code held} (expanded or not) includes {@code required} or a higher role. */
    public static boolean satisfies(Collection<String> held, String required) {
        return expand(held).contains(required);
    }
}
