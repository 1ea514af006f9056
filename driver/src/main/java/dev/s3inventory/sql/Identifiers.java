package dev.s3inventory.sql;

/** Quoting rules for identifiers: "double" quotes and `back-ticks` are accepted and removed. */
final class Identifiers {
    private Identifiers() {
    }

    static boolean isQuoted(String identifier) {
        return identifier != null && identifier.length() >= 2
                && ((identifier.startsWith("\"") && identifier.endsWith("\""))
                || (identifier.startsWith("`") && identifier.endsWith("`")));
    }

    /** Removes surrounding quotes and un-doubles embedded quote characters; null stays null. */
    static String unquote(String identifier) {
        if (!isQuoted(identifier)) {
            return identifier;
        }
        char q = identifier.charAt(0);
        return identifier.substring(1, identifier.length() - 1).replace(String.valueOf(q) + q, String.valueOf(q));
    }
}
