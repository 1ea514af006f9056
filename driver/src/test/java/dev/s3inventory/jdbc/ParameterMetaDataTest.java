package dev.s3inventory.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.schema.SqlType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** S3InventoryParameterMetaData: inferred types, VARCHAR for unknown ones, and 07009 for bad indexes. */
class ParameterMetaDataTest {
    private final S3InventoryParameterMetaData md = new S3InventoryParameterMetaData(Arrays.asList(
            SqlType.INTEGER, SqlType.NULL, SqlType.VARCHAR, SqlType.DECIMAL, SqlType.TIMESTAMP, SqlType.BOOLEAN, null));

    @Test
    void reportsInferredTypes() throws SQLException {
        assertEquals(7, md.getParameterCount());

        assertEquals(Types.INTEGER, md.getParameterType(1));
        assertEquals("INTEGER", md.getParameterTypeName(1));
        assertEquals("java.lang.Integer", md.getParameterClassName(1));
        assertEquals(10, md.getPrecision(1));
        assertEquals(0, md.getScale(1));
        assertTrue(md.isSigned(1));

        assertEquals(Types.VARCHAR, md.getParameterType(3));
        assertEquals("java.lang.String", md.getParameterClassName(3));
        assertFalse(md.isSigned(3));

        assertEquals(Types.DECIMAL, md.getParameterType(4));
        assertEquals("java.math.BigDecimal", md.getParameterClassName(4));
        assertEquals(38, md.getPrecision(4));
        assertEquals(10, md.getScale(4));

        assertEquals(Types.TIMESTAMP, md.getParameterType(5));
        assertEquals("TIMESTAMP", md.getParameterTypeName(5));
        assertEquals("java.sql.Timestamp", md.getParameterClassName(5));

        assertEquals(Types.BOOLEAN, md.getParameterType(6));
        assertEquals("java.lang.Boolean", md.getParameterClassName(6));
    }

    @Test
    void unknownTypesAreReportedAsVarchar() throws SQLException {
        for (int p : new int[] {2, 7}) {
            assertEquals(Types.VARCHAR, md.getParameterType(p));
            assertEquals("VARCHAR", md.getParameterTypeName(p));
            assertEquals("java.lang.String", md.getParameterClassName(p));
            assertEquals(Integer.MAX_VALUE, md.getPrecision(p));
            assertFalse(md.isSigned(p));
        }
    }

    @Test
    void nullabilityAndModeAreFixed() throws SQLException {
        for (int p = 1; p <= md.getParameterCount(); p++) {
            assertEquals(ParameterMetaData.parameterNullableUnknown, md.isNullable(p));
            assertEquals(ParameterMetaData.parameterModeIn, md.getParameterMode(p));
        }
    }

    @Test
    void everyIndexedMethodAnswersForValidIndexesAndSays07009Otherwise() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Method m : ParameterMetaData.class.getMethods()) {
            if (m.getParameterCount() != 1 || m.getParameterTypes()[0] != int.class) {
                continue;
            }
            checked++;
            for (int p = 1; p <= md.getParameterCount(); p++) {
                try {
                    m.invoke(md, p);
                } catch (InvocationTargetException e) {
                    wrong.add(m.getName() + "(" + p + ") threw " + e.getCause());
                }
            }
            for (int bad : new int[] {0, -1, md.getParameterCount() + 1, Integer.MIN_VALUE}) {
                try {
                    m.invoke(md, bad);
                    wrong.add(m.getName() + "(" + bad + ") returned normally");
                } catch (InvocationTargetException e) {
                    if (!(e.getCause() instanceof SQLException sql) || !"07009".equals(sql.getSQLState())) {
                        wrong.add(m.getName() + "(" + bad + ") threw " + e.getCause());
                    }
                }
            }
        }
        assertEquals(8, checked);
        assertEquals(List.of(), wrong);
    }

    @Test
    void noParameters() throws SQLException {
        S3InventoryParameterMetaData none = new S3InventoryParameterMetaData(List.of());
        assertEquals(0, none.getParameterCount());
        assertEquals("07009", assertThrows(SQLException.class, () -> none.getParameterType(1)).getSQLState());
    }

    @Test
    void wrapper() throws SQLException {
        assertTrue(md.isWrapperFor(ParameterMetaData.class));
        assertFalse(md.isWrapperFor(String.class));
        assertSame(md, md.unwrap(ParameterMetaData.class));
        assertThrows(SQLFeatureNotSupportedException.class, () -> md.unwrap(String.class));
    }
}
