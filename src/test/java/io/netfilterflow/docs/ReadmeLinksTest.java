package io.netfilterflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A clone is all a reader has: the README's links stay inside the repository and lead somewhere. */
class ReadmeLinksTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkOfTheReadmeIsAFileOfTheRepository() throws IOException {
        List<String> links = links(Files.readString(REPOSITORY.resolve("README.md")));

        assertThat(links).as("the scenario format").contains("docs/scenario-format.md");
        assertThat(links).noneMatch(link -> link.contains("../"));
        for (String link : links) {
            if (link.startsWith("#") || link.matches("[a-z]+:.*")) {
                continue;
            }
            Path target = REPOSITORY.resolve(link.replaceFirst("#.*", "")).normalize();
            assertThat(target).as(link).startsWith(REPOSITORY).exists();
        }
    }

    private static List<String> links(String markdown) {
        List<String> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(markdown);
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        return links;
    }
}
