package dev.s3inventory.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the parser decides while a statement is prepared: the dialect's reach and its limits. */
class DialectRulesTest {

    private static Query query(String sql) throws SQLException {
        return ((SqlStatement.Select) SqlParser.parse(sql).statement()).query();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT SOUNDEX(id) FROM t",
        "SELECT id, ROW_NUMBER() OVER (ORDER BY id) FROM t",
        "SELECT a FROM t UNION SELECT a FROM u",
        "WITH x AS (SELECT 1) SELECT * FROM x",
        "SELECT a FROM t RIGHT JOIN u ON t.a = u.a",
        "SELECT a FROM t FULL JOIN u ON t.a = u.a",
        "SELECT a FROM t CROSS JOIN u",
        "SELECT a FROM t, u",
        "SELECT a FROM t JOIN u USING (a)",
        "SELECT a FROM t LIMIT 1 + 1",
        "SELECT TRY_CAST(a AS INT) FROM t",
        "SELECT CAST(a AS CHAR(5)) FROM t",
        "SELECT CAST(a AS DATE) FROM t",
        "SELECT TRIM(LEADING 'x' FROM a) FROM t",
        "SELECT CURRENT_TIMESTAMP FROM t",
        "SELECT s.f(a) FROM t",
        "SELECT a FROM t WHERE a = :name",
        "SELECT a FROM t FOR UPDATE",
        "SELECT TOP 5 a FROM t",
        "SELECT a FROM t GROUP BY ROLLUP (a)",
        "SELECT DISTINCT ON (a) a FROM t",
        "SELECT a FROM t WHERE (a, b) IN (SELECT a, b FROM u)",
        "SELECT E'x' FROM t",
    })
    void constructsOutsideTheDialectFailWith0A000NamingTheReference(String sql) {
        SQLFeatureNotSupportedException e = assertThrows(SQLFeatureNotSupportedException.class, () -> SqlParser.parse(sql),
                sql);
        assertEquals("0A000", e.getSQLState());
        assertTrue(e.getMessage().contains("docs/sql-reference.md"), e.getMessage());
    }

    @Test
    void unknownFunctionsAreNamedWithTheListOfFunctions() {
        SQLException e = assertThrows(SQLException.class, () -> SqlParser.parse("SELECT md5(id) FROM t"));
        assertTrue(e.getMessage().contains("md5") && e.getMessage().contains("COALESCE"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT a FROM t WHERE COUNT(*) > 1",
        "SELECT a FROM t GROUP BY COUNT(a)",
        "SELECT MAX(COUNT(a)) FROM t",
        "SELECT a FROM t JOIN u ON MIN(t.a) = u.a",
        "SELECT LOWER(a, b) FROM t",
        "SELECT SUBSTRING(a) FROM t",
        "SELECT COUNT(DISTINCT *) FROM t",
        "SELECT a FROM t LIMIT -1",
    })
    void misplacedAggregatesAndWrongArgumentCountsAreSyntaxErrors(String sql) {
        SQLSyntaxErrorException e = assertThrows(SQLSyntaxErrorException.class, () -> SqlParser.parse(sql), sql);
        assertEquals("42000", e.getSQLState());
    }

    @Test
    void inListFollowedByAndKeepsSqlPrecedence() throws SQLException {
        // JSqlParser 5.3 read "a IN (1, 2) AND b = 3" as "a IN ((1, 2) AND b = 3)"; 5.4 does not.
        Expr where = query("SELECT * FROM t WHERE a IN (1, 2) AND b = 3 OR c IN (?, ?) AND d = 4").where();
        Expr.Binary or = assertInstanceOf(Expr.Binary.class, where);
        assertEquals(Expr.BinaryOp.OR, or.op());
        Expr.Binary left = assertInstanceOf(Expr.Binary.class, or.left());
        assertEquals(Expr.BinaryOp.AND, left.op());
        assertInstanceOf(Expr.InList.class, left.left());
    }

    @Test
    void countAllCountsValuesNotRows() throws SQLException {
        Query.ExprItem item = (Query.ExprItem) query("SELECT COUNT(ALL a) FROM t").items().get(0);
        assertEquals(new Expr.Aggregate("COUNT", new Expr.ColumnRef(null, "a"), false), item.expr());
    }

    @Test
    void subqueriesOfEveryKindParse() throws SQLException {
        Query q = query("SELECT (SELECT COUNT(*) FROM u WHERE u.a = t.a) AS n FROM t WHERE a = ANY (SELECT a FROM u) "
                + "AND b > ALL (SELECT b FROM u) AND EXISTS (SELECT 1 FROM u) AND c NOT IN (SELECT c FROM u)");
        assertInstanceOf(Expr.ScalarSubquery.class, ((Query.ExprItem) q.items().get(0)).expr());
        assertEquals(4, ExprChildren.subqueries(q.where()).size());
    }

    @Test
    void derivedTablesKeepColumnAliasesAndParenthesizedQueriesTheirLimit() throws SQLException {
        Query q = query("SELECT x FROM (SELECT a, b FROM t) AS z (x, y)");
        Query.DerivedTable d = assertInstanceOf(Query.DerivedTable.class, q.from());
        assertEquals(List.of("x", "y"), d.columnAliases());
        Query limited = query("(SELECT a FROM t) ORDER BY a LIMIT 1");
        assertEquals(new Expr.Literal(1L), limited.limit());
        assertInstanceOf(Query.DerivedTable.class, limited.from());
    }

    @Test
    void castKeepsLengthAndScale() throws SQLException {
        Query q = query("SELECT CAST(a AS VARCHAR(3)), CAST(a AS DECIMAL(10, 2)), a::integer FROM t");
        assertEquals(3, ((Expr.Cast) ((Query.ExprItem) q.items().get(0)).expr()).maxLength());
        assertEquals(2, ((Expr.Cast) ((Query.ExprItem) q.items().get(1)).expr()).scale());
        assertInstanceOf(Expr.Cast.class, ((Query.ExprItem) q.items().get(2)).expr());
    }
}
