package dev.s3inventory.s3;

import java.util.ArrayList;
import java.util.List;

/**
 * The last guard of the secrets rule for failures: S3's own error documents are quoted in messages
 * (and kept as causes), and a server may echo what it received — S3 itself echoes the session token
 * in the canonical request of SignatureDoesNotMatch; a careless S3-compatible store may put it in the
 * message. A failure whose chain shows a secret is rebuilt with the secret masked, in every message
 * of the chain; the stack traces are kept.
 */
final class SecretScrubber {
    private static final String MASK = "***";
    private final List<String> secrets = new ArrayList<>();

    SecretScrubber(S3Settings settings) {
        for (String s : new String[] {settings.secretAccessKey(), settings.sessionToken()}) {
            if (s != null && s.length() >= 4) {
                secrets.add(s);
            }
        }
    }

    S3CallException scrub(S3CallException e) {
        if (secrets.isEmpty() || !shows(e)) {
            return e;
        }
        S3CallException clean = new S3CallException(mask(e.getMessage()), e.getSQLState(), e.awsErrorCode(), e.bucket(),
                maskedCopy(e.getCause(), 0));
        clean.setStackTrace(e.getStackTrace());
        return clean;
    }

    private boolean shows(Throwable t) {
        for (int depth = 0; t != null && depth < 30; t = t.getCause(), depth++) {
            if (contains(String.valueOf(t.getMessage()))) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (shows(s)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private boolean contains(String text) {
        return secrets.stream().anyMatch(text::contains);
    }

    private String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return out;
    }

    /** A stand-in for each throwable of the chain: its class named in the message, the message masked. */
    private Throwable maskedCopy(Throwable t, int depth) {
        if (t == null || depth > 30) {
            return null;
        }
        Throwable copy = new MaskedCause(t.getClass().getName() + ": " + mask(t.getMessage()),
                t.getCause() == t ? null : maskedCopy(t.getCause(), depth + 1));
        copy.setStackTrace(t.getStackTrace());
        for (Throwable s : t.getSuppressed()) {
            copy.addSuppressed(maskedCopy(s, depth + 1));
        }
        return copy;
    }

    /** What remains of a cause whose message showed a secret. */
    static final class MaskedCause extends Exception {
        private static final long serialVersionUID = 1L;

        MaskedCause(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
