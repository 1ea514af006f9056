package dev.s3inventory.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How result sets are written to standard output ({@code --format}, {@code \format}). */
enum Format {
    /** Aligned columns with a {@code (N rows)} footer: for people. */
    TABLE,
    /** RFC 4180: for spreadsheets and {@code csvkit}-style tools. */
    CSV,
    /** Tab-separated, one row a line: for {@code cut}, {@code awk}, {@code sort}. */
    TSV,
    /** One JSON array of objects per result set: for {@code jq}. */
    JSON,
    /** A GitHub-flavoured Markdown table: for issues, wikis and docs. */
    MARKDOWN;

    /** Accepts the names in any case, and {@code md} for Markdown. */
    static Format parse(String text) throws CliOptions.UsageException {
        String name = text.trim().toLowerCase(Locale.ROOT);
        for (Format f : values()) {
            if (f.label().equals(name)) {
                return f;
            }
        }
        if (name.equals("md")) {
            return MARKDOWN;
        }
        throw new CliOptions.UsageException("unknown format '" + text + "' (choose " + choices() + ")");
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code table, csv, tsv, json or markdown}. */
    static String choices() {
        String all = Arrays.stream(values()).map(Format::label).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }

    /**
     * True for formats whose standard output is data a program reads: there, row counts of writes and
     * other remarks go to standard error instead.
     */
    boolean isData() {
        return this != TABLE;
    }
}
