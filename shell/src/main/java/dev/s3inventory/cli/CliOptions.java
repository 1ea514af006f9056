package dev.s3inventory.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@link Main}, parsed. Options may come in any order; {@code --opt=value} and
 * {@code --opt value} are both accepted for long options.
 *
 * @param url      JDBC URL to connect to: {@code --url} with the connection flags applied
 * @param commands statements given with {@code -e}, in order (empty when none)
 * @param file     script given with {@code -f} ({@code -} is standard input), or null
 * @param format   output format
 * @param timing   print each statement's duration on standard error
 * @param verbose  print stack traces with errors
 * @param history  where the interactive shell keeps its history, or null for none
 * @param help     print usage and exit
 * @param version  print the version and exit
 * @param seedDemo LocalStack endpoint to seed with the demo estate, or null
 * @param demo     LocalStack endpoint to seed and then connect to (the demo), or null
 * @param resetDemo remove the demo estate (and every change made to it) before seeding it again
 */
record CliOptions(String url, List<String> commands, String file, Format format, boolean timing, boolean verbose,
        Path history, boolean help, boolean version, String seedDemo, String demo, boolean resetDemo) {

    static final String DEFAULT_URL = ConnectionUrl.PREFIX;
    static final String HISTORY_FILE = ".s3inventory_history";

    /** Bad command line: Main prints the message and a hint, and exits with {@link Main#USAGE}. */
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
        return parse(args, Path.of(System.getProperty("user.home", ".")).resolve(HISTORY_FILE));
    }

    static CliOptions parse(String[] args, Path defaultHistory) throws UsageException {
        String url = null;
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> commands = new ArrayList<>();
        String file = null;
        Format format = Format.TABLE;
        boolean timing = false;
        boolean verbose = false;
        Path history = defaultHistory;
        boolean help = false;
        boolean version = false;
        String seedDemo = null;
        String demo = null;
        boolean resetDemo = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                inline = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "-h", "--help", "-?" -> help = true;
                case "--version" -> version = true;
                case "-v", "--verbose" -> verbose = true;
                case "--timing" -> timing = true;
                case "-u", "--url" -> url = inline != null ? inline : value(args, ++i, arg);
                case "--aws" -> { } // the default: the SDK's credentials and region (bin/s3inventory's switch off the demo)
                case "--region" -> properties.put("region", inline != null ? inline : value(args, ++i, arg));
                case "--profile" -> properties.put("profile", inline != null ? inline : value(args, ++i, arg));
                case "--endpoint" -> properties.put("endpoint", inline != null ? inline : value(args, ++i, arg));
                case "--path-style" -> properties.put("pathStyleAccess", "true");
                case "--read-only" -> properties.put("readOnly", "true");
                case "-p", "--property" -> property(properties, inline != null ? inline : value(args, ++i, arg));
                case "-e", "--execute" -> commands.add(inline != null ? inline : value(args, ++i, arg));
                case "-f", "--file" -> {
                    if (file != null) {
                        throw new UsageException("-f may be given only once");
                    }
                    file = inline != null ? inline : value(args, ++i, arg);
                }
                case "--format" -> format = Format.parse(inline != null ? inline : value(args, ++i, arg));
                case "--history" -> history = Path.of(inline != null ? inline : value(args, ++i, arg));
                case "--no-history" -> history = null;
                case "--seed-demo" -> seedDemo = inline != null ? inline : value(args, ++i, arg);
                case "--demo" -> demo = inline != null ? inline : value(args, ++i, arg);
                case "--reset-demo" -> resetDemo = true;
                default -> throw new UsageException(arg.startsWith("-") ? "unknown option '" + arg + "'"
                        : "unexpected argument '" + arg + "' (quote a statement and pass it with -e)");
            }
        }
        if (resetDemo && demo == null && seedDemo == null) {
            throw new UsageException("--reset-demo goes with --demo ENDPOINT or --seed-demo ENDPOINT "
                    + "(bin/s3inventory --reset-demo resets the LocalStack demo)");
        }
        if (demo != null && url != null) {
            throw new UsageException("use either --demo or --url, not both");
        }
        url = demo != null ? DemoMode.url(demo) : url == null ? DEFAULT_URL : url;
        if (!ConnectionUrl.isOurs(url)) {
            throw new UsageException("--url must start with " + DEFAULT_URL + " (got '" + ConnectionUrl.redact(url) + "')");
        }
        if (!commands.isEmpty() && file != null) {
            throw new UsageException("use either -e or -f, not both");
        }
        if (seedDemo != null && (!commands.isEmpty() || file != null)) {
            throw new UsageException("--seed-demo runs on its own; run statements in a second call");
        }
        // An endpoint override is LocalStack or an S3-compatible store, which want path-style requests
        // (bucket.127.0.0.1 does not resolve) unless the user says otherwise.
        if (properties.containsKey("endpoint") && !mentions(url, properties, "pathStyleAccess")) {
            properties.put("pathStyleAccess", "true");
        }
        return new CliOptions(ConnectionUrl.build(url, properties), List.copyOf(commands), file, format, timing,
                verbose, history, help, version, seedDemo, demo, resetDemo);
    }

    private static void property(Map<String, String> properties, String pair) throws UsageException {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("-p needs key=value (got '" + pair + "'), e.g. -p maxConcurrency=8");
        }
        properties.put(pair.substring(0, eq).strip(), pair.substring(eq + 1));
    }

    private static boolean mentions(String url, Map<String, String> properties, String key) {
        return properties.keySet().stream().anyMatch(key::equalsIgnoreCase)
                || url.toLowerCase(java.util.Locale.ROOT).matches(".*[?&]" + key.toLowerCase(java.util.Locale.ROOT) + "=.*");
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }
}
