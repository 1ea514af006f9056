package dev.s3inventory.s3;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Logs every S3 call at DEBUG, once, when it ends: operation, bucket, configuration id, region,
 * outcome, time, and the status of each attempt when the SDK retried. Only names and codes are
 * logged, never headers, bodies or SDK messages, so nothing secret can reach a log line. Costs
 * nothing when DEBUG is off for {@code dev.s3inventory.s3.S3CallLog}.
 */
final class S3CallLog implements ExecutionInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(S3CallLog.class);
    private static final ExecutionAttribute<Call> CALL = new ExecutionAttribute<>("s3inventory.callLog");

    /** What one call did so far; the SDK runs a call's hooks one after another, never concurrently. */
    private static final class Call {
        final long startNanos = System.nanoTime();
        final List<String> attempts = new ArrayList<>();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (LOG.isDebugEnabled()) {
            attributes.putAttribute(CALL, new Call());
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        if (call != null) {
            call.attempts.add("no answer"); // replaced by the status once one arrives
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        if (call != null && !call.attempts.isEmpty()) {
            call.attempts.set(call.attempts.size() - 1, String.valueOf(context.httpResponse().statusCode()));
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        if (call != null) {
            LOG.debug("S3 {}: {} in {} ms{}", describe(context.request(), attributes),
                    context.httpResponse().statusCode(), millis(call), attempts(call));
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        if (call != null) {
            Throwable e = context.exception();
            String outcome = e instanceof AwsServiceException s && s.awsErrorDetails() != null
                    ? s.awsErrorDetails().errorCode() + " (HTTP " + s.statusCode() + ")" : e.getClass().getSimpleName();
            LOG.debug("S3 {}: failed with {} in {} ms{}", describe(context.request(), attributes), outcome, millis(call),
                    attempts(call));
        }
    }

    private static String describe(SdkRequest request, ExecutionAttributes attributes) {
        StringBuilder sb = new StringBuilder(String.valueOf(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)));
        request.getValueForField("Bucket", String.class).ifPresent(b -> sb.append(" bucket=").append(b));
        request.getValueForField("Id", String.class).ifPresent(id -> sb.append(" id=").append(id));
        var region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        if (region != null) {
            sb.append(" region=").append(region.id());
        }
        return sb.toString();
    }

    private static long millis(Call call) {
        return (System.nanoTime() - call.startNanos) / 1_000_000;
    }

    private static String attempts(Call call) {
        return call.attempts.size() <= 1 ? "" : " after " + call.attempts.size() + " attempts " + call.attempts;
    }
}
