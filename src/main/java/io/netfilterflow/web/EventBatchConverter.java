package io.netfilterflow.web;

import java.io.IOException;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Writes an {@link EventBatch} straight from its buffer: no copy between the stream and the socket's buffer. */
final class EventBatchConverter extends AbstractHttpMessageConverter<EventBatch> {

    EventBatchConverter() {
        super(MediaType.ALL);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return EventBatch.class == type;
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected EventBatch readInternal(Class<? extends EventBatch> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("event batches are only written", input);
    }

    @Override
    protected void writeInternal(EventBatch batch, HttpOutputMessage output) throws IOException {
        batch.bytes().writeTo(output.getBody());
    }
}
