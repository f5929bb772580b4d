package io.netfilterflow.web;

import java.io.ByteArrayOutputStream;

/** Whole server-sent events, ready to write from their buffer. */
record EventBatch(ByteArrayOutputStream bytes) {
}
