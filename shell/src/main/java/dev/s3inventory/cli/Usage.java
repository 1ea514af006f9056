package dev.s3inventory.cli;

/** The text of {@code --help}; README's shell section documents the same options. */
final class Usage {
    private Usage() {
    }

    static String text() {
        return String.join(System.lineSeparator(),
                "Usage: java -jar s3inventory-shell-<version>-all.jar [options]",
                "",
                "An SQL shell over Amazon S3 bucket inventory configurations: tables aws.s3.buckets and",
                "aws.s3.bucket_inventory_configurations. Without -e or -f it reads statements (ending with ';')",
                "from the terminal with line editing, history and TAB completion, or from standard input.",
                "",
                "Connection (default: your AWS account through the SDK's default credentials and region):",
                "  --url URL             jdbc:s3inventory:[?key=value&...] (every property in the README)",
                "  --aws                 your AWS account: the default, spelled out",
                "  --region REGION       default region (ListBuckets, new clients)",
                "  --profile NAME        named profile from ~/.aws/config (SSO profiles too)",
                "  --endpoint URL        S3 endpoint override (LocalStack, S3-compatible); implies --path-style",
                "  --path-style          path-style requests",
                "  --read-only           refuse every write",
                "  -p, --property K=V    any other connection property, repeatable: -p maxConcurrency=8",
                "                        (flags win over the same key in --url)",
                "Statements:",
                "  -e, --execute SQL     run SQL (';'-separated statements or a \\ command) and exit; repeatable",
                "  -f, --file FILE       run the statements of FILE ('-' = standard input) and exit",
                "                        (-e and -f stop at the first failure)",
                "Output:",
                "  --format FORMAT       " + Format.choices() + " (default table); csv, tsv,",
                "                        json and markdown write only data to standard output",
                "  --timing              print each statement's time on standard error",
                "  -v, --verbose         print stack traces with errors",
                "Shell:",
                "  --history FILE        history file (default ~/" + CliOptions.HISTORY_FILE + ")",
                "  --no-history          keep no history",
                "Demo (bin/s3inventory runs it on LocalStack by default):",
                "  --demo ENDPOINT       seed the demo estate on a LocalStack endpoint and connect to it",
                "  --seed-demo ENDPOINT  create the demo estate on a LocalStack endpoint and exit",
                "  --reset-demo          with --demo or --seed-demo: remove the demo estate and every change",
                "                        made to it, then seed it afresh",
                "Other:",
                "  --version             print the version and exit",
                "  -h, --help            show this help",
                "",
                "In the shell: \\? lists the commands (\\d, \\d TABLE, \\format, \\timing, \\i FILE, \\q ...).",
                "A progress line (buckets done/total, elapsed) appears on standard error while a statement",
                "scans many buckets, only when standard error is a terminal.",
                "",
                "Exit status:",
                "  0    success",
                "  1    a statement or command failed (-e/-f: the first failure stops; a pipe runs to the end)",
                "  2    bad usage: unknown option, bad value, unreadable -f file",
                "  3    no connection: endpoint unreachable or malformed URL (08001), bad credentials (28000),",
                "       unknown or bad URL property (22023)",
                "  130  interrupted (Ctrl-C)");
    }
}
