package dev.s3inventory.sql;

import java.util.regex.Pattern;

/**
 * The dialect's LIKE: {@code %}, {@code _} and an optional escape character, compiled to a regex once.
 * The engine evaluates LIKE predicates and pushes their literal prefix to S3 with it; the JDBC
 * metadata methods match their name patterns with it.
 */
public final class Like {
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
