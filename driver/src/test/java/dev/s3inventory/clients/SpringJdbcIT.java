package dev.s3inventory.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.testing.ChildJvm;
import dev.s3inventory.testing.InventoryEstate;
import dev.s3inventory.testing.LocalStackEnvironment;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spring JDBC ({@link SpringJdbcScenario}) with the -all jar alone, in a JVM whose default zone is not UTC. */
class SpringJdbcIT {
    @TempDir
    Path temp;

    @Test
    void jdbcTemplateQueriesWritesAndTranslatesExceptions() throws Exception {
        InventoryEstate estate = InventoryEstate.seed("spring", 2); // bucket 0: none, bucket 1: daily-csv
        String empty = estate.buckets.get(0);
        Instant created = LocalStackEnvironment.sdk("us-east-1").listBuckets(r -> r.prefix(empty)).buckets().get(0)
                .creationDate();
        ChildJvm.Outcome out = ChildJvm.run(temp, List.of("spring-"), List.of("-Duser.timezone=America/Los_Angeles"),
                SpringJdbcScenario.class.getName(), LocalStackEnvironment.jdbcUrl(null), empty, estate.buckets.get(1),
                created.toString());
        assertTrue(out.stdout().contains("SPRING OK"), out.transcript());
        assertEquals(0, LocalStackEnvironment.sdk("us-east-1").listBucketInventoryConfigurations(r -> r.bucket(empty))
                .inventoryConfigurationList().size(), "the scenario cleans up after itself");
    }
}
