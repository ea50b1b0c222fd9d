package com.interactionledger.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and the pages under docs/ link to each other and to sections of each other; the reference material
 * moves between pages as the project grows, so a link can silently start pointing at nothing. This test follows
 * every relative link (inline {@code [text](target)} and reference definitions {@code [id]: target}) outside code
 * and requires that its file exists and, when it names an anchor, that the file is Markdown with a heading (or an
 * explicit {@code <a id>}) giving that anchor as GitHub computes it. Links with a scheme (https:, http:, mailto:)
 * are not followed.
 */
class DocumentLinksTest {

    /** The repository's root, from the module's directory, where the tests run. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern INLINE_CODE = Pattern.compile("(`+).+?\\1");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern EXPLICIT_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Pattern LINK_IN_HEADING = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsResolves() {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        pages.add(ROOT.resolve("CONTRIBUTING.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(pages).as("README.md and the pages under docs/").hasSizeGreaterThan(5);

        Links links = new Links(ROOT);
        pages.forEach(links::check);

        // A parser that stopped finding links would pass vacuously: the README alone links every docs page.
        assertThat(links.followed).as("relative links followed").isGreaterThan(pages.size());
        assertThat(links.broken).as("broken relative links (page:line: target: why)").isEmpty();
    }

    /** The check itself: a missing file, a missing heading and an anchor into a non-Markdown file are reported. */
    @Test
    void aLinkToAMissingFileOrHeadingIsReportedWithItsPageAndLine(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("notes.txt"), "plain text");
        Files.writeString(root.resolve("OTHER.md"), """
                # Other page

                ## The session's states

                ## Storage: `ledger_chain` and digests

                ## Storage: `ledger_chain` and digests
                """);
        Path page = root.resolve("PAGE.md");
        Files.writeString(page, """
                # Page — with a dash

                [good](OTHER.md#the-sessions-states) [good](OTHER.md#storage-ledger_chain-and-digests-1)
                [good](#page--with-a-dash) [good](notes.txt) [good](https://example.org/nowhere)
                `[in code](MISSING.md)`
                ```
                [in a fence](MISSING.md)
                ```
                [missing file](MISSING.md)
                [missing heading](OTHER.md#no-such-heading)
                [anchor into text](notes.txt#top)

                [reference]: OTHER.md#storage-ledger_chain-and-digests-2
                """);

        Links links = new Links(root);
        links.check(page);

        assertThat(links.followed).isEqualTo(8);
        assertThat(links.broken).containsExactly(
                "PAGE.md:9: MISSING.md: no such file",
                "PAGE.md:10: OTHER.md#no-such-heading: no such heading in OTHER.md",
                "PAGE.md:11: notes.txt#top: an anchor into a file that is not Markdown",
                "PAGE.md:13: OTHER.md#storage-ledger_chain-and-digests-2: no such heading in OTHER.md");
    }

    /** Follows the links of pages under one root, remembering the anchors of every Markdown file it reads. */
    private static final class Links {

        private final Path root;
        private final Map<Path, Set<String>> anchors = new HashMap<>();
        private final List<String> broken = new ArrayList<>();
        private int followed;

        Links(Path root) {
            this.root = root;
        }

        void check(Path page) {
            List<String> lines = outsideCode(read(page));
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                List<String> targets = new ArrayList<>();
                Matcher inline = INLINE_LINK.matcher(line);
                while (inline.find()) {
                    targets.add(inline.group(1));
                }
                Matcher reference = REFERENCE_DEFINITION.matcher(line);
                if (reference.find()) {
                    targets.add(reference.group(1));
                }
                for (String target : targets) {
                    if (!SCHEME.matcher(target).find()) {
                        followed++;
                        String problem = problem(page, target);
                        if (problem != null) {
                            broken.add(root.relativize(page) + ":" + (i + 1) + ": " + target + ": " + problem);
                        }
                    }
                }
            }
        }

        /** Why the link does not resolve, or null when it does. */
        private String problem(Path page, String target) {
            int hash = target.indexOf('#');
            String file = hash < 0 ? target : target.substring(0, hash);
            String anchor = hash < 0 ? "" : target.substring(hash + 1);
            Path destination = file.isEmpty() ? page
                    : file.startsWith("/") ? root.resolve(file.substring(1)).normalize()
                    : page.getParent().resolve(file).normalize();
            if (!Files.exists(destination)) {
                return "no such file";
            }
            if (anchor.isEmpty()) {
                return null;
            }
            if (!destination.toString().endsWith(".md")) {
                return "an anchor into a file that is not Markdown";
            }
            return anchorsOf(destination).contains(anchor) ? null
                    : "no such heading in " + root.relativize(destination);
        }

        /** The anchors GitHub gives a page: one per heading (a repeated one numbered -1, -2...), and explicit ones. */
        private Set<String> anchorsOf(Path page) {
            return anchors.computeIfAbsent(page, path -> {
                Set<String> found = new HashSet<>();
                Map<String, Integer> seen = new HashMap<>();
                for (String line : outsideFences(read(path))) {
                    Matcher heading = HEADING.matcher(line);
                    if (heading.matches()) {
                        String slug = slug(heading.group(1));
                        int before = seen.merge(slug, 1, Integer::sum) - 1;
                        found.add(before == 0 ? slug : slug + "-" + before);
                    }
                    Matcher explicit = EXPLICIT_ANCHOR.matcher(line);
                    while (explicit.find()) {
                        found.add(explicit.group(1));
                    }
                }
                return found;
            });
        }

        private static String read(Path page) {
            try {
                return Files.readString(page, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * GitHub's anchor for a heading: its text as shown (a link's text, code without backticks), lower-cased, with
     * everything but letters, digits, marks, underscores, hyphens and spaces dropped, and each space a hyphen.
     */
    static String slug(String heading) {
        String text = LINK_IN_HEADING.matcher(heading).replaceAll("$1").replace("`", "").toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    /** The page's lines with fenced blocks blanked out (line numbers kept), as headings and links are read. */
    private static List<String> outsideFences(String page) {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : page.split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                fenced = !fenced;
                lines.add("");
            } else {
                lines.add(fenced ? "" : line);
            }
        }
        return lines;
    }

    /** As {@link #outsideFences}, with inline code removed too: a link written in code is an example, not a link. */
    private static List<String> outsideCode(String page) {
        return outsideFences(page).stream().map(line -> INLINE_CODE.matcher(line).replaceAll("")).toList();
    }
}
