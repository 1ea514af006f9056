package dev.s3inventory.jdbc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The known names closest to a mistyped one, for "did you mean ...?" hints: case is ignored (property
 * names are case-insensitive), a few typos are allowed (insertions, deletions, substitutions and swapped
 * neighbours, more for longer names), and a name that starts the other one counts too ({@code pathStyle}).
 */
final class ClosestNames {
    /** At most this many suggestions: more would read like the full list. */
    private static final int MAX = 3;
    /** The characters property names are made of. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]*");

    private ClosestNames() {
    }

    /**
     * The connection property names closest to a mistyped key, judged on its name part only: what follows a
     * character no name has ({@code password:s3cr3t}, a ':' typed for '=') may be a secret.
     */
    static List<String> ofPropertyKey(String key) {
        Matcher name = NAME.matcher(key);
        name.lookingAt();
        List<String> known = new ArrayList<>();
        for (ConnectionProperty p : ConnectionProperty.values()) {
            known.add(p.key());
        }
        return of(key.substring(0, name.end()), known);
    }

    /** Up to three of {@code known}, closest first; empty when none is close. */
    static List<String> of(String typed, List<String> known) {
        String t = typed.toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return List.of();
        }
        int allowed = Math.max(1, t.length() / 4);
        record Candidate(String name, int distance) {
        }
        List<Candidate> close = new ArrayList<>();
        for (String name : known) {
            String k = name.toLowerCase(Locale.ROOT);
            int d = distance(t, k);
            boolean prefix = t.length() >= 3 && (k.startsWith(t) || t.startsWith(k));
            if (d <= allowed || prefix) {
                close.add(new Candidate(name, d));
            }
        }
        return close.stream().sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
                .limit(MAX).map(Candidate::name).toList();
    }

    /** Edit distance counting a swap of two neighbouring characters as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
