package io.netfilterflow.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.support.HostTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the real {@code nft} lists after loading a ruleset with {@code nft -f} in a throw-away namespace. */
record NftListings(String plain, String handles) {

    /** {@code nft list ruleset} and {@code nft -a list ruleset} after the load; the test is skipped without nft. */
    static NftListings afterLoading(String ruleset) throws IOException {
        HostTools.requireNamespaceWith("nft");
        Path file = Files.createTempFile("ruleset", ".nft");
        try {
            Files.writeString(file, ruleset);
            HostTools.Result plain = HostTools.run("nft -f '" + file + "' && nft list ruleset");
            HostTools.Result handles = HostTools.run("nft -f '" + file + "' && nft -a list ruleset");
            assertThat(plain.exitCode()).as(plain.output()).isZero();
            assertThat(handles.exitCode()).as(handles.output()).isZero();
            return new NftListings(plain.output(), handles.output());
        } finally {
            Files.delete(file);
        }
    }
}
