package com.interactionledger.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Where strings lie in files, byte for byte: what a database wrote to disk (its pages, old row versions and log
 * included), searched for the UTF-8 bytes of known strings. Used by the erasure drills: after an erasure none of
 * the customer's texts may be found, while a string that must be there (a non-personal value of the same rows) is.
 * The files are read whole: the drills keep their texts short so that no database compresses them (PostgreSQL
 * compresses a value only past about 2 kB).
 */
public final class BytesOnDisk {

    /** Every string, with the files (by name) that hold it; a string found nowhere has an empty list. */
    private final Map<String, List<String>> found = new LinkedHashMap<>();
    private long files;
    private long bytes;

    public BytesOnDisk(Collection<String> strings) {
        strings.forEach(string -> found.put(string, new ArrayList<>()));
    }

    /** Searches every regular file under these directories (or these files). */
    public BytesOnDisk searchUnder(Collection<Path> roots) {
        return searchUnder(roots, file -> true);
    }

    /** Searches the regular files under these directories (or these files) that {@code which} accepts. */
    public BytesOnDisk searchUnder(Collection<Path> roots, Predicate<Path> which) {
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).filter(which).toList()) {
                    byte[] content;
                    try {
                        content = Files.readAllBytes(file);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        continue; // a WAL segment recycled or a temporary file removed while we looked
                    }
                    search(file.toString(), content);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + root, e);
            }
        }
        return this;
    }

    /** Searches one file's content (read some other way, e.g. through the database server). */
    public void search(String name, byte[] content) {
        files++;
        bytes += content.length;
        // ISO-8859-1 maps each byte to one char, so String.indexOf finds the UTF-8 bytes of the string (and is fast).
        String haystack = new String(content, StandardCharsets.ISO_8859_1);
        found.forEach((string, where) -> {
            if (haystack.contains(new String(string.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
                where.add(name);
            }
        });
    }

    /** The files holding this string (one of those searched for). */
    public List<String> filesHolding(String string) {
        return found.get(string);
    }

    /** Those of these strings that were found, each with the files holding it: empty when none was. */
    public Map<String, List<String>> holding(Collection<String> strings) {
        Map<String, List<String>> holding = new LinkedHashMap<>();
        strings.forEach(string -> {
            if (!found.get(string).isEmpty()) {
                holding.put(string, found.get(string));
            }
        });
        return holding;
    }

    public long files() {
        return files;
    }

    public long bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return files + " files, " + bytes + " bytes";
    }
}
