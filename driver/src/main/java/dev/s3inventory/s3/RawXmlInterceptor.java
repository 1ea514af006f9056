package dev.s3inventory.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Lets a request carry a {@link RawXml} slot: the response body is captured into it, and a request
 * body given in it replaces what the SDK marshalled. This is how UPDATE keeps configuration fields
 * the SDK does not model (its unmarshaller would drop them): read the XML as S3 sent it, patch only
 * the named elements, write that XML back. Requests without the slot are untouched.
 */
final class RawXmlInterceptor implements ExecutionInterceptor {
    static final ExecutionAttribute<RawXml> SLOT = new ExecutionAttribute<>("s3inventory.rawXml");

    /** The raw documents of one request. */
    static final class RawXml {
        private final byte[] requestBody;
        private volatile String responseBody;

        RawXml(String requestBody) {
            this.requestBody = requestBody == null ? null : requestBody.getBytes(StandardCharsets.UTF_8);
        }

        String responseBody() {
            return responseBody;
        }
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        RawXml slot = attributes.getAttribute(SLOT);
        if (slot == null || slot.requestBody == null) {
            return context.httpRequest();
        }
        return context.httpRequest().toBuilder()
                .putHeader("Content-Length", String.valueOf(slot.requestBody.length))
                .build();
    }

    @Override
    public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        RawXml slot = attributes.getAttribute(SLOT);
        if (slot == null || slot.requestBody == null) {
            return context.requestBody();
        }
        return Optional.of(RequestBody.fromBytes(slot.requestBody));
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        RawXml slot = attributes.getAttribute(SLOT);
        if (slot == null || context.responseBody().isEmpty() || !context.httpResponse().isSuccessful()) {
            return context.responseBody();
        }
        try (InputStream in = context.responseBody().get()) {
            byte[] body = in.readAllBytes();
            slot.responseBody = new String(body, StandardCharsets.UTF_8);
            return Optional.of(new ByteArrayInputStream(body));
        } catch (IOException e) {
            // As the SDK reports a failed read (an I/O cause), so that its retry conditions apply.
            throw SdkClientException.create("Unable to read the response body: " + e.getMessage(), e);
        }
    }
}
