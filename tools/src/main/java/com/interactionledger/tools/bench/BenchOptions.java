package com.interactionledger.tools.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmarks' and the fault drills' command-line options: {@code --name value} pairs. */
public final class BenchOptions {

    private final Map<String, String> values = new LinkedHashMap<>();

    public BenchOptions(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
    }

    public String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    public String get(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    /** Options named {@code --app.NAME VALUE}, as the service's own arguments {@code --NAME=VALUE}. */
    public List<String> passThrough() {
        return values.entrySet().stream().filter(option -> option.getKey().startsWith("app."))
                .map(option -> "--" + option.getKey().substring(4) + "=" + option.getValue()).toList();
    }
}
