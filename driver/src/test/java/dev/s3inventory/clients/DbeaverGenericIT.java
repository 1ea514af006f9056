package dev.s3inventory.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3inventory.testing.ChildJvm;
import dev.s3inventory.testing.InventoryEstate;
import dev.s3inventory.testing.LocalStackEnvironment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.InventoryConfiguration;

/**
 * DBeaver's Generic driver call sequence ({@link DbeaverGenericScenario}) with the -all jar alone, as a
 * user-defined DBeaver driver has it; the grid edits are then read back through the AWS SDK.
 */
class DbeaverGenericIT {
    @TempDir
    Path temp;

    @Test
    void connectNavigateBrowsePageFilterCountAndEdit() throws Exception {
        InventoryEstate estate = InventoryEstate.seed("dbeaver", 6); // 0+1+2+3+0+1 = 7 configurations
        String editBucket = estate.buckets.get(4); // in eu-west-1, without configurations
        String url = "jdbc:s3inventory:?endpoint=" + LocalStackEnvironment.endpoint()
                + "&pathStyleAccess=true&region=us-east-1";
        ChildJvm.Outcome out = ChildJvm.run(temp, List.of(), List.of(), DbeaverGenericScenario.class.getName(), url,
                "test", "test", estate.prefix, "7", editBucket);
        assertTrue(out.stdout().contains("DBEAVER OK"), out.transcript());

        List<InventoryConfiguration> left = LocalStackEnvironment.sdk(estate.bucketRegions.get(4))
                .listBucketInventoryConfigurations(r -> r.bucket(editBucket)).inventoryConfigurationList();
        assertEquals(1, left.size(), "grid-kept stays, grid was deleted: " + left);
        InventoryConfiguration kept = left.get(0);
        assertEquals("grid-kept", kept.id());
        assertEquals(false, kept.isEnabled());
        assertEquals("ORC", kept.destination().s3BucketDestination().formatAsString());
        assertEquals(null, kept.filter() == null ? null : kept.filter().prefix(), "filter prefix set to NULL");
    }
}
