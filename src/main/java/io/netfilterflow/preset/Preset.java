package io.netfilterflow.preset;

/** A scenario shipped with the app: its id (the file name), title and the first sentence of its notes. */
public record Preset(String id, String title, String summary) {
}
