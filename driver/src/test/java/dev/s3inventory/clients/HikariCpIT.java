package dev.s3inventory.clients;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.testing.ChildJvm;
import dev.s3inventory.testing.InventoryEstate;
import dev.s3inventory.testing.LocalStackEnvironment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HikariCP keeps its physical connections under normal use ({@link HikariScenario}), with the -all jar alone. */
class HikariCpIT {
    @TempDir
    Path temp;

    @Test
    void poolKeepsItsPhysicalConnectionsUnderRepeatedUse() throws Exception {
        InventoryEstate estate = InventoryEstate.seed("hikari", 4); // 0+1+2+3 configurations
        ChildJvm.Outcome out = ChildJvm.run(temp, List.of("HikariCP-", "slf4j-api-", "slf4j-nop-"), List.of(),
                HikariScenario.class.getName(), LocalStackEnvironment.jdbcUrl(null), estate.prefix, "6");
        assertTrue(out.stdout().contains("HIKARI OK"), out.transcript());
    }
}
