package dev.s3inventory.jdbc;

import dev.s3inventory.Errors;
import java.sql.SQLException;

/** {@code java.sql.Wrapper} for every JDBC object of the driver: none wraps anything but itself. */
final class Wrappers {
    private Wrappers() {
    }

    static boolean isWrapperFor(Object self, Class<?> iface) {
        return iface != null && iface.isInstance(self);
    }

    /** @param what the interface name for the message, e.g. "ResultSet" */
    static <T> T unwrap(Object self, Class<T> iface, String what) throws SQLException {
        if (isWrapperFor(self, iface)) {
            return iface.cast(self);
        }
        throw Errors.unsupportedJdbc(what + ".unwrap(" + (iface == null ? "null" : iface.getName()) + ")");
    }
}
