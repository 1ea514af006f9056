package dev.s3inventory.clients;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.testing.ChildJvm;
import dev.s3inventory.testing.ExpectedRows;
import dev.s3inventory.testing.InventoryEstate;
import dev.s3inventory.testing.LocalStackEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jOOQ's meta() and DSL queries ({@link JooqScenario}), with the -all jar alone. */
class JooqIT {
    @TempDir
    Path temp;

    @Test
    void metaSeesBothTablesAndDslQueriesPageWithBindValues() throws Exception {
        InventoryEstate estate = InventoryEstate.seed("jooq", 4); // 0+1+2+3 configurations
        List<String> args = new ArrayList<>(List.of(LocalStackEnvironment.jdbcUrl(null), estate.prefix));
        for (List<Object> row : ExpectedRows.inventory(estate.prefix)) {
            args.add(row.get(0) + "/" + row.get(1));
        }
        ChildJvm.Outcome out = ChildJvm.run(temp, List.of("jooq-", "r2dbc-spi-", "reactive-streams-"),
                List.of("-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true"), JooqScenario.class.getName(),
                args.toArray(new String[0]));
        assertTrue(out.stdout().contains("JOOQ OK"), out.transcript());
    }
}
