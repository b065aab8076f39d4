package dev.dynamite.local.internal.expr;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The check DynamoDB makes on the paths of an update or projection: no path may be a prefix of another (overlap),
 * and no two paths may step into the same value once as a map and once as a list (conflict).
 */
final class PathChecks {
    private final List<Path> paths = new ArrayList<>();
    @Nullable String overlap;
    @Nullable String conflict;

    /** Adds a path, recording the first overlap and the first conflict with the paths added before. */
    void add(Path path) {
        if (overlap != null) {
            return;
        }
        for (Path earlier : paths) {
            compare(earlier, path);
            if (overlap != null) {
                return;
            }
        }
        paths.add(path);
    }

    private void compare(Path one, Path two) {
        int n = Math.min(one.length(), two.length());
        for (int i = 0; i < n; i++) {
            if (one.isIndex(i) != two.isIndex(i)) {
                if (conflict == null) {
                    conflict = "Two document paths conflict with each other; must remove or rewrite one of these paths;"
                            + " path one: " + one + ", path two: " + two;
                }
                return;
            }
            if (one.isIndex(i) ? one.index(i) != two.index(i) : !one.name(i).equals(two.name(i))) {
                return;
            }
        }
        overlap = "Two document paths overlap with each other; must remove or rewrite one of these paths;"
                + " path one: " + one + ", path two: " + two;
    }
}
