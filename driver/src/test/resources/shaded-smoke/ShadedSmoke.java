import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;

/**
 * Run by ShadedJarIT in a fresh JVM whose class path is only the -all jar and this class: proves the
 * shaded jar works as a user's tool would load it — found by DriverManager through
 * META-INF/services (no Class.forName), with no other jar around and nothing printed on stderr.
 *
 * <p>Usage: {@code java ShadedSmoke <jdbc-url> <sql>}; prints each row tab-separated, NULL as \N.
 */
public final class ShadedSmoke {
    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0]);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(args[1])) {
            ResultSetMetaData meta = rs.getMetaData();
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    out.append(i > 1 ? "\t" : "").append(value == null ? "\\N" : value.toString());
                }
                out.append('\n');
            }
            System.out.print(out);
            System.out.flush();
        }
    }
}
