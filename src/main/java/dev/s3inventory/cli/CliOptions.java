package dev.s3inventory.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line of {@link Main}, parsed. Options may come in any order; {@code --opt=value} and
 * {@code --opt value} are both accepted for long options.
 *
 * @param url       JDBC URL to connect to
 * @param commands  statements given with {@code -e}, in order (empty when none)
 * @param file      script given with {@code -f}, or null
 * @param format    output format
 * @param verbose   print stack traces with errors
 * @param help      print usage and exit
 * @param seedDemo  LocalStack endpoint to seed with the demo estate, or null
 */
record CliOptions(String url, List<String> commands, String file, Format format, boolean verbose, boolean help,
        String seedDemo) {

    static final String DEFAULT_URL = "jdbc:s3inventory:";

    enum Format {
        TABLE, CSV, TSV;

        static Format parse(String text) throws UsageException {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("unknown format '" + text + "' (choose table, csv or tsv)");
            }
        }
    }

    /** Bad command line: Main prints the message and a hint, and exits with 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** True when statements come from -e or -f rather than from standard input. */
    boolean batch() {
        return !commands.isEmpty() || file != null;
    }

    static CliOptions parse(String[] args) throws UsageException {
        String url = DEFAULT_URL;
        List<String> commands = new ArrayList<>();
        String file = null;
        Format format = Format.TABLE;
        boolean verbose = false;
        boolean help = false;
        String seedDemo = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                inline = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "-h", "--help" -> help = true;
                case "-v", "--verbose" -> verbose = true;
                case "-u", "--url" -> url = inline != null ? inline : value(args, ++i, arg);
                case "-e", "--execute" -> commands.add(inline != null ? inline : value(args, ++i, arg));
                case "-f", "--file" -> {
                    if (file != null) {
                        throw new UsageException("-f may be given only once");
                    }
                    file = inline != null ? inline : value(args, ++i, arg);
                }
                case "--format" -> format = Format.parse(inline != null ? inline : value(args, ++i, arg));
                case "--seed-demo" -> seedDemo = inline != null ? inline : value(args, ++i, arg);
                default -> throw new UsageException(arg.startsWith("-") ? "unknown option '" + arg + "'"
                        : "unexpected argument '" + arg + "' (quote a statement and pass it with -e)");
            }
        }
        if (!url.regionMatches(true, 0, DEFAULT_URL, 0, DEFAULT_URL.length())) {
            throw new UsageException("--url must start with " + DEFAULT_URL + " (got '" + redact(url) + "')");
        }
        if (!commands.isEmpty() && file != null) {
            throw new UsageException("use either -e or -f, not both");
        }
        if (seedDemo != null && (!commands.isEmpty() || file != null)) {
            throw new UsageException("--seed-demo runs on its own; run statements in a second call");
        }
        return new CliOptions(url, List.copyOf(commands), file, format, verbose, help, seedDemo);
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    /** The URL without its query string values of secret keys, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)((?:password|sessionToken)=)[^&]*", "$1***");
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "Usage: java -jar s3inventory-jdbc-all.jar [options]",
                "",
                "An SQL prompt over Amazon S3 bucket inventory configurations (tables aws.s3.buckets and",
                "aws.s3.bucket_inventory_configurations).",
                "",
                "Options:",
                "  --url JDBC_URL        connection URL (default: jdbc:s3inventory: = the AWS SDK's default",
                "                        credentials and region); e.g. jdbc:s3inventory:?profile=prod&region=eu-west-1",
                "  -e SQL                run the statement(s) and exit; may be repeated",
                "  -f FILE               run the statements of FILE (each ends with ';'), stop at the first error",
                "  --format FORMAT       table (default), csv (RFC 4180) or tsv",
                "  --verbose             print stack traces with errors",
                "  --seed-demo ENDPOINT  create the demo estate on a LocalStack endpoint and exit",
                "  --help                show this help",
                "",
                "Without -e or -f, statements are read from standard input; each ends with ';'.",
                "Commands: \\d lists tables, \\d TABLE describes one, \\q (or quit, exit) leaves.",
                "",
                "Exit status: 0 success, 1 a statement failed, 2 bad usage or no connection.");
    }
}
