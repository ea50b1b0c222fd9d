package com.interactionledger.ledger.sealing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.interactionledger.contracts.privacy.PersonalData;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a record's personal data sits in its JSON: the {@link PersonalData} components, followed into nested records
 * and lists of records. Worked out once per class by reflection on the record's components.
 */
final class PersonalFields {

    /** A JSON property of the record: personal text itself, or a nested record (or list of them) holding some. */
    record Field(String name, boolean text, boolean list, PersonalFields nested) {
    }

    private static final Map<Class<?>, PersonalFields> BY_CLASS = new ConcurrentHashMap<>();
    private static final PersonalFields NONE = new PersonalFields(List.of());

    private final List<Field> fields;

    private PersonalFields(List<Field> fields) {
        this.fields = fields;
    }

    static PersonalFields of(Class<?> type) {
        // Not computeIfAbsent: analysing a record analyses its nested records, and a ConcurrentHashMap must not be
        // updated from inside its own computeIfAbsent ("Recursive update" when the keys share a bin). Two threads
        // may analyse the same class at once; they find the same fields, and the first stored wins.
        PersonalFields known = BY_CLASS.get(type);
        if (known != null) {
            return known;
        }
        PersonalFields analysed = analyse(type);
        PersonalFields raced = BY_CLASS.putIfAbsent(type, analysed);
        return raced != null ? raced : analysed;
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    List<Field> fields() {
        return fields;
    }

    /** A change of one personal text, told where it is (its path, e.g. {@code attachments[].fileName}). */
    interface TextChange {
        String apply(String value, String path);
    }

    /**
     * Replaces each personal text of a JSON tree of this record (changed in place) by what {@code change} makes of
     * it; the paths it is told start with {@code path}. Null and missing values are left alone.
     */
    void rewrite(ObjectNode node, String path, TextChange change) {
        for (Field field : fields) {
            JsonNode value = node.get(field.name());
            String where = path + field.name();
            if (value == null || value.isNull()) {
                continue;
            }
            if (field.text()) {
                if (value.isTextual()) {
                    node.set(field.name(), new TextNode(change.apply(value.textValue(), where)));
                }
            } else if (field.list() && value instanceof ArrayNode array) {
                for (JsonNode element : array) {
                    if (element instanceof ObjectNode object) {
                        field.nested().rewrite(object, where + "[].", change);
                    }
                }
            } else if (value instanceof ObjectNode object) {
                field.nested().rewrite(object, where + ".", change);
            }
        }
    }

    private static PersonalFields analyse(Class<?> type) {
        if (!type.isRecord()) {
            return NONE;
        }
        List<Field> found = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (!component.isAnnotationPresent(PersonalData.class)) {
                continue;
            }
            if (component.getType() == String.class) {
                found.add(new Field(component.getName(), true, false, NONE));
                continue;
            }
            boolean list = List.class.isAssignableFrom(component.getType());
            Class<?> element = list ? elementOf(component) : component.getType();
            PersonalFields nested = element == null ? NONE : of(element);
            if (nested.isEmpty()) {
                throw new IllegalStateException(type.getName() + "." + component.getName() + " is marked @PersonalData"
                        + " but is neither a String nor a record (or list of records) with @PersonalData components");
            }
            found.add(new Field(component.getName(), false, list, nested));
        }
        return found.isEmpty() ? NONE : new PersonalFields(List.copyOf(found));
    }

    private static Class<?> elementOf(RecordComponent component) {
        Type generic = component.getGenericType();
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }
}
