package dev.s3inventory.cli;

/** What running a command or script came to; decides whether the shell goes on and its exit status. */
enum Outcome {
    OK,
    FAILED,
    /** {@code \q}, {@code quit} or {@code exit}: stop reading. */
    QUIT
}
