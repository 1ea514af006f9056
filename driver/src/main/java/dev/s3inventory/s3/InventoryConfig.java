package dev.s3inventory.s3;

import java.util.List;

/**
 * One inventory configuration of one bucket, flattened, plus the whole configuration as JSON in
 * the AWS CLI shape. Enum-like fields carry the API's spelling and pass unknown values through.
 */
public record InventoryConfig(
        String bucket,
        String region,
        String id,
        boolean enabled,
        String includedObjectVersions,
        String scheduleFrequency,
        String filterPrefix,
        String destinationBucketArn,
        String destinationAccountId,
        String destinationFormat,
        String destinationPrefix,
        String destinationEncryption,
        String destinationKmsKeyId,
        List<String> optionalFields,
        String json) {

    public InventoryConfig {
        optionalFields = List.copyOf(optionalFields);
    }
}
