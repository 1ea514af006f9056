package dev.s3inventory.engine;

import java.util.regex.Pattern;

/**
 * SQL LIKE matching, used both for LIKE predicates and for JDBC metadata name patterns ({@code %},
 * {@code _}, and an escape character; metadata uses {@code \}). Patterns compile to a regex once.
 */
public final class Like {
    /** The escape character of JDBC metadata patterns, as reported by getSearchStringEscape(). */
    public static final char METADATA_ESCAPE = '\\';

    private final Pattern regex;

    private Like(Pattern regex) {
        this.regex = regex;
    }

    /**
     * Compiles a LIKE pattern. {@code escape} is null when the pattern has no escape character.
     *
     * @throws IllegalArgumentException when the pattern ends with a lone escape character
     */
    public static Like compile(String pattern, Character escape, boolean caseInsensitive) {
        StringBuilder re = new StringBuilder(pattern.length() + 8);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escape != null && c == escape) {
                if (i + 1 >= pattern.length()) {
                    throw new IllegalArgumentException("LIKE pattern '" + pattern + "' ends with its escape character");
                }
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        int flags = Pattern.DOTALL | (caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return new Like(Pattern.compile(re.toString(), flags));
    }

    public boolean matches(String value) {
        return regex.matcher(value).matches();
    }

    /**
     * JDBC metadata pattern semantics: a null pattern matches everything; names are matched
     * case-insensitively because the driver's identifiers are case-insensitive.
     */
    public static boolean matchesMetadata(String pattern, String value) {
        if (pattern == null) {
            return true;
        }
        if (value == null) {
            return false;
        }
        return compile(pattern, METADATA_ESCAPE, true).matches(value);
    }

    /**
     * The literal prefix of a pattern before its first wildcard, e.g. {@code "prod-"} for
     * {@code 'prod-%'}; used to push {@code bucket LIKE 'p%'} down to ListBuckets' prefix.
     */
    public static String literalPrefix(String pattern, Character escape) {
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escape != null && c == escape && i + 1 < pattern.length()) {
                prefix.append(pattern.charAt(++i));
            } else if (c == '%' || c == '_') {
                break;
            } else {
                prefix.append(c);
            }
        }
        return prefix.toString();
    }
}
