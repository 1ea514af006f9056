package dev.s3inventory.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;

class SqlParserTest {

    @Test
    void countsParametersInTextOrderIncludingLimitAndOffset() throws SQLException {
        SqlParser.Parsed p = SqlParser.parse("SELECT * FROM t WHERE a = ? AND b IN (?, ?) LIMIT ? OFFSET ?");
        assertEquals(5, p.parameterCount());
        Query q = ((SqlStatement.Select) p.statement()).query();
        assertEquals(new Expr.Param(3), q.limit());
        assertEquals(new Expr.Param(4), q.offset());
    }

    @Test
    void syntaxErrorsGive42000WithLineAndColumn() {
        SQLSyntaxErrorException e = assertThrows(SQLSyntaxErrorException.class,
                () -> SqlParser.parse("SELECT *\nFROM t WHERE"));
        assertEquals("42000", e.getSQLState());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void constructsOutsideTheDialectGive0A000NamingThem() {
        SQLFeatureNotSupportedException union = assertThrows(SQLFeatureNotSupportedException.class,
                () -> SqlParser.parse("SELECT a FROM t UNION SELECT a FROM u"));
        assertEquals("0A000", union.getSQLState());
        assertTrue(union.getMessage().contains("UNION"), union.getMessage());
        assertEquals("0A000", assertThrows(SQLException.class,
                () -> SqlParser.parse("SELECT a FROM t RIGHT JOIN u ON t.a = u.a")).getSQLState());
    }

    @Test
    void dbeaverShapesParse() throws SQLException {
        Query q = ((SqlStatement.Select) SqlParser.parse("SELECT * FROM s3.bucket_inventory_configurations\n"
                + "WHERE (bucket = 'my-bucket') AND (is_enabled = true) AND (id LIKE '%daily%')\nORDER BY id DESC,2")
                .statement()).query();
        Query.TableRef t = assertInstanceOf(Query.TableRef.class, q.from());
        assertEquals("s3", t.schema());
        assertEquals(2, q.orderBy().size());
        assertEquals(new Expr.Literal(2L), q.orderBy().get(1).expr());
    }

    @Test
    void quotedThreePartNamesAndTrailingSemicolons() throws SQLException {
        Query q = ((SqlStatement.Select) SqlParser.parse("SELECT \"id\" FROM \"aws\".\"s3\".\"buckets\" b;;")
                .statement()).query();
        Query.TableRef t = (Query.TableRef) q.from();
        assertEquals("aws", t.catalog());
        assertEquals("s3", t.schema());
        assertEquals("buckets", t.name());
        assertEquals("b", t.alias());
    }

    @Test
    void jdbcEscapesBecomeOurFunctions() throws SQLException {
        Query q = ((SqlStatement.Select) SqlParser.parse("SELECT {fn UCASE(id)} FROM t").statement()).query();
        Query.ExprItem item = (Query.ExprItem) q.items().get(0);
        assertEquals(new Expr.Function("UPPER", java.util.List.of(new Expr.ColumnRef(null, "id"))), item.expr());
    }

    @Test
    void syntaxErrorsSayWhereAndWhatNotTheGrammar() {
        String[][] cases = {
            {"SELEKT 1", "line 1, column 1 near 'SELEKT'"},
            {"SELECT 1 +", "line 1, column 10 near the end of the statement"},
            {"SELECT a\nFROM b c d", "line 2, column 10 near 'd'"},
        };
        for (String[] c : cases) {
            SQLSyntaxErrorException e = assertThrows(SQLSyntaxErrorException.class, () -> SqlParser.parse(c[0]));
            assertEquals("42000", e.getSQLState());
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
            assertTrue(!e.getMessage().contains("<K_") && !e.getMessage().contains("expansion"), e.getMessage());
        }
    }

    @Test
    void emptyStatementIsASyntaxError() {
        assertEquals("42000", assertThrows(SQLException.class, () -> SqlParser.parse("  ")).getSQLState());
    }
}
